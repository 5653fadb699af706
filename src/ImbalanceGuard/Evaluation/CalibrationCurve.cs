using System.Globalization;

namespace ImbalanceGuard.Evaluation;

/// <summary>
/// The reliability diagram of probabilities, as scikit-learn 1.2.1's <c>calibration_curve</c>: the scores
/// are cut into bins, and for each bin that holds rows, the share of positives against the mean predicted
/// probability. A calibrated model lies on the diagonal. Empty bins are left out.
/// </summary>
/// <remarks>
/// A score equal to an inner edge falls in the bin below it (NumPy's <c>searchsorted(edges[1:-1], p)</c>,
/// side left), so 0.5 with two uniform bins is in the first. With row weights (which scikit-learn 1.2.1
/// does not take), shares and means are weighted and a bin whose rows all weigh 0 is left out; quantile
/// bins of weighted rows are refused, as their edges would ignore the weights.
/// </remarks>
public sealed class CalibrationCurve
{
    private readonly double[] _fractionOfPositives;
    private readonly double[] _meanPredicted;
    private readonly double[] _binWeights;
    private readonly int[] _bins;
    private readonly double[] _edges;

    private CalibrationCurve(double[] fractionOfPositives, double[] meanPredicted, double[] binWeights, int[] bins, double[] edges)
    {
        _fractionOfPositives = fractionOfPositives;
        _meanPredicted = meanPredicted;
        _binWeights = binWeights;
        _bins = bins;
        _edges = edges;
    }

    /// <summary>For each non-empty bin, the share of its rows that are positive (scikit-learn's <c>prob_true</c>).</summary>
    public IReadOnlyList<double> FractionOfPositives => _fractionOfPositives;

    /// <summary>For each non-empty bin, the mean score of its rows (scikit-learn's <c>prob_pred</c>).</summary>
    public IReadOnlyList<double> MeanPredicted => _meanPredicted;

    /// <summary>For each non-empty bin, its row count (total weight when rows are weighted).</summary>
    public IReadOnlyList<double> BinWeights => _binWeights;

    /// <summary>For each non-empty bin, its number among all bins (0 is the lowest).</summary>
    public IReadOnlyList<int> Bins => _bins;

    /// <summary>The bin edges, from 0 (or the lowest score, for quantile bins) up; one more than the bins asked for.</summary>
    public IReadOnlyList<double> Edges => _edges;

    /// <summary>The calibration curve of <paramref name="data"/> with <paramref name="binCount"/> bins (scikit-learn's defaults: 5, uniform).</summary>
    /// <exception cref="ArgumentException">
    /// The data is empty, a score is not a probability in [0, 1], or quantile bins are asked of weighted rows.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="binCount"/> is less than 1, or the binning is unknown.</exception>
    public static CalibrationCurve Of(BinaryScores data, int binCount = 5, CalibrationBinning binning = CalibrationBinning.Uniform)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (data.Count == 0)
        {
            throw new ArgumentException("A calibration curve needs at least one row; the data is empty.", nameof(data));
        }

        data.RequireProbabilities("A calibration curve");
        var edges = binning switch
        {
            CalibrationBinning.Uniform => NumpyReduce.UnitEdges(binCount),
            CalibrationBinning.Quantile when data.HasWeights => throw new ArgumentException(
                "Quantile calibration bins of weighted rows are not defined (scikit-learn 1.2.1 takes no weights here); use uniform bins.",
                nameof(data)),
            CalibrationBinning.Quantile => QuantileEdges(data.Scores, binCount),
            _ => throw new ArgumentOutOfRangeException(nameof(binning), binning, "Unknown binning."),
        };

        var sums = new double[binCount];
        var positives = new double[binCount];
        var totals = new double[binCount];
        var scores = data.Scores;
        var positive = data.IsPositive;
        var inner = edges.AsSpan(1, binCount - 1);
        for (var i = 0; i < scores.Length; i++)
        {
            var bin = CountBelow(inner, scores[i]);
            var weight = data.Weight(i);
            sums[bin] += weight * scores[i];
            totals[bin] += weight;
            if (positive[i])
            {
                positives[bin] += weight;
            }
        }

        var kept = Enumerable.Range(0, binCount).Where(b => totals[b] != 0).ToArray();
        return new CalibrationCurve(
            [.. kept.Select(b => positives[b] / totals[b])],
            [.. kept.Select(b => sums[b] / totals[b])],
            [.. kept.Select(b => totals[b])],
            kept,
            edges);
    }

    /// <summary>A compact table of the non-empty bins.</summary>
    public override string ToString()
    {
        var lines = new List<string> { "bin  mean predicted  fraction positive  rows" };
        for (var i = 0; i < _bins.Length; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{_bins[i],3}  {_meanPredicted[i],14:0.000}  {_fractionOfPositives[i],17:0.000}  {_binWeights[i]:0.##}"));
        }

        return string.Join('\n', lines);
    }

    // np.searchsorted(edges, p, side="left"): the number of edges strictly below p.
    private static int CountBelow(ReadOnlySpan<double> sortedEdges, double value)
    {
        int low = 0, high = sortedEdges.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sortedEdges[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // np.percentile(scores, linspace(0, 1, n + 1) * 100) with NumPy's default linear method.
    private static double[] QuantileEdges(ReadOnlySpan<double> scores, int binCount)
    {
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        var quantiles = NumpyReduce.UnitEdges(binCount);
        var edges = new double[binCount + 1];
        var last = sorted.Length - 1;
        for (var i = 0; i < edges.Length; i++)
        {
            // percentile() takes q·100 and divides by 100 again; the round trip can move q by an ulp.
            var q = quantiles[i] * 100 / 100;
            var position = last * q;
            if (position >= last)
            {
                edges[i] = sorted[last];
                continue;
            }

            var below = Math.Floor(position);
            var a = sorted[(int)below];
            var b = sorted[(int)below + 1];
            var t = position - below;
            var difference = b - a;
            edges[i] = t >= 0.5 ? b - (difference * (1 - t)) : a + (difference * t);
        }

        return edges;
    }
}
