namespace ImbalanceGuard.Pipelines;

/// <summary>
/// How far the leader of a ranked comparison is ahead of the runner-up on the metric they were ranked by, paired
/// over the folds both were judged on: every strategy of a <see cref="StrategyComparison"/> runs on the same folds,
/// so fold-to-fold luck (an easy fold, a hard one) cancels in the per-fold differences and what is left is the
/// strategies' own difference and its spread.
/// </summary>
/// <remarks>
/// <see cref="Tied"/> is deliberately modest: the mean difference must exceed one standard deviation of the
/// differences. It is no significance test (folds share training rows, so their differences are not independent); it
/// keeps a comparison from crowning a winner that half the folds disagree with.
/// </remarks>
/// <param name="Leader">The first strategy of the ranking.</param>
/// <param name="RunnerUp">The second.</param>
/// <param name="Metric">The metric compared (a <see cref="MetricNames"/> name).</param>
/// <param name="LowerIsBetter">Whether a lower value of <see cref="Metric"/> is better (an expected cost).</param>
/// <param name="Difference">
/// The mean over the paired folds of how much better the leader did than the runner-up, in the metric's units
/// (positive when the leader did better, whichever direction is better); NaN with no paired fold.
/// </param>
/// <param name="StandardDeviation">The population standard deviation of those per-fold differences, as the other spreads of a comparison.</param>
/// <param name="PairedFolds">The folds where both strategies had a value of <see cref="Metric"/>.</param>
public sealed record StrategyMargin(
    StrategyResult Leader,
    StrategyResult RunnerUp,
    string Metric,
    bool LowerIsBetter,
    double Difference,
    double StandardDeviation,
    int PairedFolds)
{
    /// <summary>
    /// Whether the folds cannot tell the two apart: the spread of the paired differences covers zero (the mean
    /// difference is not above one standard deviation), or fewer than two folds could be paired.
    /// </summary>
    public bool Tied => PairedFolds < 2 || !(Difference > StandardDeviation);

    /// <summary>The margin of the first of <paramref name="ranked"/> over the second on <paramref name="metric"/>; null with fewer than two strategies.</summary>
    /// <param name="ranked">Strategies cross-validated on the same folds, best first.</param>
    /// <param name="metric">The metric they were ranked by (<see cref="MetricNames.AveragePrecision"/>, <see cref="MetricNames.ObjectiveValue"/>, …).</param>
    /// <param name="lowerIsBetter">Whether a lower value is better.</param>
    /// <exception cref="ArgumentException">The two strategies were not run on the same folds.</exception>
    public static StrategyMargin? Of(IReadOnlyList<StrategyResult> ranked, string metric, bool lowerIsBetter = false)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(metric);
        if (ranked.Count < 2)
        {
            return null;
        }

        var leader = ranked[0];
        var runnerUp = ranked[1];
        var leaderFolds = leader.Result.Folds;
        var runnerUpFolds = runnerUp.Result.Folds;
        if (leaderFolds.Count != runnerUpFolds.Count
            || leaderFolds.Zip(runnerUpFolds).Any(p => p.First.Index != p.Second.Index || p.First.Repeat != p.Second.Repeat || p.First.ValidationRows != p.Second.ValidationRows))
        {
            throw new ArgumentException($"'{leader.Strategy}' and '{runnerUp.Strategy}' were not cross-validated on the same folds, so their folds cannot be paired.", nameof(ranked));
        }

        var differences = new List<double>(leaderFolds.Count);
        for (var f = 0; f < leaderFolds.Count; f++)
        {
            var a = leaderFolds[f].Metrics.GetValueOrDefault(metric, double.NaN);
            var b = runnerUpFolds[f].Metrics.GetValueOrDefault(metric, double.NaN);
            if (!double.IsNaN(a) && !double.IsNaN(b))
            {
                differences.Add(lowerIsBetter ? b - a : a - b);
            }
        }

        var summary = MetricSummary.Of(differences);
        return new StrategyMargin(leader, runnerUp, metric, lowerIsBetter, summary.Mean, summary.StandardDeviation, differences.Count);
    }
}
