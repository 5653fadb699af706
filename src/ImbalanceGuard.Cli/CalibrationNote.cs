using ImbalanceGuard.Pipelines;

namespace ImbalanceGuard.Cli;

/// <summary>What <c>compare</c> and <c>report</c> say about whether the strategies' probabilities are calibrated.</summary>
internal static class CalibrationNote
{
    /// <summary>Below the table: which strategies' probabilities (and Brier scores) are on the data's base rate.</summary>
    public static string TableNote(IReadOnlyList<StrategyResult> results)
    {
        var inflated = results.Where(r => !r.Result.ProbabilitiesCalibrated).Select(r => r.Strategy).ToArray();
        return (inflated.Length == 0 ? "Probabilities" : $"Except for {string.Join(", ", inflated)} (rebalanced inside the learner), probabilities")
            + " (and the Brier score) are on the data's base rate: where a sampler or class weights rebalance the classes, each fold's pipeline undoes it with the prior correction."
            + (results.Any(r => r.Strategy == "isolation-forest") ? " isolation-forest's anomaly scores become probabilities by Platt scaling on inner folds of each training side." : string.Empty);
    }

    /// <summary>
    /// The stderr warning for the strategies whose probabilities are not calibrated (those that rebalance inside
    /// the learner), or null when every strategy's are.
    /// </summary>
    public static string? Warning(IReadOnlyList<StrategyResult> results, string positiveClass)
    {
        var inflated = results.Where(r => !r.Result.ProbabilitiesCalibrated).Select(r => r.Strategy).ToArray();
        return inflated.Length == 0
            ? null
            : $"warning: probabilities not calibrated: {string.Join(", ", inflated)} {(inflated.Length == 1 ? "rebalances" : "rebalance")} the classes inside the learner, "
                + $"so {(inflated.Length == 1 ? "its" : "their")} probabilities (and Brier score) overstate '{positiveClass}'; ranking and tuned thresholds hold.";
    }
}
