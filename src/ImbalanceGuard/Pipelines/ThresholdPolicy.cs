using System.Globalization;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// How an <see cref="ImbalancePipeline"/> picks its decision threshold on the positive-class probability:
/// none (probabilities only), a fixed value, or tuned on out-of-fold scores of the training rows (inner folds),
/// so the threshold never sees the data it will be judged on — once for all rows, or once per segment of a column
/// (<see cref="TunedBySegment"/>).
/// </summary>
public sealed class ThresholdPolicy
{
    private ThresholdPolicy(double? threshold, ThresholdObjective? objective, string? segmentColumn = null, int minimumSegmentClassRows = SubgroupEvaluation.MinimumClassRows)
    {
        FixedThreshold = threshold;
        Objective = objective;
        SegmentColumn = segmentColumn;
        MinimumSegmentClassRows = minimumSegmentClassRows;
    }

    /// <summary>No threshold: the fitted pipeline gives probabilities, and a binary prediction asks for a threshold.</summary>
    public static ThresholdPolicy None { get; } = new(null, null);

    /// <summary>The fixed threshold, or null.</summary>
    public double? FixedThreshold { get; }

    /// <summary>The objective the threshold is tuned for, or null.</summary>
    public ThresholdObjective? Objective { get; }

    /// <summary>Whether the threshold is tuned on inner out-of-fold scores.</summary>
    public bool IsTuned => Objective is not null;

    /// <summary>The feature whose segments get their own tuned threshold, or null for one threshold for all rows.</summary>
    public string? SegmentColumn { get; }

    /// <summary>With <see cref="SegmentColumn"/>: the positive and the negative out-of-fold rows (weight) a segment needs to get its own threshold.</summary>
    public int MinimumSegmentClassRows { get; }

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

    /// <summary>
    /// A threshold per segment of the feature <paramref name="segmentColumn"/> (a categorical feature's categories, or a
    /// numeric feature's distinct values), each tuned for <paramref name="objective"/> on that segment's out-of-fold
    /// scores of the training rows, and a global one tuned on all of them. A segment with fewer than
    /// <paramref name="minimumClassRows"/> positive or negative out-of-fold rows, a segment where no threshold meets the
    /// objective, and a segment not seen in training (an empty category, a new value) get the global threshold.
    /// </summary>
    /// <exception cref="ArgumentException">The column name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumClassRows"/> is below 1.</exception>
    public static ThresholdPolicy TunedBySegment(ThresholdObjective objective, string segmentColumn, int minimumClassRows = SubgroupEvaluation.MinimumClassRows)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(segmentColumn);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumClassRows, 1);
        if (string.IsNullOrWhiteSpace(segmentColumn))
        {
            throw new ArgumentException("The segment column needs a name.", nameof(segmentColumn));
        }

        return new(null, objective, segmentColumn, minimumClassRows);
    }

    /// <summary><c>none</c>, <c>fixed:T</c>, <c>tuned:OBJECTIVE</c> or <c>tuned:OBJECTIVE per segment of 'COLUMN'</c>.</summary>
    public override string ToString() => Objective is not null
        ? "tuned:" + Objective + (SegmentColumn is { } column ? $" per segment of '{column}'" : string.Empty)
        : FixedThreshold is { } t ? "fixed:" + t.ToString("R", CultureInfo.InvariantCulture) : "none";
}
