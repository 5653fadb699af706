using System.Globalization;

namespace ImbalanceGuard.Calibration;

/// <summary>
/// Undoes the base-rate shift that resampling causes: a model trained where positives made up ρ of the
/// rows (after resampling) overstates the probability of a positive where they make up π (the real world).
/// p' = p·π/ρ / (p·π/ρ + (1 − p)·(1 − π)/(1 − ρ)) (Saerens, Latinne and Decaestecker 2002; Elkan 2001).
/// </summary>
public sealed class PriorCorrection : IProbabilityCalibrator
{
    /// <param name="truePositiveRate">π: the share of positives in the data the model will meet, in (0, 1).</param>
    /// <param name="trainingPositiveRate">ρ: the share of positives the model was trained on, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not strictly between 0 and 1.</exception>
    public PriorCorrection(double truePositiveRate, double trainingPositiveRate)
    {
        TruePositiveRate = CheckRate(truePositiveRate, nameof(truePositiveRate));
        TrainingPositiveRate = CheckRate(trainingPositiveRate, nameof(trainingPositiveRate));
    }

    /// <summary>π, the real share of positives.</summary>
    public double TruePositiveRate { get; }

    /// <summary>ρ, the share of positives after resampling.</summary>
    public double TrainingPositiveRate { get; }

    /// <summary>
    /// The correction for a model trained on <paramref name="resampled"/> when the data it meets looks like
    /// <paramref name="original"/> (for example the training side before resampling).
    /// </summary>
    /// <exception cref="ArgumentException">The positive class is unknown or absent from either side.</exception>
    public static PriorCorrection For(LabeledData original, TrainingSet resampled, string positiveClass)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(resampled);
        var positive = original.Schema.ClassIndex(positiveClass);
        return new PriorCorrection(
            original.ClassCounts[positive] / (double)original.RowCount,
            resampled.ClassCounts[positive] / (double)resampled.RowCount);
    }

    /// <inheritdoc/>
    public double Calibrate(double score)
    {
        var positive = score * TruePositiveRate / TrainingPositiveRate;
        var negative = (1 - score) * (1 - TruePositiveRate) / (1 - TrainingPositiveRate);
        return positive + negative == 0 ? 0 : positive / (positive + negative);
    }

    private static double CheckRate(double rate, string name)
        => rate > 0 && rate < 1
            ? rate
            : throw new ArgumentOutOfRangeException(name, rate, string.Create(CultureInfo.InvariantCulture, $"{name} must be strictly between 0 and 1; got {rate}."));
}
