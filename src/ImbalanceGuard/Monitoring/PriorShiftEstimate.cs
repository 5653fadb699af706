using ImbalanceGuard.Calibration;

namespace ImbalanceGuard.Monitoring;

/// <summary>
/// Today's positive rate estimated from unlabelled scores (<see cref="PriorShift.Estimate"/>), with what it implies at the
/// deployed threshold and the probabilities corrected to it.
/// </summary>
public sealed class PriorShiftEstimate
{
    private readonly PlattScaling _recalibration;
    private readonly PriorCorrection _correction;

    internal PriorShiftEstimate(
        double referencePositiveRate,
        double positiveRate,
        double intervalLow,
        double intervalHigh,
        int iterations,
        PlattScaling recalibration,
        double? threshold,
        double? truePositiveRate,
        double? falsePositiveRate,
        double? currentFlaggedShare,
        double? blackBoxPositiveRate)
    {
        ReferencePositiveRate = referencePositiveRate;
        PositiveRate = positiveRate;
        IntervalLow = intervalLow;
        IntervalHigh = intervalHigh;
        Iterations = iterations;
        _recalibration = recalibration;
        Threshold = threshold;
        TruePositiveRate = truePositiveRate;
        FalsePositiveRate = falsePositiveRate;
        CurrentFlaggedShare = currentFlaggedShare;
        BlackBoxPositiveRate = blackBoxPositiveRate;
        _correction = new PriorCorrection(Clamp(positiveRate), Clamp(referencePositiveRate));
    }

    /// <summary>The positive rate of the labelled reference data.</summary>
    public double ReferencePositiveRate { get; }

    /// <summary>The estimated positive rate of the current data: the EM estimate of Saerens, Latinne and Decaestecker (2002).</summary>
    public double PositiveRate { get; }

    /// <summary>The lower end of the 95 % bootstrap interval of <see cref="PositiveRate"/>.</summary>
    public double IntervalLow { get; }

    /// <summary>The upper end of the 95 % bootstrap interval of <see cref="PositiveRate"/>.</summary>
    public double IntervalHigh { get; }

    /// <summary>EM iterations the estimate took.</summary>
    public int Iterations { get; }

    /// <summary>The deployed threshold the figures below are at; null when none was given.</summary>
    public double? Threshold { get; }

    /// <summary>The share of reference positives scoring at least <see cref="Threshold"/>: the recall there, unchanged by a prior shift.</summary>
    public double? TruePositiveRate { get; }

    /// <summary>The share of reference negatives scoring at least <see cref="Threshold"/>.</summary>
    public double? FalsePositiveRate { get; }

    /// <summary>The share of current rows scoring at least <see cref="Threshold"/>: the alerts actually raised.</summary>
    public double? CurrentFlaggedShare { get; }

    /// <summary>
    /// Black-box shift estimation (Lipton, Wang and Smola 2018) at <see cref="Threshold"/>: the positive rate that explains
    /// the current flagged share through the reference's true and false positive rates, clipped to [0, 1]; null without a
    /// threshold or when those two rates are equal (the decision carries no information).
    /// </summary>
    public double? BlackBoxPositiveRate { get; }

    /// <summary>The recall expected at <see cref="Threshold"/>: a prior shift leaves each class's scores as they were.</summary>
    public double? ExpectedRecall => TruePositiveRate;

    /// <summary>The share of rows expected to be flagged at <see cref="Threshold"/> at the estimated positive rate.</summary>
    public double? ExpectedFlaggedShare => TruePositiveRate is { } tpr && FalsePositiveRate is { } fpr ? (PositiveRate * tpr) + ((1 - PositiveRate) * fpr) : null;

    /// <summary>The precision expected at <see cref="Threshold"/> at the estimated positive rate; null when nothing would be flagged.</summary>
    public double? ExpectedPrecision => ExpectedFlaggedShare is > 0 and var share && TruePositiveRate is { } tpr ? PositiveRate * tpr / share : null;

    /// <summary>The alerts expected per <paramref name="rows"/> rows at <see cref="Threshold"/>; null without a threshold.</summary>
    public double? ExpectedAlertsPer(int rows) => ExpectedFlaggedShare * rows;

    /// <summary>
    /// The probability of a positive for a row with <paramref name="score"/> at the estimated positive rate: the score
    /// recalibrated on the reference, then prior-corrected from the reference's rate to today's.
    /// </summary>
    public double Probability(double score)
    {
        var reference = _recalibration.Calibrate(PriorShift.Logit(score));
        return _correction.Calibrate(reference);
    }

    /// <summary>
    /// The score at which <see cref="Probability"/> reaches <paramref name="probability"/> — the threshold to deploy for a
    /// probability cut (a cost's Bayes threshold, say) at today's base rate; null when the recalibration does not rise
    /// with the score.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not strictly between 0 and 1.</exception>
    public double? ScoreThresholdFor(double probability)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must be strictly between 0 and 1.");
        }

        if (!(_recalibration.A < 0))
        {
            return null;
        }

        // logit(p_today) = −(A·z + B) + logit(π) − logit(π_reference), solved for the score's logit z.
        var shift = PriorShift.Logit(PositiveRate) - PriorShift.Logit(ReferencePositiveRate);
        var z = (shift - PriorShift.Logit(probability) - _recalibration.B) / _recalibration.A;
        return 1 / (1 + Math.Exp(-z));
    }

    // A rate of exactly 0 or 1 cannot be corrected to or from; the nearest representable rates can.
    private static double Clamp(double rate) => Math.Clamp(rate, 1e-12, 1 - 1e-12);
}
