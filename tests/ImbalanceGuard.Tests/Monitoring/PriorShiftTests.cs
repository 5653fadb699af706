using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Monitoring;
using ImbalanceGuard.Pipelines;

namespace ImbalanceGuard.Tests.Monitoring;

/// <summary>Today's positive rate from unlabelled scores, recovered on real data whose class balance was shifted by sub-sampling.</summary>
public class PriorShiftTests
{
    private static readonly Lazy<Dictionary<string, (BinaryScores Scores, bool[] Positive, double[] Score)>> OutOfFold = new(() => new[] { "satimage", "spam", "pima" }.ToDictionary(name => name, name =>
    {
        // Out-of-fold probabilities of a plain logistic regression: every row scored by a model that did not see it.
        var data = RepositoryFiles.LoadData(name + ".csv");
        var scores = CrossValidation.Run(StrategyCatalog.Create("none", "logistic", seed: 0), data, new StratifiedKFold(5, shuffle: true, seed: 0)).OutOfFoldScores;
        return (scores, scores.IsPositive.ToArray(), scores.Scores.ToArray());
    }));

    public static TheoryData<string, double> Shifts() => new()
    {
        { "satimage", 0.03 }, { "satimage", 0.25 }, { "spam", 0.15 }, { "spam", 0.6 }, { "pima", 0.15 }, { "pima", 0.55 },
    };

    [Theory]
    [MemberData(nameof(Shifts))]
    public void The_estimate_recovers_the_true_rate_within_its_interval(string dataset, double targetRate)
    {
        var (reference, current, trueRate) = Shift(dataset, targetRate, seed: 1);

        var estimate = PriorShift.Estimate(reference, current, new PriorShiftOptions { Seed = 7 });

        Assert.InRange(trueRate, estimate.IntervalLow, estimate.IntervalHigh);
        Assert.InRange(estimate.PositiveRate, estimate.IntervalLow, estimate.IntervalHigh);
        Assert.True(Math.Abs(estimate.PositiveRate - trueRate) < Math.Abs(estimate.ReferencePositiveRate - trueRate), "the estimate should move towards the true rate");
    }

    [Fact]
    public void Black_box_shift_estimation_and_the_alerts_it_implies_follow_the_reference_rates_at_the_threshold()
    {
        var (reference, current, trueRate) = Shift("spam", 0.6, seed: 2);

        var estimate = PriorShift.Estimate(reference, current, new PriorShiftOptions { Threshold = 0.5, Seed = 3 });

        var tpr = Rate(reference, positive: true, 0.5);
        var fpr = Rate(reference, positive: false, 0.5);
        var flagged = current.Count(s => s >= 0.5) / (double)current.Length;
        Assert.Equal(tpr, estimate.TruePositiveRate);
        Assert.Equal(fpr, estimate.FalsePositiveRate);
        Assert.Equal(flagged, estimate.CurrentFlaggedShare);
        Assert.Equal(Math.Clamp((flagged - fpr) / (tpr - fpr), 0, 1), estimate.BlackBoxPositiveRate!.Value, 15);
        Assert.True(Math.Abs(estimate.BlackBoxPositiveRate.Value - trueRate) < 0.05, $"BBSE {estimate.BlackBoxPositiveRate} against {trueRate}, EM {estimate.PositiveRate}, TPR {tpr}, FPR {fpr}");
        var share = (estimate.PositiveRate * tpr) + ((1 - estimate.PositiveRate) * fpr);
        Assert.Equal(share * 1000, estimate.ExpectedAlertsPer(1000)!.Value, 9);
        Assert.Equal(estimate.PositiveRate * tpr / share, estimate.ExpectedPrecision!.Value, 12);
        Assert.Equal(tpr, estimate.ExpectedRecall);
    }

    [Fact]
    public void Unshifted_data_gives_the_reference_rate_back_within_the_interval()
    {
        var (scores, positive, score) = OutOfFold.Value["satimage"];
        var rows = Enumerable.Range(0, scores.Count).ToArray();
        var reference = BinaryScores.Create([.. rows.Where(i => i % 2 == 0).Select(i => positive[i])], [.. rows.Where(i => i % 2 == 0).Select(i => score[i])]);
        var current = rows.Where(i => i % 2 == 1).Select(i => score[i]).ToArray();
        var trueRate = rows.Where(i => i % 2 == 1).Count(i => positive[i]) / (double)current.Length;

        var estimate = PriorShift.Estimate(reference, current);

        Assert.InRange(trueRate, estimate.IntervalLow, estimate.IntervalHigh);
        Assert.True(Math.Abs(estimate.PositiveRate - estimate.ReferencePositiveRate) < 0.02);
    }

    [Fact]
    public void Corrected_probabilities_rise_with_the_score_and_the_threshold_for_a_probability_inverts_them()
    {
        var (reference, current, _) = Shift("satimage", 0.03, seed: 4);
        var estimate = PriorShift.Estimate(reference, current);

        var probabilities = new[] { 0.01, 0.1, 0.3, 0.6, 0.9, 0.99 }.Select(estimate.Probability).ToArray();
        Assert.Equal(probabilities.Order(), probabilities);
        var cut = estimate.ScoreThresholdFor(0.2)!.Value;
        Assert.Equal(0.2, estimate.Probability(cut), 9);
        Assert.True(estimate.Probability(0.5) < 0.5, "fewer positives today: a score of 0.5 is less likely a positive than it was");
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval()
    {
        var (reference, current, _) = Shift("pima", 0.2, seed: 5);

        var first = PriorShift.Estimate(reference, current, new PriorShiftOptions { Seed = 11, BootstrapSamples = 50 });
        var second = PriorShift.Estimate(reference, current, new PriorShiftOptions { Seed = 11, BootstrapSamples = 50 });

        Assert.Equal(first.IntervalLow, second.IntervalLow);
        Assert.Equal(first.IntervalHigh, second.IntervalHigh);
        Assert.Equal(first.PositiveRate, second.PositiveRate);
    }

    [Fact]
    public void Bad_input_is_refused_with_what_is_wrong()
    {
        var reference = BinaryScores.Create([true, false, true, false], [0.9, 0.2, 0.7, 0.4]);

        Assert.Contains("needs current scores", Assert.Throws<ArgumentException>(() => PriorShift.Estimate(reference, [])).Message, StringComparison.Ordinal);
        Assert.Contains("Current score 1 is 1.5", Assert.Throws<ArgumentException>(() => PriorShift.Estimate(reference, [0.2, 1.5])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PriorShift.Estimate(BinaryScores.Create([true, true], [0.9, 0.8]), [0.5]));
        Assert.Throws<ArgumentException>(() => PriorShift.Estimate(BinaryScores.Create([true, false], [3.0, -1.0]), [0.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PriorShiftOptions { Threshold = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PriorShiftOptions { BootstrapSamples = 5 });
    }

    /// <summary>
    /// Half the rows (stratified by row order) as the labelled reference; from the other half, rows of one class dropped at
    /// random until the positives make up <paramref name="targetRate"/>: the current data, scored but unlabelled.
    /// </summary>
    private static (BinaryScores Reference, double[] Current, double TrueRate) Shift(string dataset, double targetRate, int seed)
    {
        var (_, positive, score) = OutOfFold.Value[dataset];
        var random = new Random(seed);
        var order = Enumerable.Range(0, positive.Length).OrderBy(_ => random.Next()).ToArray();
        var reference = order.Where((_, k) => k % 2 == 0).ToArray();
        var rest = order.Where((_, k) => k % 2 == 1).ToArray();
        var positives = rest.Where(i => positive[i]).ToArray();
        var negatives = rest.Where(i => !positive[i]).ToArray();
        var rate = positives.Length / (double)rest.Length;
        var kept = targetRate < rate
            ? negatives.Concat(positives.Take((int)Math.Round(targetRate * negatives.Length / (1 - targetRate)))).ToArray()
            : positives.Concat(negatives.Take((int)Math.Round((1 - targetRate) * positives.Length / targetRate))).ToArray();
        var trueRate = kept.Count(i => positive[i]) / (double)kept.Length;
        return (
            BinaryScores.Create([.. reference.Select(i => positive[i])], [.. reference.Select(i => score[i])]),
            [.. kept.Select(i => score[i])],
            trueRate);
    }

    private static double Rate(BinaryScores reference, bool positive, double threshold)
    {
        var rows = Enumerable.Range(0, reference.Count).Where(i => reference.IsPositive[i] == positive).ToArray();
        return rows.Count(i => reference.Scores[i] >= threshold) / (double)rows.Length;
    }
}
