using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Thresholds;

public class ThresholdTunerTests
{
    public static TheoryData<string> Objectives() =>
    [
        "f1", "fbeta:2", "fbeta:0.5", "mcc", "cost:fp=1,fn=10", "cost:fp=5,fn=1", "min-precision:0.6", "min-recall:0.8", "max-alerts:10/100",
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
