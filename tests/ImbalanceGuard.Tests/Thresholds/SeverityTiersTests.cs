using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Thresholds;

public class SeverityTiersTests
{
    private static readonly SeverityTiers PageTicketLog = new(new SeverityTier("page", 0.05), new SeverityTier("ticket", 0.2), new SeverityTier("log", 0.5));

    /// <summary>Scores 1..n (distinct), labels irrelevant to tiers.</summary>
    private static BinaryScores Ranks(int n, double[]? weights = null)
        => BinaryScores.Create([.. Enumerable.Range(0, n).Select(i => i % 7 == 0)], [.. Enumerable.Range(1, n).Select(i => (double)i)], weights);

    public static TheoryData<string, Func<SeverityTiers>> InvalidDefinitions => new()
    {
        { "The tier name 'page' is given twice", () => new SeverityTiers(new SeverityTier("page", 0.01), new SeverityTier("page", 0.1)) },
        { "Tier 'ticket' has budget 0.1, not above the 0.1 of the more severe tier 'page'", () => new SeverityTiers(new SeverityTier("page", 0.1), new SeverityTier("ticket", 0.1)) },
        { "Tier 'ticket' has budget 0.1, not above the 0.2 of the more severe tier 'page'", () => new SeverityTiers(new SeverityTier("page", 0.2), new SeverityTier("ticket", 0.1)) },
        { "Severity tiers need at least one tier", () => new SeverityTiers() },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public void An_invalid_definition_is_refused_with_a_message_naming_the_problem(string problem, Func<SeverityTiers> define)
    {
        var error = Assert.Throws<ArgumentException>(define);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_budget_outside_zero_to_one_is_refused(double budget)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SeverityTier("page", budget));
        Assert.Contains("(0, 1]", error.Message);
    }

    [Fact]
    public void A_blank_name_is_refused()
        => Assert.Throws<ArgumentException>(() => new SeverityTier(" ", 0.1));

    [Fact]
    public void Tiers_parse_from_shares_and_alerts_per_rows()
    {
        var tiers = SeverityTiers.Parse("page:5/1000, ticket:0.02,log:1/10");

        Assert.Equal(["page", "ticket", "log"], tiers.Tiers.Select(t => t.Name));
        Assert.Equal([0.005, 0.02, 0.1], tiers.Tiers.Select(t => t.Budget));
        Assert.Equal(tiers.ToString(), SeverityTiers.Parse(tiers.ToString()).ToString());
        Assert.Throws<FormatException>(() => SeverityTiers.Parse("page"));
        Assert.Throws<FormatException>(() => SeverityTiers.Parse("page:lots"));
        Assert.Throws<FormatException>(() => SeverityTiers.Parse("page:1.5/1000"));
        Assert.Throws<ArgumentException>(() => SeverityTiers.Parse("page:0.1,ticket:0.05"));
    }

    [Fact]
    public void Each_tier_fills_its_budget_from_the_top_score_down()
    {
        var tiers = TierThresholds.Tune(PageTicketLog, Ranks(100));

        Assert.Equal([96.0, 81.0, 51.0], tiers.Tiers.Select(t => t.Threshold));
        Assert.Equal([0.05, 0.2, 0.5], tiers.Tiers.Select(t => t.TuningShare));
        Assert.Equal(0, tiers.TierOf(100));
        Assert.Equal(0, tiers.TierOf(96));
        Assert.Equal(1, tiers.TierOf(95.5));
        Assert.Equal(2, tiers.TierOf(51));
        Assert.Equal(-1, tiers.TierOf(50.9));
        Assert.Null(tiers.Of(3));
        Assert.Equal("ticket", tiers.Of(90)!.Name);
    }

    [Fact]
    public void Weights_count_as_rows_when_filling_a_budget()
    {
        // The top row weighs as much as the 99 others together, so it alone is half the budget's rows.
        var weights = Enumerable.Repeat(1.0, 100).ToArray();
        weights[99] = 99;

        var tiers = TierThresholds.Tune(new SeverityTiers(new SeverityTier("page", 0.4), new SeverityTier("ticket", 0.6)), Ranks(100, weights));

        Assert.True(tiers.Tiers[0].FlagsNothing, "the top row alone is 50 % of the weight, over the 40 % budget");
        Assert.Equal(81.0, tiers.Tiers[1].Threshold); // 99 + 19 = 118 of 198 ≤ 0.6 · 198 = 118.8
        Assert.Equal(118 / 198.0, tiers.Tiers[1].TuningShare, 12);
    }

    [Fact]
    public void A_budget_equal_scores_do_not_fit_flags_nothing_and_the_next_tier_takes_them()
    {
        // Ten rows tie at the top score: a 5 % budget cannot take them, a 20 % budget takes them and ten more.
        double[] scores = [.. Enumerable.Repeat(1.0, 10), .. Enumerable.Range(0, 90).Select(i => i / 100.0)];
        var data = BinaryScores.Create(new bool[100], scores);

        var tiers = TierThresholds.Tune(PageTicketLog, data);

        Assert.True(tiers.Tiers[0].FlagsNothing);
        Assert.True(tiers.Tiers[0].Threshold > 1.0);
        Assert.Equal(0, tiers.Tiers[0].TuningShare);
        Assert.Equal(0.8, tiers.Tiers[1].Threshold); // 10 tied + 0.89..0.80
        Assert.Equal(0.2, tiers.Tiers[1].TuningShare, 12);
        Assert.Equal(1, tiers.TierOf(1.0));
    }

    [Fact]
    public void A_pipeline_places_its_tiers_on_out_of_fold_scores_of_the_training_rows()
    {
        var (training, holdout) = Split.Stratified(SegmentTestData.Load(), holdoutFraction: 0.3, seed: 2);
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1),
            Tiers = SeverityTiers.Parse("page:0.02,ticket:0.08,log:0.2"),
        }.Fit(training);

        var tiers = fitted.Tiers!;
        Assert.Equal(["page", "ticket", "log"], tiers.Tiers.Select(t => t.Name));
        for (var t = 0; t < tiers.Tiers.Count; t++)
        {
            Assert.InRange(tiers.Tiers[t].TuningShare, 0.5 * tiers.Tiers[t].Budget, tiers.Tiers[t].Budget); // continuous scores nearly fill each budget
            Assert.True(t == 0 || tiers.Tiers[t].Threshold <= tiers.Tiers[t - 1].Threshold);
        }

        var probabilities = fitted.PositiveProbabilities(holdout);
        for (var i = 0; i < holdout.RowCount; i++)
        {
            Assert.Equal(tiers.Of(probabilities[i]), fitted.PredictTier(holdout.GetRow(i)));
        }

        var withoutTiers = new ImbalancePipeline(new LogisticRegression()) { Threshold = ThresholdPolicy.Fixed(0.5) }.Fit(training);
        Assert.Null(withoutTiers.Tiers);
        Assert.Throws<InvalidOperationException>(() => withoutTiers.PredictTier(holdout.GetRow(0)));
    }

    [Fact]
    public void Tiers_alone_make_the_pipeline_use_inner_folds()
    {
        var pipeline = new ImbalancePipeline(new LogisticRegression()) { Tiers = PageTicketLog, Calibration = CalibrationMethod.None };

        Assert.True(pipeline.NeedsInnerFolds);
        var fitted = pipeline.Fit(Split.FromPreSplit(SegmentTestData.Load()));
        Assert.Null(fitted.Threshold);
        Assert.Equal(3, fitted.Tiers!.Tiers.Count);
    }
}
