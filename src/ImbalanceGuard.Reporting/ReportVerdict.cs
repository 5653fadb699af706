using System.Globalization;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Reporting;

/// <summary>
/// The answer a report gives: which strategy to use, at which threshold, what it catches, and what plain
/// accuracy would have claimed. The threshold is tuned for the report's objective (<see cref="ReportData.Objective"/>,
/// F1 by default) on the best strategy's out-of-fold scores, which no model trained on, so its figures are estimates
/// for new data (if slightly optimistic, as any tuned value). When no threshold meets the objective's constraints
/// there, the threshold is the best for its first item alone and <see cref="ConstraintsMet"/> says so.
/// </summary>
public sealed class ReportVerdict
{
    private ReportVerdict(ReportData data, TunedThreshold threshold, StrategyMargin? margin, string majorityClass, double majorityShare, string positiveClass, int positives)
    {
        Best = data.Strategies[0];
        Threshold = threshold;
        Objective = data.Objective;
        RankedByObjective = data.RankedByObjective;
        RowsPerDay = data.RowsPerDay;
        Margin = margin;
        MajorityClass = majorityClass;
        MajorityShare = majorityShare;
        PositiveClass = positiveClass;
        Positives = positives;
        Rows = data.Data.RowCount;
    }

    /// <summary>The strategy ranked first: best mean average precision, or best for the objective when <see cref="RankedByObjective"/>.</summary>
    public StrategyResult Best { get; }

    /// <summary>
    /// The threshold tuned for <see cref="Objective"/> on the best strategy's out-of-fold scores, with the counts it gives
    /// there; tuned for the objective's first item alone when no threshold meets its constraints.
    /// </summary>
    public TunedThreshold Threshold { get; }

    /// <summary>What the threshold was asked to meet, constraints included.</summary>
    public ThresholdObjective Objective { get; }

    /// <summary>Whether the strategies were ranked by <see cref="Objective"/> (see <see cref="ReportData.RankedByObjective"/>) rather than by average precision.</summary>
    public bool RankedByObjective { get; }

    /// <summary>The rows scored per day the alert figures are given for; null when none was given.</summary>
    public double? RowsPerDay { get; }

    /// <summary>
    /// The leader's margin over the runner-up on the metric they were ranked by, paired over the same folds; null with a
    /// single strategy. When <see cref="StrategyMargin.Tied"/>, the recommendation says the two are tied.
    /// </summary>
    public StrategyMargin? Margin { get; }

    /// <summary>Whether <see cref="Threshold"/> meets every constraint of <see cref="Objective"/> on the out-of-fold scores.</summary>
    public bool ConstraintsMet => Threshold.Objective == Objective;

    /// <summary>The most frequent class.</summary>
    public string MajorityClass { get; }

    /// <summary>What always predicting <see cref="MajorityClass"/> scores as plain accuracy.</summary>
    public double MajorityShare { get; }

    /// <summary>The rare class the strategies were judged on.</summary>
    public string PositiveClass { get; }

    /// <summary>Rows of <see cref="PositiveClass"/>.</summary>
    public int Positives { get; }

    /// <summary>All rows.</summary>
    public int Rows { get; }

    /// <summary>The verdict on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">No strategy was compared, or the strategies were not compared on the same folds.</exception>
    public static ReportVerdict Of(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Strategies.Count == 0)
        {
            throw new ArgumentException("The report needs at least one strategy.", nameof(data));
        }

        var best = data.Strategies[0];
        var counts = data.Data.ClassCountsByName();
        var majority = counts.MaxBy(c => c.Value);
        var positive = best.Result.PositiveClass;
        var scores = best.Result.OutOfFoldScores;
        TunedThreshold threshold;
        try
        {
            threshold = ThresholdTuner.Tune(scores, data.Objective);
        }
        catch (UnreachableObjectiveException) when (data.Objective.Constraints.Count > 0)
        {
            // The constraints cannot all hold on this data; say so and still show the best the first item allows.
            threshold = ThresholdTuner.Tune(scores, data.Objective.Primary);
        }

        var margin = data.RankedByObjective
            ? StrategyMargin.Of(data.Strategies, MetricNames.ObjectiveValue, data.Objective.LowerIsBetter)
            : StrategyMargin.Of(data.Strategies, MetricNames.AveragePrecision);
        return new ReportVerdict(data, threshold, margin, majority.Key, majority.Value / (double)data.Data.RowCount, positive, counts[positive]);
    }

    /// <summary>Why plain accuracy lies on this data, in one sentence.</summary>
    public string AccuracyTrap => string.Create(
        CultureInfo.InvariantCulture,
        $"A model that always answers '{MajorityClass}' is {MajorityShare:P1} accurate and finds none of the {Positives:N0} rows of class '{PositiveClass}'.");

    /// <summary>
    /// What to use, in the objective's terms (expected cost per 1,000 rows, flags against an alert budget, recall at a
    /// floor, alerts per day), and how far the choice is ahead of the runner-up — or that the two are tied.
    /// </summary>
    public string Recommendation
    {
        get
        {
            var c = Threshold.Confusion;
            if (!ConstraintsMet)
            {
                return Invariant(
                    $"No threshold of {Best.Strategy} meets {string.Join(" and ", Objective.Constraints)} on out-of-fold data. The best for {Objective.Primary} alone flags '{PositiveClass}' at probability {Threshold.Threshold:0.000} or more and catches {c.Recall:P0} of the '{PositiveClass}' rows with precision {c.Precision:P0} ({c.PredictedPositives / c.Total * 1000:0.#} flags per 1,000 rows{(AlertsPerDay(c) is { } perDay ? ", " + perDay : string.Empty)}); relax a constraint or improve the model before relying on it.");
            }

            var terms = string.Join("; ", new[] { Objective.Primary }.Concat(Objective.Constraints).Select(o => Terms(o, c))
                .Concat(AlertsPerDay(c) is { } alerts ? [alerts] : [])
                .Append(Invariant($"PR-AUC {Best.Result[MetricNames.AveragePrecision].Mean:0.000}")));
            var use = Invariant($"flag '{PositiveClass}' when its probability is at least {Threshold.Threshold:0.000}: on out-of-fold data it catches {c.Recall:P0} of the '{PositiveClass}' rows with precision {c.Precision:P0} ({terms}).");
            return Margin switch
            {
                null => $"Use {Best.Strategy} and {use}",
                { } m when ConstraintFolds(m.Leader) != ConstraintFolds(m.RunnerUp) => Invariant(
                    $"Use {Best.Strategy} and {use} It meets {string.Join(" and ", Objective.Constraints)} in {ConstraintFolds(m.Leader)} of {m.Leader.Result.Folds.Count} folds, {m.RunnerUp.Strategy} in {ConstraintFolds(m.RunnerUp)}."),
                { Tied: true } m => Invariant(
                    $"{m.Leader.Strategy} and {m.RunnerUp.Strategy} are tied on {MarginName}: {(m.PairedFolds < 2 ? $"only {m.PairedFolds} of the {m.Leader.Result.Folds.Count} folds gave both a value, too few to tell them apart" : $"the leader's margin, {MarginValue(m.Difference)} ± {MarginValue(m.StandardDeviation)}{MarginUnit} over the same {m.PairedFolds} folds, is within its spread")}, so either will do — prefer the simpler or cheaper. With {Best.Strategy}, {use}"),
                { } m => Invariant(
                    $"Use {Best.Strategy} and {use} It {(m.LowerIsBetter ? $"costs {MarginValue(m.Difference)} less{MarginUnit} than" : $"leads")} {m.RunnerUp.Strategy}{(m.LowerIsBetter ? string.Empty : $" by {MarginValue(m.Difference)} {MarginName}")} (± {MarginValue(m.StandardDeviation)}{MarginUnit} over the same {m.PairedFolds} folds)."),
            };
        }
    }

    /// <summary>The name of the metric the margin is on.</summary>
    private string MarginName => RankedByObjective ? Objective.ValueName : "PR-AUC";

    /// <summary>An expected cost per row is given per 1,000 rows, as everywhere in the verdict.</summary>
    private bool CostMargin => RankedByObjective && Objective.Costs is not null;

    private string MarginUnit => CostMargin ? " per 1,000 rows" : string.Empty;

    private string MarginValue(double value) => CostMargin ? Significant(value * 1000) : Invariant($"{value:0.000}");

    /// <summary>The folds of <paramref name="strategy"/> whose threshold met every constraint; every fold when there are none or the ranking ignored them.</summary>
    private int ConstraintFolds(StrategyResult strategy)
        => RankedByObjective && Objective.Constraints.Count > 0
            ? strategy.Result.ConstraintsMetFolds
            : strategy.Result.Folds.Count;

    /// <summary>What one item of the objective means at the recommended threshold, in its own terms.</summary>
    private string Terms(ThresholdObjective item, BinaryConfusion c)
    {
        if (item.Costs is var (fp, fn))
        {
            // The honest yardstick for a cost: the cheaper of the two thresholds that need no model at all.
            var nothing = c.Positives * fn / c.Total;
            var everything = (c.Total - c.Positives) * fp / c.Total;
            return Invariant($"expected cost {Significant(item.ValueOf(c) * 1000)} per 1,000 rows at fp={fp:R}, fn={fn:R}, against {Significant(Math.Min(nothing, everything) * 1000)} flagging {(nothing <= everything ? "nothing" : "every row")}");
        }

        if (item.Budget is var (alerts, perRows))
        {
            return Invariant($"{c.PredictedPositives / c.Total * perRows:0.#} flags per {perRows:N0} rows, within the budget of {alerts:N0}");
        }

        return item.Name switch
        {
            "min-recall" => Invariant($"recall {c.Recall:0.000} at the floor of {item.Floor:0.###}"),
            "min-precision" => Invariant($"precision {c.Precision:0.000} at the floor of {item.Floor:0.###}"),
            "f1" => Invariant($"F1 {c.F1:0.000}, MCC {c.MatthewsCorrelation:0.000}"),
            _ => Invariant($"{item.ValueName} {item.ValueOf(c):0.000}"),
        };
    }

    /// <summary>"about N alerts a day at R rows a day" when <see cref="RowsPerDay"/> is given; else null.</summary>
    private string? AlertsPerDay(BinaryConfusion c)
        => RowsPerDay is { } rows ? $"about {Significant(c.PredictedPositives / c.Total * rows)} alerts a day at {Significant(rows)} rows a day" : null;

    /// <summary>Three significant digits, with thousands separators and no exponent: 908, 9.2, 64.7, 0.0512, 12,300.</summary>
    private static string Significant(double value)
    {
        var digits = value == 0 || !double.IsFinite(value) ? 0 : Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 15);
        return Math.Round(value, digits).ToString("#,0.###############", CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
