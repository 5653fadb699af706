using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>The leader's margin paired over the same folds, and the ranking it is measured on.</summary>
public class StrategyMarginTests
{
    [Fact]
    public void The_margin_is_the_mean_and_spread_of_the_per_fold_differences()
    {
        var leader = Strategy("a", MetricNames.AveragePrecision, 0.80, 0.70, 0.90, 0.60);
        var runnerUp = Strategy("b", MetricNames.AveragePrecision, 0.75, 0.69, 0.80, 0.62);

        var margin = StrategyMargin.Of([leader, runnerUp], MetricNames.AveragePrecision)!;

        // Differences 0.05, 0.01, 0.10, −0.02: mean 0.035, population variance 0.002025 (as the table's spreads).
        Assert.Equal(0.035, margin.Difference, 12);
        Assert.Equal(Math.Sqrt(0.002025), margin.StandardDeviation, 12);
        Assert.Equal(4, margin.PairedFolds);
        Assert.Same(leader, margin.Leader);
        Assert.Same(runnerUp, margin.RunnerUp);
        Assert.True(margin.Tied); // 0.035 is within one standard deviation (0.045): one fold even disagrees
    }

    [Fact]
    public void A_leader_ahead_in_every_fold_by_more_than_the_spread_is_not_tied()
    {
        var margin = StrategyMargin.Of(
            [Strategy("a", MetricNames.F1, 0.70, 0.72, 0.68), Strategy("b", MetricNames.F1, 0.60, 0.61, 0.59)],
            MetricNames.F1)!;

        Assert.Equal(0.1, margin.Difference, 12);
        Assert.False(margin.Tied);
    }

    [Fact]
    public void A_lower_cost_counts_as_the_leader_being_ahead()
    {
        var margin = StrategyMargin.Of(
            [Strategy("cheap", MetricNames.ObjectiveValue, 0.20, 0.22, 0.21), Strategy("dear", MetricNames.ObjectiveValue, 0.30, 0.33, 0.31)],
            MetricNames.ObjectiveValue,
            lowerIsBetter: true)!;

        Assert.True(margin.LowerIsBetter);
        Assert.Equal(0.1033333333333333, margin.Difference, 12);
        Assert.False(margin.Tied);
    }

    [Fact]
    public void Identical_results_are_tied_with_no_margin()
    {
        var a = Strategy("a", MetricNames.AveragePrecision, 0.5, 0.6, 0.7);

        var margin = StrategyMargin.Of([a, a with { Strategy = "copy" }], MetricNames.AveragePrecision)!;

        Assert.Equal(0, margin.Difference);
        Assert.Equal(0, margin.StandardDeviation);
        Assert.True(margin.Tied);
    }

    [Fact]
    public void Swapping_the_two_negates_the_difference_and_keeps_the_spread()
    {
        var a = Strategy("a", MetricNames.Mcc, 0.41, 0.52, 0.33, 0.47, 0.50);
        var b = Strategy("b", MetricNames.Mcc, 0.40, 0.49, 0.36, 0.41, 0.44);

        var forward = StrategyMargin.Of([a, b], MetricNames.Mcc)!;
        var backward = StrategyMargin.Of([b, a], MetricNames.Mcc)!;

        Assert.Equal(forward.Difference, -backward.Difference, 15);
        Assert.Equal(forward.StandardDeviation, backward.StandardDeviation, 15);
        Assert.True(backward.Tied);
    }

    [Fact]
    public void Folds_where_either_has_no_value_are_left_out_of_the_pairing()
    {
        var margin = StrategyMargin.Of(
            [Strategy("a", MetricNames.ObjectiveValue, 0.7, double.NaN, 0.9), Strategy("b", MetricNames.ObjectiveValue, 0.5, 0.8, double.NaN)],
            MetricNames.ObjectiveValue)!;

        Assert.Equal(1, margin.PairedFolds);
        Assert.Equal(0.2, margin.Difference, 12);
        Assert.True(margin.Tied); // one fold cannot tell two strategies apart
    }

    [Fact]
    public void Strategies_from_different_folds_cannot_be_paired()
    {
        var error = Assert.Throws<ArgumentException>(() => StrategyMargin.Of(
            [Strategy("a", MetricNames.F1, 0.5, 0.6, 0.7), Strategy("b", MetricNames.F1, 0.5, 0.6)],
            MetricNames.F1));

        Assert.Contains("'a' and 'b' were not cross-validated on the same folds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_strategy_has_no_margin()
        => Assert.Null(StrategyMargin.Of([Strategy("a", MetricNames.F1, 0.5, 0.6)], MetricNames.F1));

    [Fact]
    public void Without_an_objective_the_ranking_is_by_average_precision_with_undefined_last()
    {
        var ranked = StrategyComparison.Rank(
        [
            Strategy("undefined", MetricNames.AveragePrecision, double.NaN, double.NaN),
            Strategy("low", MetricNames.AveragePrecision, 0.2, 0.3),
            Strategy("high", MetricNames.AveragePrecision, 0.8, 0.7),
        ]);

        Assert.Equal(["high", "low", "undefined"], ranked.Select(r => r.Strategy));
    }

    [Fact]
    public void With_a_cost_objective_the_cheapest_strategy_ranks_first_whatever_its_average_precision()
    {
        var ranked = StrategyComparison.Rank(
            [
                Strategy("best-ap-dear", (MetricNames.AveragePrecision, [0.9, 0.9]), (MetricNames.ObjectiveValue, [0.5, 0.6])),
                Strategy("cheap", (MetricNames.AveragePrecision, [0.5, 0.5]), (MetricNames.ObjectiveValue, [0.1, 0.2])),
                Strategy("undefined", (MetricNames.AveragePrecision, [0.95, 0.95]), (MetricNames.ObjectiveValue, [double.NaN, double.NaN])),
            ],
            ThresholdObjective.MinimumCost(1, 50));

        Assert.Equal(["cheap", "best-ap-dear", "undefined"], ranked.Select(r => r.Strategy));
    }

    [Fact]
    public void With_constraints_the_folds_that_met_them_count_before_the_objective()
    {
        var objective = ThresholdObjective.Parse("f1,max-alerts:50/1000");
        var ranked = StrategyComparison.Rank(
            [
                Strategy("better-f1-over-budget", (MetricNames.ObjectiveValue, [0.9, 0.9]), (MetricNames.ConstraintsMet, [1, 0])),
                Strategy("within-budget", (MetricNames.ObjectiveValue, [0.6, 0.6]), (MetricNames.ConstraintsMet, [1, 1])),
            ],
            objective);

        Assert.Equal(["within-budget", "better-f1-over-budget"], ranked.Select(r => r.Strategy));
    }

    [Fact]
    public void Equal_strategies_keep_their_order_and_ties_in_the_objective_fall_back_to_average_precision()
    {
        var ranked = StrategyComparison.Rank(
            [
                Strategy("first", (MetricNames.ObjectiveValue, [0.5]), (MetricNames.AveragePrecision, [0.4])),
                Strategy("second", (MetricNames.ObjectiveValue, [0.5]), (MetricNames.AveragePrecision, [0.4])),
                Strategy("better-ap", (MetricNames.ObjectiveValue, [0.5]), (MetricNames.AveragePrecision, [0.6])),
            ],
            ThresholdObjective.F1);

        Assert.Equal(["better-ap", "first", "second"], ranked.Select(r => r.Strategy));
    }

    private static StrategyResult Strategy(string name, string metric, params double[] perFold) => Strategy(name, (metric, perFold));

    private static StrategyResult Strategy(string name, params (string Metric, double[] PerFold)[] metrics)
    {
        var folds = Enumerable.Range(0, metrics[0].PerFold.Length)
            .Select(f => new FoldResult(f, 0, 90, 90, 10, metrics.ToDictionary(m => m.Metric, m => m.PerFold[f])))
            .ToArray();
        return new StrategyResult(name, new CrossValidationResult(folds, [new double[10]], new bool[10], null, "1"));
    }
}
