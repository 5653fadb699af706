using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Pipelines;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>Metrics per group: each group as if evaluated alone, the small ones marked, the outliers called out.</summary>
public class SubgroupEvaluationTests
{
    private static readonly Lazy<(BinaryScores Scores, string[] AgeBands)> Pima = new(() =>
    {
        // Out-of-fold probabilities of a logistic regression on pima, grouped by age band: real scores, real groups.
        var data = RepositoryFiles.LoadData("pima.csv");
        var result = CrossValidation.Run(StrategyCatalog.Create("none", "logistic", seed: 0), data, new StratifiedKFold(5, shuffle: true, seed: 0));
        var age = Array.IndexOf([.. data.Schema.FeatureNames], "age");
        var bands = Enumerable.Range(0, data.RowCount).Select(i => data.GetRow(i)[age] switch { < 30 => "under-30", < 50 => "30-49", _ => "50+" }).ToArray();
        return (result.OutOfFoldScores, bands);
    });

    [Fact]
    public void Each_group_gets_the_metrics_it_would_get_evaluated_alone()
    {
        var (scores, bands) = Pima.Value;

        var report = SubgroupEvaluation.Of(scores, bands, threshold: 0.35);

        Assert.Equal(["under-30", "30-49", "50+"], report.Groups.Select(g => g.Group)); // largest first
        Assert.Equal(scores.Count, report.Groups.Sum(g => g.Rows));
        foreach (var group in report.Groups)
        {
            var rows = Enumerable.Range(0, scores.Count).Where(i => bands[i] == group.Group).ToArray();
            var alone = EvaluationReport.Of(BinaryScores.Create([.. rows.Select(i => scores.IsPositive[i])], [.. rows.Select(i => scores.Scores[i])]), 0.35);
            Assert.Equal(alone.RocAuc, group.Report!.RocAuc, 15);
            Assert.Equal(alone.AveragePrecision, group.Report.AveragePrecision, 15);
            Assert.Equal(alone.BrierScore, group.Report.BrierScore);
            Assert.Equal(alone.Confusion, group.Report.Confusion);
            Assert.Equal(rows.Count(i => scores.IsPositive[i]) / (double)rows.Length, group.BaseRate, 15);
            Assert.Equal(rows.Average(i => scores.Scores[i]), group.MeanScore, 12);
            Assert.False(group.TooSmall);
        }
    }

    [Fact]
    public void The_group_whose_recall_differs_most_from_the_other_rows_is_called_out()
    {
        var (scores, bands) = Pima.Value;

        var gap = SubgroupEvaluation.Of(scores, bands, threshold: 0.35).LargestRecallGap!;

        // Recomputed here group by group against all other rows: the called-out group has the largest gap.
        var gaps = bands.Distinct().ToDictionary(b => b, b => Recall(scores, i => bands[i] == b, 0.35) - Recall(scores, i => bands[i] != b, 0.35));
        Assert.Equal(gaps.MaxBy(g => Math.Abs(g.Value)).Key, gap.Group);
        Assert.Equal("recall", gap.Metric);
        Assert.Equal(gaps[gap.Group], gap.Difference, 12);
    }

    [Fact]
    public void Without_a_threshold_there_is_no_recall_gap_but_calibration_is_still_compared()
    {
        var (scores, bands) = Pima.Value;

        var report = SubgroupEvaluation.Of(scores, bands);

        Assert.Null(report.LargestRecallGap);
        Assert.All(report.Groups, g => Assert.Null(g.Report!.Confusion));
        var calibration = report.LargestCalibrationGap!;
        var group = report.Groups.Single(g => g.Group == calibration.Group);
        Assert.Equal(group.CalibrationInTheLarge, calibration.GroupValue, 15);
    }

    [Fact]
    public void The_calibration_error_is_the_weighted_distance_of_each_bin_from_its_share_of_positives()
    {
        // Bin [0.1, 0.2): scores 0.1, 0.1, one positive → |0.1 − 0.5| = 0.4 over 2 rows; bin [0.9, 1]: 0.9, 0.9, both positive → 0.1 over 2.
        var data = BinaryScores.Create([true, false, true, true], [0.1, 0.1, 0.9, 0.9]);

        Assert.Equal(((2 * 0.4) + (2 * 0.1)) / 4, BinaryMetrics.ExpectedCalibrationError(data), 15);
        Assert.Equal(0, BinaryMetrics.ExpectedCalibrationError(BinaryScores.Create([true, false], [1.0, 0.0])));
    }

    [Fact]
    public void A_group_with_one_class_has_no_ranking_metrics_is_too_small_and_is_never_called_out()
    {
        var positive = Enumerable.Range(0, 60).Select(i => i % 3 == 0).ToList();
        var scores = Enumerable.Range(0, 60).Select(i => positive[i] ? 0.7 : 0.2).ToList();
        var groups = Enumerable.Range(0, 60).Select(i => i < 30 ? "a" : "b").ToList();
        positive.AddRange([false, false, false]);
        scores.AddRange([0.9, 0.9, 0.9]);
        groups.AddRange(["only-negatives", "only-negatives", "only-negatives"]);

        var report = SubgroupEvaluation.Of(BinaryScores.Create([.. positive], [.. scores]), groups, threshold: 0.5);

        var lonely = report.Groups.Single(g => g.Group == "only-negatives");
        Assert.Null(lonely.Report);
        Assert.True(lonely.TooSmall);
        Assert.Equal(0, lonely.BaseRate);
        Assert.Equal(0.9, lonely.CalibrationInTheLarge, 15);
        Assert.NotEqual("only-negatives", report.LargestCalibrationGap!.Group); // its +0.9 would be the largest
        Assert.Equal(3, lonely.Rows);
    }

    [Fact]
    public void A_blank_group_is_a_group_of_its_own_and_one_group_has_nothing_to_differ_from()
    {
        var data = BinaryScores.Create([true, false, true, false], [0.8, 0.3, 0.6, 0.1]);

        var report = SubgroupEvaluation.Of(data, [string.Empty, string.Empty, string.Empty, string.Empty], threshold: 0.5);

        var only = Assert.Single(report.Groups);
        Assert.Equal(string.Empty, only.Group);
        Assert.True(only.TooSmall);
        Assert.Null(report.LargestRecallGap);
        Assert.Null(report.LargestCalibrationGap);
    }

    [Fact]
    public void Raw_scores_have_no_calibration_figures()
    {
        var data = BinaryScores.Create([true, false, true, false], [3.5, -1.0, 2.0, 0.5]);

        var report = SubgroupEvaluation.Of(data, ["x", "x", "y", "y"]);

        Assert.All(report.Groups, g => Assert.Null(g.CalibrationError));
        Assert.Null(report.LargestCalibrationGap);
    }

    [Fact]
    public void Bad_input_is_refused_with_what_is_wrong()
    {
        var data = BinaryScores.Create([true, false], [0.8, 0.3]);

        Assert.Contains("1 group names for 2 rows", Assert.Throws<ArgumentException>(() => SubgroupEvaluation.Of(data, ["a"])).Message, StringComparison.Ordinal);
        Assert.Contains("the data is empty", Assert.Throws<ArgumentException>(() => SubgroupEvaluation.Of(BinaryScores.Create(ReadOnlySpan<bool>.Empty, []), [])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SubgroupEvaluation.Of(data, ["a", "b"], double.NaN));
    }

    private static double Recall(BinaryScores scores, Func<int, bool> include, double threshold)
    {
        var rows = Enumerable.Range(0, scores.Count).Where(include).ToArray();
        return rows.Count(i => scores.IsPositive[i] && scores.Scores[i] >= threshold) / (double)rows.Count(i => scores.IsPositive[i]);
    }
}
