using System.Globalization;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Thresholds;

/// <summary>
/// A decision threshold chosen for an objective (flag a row when its score is at least
/// <see cref="Threshold"/>), what it achieved on the data it was tuned on — and which data that was, so
/// that reporting it on that same data can be called out as optimistic.
/// </summary>
public sealed class TunedThreshold
{
    private readonly DataFingerprint _scores;
    private readonly DataFingerprint? _holdout;

    internal TunedThreshold(
        double threshold, ThresholdObjective objective, BinaryConfusion confusion, double? bayesThreshold, DataFingerprint scores, DataFingerprint? holdout)
    {
        Threshold = threshold;
        Objective = objective;
        Confusion = confusion;
        BayesThreshold = bayesThreshold;
        _scores = scores;
        _holdout = holdout;
    }

    /// <summary>Flag a row when its score is at least this.</summary>
    public double Threshold { get; }

    /// <summary>What the threshold was tuned for.</summary>
    public ThresholdObjective Objective { get; }

    /// <summary>
    /// The objective's value at the threshold on the tuning data: F-beta, MCC, the expected cost, the recall
    /// reached under a precision floor or an alert budget, or the precision reached under a recall floor.
    /// Optimistic by construction — estimate it on other data.
    /// </summary>
    public double Value => Objective.Value(Confusion);

    /// <summary>The confusion at the threshold on the tuning data.</summary>
    public BinaryConfusion Confusion { get; }

    /// <summary>
    /// For a cost objective, the Bayes-optimal threshold c_FP / (c_FP + c_FN) — right when scores are
    /// calibrated probabilities; compare it with the empirical <see cref="Threshold"/>. Otherwise null.
    /// </summary>
    public double? BayesThreshold { get; }

    /// <summary>Whether <paramref name="data"/> is the data this threshold was tuned on.</summary>
    public bool WasTunedOn(BinaryScores data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return DataFingerprint.Of(data) == _scores;
    }

    /// <summary>Whether <paramref name="holdout"/> holds the rows this threshold was tuned on.</summary>
    public bool WasTunedOn(HoldoutSet holdout)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        return _holdout is { } seen && DataFingerprint.Of(holdout) == seen;
    }

    /// <summary>The confusion the threshold gives on <paramref name="data"/>, flagged as optimistic when that is the tuning data.</summary>
    public ThresholdEvaluation Evaluate(BinaryScores data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ThresholdEvaluation(Threshold, BinaryConfusion.At(data, Threshold), WasTunedOn(data));
    }

    /// <inheritdoc/>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"threshold {Threshold:G6} for {Objective}: {Objective.ValueName} {Value:G4} on the tuning data");
}
