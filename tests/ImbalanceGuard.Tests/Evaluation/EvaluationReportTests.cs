using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

public class EvaluationReportTests
{
    [Fact]
    public void Without_a_threshold_there_are_no_decision_metrics()
    {
        var oracle = MetricsOracle.Load("pima", "logreg_oof");
        var report = EvaluationReport.Of(oracle.Data);
        Near.Equal(oracle["roc_auc"].GetDouble(), report.RocAuc, "roc_auc");
        Near.Equal(oracle["average_precision"].GetDouble(), report.AveragePrecision, "ap");
        Near.Equal(oracle["brier"].GetDouble(), report.BrierScore!.Value, "brier");
        Near.Equal(oracle["log_loss"].GetDouble(), report.LogLoss!.Value, "log loss");
        Assert.Equal(268.0 / 768, report.PositiveShare);
        Assert.Null(report.Threshold);
        Assert.Null(report.Confusion);
        Assert.Null(report.Accuracy);
        Assert.Null(report.BeatsMajorityBaseline);
        Assert.Null(report.BaselineVerdict);
        Assert.Null(report.ClassReport);
        var text = report.ToString();
        Assert.Contains("no threshold given", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ccuracy", text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_threshold_the_decision_and_its_baseline_are_reported()
    {
        var oracle = MetricsOracle.Load("pima", "logreg_oof");
        var report = EvaluationReport.Of(oracle.Data, 0.5);
        var at = oracle["at_0_5"];
        Assert.Equal(0.5, report.Threshold);
        Near.Equal(at.GetProperty("mcc").GetDouble(), report.Confusion!.Value.MatthewsCorrelation, "mcc");
        Near.Equal(at.GetProperty("accuracy").GetDouble(), report.Accuracy!.Value, "accuracy");
        Assert.Equal(500.0 / 768, report.MajorityBaselineAccuracy);
        Assert.True(report.BeatsMajorityBaseline);
        Assert.Equal("Accuracy 0.775 beats the majority baseline 0.651 (always predicting negative) by 0.124.", report.BaselineVerdict);
        Near.Equal(at.GetProperty("report_imbalanced").GetProperty("1").GetProperty("iba").GetDouble(), report.ClassReport!["positive"].IndexBalancedAccuracy, "iba");
        var text = report.ToString();
        Assert.Contains("Decision at score >= 0.5: TP 154, FP 59, FN 114, TN 441.", text, StringComparison.Ordinal);
        Assert.Contains("MCC 0.486", text, StringComparison.Ordinal);
    }

    /// <summary>hacide is 49:1; a decision that flags almost nothing has a high accuracy that does not beat predicting "negative" always.</summary>
    [Fact]
    public void A_decision_that_does_not_beat_the_majority_baseline_says_so()
    {
        var oracle = MetricsOracle.Load("hacide", "logreg_oof");
        var report = EvaluationReport.Of(oracle.Data, 0.99);
        Assert.False(report.BeatsMajorityBaseline);
        Assert.True(report.Accuracy > 0.97);
        Assert.Contains("does NOT beat the majority baseline 0.98 (always predicting negative)", report.BaselineVerdict, StringComparison.Ordinal);
        Assert.Contains(report.BaselineVerdict!, report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_that_are_not_probabilities_have_no_probability_metrics()
    {
        var data = BinaryScores.Create([0, 1, 0, 1], [-2.5, 1.5, 2.0, 3.0]);
        var report = EvaluationReport.Of(data, 0);
        Assert.False(report.ScoresAreProbabilities);
        Assert.Null(report.BrierScore);
        Assert.Null(report.LogLoss);
        Assert.Equal(0.75, report.RocAuc);
        Assert.Contains("scores are not in [0, 1]", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void One_class_empty_data_and_a_NaN_threshold_are_refused()
    {
        var noPositives = Assert.Throws<ArgumentException>(() => EvaluationReport.Of(BinaryScores.Create([0, 0], [0.1, 0.2])));
        Assert.Contains("no positive rows", noPositives.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EvaluationReport.Of(BinaryScores.Create(ReadOnlySpan<int>.Empty, [])));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationReport.Of(BinaryScores.Create([0, 1], [0.1, 0.2]), double.NaN));
    }
}
