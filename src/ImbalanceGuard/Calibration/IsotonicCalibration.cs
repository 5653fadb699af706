using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Calibration;

/// <summary>
/// Isotonic calibration: the non-decreasing step function of the score that best fits the labels in least
/// squares (pool-adjacent-violators), interpolated linearly between its knots and clipped outside them.
/// Follows scikit-learn's <c>IsotonicRegression(out_of_bounds="clip")</c>: equal scores are pooled first,
/// then the violators. Needs more calibration data than Platt scaling, but assumes no shape.
/// </summary>
public sealed class IsotonicCalibration : IProbabilityCalibrator
{
    private readonly double[] _knots;
    private readonly double[] _values;

    private IsotonicCalibration(double[] knots, double[] values)
    {
        _knots = knots;
        _values = values;
    }

    /// <summary>The scores at which the fitted function changes (ascending).</summary>
    public IReadOnlyList<double> Knots => _knots;

    /// <summary>The fitted probability at each knot.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The function a saved pipeline recorded: ascending knots and the fitted value at each.</summary>
    /// <exception cref="DataFormatException">The arrays differ in length, are empty, or the knots are not ascending.</exception>
    internal static IsotonicCalibration FromKnots(double[] knots, double[] values)
    {
        if (knots.Length == 0 || knots.Length != values.Length)
        {
            throw new DataFormatException($"An isotonic calibration needs as many values as knots, at least one; got {knots.Length} knots and {values.Length} values.");
        }

        for (var i = 1; i < knots.Length; i++)
        {
            if (!(knots[i] > knots[i - 1]))
            {
                throw new DataFormatException("The knots of an isotonic calibration must be strictly ascending.");
            }
        }

        return new IsotonicCalibration(knots, values);
    }

    /// <summary>Fits on <paramref name="calibration"/>: scores of rows the model did not train on.</summary>
    /// <exception cref="ArgumentException">The data is empty or every weight is zero.</exception>
    public static IsotonicCalibration Fit(BinaryScores calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var rows = Enumerable.Range(0, calibration.Count).Where(i => calibration.Weight(i) > 0).ToArray();
        if (rows.Length == 0)
        {
            throw new ArgumentException("Isotonic calibration needs at least one row with a positive weight.", nameof(calibration));
        }

        // Order by score, then label (NumPy's lexsort((y, X))).
        var scores = calibration.Scores.ToArray();
        var positive = calibration.IsPositive.ToArray();
        Array.Sort(rows, (a, b) =>
        {
            var byScore = scores[a].CompareTo(scores[b]);
            return byScore != 0 ? byScore : (positive[a] ? 1 : 0).CompareTo(positive[b] ? 1 : 0);
        });

        // Pool rows whose scores differ by less than float64 resolution into one weighted point.
        const double Resolution = 1e-15;
        var x = new List<double>();
        var y = new List<double>();
        var w = new List<double>();
        var currentX = scores[rows[0]];
        double sumY = 0, sumW = 0;
        foreach (var row in rows)
        {
            var weight = calibration.Weight(row);
            var label = positive[row] ? 1.0 : 0.0;
            if (scores[row] - currentX >= Resolution)
            {
                x.Add(currentX);
                w.Add(sumW);
                y.Add(sumY / sumW);
                currentX = scores[row];
                sumW = weight;
                sumY = label * weight;
            }
            else
            {
                sumW += weight;
                sumY += label * weight;
            }
        }

        x.Add(currentX);
        w.Add(sumW);
        y.Add(sumY / sumW);
        var fitted = PoolAdjacentViolators([.. y], [.. w]);

        // Keep only the points where the function bends (the ends always).
        var knots = new List<double>();
        var values = new List<double>();
        for (var i = 0; i < fitted.Length; i++)
        {
            if (i == 0 || i == fitted.Length - 1 || fitted[i] != fitted[i - 1] || fitted[i] != fitted[i + 1])
            {
                knots.Add(x[i]);
                values.Add(fitted[i]);
            }
        }

        return new IsotonicCalibration([.. knots], [.. values]);
    }

    /// <inheritdoc/>
    public double Calibrate(double score)
    {
        if (score <= _knots[0])
        {
            return _values[0];
        }

        if (score >= _knots[^1])
        {
            return _values[^1];
        }

        // The first knot not below the score, as SciPy's interp1d finds it.
        var high = Array.BinarySearch(_knots, score);
        if (high >= 0)
        {
            if (high == 0)
            {
                return _values[0];
            }
        }
        else
        {
            high = ~high;
        }

        var low = high - 1;
        var slope = (_values[high] - _values[low]) / (_knots[high] - _knots[low]);
        return (slope * (score - _knots[low])) + _values[low];
    }

    /// <summary>
    /// The least-squares non-decreasing fit of <paramref name="y"/> with weights <paramref name="w"/>, in one
    /// pass with backtracking (each block is pooled once).
    /// </summary>
    internal static double[] PoolAdjacentViolators(double[] y, double[] w)
    {
        var n = y.Length;
        y = (double[])y.Clone();
        w = (double[])w.Clone();

        // target[i] = j and target[j] = i when [i..j] is a pooled block.
        var target = new int[n];
        for (var i = 0; i < n; i++)
        {
            target[i] = i;
        }

        var start = 0;
        while (start < n)
        {
            var next = target[start] + 1;
            if (next == n)
            {
                break;
            }

            if (y[start] < y[next])
            {
                start = next;
                continue;
            }

            var sumWy = w[start] * y[start];
            var sumW = w[start];
            while (true)
            {
                var previous = y[next];
                sumWy += w[next] * y[next];
                sumW += w[next];
                next = target[next] + 1;
                if (next == n || previous < y[next])
                {
                    y[start] = sumWy / sumW;
                    w[start] = sumW;
                    target[start] = next - 1;
                    target[next - 1] = start;
                    if (start > 0)
                    {
                        // Step back: the pooled block may now violate the one before it.
                        start = target[start - 1];
                    }

                    break;
                }
            }
        }

        for (var i = 0; i < n;)
        {
            var end = target[i] + 1;
            for (var j = i + 1; j < end; j++)
            {
                y[j] = y[i];
            }

            i = end;
        }

        return y;
    }
}
