namespace ImbalanceGuard.Evaluation;

/// <summary>
/// The receiver operating characteristic: the false and true positive rates of flagging every row that
/// scores at least each distinct score, as scikit-learn 1.2.1's <c>roc_curve(drop_intermediate=False)</c>.
/// </summary>
/// <remarks>
/// Point 0 is (0, 0): nothing flagged, the threshold above every score. scikit-learn 1.2.1 reports that
/// threshold as the highest score + 1 (1.3 and later as +∞); here <see cref="Thresholds"/> leaves it out,
/// so point <c>i + 1</c> belongs to <c>Thresholds[i]</c> and <see cref="ThresholdOf"/> gives +∞ for point 0.
/// Rows of zero weight are left out, as scikit-learn does.
/// </remarks>
public sealed class RocCurve
{
    private readonly double[] _falsePositiveRates;
    private readonly double[] _truePositiveRates;
    private readonly double[] _thresholds;
    private readonly double[] _falsePositives;
    private readonly double[] _truePositives;

    private RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds, double[] falsePositives, double[] truePositives)
    {
        _falsePositiveRates = falsePositiveRates;
        _truePositiveRates = truePositiveRates;
        _thresholds = thresholds;
        _falsePositives = falsePositives;
        _truePositives = truePositives;
    }

    /// <summary>The false positive rate of each point, from 0 up to 1.</summary>
    public IReadOnlyList<double> FalsePositiveRates => _falsePositiveRates;

    /// <summary>The true positive rate (recall) of each point, from 0 up to 1.</summary>
    public IReadOnlyList<double> TruePositiveRates => _truePositiveRates;

    /// <summary>The distinct scores, descending: the threshold of points 1, 2, … (one fewer than the points).</summary>
    public IReadOnlyList<double> Thresholds => _thresholds;

    /// <summary>The number of points, the leading (0, 0) included.</summary>
    public int PointCount => _falsePositiveRates.Length;

    /// <summary>
    /// The area under the curve by the trapezoidal rule: the probability that a random positive outscores
    /// a random negative, ties counting half.
    /// </summary>
    /// <remarks>
    /// Summed as <c>roc_auc_score</c> sums it: over the curve without the points collinear with their
    /// neighbours (<c>drop_intermediate=True</c>), which leaves the area unchanged but rounds differently.
    /// </remarks>
    public double Area
    {
        get
        {
            var kept = CornerPoints();
            var terms = new double[kept.Count - 1];
            for (var i = 0; i < terms.Length; i++)
            {
                // np.trapz(tpr, fpr): Δfpr · (tpr[i+1] + tpr[i]) / 2, summed as NumPy sums.
                var (x0, y0) = kept[i];
                var (x1, y1) = kept[i + 1];
                terms[i] = (x1 - x0) * (y1 + y0) / 2.0;
            }

            return NumpyReduce.Sum(terms);
        }
    }

    /// <summary>The threshold of point <paramref name="point"/>: +∞ for point 0, <c>Thresholds[point − 1]</c> after.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="point"/> is not a point of the curve.</exception>
    public double ThresholdOf(int point)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, PointCount);
        return point == 0 ? double.PositiveInfinity : _thresholds[point - 1];
    }

    /// <summary>The ROC curve of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data has no positive or no negative rows (counting weight): a rate would divide by zero.</exception>
    public static RocCurve Of(BinaryScores data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireBothClasses("A ROC curve");
        var sweep = data.Sweep;
        var n = sweep.Count;
        var fpr = new double[n + 1];
        var tpr = new double[n + 1];
        var thresholds = new double[n];
        for (var i = 0; i < n; i++)
        {
            fpr[i + 1] = sweep.FalsePositives[i] / sweep.Negatives;
            tpr[i + 1] = sweep.TruePositives[i] / sweep.Positives;
            thresholds[i] = sweep.Thresholds[i];
        }

        return new RocCurve(fpr, tpr, thresholds, [.. sweep.FalsePositives], [.. sweep.TruePositives]);
    }

    // scikit-learn's drop_intermediate: keep the first and last thresholds and those where the second
    // difference of the false or true positive counts is not zero; then the (0, 0) point in front.
    private List<(double Fpr, double Tpr)> CornerPoints()
    {
        var n = _falsePositives.Length;
        var points = new List<(double, double)>(n + 1) { (0.0, 0.0) };
        for (var i = 0; i < n; i++)
        {
            if (n > 2 && i > 0 && i < n - 1
                && SecondDifference(_falsePositives, i) == 0 && SecondDifference(_truePositives, i) == 0)
            {
                continue;
            }

            points.Add((_falsePositiveRates[i + 1], _truePositiveRates[i + 1]));
        }

        return points;
    }

    // np.diff(x, 2) at the point i: (x[i+1] − x[i]) − (x[i] − x[i−1]).
    private static double SecondDifference(double[] x, int i) => (x[i + 1] - x[i]) - (x[i] - x[i - 1]);
}
