using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>One class, all scores tied, empty input, bad arguments: what each metric does, as documented.</summary>
public class EdgeCaseTests
{
    private static readonly BinaryScores OnlyNegatives = BinaryScores.Create([0, 0, 0], [0.2, 0.6, 0.2]);
    private static readonly BinaryScores OnlyPositives = BinaryScores.Create([1, 1, 1], [0.2, 0.6, 0.2]);
    private static readonly BinaryScores Empty = BinaryScores.Create(ReadOnlySpan<int>.Empty, []);

    [Fact]
    public void Ranking_metrics_of_one_class_throw_naming_the_missing_class()
    {
        Assert.Contains("ROC-AUC needs both classes; the data has no positive rows", Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc(OnlyNegatives)).Message, StringComparison.Ordinal);
        Assert.Contains("ROC-AUC needs both classes; the data has no negative rows", Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc(OnlyPositives)).Message, StringComparison.Ordinal);
        Assert.Contains("no positive rows", Assert.Throws<ArgumentException>(() => BinaryMetrics.AveragePrecision(OnlyNegatives)).Message, StringComparison.Ordinal);
        Assert.Contains("no negative rows", Assert.Throws<ArgumentException>(() => BinaryMetrics.AveragePrecision(OnlyPositives)).Message, StringComparison.Ordinal);
        Assert.Contains("no negative rows", Assert.Throws<ArgumentException>(() => RocCurve.Of(OnlyPositives)).Message, StringComparison.Ordinal);
        Assert.Contains("no positive rows", Assert.Throws<ArgumentException>(() => PrecisionRecallCurve.Of(OnlyNegatives)).Message, StringComparison.Ordinal);
        Assert.Contains("no positive rows", Assert.Throws<ArgumentException>(() => OperatingPoints.RecallAtPrecision(OnlyNegatives, 0.5)).Message, StringComparison.Ordinal);
    }

    /// <summary>Weight counts: a class whose rows all weigh 0 is missing.</summary>
    [Fact]
    public void A_class_of_zero_weight_is_missing()
    {
        var data = BinaryScores.Create([0, 1, 0], [0.2, 0.9, 0.4], [1.0, 0, 1]);
        Assert.Contains("no positive rows", Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc(data)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_that_are_defined_for_one_class()
    {
        // Positives only: the precision-recall curve has precision 1 everywhere, the search finds recall 1.
        var curve = PrecisionRecallCurve.Of(OnlyPositives);
        Assert.Equal([1.0, 1, 1], curve.Precision);
        Assert.Equal([1.0, 1.0 / 3, 0], curve.Recall);
        Assert.Equal(1.0, OperatingPoints.RecallAtPrecision(OnlyPositives, 1)!.Value.Recall);

        // Probabilities: labels are known to be 0 and 1, so the Brier score and log loss are defined.
        Assert.Equal(((0.2 * 0.2 * 2) + (0.6 * 0.6)) / 3, BinaryMetrics.BrierScore(OnlyNegatives), 15);
        Assert.Equal(-((2 * Math.Log(0.8)) + Math.Log(0.4)) / 3, BinaryMetrics.LogLoss(OnlyNegatives), 15);
        Assert.Equal([0.0, 0.0], CalibrationCurve.Of(OnlyNegatives, 2).FractionOfPositives);
        Assert.Equal(0, OperatingPoints.PrecisionAtK(OnlyNegatives, 2));
        Assert.Equal(1, OperatingPoints.PrecisionAtK(OnlyPositives, 3));
        var decision = BinaryConfusion.At(OnlyNegatives, 0.5);
        Assert.Equal(new BinaryConfusion(2, 1, 0, 0), decision);
        Assert.Equal(0, decision.Recall);
        Assert.Equal(0, decision.Precision);
    }

    [Fact]
    public void All_scores_tied_is_a_ranking_without_information()
    {
        var data = BinaryScores.Create([1, 0, 0, 1, 0], [0.3, 0.3, 0.3, 0.3, 0.3]);
        Assert.Equal(0.5, BinaryMetrics.RocAuc(data));
        Assert.Equal(0.4, BinaryMetrics.AveragePrecision(data));
        var roc = RocCurve.Of(data);
        Assert.Equal([0.0, 1], roc.FalsePositiveRates);
        Assert.Equal([0.0, 1], roc.TruePositiveRates);
        Assert.Equal([0.3], roc.Thresholds);
        var pr = PrecisionRecallCurve.Of(data);
        Assert.Equal([0.4, 1], pr.Precision);
        Assert.Equal([1.0, 0], pr.Recall);
        Assert.Equal([0.3], pr.Thresholds);
        for (var k = 1; k <= 5; k++)
        {
            Assert.Equal(0.4, OperatingPoints.PrecisionAtK(data, k), 15);
        }

        // The fourth uniform edge is 3 · 0.1 = 0.30000000000000004 (NumPy's linspace), so 0.3 is in bin 2.
        var uniform = CalibrationCurve.Of(data, 10);
        Assert.Equal([2], uniform.Bins);
        Assert.Equal([0.3], uniform.MeanPredicted);
        var quantile = CalibrationCurve.Of(data, 4, CalibrationBinning.Quantile);
        Assert.Equal([0.3, 0.3, 0.3, 0.3, 0.3], quantile.Edges);
        Assert.Equal([0.4], quantile.FractionOfPositives);
    }

    [Fact]
    public void Empty_input_is_refused_by_every_metric()
    {
        Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc(Empty));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.AveragePrecision(Empty));
        Assert.Throws<ArgumentException>(() => RocCurve.Of(Empty));
        Assert.Throws<ArgumentException>(() => PrecisionRecallCurve.Of(Empty));
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => BinaryMetrics.BrierScore(Empty)).Message, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => BinaryMetrics.LogLoss(Empty)).Message, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => CalibrationCurve.Of(Empty)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatingPoints.PrecisionAtK(Empty, 1));
        Assert.Throws<ArgumentException>(() => OperatingPoints.RecallAtPrecision(Empty, 0.5));
        Assert.Throws<ArgumentException>(() => EvaluationReport.Of(Empty));
        Assert.Equal(0, Empty.Sweep.Count);
        Assert.Equal(default, BinaryConfusion.At(Empty, 0.5));
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_problem_named()
    {
        var data = BinaryScores.Create([0, 1, 1], [0.2, 1.4, 0.5]);
        Assert.Contains("row 1 has score 1.4", Assert.Throws<ArgumentException>(() => BinaryMetrics.BrierScore(data)).Message, StringComparison.Ordinal);
        Assert.Contains("row 1 has score 1.4", Assert.Throws<ArgumentException>(() => BinaryMetrics.LogLoss(data)).Message, StringComparison.Ordinal);
        Assert.Contains("row 1 has score 1.4", Assert.Throws<ArgumentException>(() => CalibrationCurve.Of(data)).Message, StringComparison.Ordinal);
        Assert.Equal(1.0, BinaryMetrics.RocAuc(data)); // ranking metrics take any scores

        var probabilities = BinaryScores.Create([0, 1, 1], [0.2, 0.9, 0.5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMetrics.LogLoss(probabilities, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMetrics.LogLoss(probabilities, -1e-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationCurve.Of(probabilities, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationCurve.Of(probabilities, 5, (CalibrationBinning)9));
        var weighted = BinaryScores.Create([0, 1, 1], [0.2, 0.9, 0.5], [1.0, 2, 1]);
        Assert.Contains("uniform bins", Assert.Throws<ArgumentException>(() => CalibrationCurve.Of(weighted, 3, CalibrationBinning.Quantile)).Message, StringComparison.Ordinal);
        var weightless = BinaryScores.Create([0, 1], [0.2, 0.9], [0.0, 0]);
        Assert.Contains("weight 0", Assert.Throws<ArgumentException>(() => BinaryMetrics.BrierScore(weightless)).Message, StringComparison.Ordinal);
    }

    /// <summary>With a log-loss clip of 0, a confident mistake costs infinitely much; the default bounds it at −log ε.</summary>
    [Fact]
    public void A_confident_mistake_is_bounded_by_the_clipping_margin()
    {
        var data = BinaryScores.Create([1, 0], [0.0, 0.0]);
        Assert.Equal(-Math.Log(2.220446049250313E-16) / 2, BinaryMetrics.LogLoss(data), 12);
        Assert.Equal(double.PositiveInfinity, BinaryMetrics.LogLoss(data, 0));
    }

    /// <summary>A score on an inner edge belongs to the bin below it, as NumPy's searchsorted(side="left").</summary>
    [Fact]
    public void A_score_on_a_bin_edge_falls_in_the_lower_bin()
    {
        var data = BinaryScores.Create([0, 1, 1, 0], [0.5, 0.5000000000000001, 0.0, 1.0]);
        var curve = CalibrationCurve.Of(data, 2);
        Assert.Equal([0.0, 0.5, 1], curve.Edges);
        Assert.Equal([2.0, 2], curve.BinWeights);
        Assert.Equal([0.25, (0.5000000000000001 + 1.0) / 2], curve.MeanPredicted);
    }
}
