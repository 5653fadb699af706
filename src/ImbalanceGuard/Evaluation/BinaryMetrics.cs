namespace ImbalanceGuard.Evaluation;

/// <summary>
/// The threshold-free binary metrics, as scikit-learn 1.2.1 computes them: ranking quality (ROC-AUC,
/// average precision) and probability quality (Brier score, log loss). Row weights are used when the data
/// has them.
/// </summary>
/// <remarks>
/// With one class only: ROC-AUC and average precision throw (nothing to rank against); the Brier score
/// and log loss are defined (the labels are known to be 0 and 1, as scikit-learn's <c>labels=[0, 1]</c>).
/// Empty data throws everywhere.
/// </remarks>
public static class BinaryMetrics
{
    // np.finfo(np.float64).eps, the clipping margin of scikit-learn 1.2.1's log_loss (eps="auto").
    private const double MachineEpsilon = 2.220446049250313E-16;

    /// <summary>The area under the ROC curve (trapezoidal, <c>roc_auc_score</c>).</summary>
    /// <exception cref="ArgumentException">The data has no positive or no negative rows (counting weight); the message names which.</exception>
    public static double RocAuc(BinaryScores data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireBothClasses("ROC-AUC");
        return RocCurve.Of(data).Area;
    }

    /// <summary>Average precision (<c>average_precision_score</c>): the step-wise area under the precision-recall curve.</summary>
    /// <exception cref="ArgumentException">The data has no positive or no negative rows (counting weight); the message names which.</exception>
    public static double AveragePrecision(BinaryScores data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireBothClasses("Average precision");
        return PrecisionRecallCurve.Of(data).AveragePrecision;
    }

    /// <summary>
    /// The expected calibration error: over <paramref name="binCount"/> equal-width bins of the probability (those of
    /// <see cref="CalibrationCurve"/>), the weighted mean distance between a bin's mean probability and its share of
    /// positives. 0 when calibrated; lower is better. Small samples read high, as every bin's share is noisy.
    /// </summary>
    /// <exception cref="ArgumentException">The data is empty, or a score is not a probability in [0, 1].</exception>
    public static double ExpectedCalibrationError(BinaryScores data, int binCount = 10)
    {
        var curve = CalibrationCurve.Of(data, binCount, CalibrationBinning.Uniform);
        double error = 0, total = 0;
        for (var b = 0; b < curve.Bins.Count; b++)
        {
            error += curve.BinWeights[b] * Math.Abs(curve.MeanPredicted[b] - curve.FractionOfPositives[b]);
            total += curve.BinWeights[b];
        }

        return error / total;
    }

    /// <summary>The Brier score (<c>brier_score_loss</c>): the mean squared difference between probability and label. Lower is better.</summary>
    /// <exception cref="ArgumentException">The data is empty, its weights sum to zero, or a score is not a probability in [0, 1].</exception>
    public static double BrierScore(BinaryScores data)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireRows(data, "The Brier score");
        data.RequireProbabilities("The Brier score");
        var squares = new double[data.Count];
        var scores = data.Scores;
        var positive = data.IsPositive;
        for (var i = 0; i < squares.Length; i++)
        {
            var difference = (positive[i] ? 1.0 : 0.0) - scores[i];
            squares[i] = difference * difference;
        }

        return NumpyReduce.Average(squares, data.Weights);
    }

    /// <summary>
    /// The log loss (cross-entropy, <c>log_loss</c>) of probabilities: −mean log of the probability given to
    /// the true label. Lower is better.
    /// </summary>
    /// <remarks>
    /// As scikit-learn 1.2.1 (<c>eps="auto"</c>): probabilities are clipped to [ε, 1 − ε] with ε the float64
    /// machine epsilon (2.22e-16), and each row's pair (1 − p, p) is divided by its sum. scikit-learn clips any
    /// number silently; here a score outside [0, 1] is refused as not a probability.
    /// </remarks>
    /// <exception cref="ArgumentException">The data is empty, its weights sum to zero, or a score is not a probability in [0, 1].</exception>
    public static double LogLoss(BinaryScores data) => LogLoss(data, MachineEpsilon);

    /// <summary>
    /// The log loss with probabilities clipped to [<paramref name="epsilon"/>, 1 − <paramref name="epsilon"/>]
    /// (scikit-learn's <c>eps</c>; releases before 1.2 used 1e-15). The margin only matters for probabilities
    /// of exactly 0 or 1, where it bounds the loss of a confident mistake at −log ε.
    /// </summary>
    /// <exception cref="ArgumentException">The data is empty, its weights sum to zero, or a score is not a probability in [0, 1].</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is not in [0, 0.5).</exception>
    public static double LogLoss(BinaryScores data, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(epsilon >= 0 && epsilon < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The clipping margin must be in [0, 0.5).");
        }

        RequireRows(data, "The log loss");
        data.RequireProbabilities("The log loss");
        var losses = new double[data.Count];
        var scores = data.Scores;
        var positive = data.IsPositive;
        for (var i = 0; i < losses.Length; i++)
        {
            var p = Math.Clamp(scores[i], epsilon, 1 - epsilon);
            var q = 1 - p;
            var total = q + p;
            losses[i] = -Math.Log((positive[i] ? p : q) / total);
        }

        return NumpyReduce.Average(losses, data.Weights);
    }

    private static void RequireRows(BinaryScores data, string metric)
    {
        if (data.Count == 0)
        {
            throw new ArgumentException($"{metric} needs at least one row; the data is empty.", nameof(data));
        }

        if (data.PositiveWeight + data.NegativeWeight == 0)
        {
            throw new ArgumentException($"{metric} is a weighted mean, and every row has weight 0.", nameof(data));
        }
    }
}
