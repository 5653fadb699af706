using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Thresholds;

/// <summary>A tuned threshold applied to some data: the confusion it gives, and whether that data is the data it was tuned on.</summary>
/// <param name="Threshold">The threshold applied.</param>
/// <param name="Confusion">The confusion it gives.</param>
/// <param name="IsOptimistic">The data is the tuning data, so every metric computed from it overstates what new data will see.</param>
public sealed record ThresholdEvaluation(double Threshold, BinaryConfusion Confusion, bool IsOptimistic)
{
    /// <summary>A sentence to show beside the numbers when they are optimistic, otherwise null.</summary>
    public string? Warning => IsOptimistic
        ? "Optimistic: this threshold was tuned on this very data, so these figures overstate what new data will give. Tune on validation or out-of-fold scores and report on a holdout."
        : null;
}
