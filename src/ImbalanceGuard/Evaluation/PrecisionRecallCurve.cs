namespace ImbalanceGuard.Evaluation;

/// <summary>
/// Precision against recall at every distinct score, as scikit-learn 1.2.1's <c>precision_recall_curve</c>
/// returns them: thresholds ascending, and one more point than thresholds, the final (precision 1, recall 0).
/// </summary>
/// <remarks>
/// Point <c>i</c> (for <c>i &lt; Thresholds.Count</c>) flags every row scoring at least <c>Thresholds[i]</c>;
/// the last point is the convention for flagging nothing. Every distinct score is a threshold, as in
/// scikit-learn 1.2.1 (older releases stopped at the first threshold of full recall). Rows of zero weight
/// are left out, as scikit-learn does. A precision with nothing flagged would be 0 (<c>zero_division=0</c>),
/// but no threshold flags nothing: each flags at least the rows scoring exactly it.
/// </remarks>
public sealed class PrecisionRecallCurve
{
    private readonly double[] _precision;
    private readonly double[] _recall;
    private readonly double[] _thresholds;

    private PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds)
    {
        _precision = precision;
        _recall = recall;
        _thresholds = thresholds;
    }

    /// <summary>The precision of each point; the last is 1.</summary>
    public IReadOnlyList<double> Precision => _precision;

    /// <summary>The recall of each point, from 1 (lowest threshold) down to the final 0.</summary>
    public IReadOnlyList<double> Recall => _recall;

    /// <summary>The distinct scores, ascending: the threshold of every point but the last.</summary>
    public IReadOnlyList<double> Thresholds => _thresholds;

    /// <summary>The number of points, the final (1, 0) included.</summary>
    public int PointCount => _precision.Length;

    /// <summary>
    /// Average precision, scikit-learn's step-wise sum (no interpolation): Σ (Rᵢ − Rᵢ₊₁) · Pᵢ over the points.
    /// A random ranking scores the positive share on average.
    /// </summary>
    public double AveragePrecision
    {
        get
        {
            // −Σ diff(recall) · precision[:-1], summed as NumPy sums.
            var terms = new double[_recall.Length - 1];
            for (var i = 0; i < terms.Length; i++)
            {
                terms[i] = (_recall[i + 1] - _recall[i]) * _precision[i];
            }

            return -NumpyReduce.Sum(terms);
        }
    }

    /// <summary>The precision-recall curve of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The data has no positive rows (counting weight): recall would divide by zero. (scikit-learn warns
    /// and sets recall to 1; a curve of a class that is not there is a mistake worth stopping.)
    /// </exception>
    public static PrecisionRecallCurve Of(BinaryScores data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Sweep.Positives == 0)
        {
            throw new ArgumentException("A precision-recall curve needs positive rows; the data has no positive rows (with weight).", nameof(data));
        }

        var sweep = data.Sweep;
        var n = sweep.Count;
        var precision = new double[n + 1];
        var recall = new double[n + 1];
        var thresholds = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Reversed: point 0 is the lowest threshold.
            var from = n - 1 - i;
            var tp = sweep.TruePositives[from];
            var flagged = tp + sweep.FalsePositives[from];
            precision[i] = flagged == 0 ? 0 : tp / flagged;
            recall[i] = tp / sweep.Positives;
            thresholds[i] = sweep.Thresholds[from];
        }

        precision[n] = 1;
        recall[n] = 0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }
}
