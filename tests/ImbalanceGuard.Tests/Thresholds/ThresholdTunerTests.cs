using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Thresholds;

public class ThresholdTunerTests
{
    public static TheoryData<string> Objectives() =>
    [
        "f1", "fbeta:2", "fbeta:0.5", "mcc", "cost:fp=1,fn=10", "cost:fp=5,fn=1", "min-precision:0.6", "min-recall:0.8", "max-alerts:10/100",
        "f1,max-alerts:20/100,min-recall:0.4", "cost:fp=1,fn=10,min-precision:0.5", "mcc,min-recall:0.6", "min-precision:0.5,max-alerts:15/100",
    ];

    [Theory]
    [MemberData(nameof(Objectives))]
    public void The_tuned_threshold_is_optimal_by_brute_force_over_every_distinct_score(string text)
    {
        var objective = ThresholdObjective.Parse(text);
        for (var seed = 0; seed < 40; seed++)
        {
            var data = RandomScores(seed);
            TunedThreshold tuned;
            try
            {
                tuned = ThresholdTuner.Tune(data, objective);
            }
            catch (UnreachableObjectiveException)
            {
                Assert.DoesNotContain(Candidates(data), c => objective.Allows(BinaryConfusion.At(data, c)));
                continue;
            }

            var at = BinaryConfusion.At(data, tuned.Threshold);
            Assert.Equal(at, tuned.Confusion);
            Assert.True(objective.Allows(at));
            foreach (var candidate in Candidates(data))
            {
                var confusion = BinaryConfusion.At(data, candidate);
                if (objective.Allows(confusion))
                {
                    Assert.False(objective.IsBetter(confusion, at), $"{text}, seed {seed}: threshold {candidate} beats {tuned.Threshold}.");
                }
            }
        }
    }

    [Fact]
    public void Among_equally_good_thresholds_the_highest_is_chosen()
    {
        // Recall ≥ 0.5 needs two of the three positives; precision is 1 at 0.8 and 0.75 at 0.6.
        var data = BinaryScores.Create([1, 1, 0, 1, 0], [0.9, 0.8, 0.7, 0.6, 0.1]);
        Assert.Equal(0.8, ThresholdTuner.Tune(data, ThresholdObjective.MinimumRecall(0.5)).Threshold);

        // F1 is 2/3 at 0.9 (one hit, one miss) and at 0.6 (two hits, two false alarms): the higher threshold is kept.
        var tie = BinaryScores.Create([1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6]);
        Assert.Equal(BinaryConfusion.At(tie, 0.9).F1, BinaryConfusion.At(tie, 0.6).F1);
        Assert.Equal(0.9, ThresholdTuner.Tune(tie, ThresholdObjective.F1).Threshold);
    }

    [Fact]
    public void A_cost_objective_reports_the_bayes_threshold_beside_the_empirical_one()
    {
        var tuned = ThresholdTuner.Tune(RandomScores(3), ThresholdObjective.MinimumCost(1, 9));
        Assert.Equal(0.1, tuned.BayesThreshold!.Value, 12);
        Assert.Equal(tuned.Confusion.ExpectedCost(1, 9), tuned.Value);
        Assert.Null(ThresholdTuner.Tune(RandomScores(3), ThresholdObjective.F1).BayesThreshold);
    }

    [Fact]
    public void An_alert_budget_is_never_exceeded()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var data = RandomScores(seed);
            var tuned = ThresholdTuner.Tune(data, ThresholdObjective.AlertBudget(7, 100));
            Assert.True(tuned.Confusion.PredictedPositives <= 0.07 * data.Count + 1e-9);
        }
    }

    [Fact]
    public void An_unreachable_precision_floor_says_what_the_best_precision_is()
    {
        var data = BinaryScores.Create([0, 1, 0, 1], [0.9, 0.8, 0.7, 0.6]);
        var error = Assert.Throws<UnreachableObjectiveException>(() => ThresholdTuner.Tune(data, ThresholdObjective.MinimumPrecision(0.9)));
        Assert.Contains("no threshold reaches precision 0.9; the best is 0.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reporting_a_threshold_on_its_own_tuning_data_is_flagged_as_optimistic()
    {
        var tuning = RandomScores(1);
        var other = RandomScores(2);
        var tuned = ThresholdTuner.Tune(tuning, ThresholdObjective.F1);
        Assert.True(tuned.WasTunedOn(tuning));
        Assert.False(tuned.WasTunedOn(other));
        var optimistic = tuned.Evaluate(tuning);
        Assert.True(optimistic.IsOptimistic);
        Assert.Contains("Optimistic", optimistic.Warning, StringComparison.Ordinal);
        var honest = tuned.Evaluate(other);
        Assert.False(honest.IsOptimistic);
        Assert.Null(honest.Warning);
    }

    [Fact]
    public void The_guard_refuses_a_threshold_on_the_holdout_it_was_tuned_on()
    {
        var data = RepositoryFiles.LoadData("pima.csv");
        var (_, holdout) = Split.Stratified(data, 0.3, seed: 4);
        var (_, otherHoldout) = Split.Stratified(data, 0.3, seed: 5);
        var scores = Enumerable.Range(0, holdout.RowCount).Select(i => holdout.GetRow(i)[1] / 200.0).ToArray();
        var tuned = ThresholdTuner.Tune(holdout, scores, "1", ThresholdObjective.F1);

        var leak = Assert.Throws<LeakageException>(() => LeakageGuard.EnsureNotTunedOn(tuned, holdout));
        Assert.Equal(LeakageCause.ThresholdTunedOnEvaluationData, leak.Cause);
        Assert.Contains("was tuned (f1) on these", leak.Message, StringComparison.Ordinal);

        // The same split made again is the same data; another split is not.
        var (_, sameAgain) = Split.Stratified(data, 0.3, seed: 4);
        Assert.Throws<LeakageException>(() => LeakageGuard.EnsureNotTunedOn(tuned, sameAgain));
        LeakageGuard.EnsureNotTunedOn(tuned, otherHoldout);
    }

    [Theory]
    [InlineData("F1", "f1")]
    [InlineData("fbeta:2", "fbeta:2")]
    [InlineData(" mcc ", "mcc")]
    [InlineData("cost:fp=1,fn=25", "cost:fp=1,fn=25")]
    [InlineData("cost:fn=25,fp=1", "cost:fp=1,fn=25")]
    [InlineData("min-precision:0.9", "min-precision:0.9")]
    [InlineData("min-recall:0.75", "min-recall:0.75")]
    [InlineData("max-alerts:50/1000", "max-alerts:50/1000")]
    [InlineData("f1, max-alerts:50/1000, min-recall:0.6", "f1,max-alerts:50/1000,min-recall:0.6")]
    [InlineData("cost:fn=50,fp=1,min-recall:0.6", "cost:fp=1,fn=50,min-recall:0.6")]
    [InlineData("min-precision:0.9,max-alerts:5/100", "min-precision:0.9,max-alerts:5/100")]
    public void Objectives_parse_and_print_the_command_line_form(string text, string canonical)
        => Assert.Equal(canonical, ThresholdObjective.Parse(text).ToString());

    [Theory]
    [InlineData("accuracy")]
    [InlineData("fbeta:0")]
    [InlineData("fbeta:x")]
    [InlineData("cost:fp=1")]
    [InlineData("cost:fp=-1,fn=2")]
    [InlineData("min-precision:1.5")]
    [InlineData("min-recall:0")]
    [InlineData("max-alerts:50")]
    [InlineData("max-alerts:200/100")]
    [InlineData("f1:2")]
    public void Bad_objectives_are_refused_with_a_message_naming_them(string text)
    {
        var error = Assert.Throws<FormatException>(() => ThresholdObjective.Parse(text));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("f1,mcc", "'mcc' cannot follow the first item")]
    [InlineData("f1,cost:fp=1,fn=2", "'cost:fp=1,fn=2' cannot follow the first item")]
    [InlineData("f1,min-recall:1.5", "'min-recall:1.5': A recall floor must be in (0, 1]")]
    [InlineData("f1,", "Objective '' is not understood")]
    public void A_bad_item_of_a_combination_is_named(string text, string message)
        => Assert.Contains(message, Assert.Throws<FormatException>(() => ThresholdObjective.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_constrained_objective_optimises_its_first_item_and_keeps_the_constraints()
    {
        var objective = ThresholdObjective.Parse("cost:fp=1,fn=50,max-alerts:50/1000,min-recall:0.6");

        Assert.Equal("cost:fp=1,fn=50", objective.Primary.ToString());
        Assert.Equal(["max-alerts:50/1000", "min-recall:0.6"], objective.Constraints.Select(c => c.ToString()));
        Assert.Equal("expected cost", objective.ValueName);
        Assert.Equal((1.0, 50.0), objective.Costs);
        Assert.True(objective.LowerIsBetter);
        Assert.Same(ThresholdObjective.F1, ThresholdObjective.F1.Primary);
        Assert.Empty(ThresholdObjective.F1.Constraints);
        Assert.Equal(objective.ToString(), ThresholdObjective.Parse(objective.ToString()).ToString());
    }

    [Fact]
    public void Floors_and_budgets_say_their_numbers_and_other_objectives_have_none()
    {
        var objective = ThresholdObjective.Parse("f1,max-alerts:50/1000,min-recall:0.6,min-precision:0.3");

        Assert.Equal((50, 1000), objective.Constraints[0].Budget);
        Assert.Equal(0.6, objective.Constraints[1].Floor);
        Assert.Equal(0.3, objective.Constraints[2].Floor);
        Assert.Null(objective.Floor);
        Assert.Null(objective.Budget);
        Assert.Null(objective.Constraints[0].Floor);
        Assert.Null(ThresholdObjective.Mcc.Budget);
        Assert.Equal(0.8, ThresholdObjective.Parse("min-recall:0.8,max-alerts:1/10").Floor); // a constrained one answers for its first item
    }

    [Fact]
    public void The_constrained_threshold_meets_every_constraint_and_trades_the_first_item_for_them()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var data = RandomScores(seed);
            var free = ThresholdTuner.Tune(data, ThresholdObjective.F1);
            var constrained = ThresholdTuner.TryTune(data, ThresholdObjective.Constrained(ThresholdObjective.F1, ThresholdObjective.AlertBudget(15, 100)));
            Assert.NotNull(constrained); // flagging nothing always meets a budget
            Assert.True(constrained.Confusion.PredictedPositives * 100 <= 15 * data.Count);
            Assert.True(constrained.Value <= free.Value, $"seed {seed}: a constraint cannot improve the unconstrained optimum.");
        }
    }

    [Fact]
    public void Only_floors_and_budgets_can_constrain()
    {
        var error = Assert.Throws<ArgumentException>(() => ThresholdObjective.Constrained(ThresholdObjective.F1, ThresholdObjective.Mcc));
        Assert.Contains("'mcc' cannot be a constraint", error.Message, StringComparison.Ordinal);
        var twice = ThresholdObjective.Constrained(ThresholdObjective.F1, ThresholdObjective.MinimumRecall(0.5));
        Assert.Throws<ArgumentException>(() => ThresholdObjective.Constrained(twice, ThresholdObjective.MinimumRecall(0.6)));
        Assert.Same(ThresholdObjective.Mcc, ThresholdObjective.Constrained(ThresholdObjective.Mcc));
    }

    [Fact]
    public void An_unreachable_combination_says_whether_one_item_or_only_the_combination_fails()
    {
        // Recall 1 needs the top three rows flagged; a budget of one row in four allows one.
        var data = BinaryScores.Create([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.6]);
        var together = Assert.Throws<UnreachableObjectiveException>(() => ThresholdTuner.Tune(data, ThresholdObjective.Parse("f1,max-alerts:1/4,min-recall:1")));
        Assert.Contains("each of max-alerts:1/4, min-recall:1 is met by some threshold, but none meets them all", together.Message, StringComparison.Ordinal);

        // Here the precision floor fails on its own: the best precision of any threshold is 0.5.
        var imprecise = BinaryScores.Create([0, 1, 0, 1], [0.9, 0.8, 0.7, 0.6]);
        var alone = Assert.Throws<UnreachableObjectiveException>(() => ThresholdTuner.Tune(imprecise, ThresholdObjective.Parse("f1,min-precision:0.99,max-alerts:2/4")));
        Assert.Contains("no threshold reaches precision 0.99; the best is 0.5", alone.Message, StringComparison.Ordinal);
        Assert.Null(ThresholdTuner.TryTune(data, ThresholdObjective.Parse("f1,max-alerts:1/4,min-recall:1")));
    }

    private static IEnumerable<double> Candidates(BinaryScores data)
        => data.Scores.ToArray().Distinct().Append(double.PositiveInfinity);

    private static BinaryScores RandomScores(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(5, 80);
        var labels = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3 ? 1 : 0).ToArray();

        // Coarse scores: many ties, as rounded probabilities have.
        var scores = labels.Select(l => Math.Round(Math.Clamp((0.3 * l) + (random.NextDouble() * 0.7), 0, 1), 1)).ToArray();
        return BinaryScores.Create(labels, scores);
    }
}
