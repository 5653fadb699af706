using System.Buffers;

namespace ImbalanceGuard.Models;

/// <summary>
/// Every feature cut into at most 256 ordered bins, once per fit, so that split search works on small
/// integer codes and histograms. A feature with at most 256 distinct values gets a bin per value and its
/// thresholds are the midpoints between consecutive values: exactly the splits CART considers. Otherwise the
/// bins hold about equal numbers of rows and the thresholds are midpoints between neighbouring bins.
/// Only the rows that take part (positive weight) shape the bins, so a row of weight 0 changes nothing.
/// </summary>
internal sealed class FeatureBins
{
    public const int MaxBins = 256;

    private FeatureBins(byte[] codes, double[][] thresholds, int rowCount)
    {
        Codes = codes;
        Thresholds = thresholds;
        RowCount = rowCount;
    }

    /// <summary>The bin of row i on feature f at f * RowCount + i (rented: it may run past the last row).</summary>
    public byte[] Codes { get; private set; }

    /// <summary>Per feature, the value between bin b and bin b + 1: rows in bins up to b are at most Thresholds[f][b].</summary>
    public double[][] Thresholds { get; }

    public int RowCount { get; }

    public ReadOnlySpan<byte> Feature(int f) => Codes.AsSpan(f * RowCount, RowCount);

    /// <summary>
    /// Gives the codes back to the pool once no tree will grow on these bins any more, for the next fit
    /// (instance hardness fits one forest per fold); the bins must not be used afterwards.
    /// </summary>
    public void Release()
    {
        ArrayPool<byte>.Shared.Return(Codes);
        Codes = [];
    }

    /// <summary>Bins the rows of a row-major matrix; only rows with <paramref name="used"/> set shape the bins.</summary>
    public static FeatureBins Build(double[] features, int rowCount, int dimensions, bool[]? used, ParallelOptions parallel)
        => Build(features, null, rowCount, dimensions, used, parallel);

    /// <summary>
    /// Bins rows of a row-major matrix: row i is matrix row <c>rowMap[i]</c> (row i itself without a map); only
    /// rows with <paramref name="used"/> set shape the bins.
    /// </summary>
    public static FeatureBins Build(double[] features, int[]? rowMap, int rowCount, int dimensions, bool[]? used, ParallelOptions parallel)
    {
        var codes = ArrayPool<byte>.Shared.Rent(rowCount * dimensions);
        var thresholds = new double[dimensions][];
        var usedCount = used is null ? rowCount : used.Count(u => u);
        Parallel.For(
            0,
            dimensions,
            parallel,
            () => ArrayPool<double>.Shared.Rent(usedCount), // one thread's sort buffer, reused from feature to feature
            (f, _, buffer) =>
            {
                var sorted = buffer.AsSpan(0, usedCount);
                var filled = 0;
                for (var i = 0; i < rowCount; i++)
                {
                    if (used is null || used[i])
                    {
                        sorted[filled++] = features[((rowMap is null ? i : rowMap[i]) * dimensions) + f];
                    }
                }

                sorted.Sort();
                var edges = Edges(sorted);
                thresholds[f] = edges;
                var column = codes.AsSpan(f * rowCount, rowCount);
                for (var i = 0; i < rowCount; i++)
                {
                    column[i] = (byte)BinOf(edges, features[((rowMap is null ? i : rowMap[i]) * dimensions) + f]);
                }

                return buffer;
            },
            buffer => ArrayPool<double>.Shared.Return(buffer));

        return new FeatureBins(codes, thresholds, rowCount);
    }

    /// <summary>The first bin whose upper threshold is at least <paramref name="value"/>.</summary>
    private static int BinOf(double[] edges, double value)
    {
        int low = 0, high = edges.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (edges[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static double[] Edges(ReadOnlySpan<double> sorted)
    {
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        var edges = new List<double>(Math.Min(distinct, MaxBins));
        if (distinct <= MaxBins)
        {
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i] != sorted[i - 1])
                {
                    edges.Add(Midpoint(sorted[i - 1], sorted[i]));
                }
            }

            return [.. edges];
        }

        // Close a bin once it holds its share of the rows; every closed bin has at least the share, so at
        // most MaxBins - 1 close and the remainder makes the last.
        var share = sorted.Length / (MaxBins - 1.0);
        var held = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            held++;
            var runEnds = i + 1 < sorted.Length && sorted[i + 1] != sorted[i];
            if (runEnds && held >= share)
            {
                edges.Add(Midpoint(sorted[i], sorted[i + 1]));
                held = 0;
            }
        }

        return [.. edges];
    }

    /// <summary>The midpoint of two consecutive values, as scikit-learn places thresholds (never equal to the upper one).</summary>
    private static double Midpoint(double lower, double upper)
    {
        var mid = (lower / 2.0) + (upper / 2.0);
        return mid >= upper || !double.IsFinite(mid) ? lower : mid;
    }
}
