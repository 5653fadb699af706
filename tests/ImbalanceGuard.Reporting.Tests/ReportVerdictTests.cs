using System.Globalization;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Reporting.Tests;

/// <summary>The recommendation in the objective's terms, with the leader's margin paired over the same folds.</summary>
public class ReportVerdictTests
{
    private static readonly ThresholdObjective Cost = ThresholdObjective.MinimumCost(1, 50);

    private static readonly Lazy<ReportData> HacideByCost = new(() =>
    {
        var dataset = RepositoryFiles.LoadData("hacide.csv");
        var results = StrategyComparison.Run(dataset, ["none", "smote", "random-under"], "logistic", new StratifiedKFold(3, shuffle: true, seed: 1), seed: 1, objective: Cost);
        return new ReportData("hacide.csv", dataset, results, "Three stratified folds, logistic regression, seed 1.")
        {
            Objective = Cost,
            RankedByObjective = true,
            RowsPerDay = dataset.RowCount,
        };
    });

    [Fact]
    public void A_clear_leader_is_recommended_with_its_margin_over_the_runner_up_on_the_same_folds()
    {
        var data = ReportFixtures.Hacide;
        var verdict = ReportVerdict.Of(data);
        var margin = verdict.Margin!;

        // The margin, from the folds themselves: each fold's average precision, leader minus runner-up.
        var differences = data.Strategies[0].Result.Folds.Zip(data.Strategies[1].Result.Folds)
            .Select(p => p.First.Metrics[MetricNames.AveragePrecision] - p.Second.Metrics[MetricNames.AveragePrecision])
            .ToArray();
        Assert.Equal(differences.Average(), margin.Difference, 12);
        Assert.Equal(3, margin.PairedFolds);
        Assert.False(margin.Tied); // hacide: none ahead of random-under in every fold (measured: 0.277 ± 0.021)
        Assert.StartsWith($"Use {data.Strategies[0].Strategy} and flag '1' when its probability is at least", verdict.Recommendation, StringComparison.Ordinal);
        Assert.EndsWith(
            Invariant($"It leads {data.Strategies[1].Strategy} by {margin.Difference:0.000} PR-AUC (± {margin.StandardDeviation:0.000} over the same 3 folds)."),
            verdict.Recommendation,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Two_strategies_the_folds_cannot_tell_apart_are_called_tied()
    {
        var data = ReportFixtures.Hacide;
        var leader = data.Strategies[0];
        var verdict = ReportVerdict.Of(data with { Strategies = [leader, leader with { Strategy = "same-again" }] });

        Assert.True(verdict.Margin!.Tied);
        Assert.StartsWith(
            $"{leader.Strategy} and same-again are tied on PR-AUC: the leader's margin, 0.000 ± 0.000 over the same 3 folds, is within its spread, so either will do",
            verdict.Recommendation,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Use ", verdict.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranked_by_a_cost_the_cheapest_strategy_leads_and_the_sentence_speaks_in_cost_and_alerts_a_day()
    {
        var data = HacideByCost.Value;
        var verdict = ReportVerdict.Of(data);
        var c = verdict.Threshold.Confusion;

        var costs = data.Strategies.Select(s => s.Result[MetricNames.ObjectiveValue].Mean).ToArray();
        Assert.Equal(costs.Order(), costs); // lowest expected cost first
        Assert.Equal(MetricNames.ObjectiveValue, verdict.Margin!.Metric);
        Assert.True(verdict.Margin.LowerIsBetter);
        // hacide: 20 positives and 980 negatives in 1,000 rows; flagging every row costs 980 per 1,000, flagging none 1,000.
        Assert.Contains("per 1,000 rows at fp=1, fn=50, against 980 flagging every row", verdict.Recommendation, StringComparison.Ordinal);
        Assert.Contains(Invariant($"about {c.PredictedPositives:0} alerts a day at 1,000 rows a day"), verdict.Recommendation, StringComparison.Ordinal);
        Assert.Contains(verdict.Margin.Tied ? "are tied on expected cost" : $"less per 1,000 rows than {data.Strategies[1].Strategy}", verdict.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_ranked_by_an_objective_says_so_and_shows_its_column()
    {
        var html = HtmlReport.Build(HacideByCost.Value);

        Assert.Contains("ranked by the objective asked for, cost:fp=1,fn=50", html, StringComparison.Ordinal);
        Assert.Contains("<th>expected cost per row</th>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Rows_per_day_must_be_a_positive_number(double rows)
        => Assert.Throws<ArgumentOutOfRangeException>(() => ReportFixtures.Hacide with { RowsPerDay = rows });

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
