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

    /// <summary>The bin of row i on feature f at f * RowCount + i.</summary>
    public byte[] Codes { get; }

    /// <summary>Per feature, the value between bin b and bin b + 1: rows in bins up to b are at most Thresholds[f][b].</summary>
    public double[][] Thresholds { get; }

    public int RowCount { get; }

    public ReadOnlySpan<byte> Feature(int f) => Codes.AsSpan(f * RowCount, RowCount);

    /// <summary>Bins the rows of a row-major matrix; only rows with <paramref name="used"/> set shape the bins.</summary>
    public static FeatureBins Build(double[] features, int rowCount, int dimensions, bool[]? used, ParallelOptions parallel)
    {
        var codes = new byte[rowCount * dimensions];
        var thresholds = new double[dimensions][];
        Parallel.For(0, dimensions, parallel, f =>
        {
            var values = new List<double>(rowCount);
            for (var i = 0; i < rowCount; i++)
            {
                if (used is null || used[i])
                {
                    values.Add(features[(i * dimensions) + f]);
                }
            }

            var sorted = values.ToArray();
            Array.Sort(sorted);
            var edges = Edges(sorted);
            thresholds[f] = edges;
            var column = codes.AsSpan(f * rowCount, rowCount);
            for (var i = 0; i < rowCount; i++)
            {
                column[i] = (byte)BinOf(edges, features[(i * dimensions) + f]);
            }
        });

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

    private static double[] Edges(double[] sorted)
    {
        // Distinct values with their counts.
        var distinct = new List<double>();
        var counts = new List<int>();
        foreach (var value in sorted)
        {
            if (distinct.Count > 0 && distinct[^1] == value)
            {
                counts[^1]++;
            }
            else
            {
                distinct.Add(value);
                counts.Add(1);
            }
        }

        var edges = new List<double>();
        if (distinct.Count <= MaxBins)
        {
            for (var k = 0; k + 1 < distinct.Count; k++)
            {
                edges.Add(Midpoint(distinct[k], distinct[k + 1]));
            }

            return [.. edges];
        }

        // Close a bin once it holds its share of the rows; every closed bin has at least the share, so at
        // most MaxBins - 1 close and the remainder makes the last.
        var share = sorted.Length / (MaxBins - 1.0);
        var held = 0;
        for (var k = 0; k + 1 < distinct.Count; k++)
        {
            held += counts[k];
            if (held >= share)
            {
                edges.Add(Midpoint(distinct[k], distinct[k + 1]));
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
