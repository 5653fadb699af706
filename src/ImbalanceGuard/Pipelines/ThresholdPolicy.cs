using System.Globalization;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// How an <see cref="ImbalancePipeline"/> picks its decision threshold on the positive-class probability:
/// none (probabilities only), a fixed value, or tuned on out-of-fold scores of the training rows (inner folds),
/// so the threshold never sees the data it will be judged on.
/// </summary>
public sealed class ThresholdPolicy
{
    private ThresholdPolicy(double? threshold, ThresholdObjective? objective)
    {
        FixedThreshold = threshold;
        Objective = objective;
    }

    /// <summary>No threshold: the fitted pipeline gives probabilities, and a binary prediction asks for a threshold.</summary>
    public static ThresholdPolicy None { get; } = new(null, null);

    /// <summary>The fixed threshold, or null.</summary>
    public double? FixedThreshold { get; }

    /// <summary>The objective the threshold is tuned for, or null.</summary>
    public ThresholdObjective? Objective { get; }

    /// <summary>Whether the threshold is tuned on inner out-of-fold scores.</summary>
    public bool IsTuned => Objective is not null;

    /// <summary>A fixed threshold on the (calibrated) positive-class probability: rows scoring at least it are positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is NaN or infinite.</exception>
    public static ThresholdPolicy Fixed(double threshold)
    {
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A decision threshold must be a finite number.");
        }

        return new(threshold, null);
    }

    /// <summary>The threshold that best meets <paramref name="objective"/> on out-of-fold scores of the training rows.</summary>
    public static ThresholdPolicy Tuned(ThresholdObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new(null, objective);
    }

    /// <summary><c>none</c>, <c>fixed:T</c> or <c>tuned:OBJECTIVE</c>.</summary>
    public override string ToString() => Objective is not null
        ? "tuned:" + Objective
        : FixedThreshold is { } t ? "fixed:" + t.ToString("R", CultureInfo.InvariantCulture) : "none";
}
