using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Thresholds;

/// <summary>
/// Chooses a decision threshold on validation or out-of-fold scores: every distinct score is a candidate
/// (flag every row scoring at least that), plus "flag nothing"; the best candidate for the objective wins,
/// and among equals the highest threshold (the fewest flags). Tuning on the data you then report on is
/// optimistic: the result remembers its data so that can be caught.
/// </summary>
public static class ThresholdTuner
{
    /// <summary>Tunes on <paramref name="validation"/> scores.</summary>
    /// <exception cref="UnreachableObjectiveException">No threshold meets the objective on this data.</exception>
    public static TunedThreshold Tune(BinaryScores validation, ThresholdObjective objective)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(objective);
        return Tune(validation, objective, holdout: null);
    }

    /// <summary>
    /// Tunes on a model's <paramref name="scores"/> for the rows of <paramref name="validation"/>, with
    /// <paramref name="positiveClass"/> as the positive class. The holdout is remembered:
    /// <see cref="LeakageGuard.EnsureNotTunedOn"/> refuses to report the threshold on it.
    /// </summary>
    /// <exception cref="ArgumentException">The scores do not match the rows, or the class is unknown.</exception>
    /// <exception cref="UnreachableObjectiveException">No threshold meets the objective on this data.</exception>
    public static TunedThreshold Tune(HoldoutSet validation, ReadOnlySpan<double> scores, string positiveClass, ThresholdObjective objective)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(objective);
        var positive = validation.Schema.ClassIndex(positiveClass);
        var labels = validation.Labels;
        var isPositive = new bool[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            isPositive[i] = labels[i] == positive;
        }

        var data = BinaryScores.Create(isPositive, scores, validation.HasWeights ? validation.Weights : default);
        return Tune(data, objective, DataFingerprint.Of(validation));
    }

    /// <summary>As <see cref="Tune(BinaryScores, ThresholdObjective)"/>, but null when no threshold meets the objective.</summary>
    internal static TunedThreshold? TryTune(BinaryScores validation, ThresholdObjective objective)
        => validation.Count == 0 ? null : Best(validation, objective, holdout: null, out _);

    private static TunedThreshold Tune(BinaryScores data, ThresholdObjective objective, DataFingerprint? holdout)
    {
        if (data.Count == 0)
        {
            throw new UnreachableObjectiveException("There are no scores to tune a threshold on.");
        }

        return Best(data, objective, holdout, out var sweep)
            ?? throw new UnreachableObjectiveException($"Cannot tune for {objective}: {objective.Unreachable(sweep)}.");
    }

    private static TunedThreshold? Best(BinaryScores data, ThresholdObjective objective, DataFingerprint? holdout, out ThresholdSweep sweep)
    {
        sweep = data.Sweep;

        // From the highest threshold down; a later candidate must be strictly better to replace the best.
        var bestThreshold = double.NaN;
        BinaryConfusion? best = null;
        var nothing = sweep.NothingFlagged;
        if (objective.Allows(nothing))
        {
            best = nothing;
            bestThreshold = Math.BitIncrement(sweep.Thresholds[0]);
        }

        for (var i = 0; i < sweep.Count; i++)
        {
            var candidate = sweep.ConfusionAt(i);
            if (objective.Allows(candidate) && (best is null || objective.IsBetter(candidate, best.Value)))
            {
                best = candidate;
                bestThreshold = sweep.Thresholds[i];
            }
        }

        if (best is null)
        {
            return null;
        }

        var bayes = objective is ThresholdObjective.CostObjective cost ? cost.BayesThreshold : (double?)null;
        return new TunedThreshold(bestThreshold, objective, best.Value, bayes, DataFingerprint.Of(data), holdout);
    }
}
