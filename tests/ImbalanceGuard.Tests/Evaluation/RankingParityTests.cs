using System.Text.Json;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>
/// Curves and threshold-free metrics against scikit-learn 1.2.1, point for point: the shared oracles
/// (unweighted, raw and tied scores) and the weighted cases of <c>Fixtures/binary.json</c>.
/// </summary>
public class RankingParityTests
{
    public static TheoryData<string, string> Cases() => MetricsOracle.CaseNames();

    public static TheoryData<string> WeightedCases() => EvaluationFixture.CaseNames("binary.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Roc_curve_and_area_match(string dataset, string caseName)
    {
        var oracle = MetricsOracle.Load(dataset, caseName);
        CheckRoc(oracle["roc_curve"], RocCurve.Of(oracle.Data), oracle.ToString());
        Near.Equal(oracle["roc_auc"].GetDouble(), BinaryMetrics.RocAuc(oracle.Data), $"{oracle} roc_auc");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Precision_recall_curve_and_average_precision_match(string dataset, string caseName)
    {
        var oracle = MetricsOracle.Load(dataset, caseName);
        CheckPrecisionRecall(oracle["pr_curve"], PrecisionRecallCurve.Of(oracle.Data), oracle.ToString());
        Near.Equal(oracle["average_precision"].GetDouble(), BinaryMetrics.AveragePrecision(oracle.Data), $"{oracle} average_precision");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Brier_score_and_log_loss_match(string dataset, string caseName)
    {
        var oracle = MetricsOracle.Load(dataset, caseName);
        Near.Equal(oracle["brier"].GetDouble(), BinaryMetrics.BrierScore(oracle.Data), $"{oracle} brier");
        // The shared oracles clipped at 1e-15 (the default before scikit-learn 1.2; 1.2.1's own default
        // gives other values where a rounded probability is exactly 0 or 1, see Fixtures/binary.json).
        Near.Equal(oracle["log_loss"].GetDouble(), BinaryMetrics.LogLoss(oracle.Data, 1e-15), $"{oracle} log_loss");
    }

    /// <summary>The default clipping is scikit-learn 1.2.1's eps="auto", the float64 machine epsilon.</summary>
    [Theory]
    [MemberData(nameof(WeightedCases))]
    public void Log_loss_clips_at_machine_epsilon_by_default(string caseName)
    {
        var c = EvaluationFixture.Case("binary.json", caseName);
        var data = EvaluationFixture.Binary(c, weighted: false);
        Near.Equal(c.GetProperty("log_loss_eps_auto").GetDouble(), BinaryMetrics.LogLoss(data), $"{caseName} eps=auto");
        Near.Equal(c.GetProperty("log_loss_eps_1e_15").GetDouble(), BinaryMetrics.LogLoss(data, 1e-15), $"{caseName} eps=1e-15");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Uniform_calibration_curve_matches(string dataset, string caseName)
    {
        var oracle = MetricsOracle.Load(dataset, caseName);
        var expected = oracle["calibration_curve_uniform_10"];
        var curve = CalibrationCurve.Of(oracle.Data, 10);
        Near.Equal(MetricsOracle.Doubles(expected.GetProperty("prob_true")), curve.FractionOfPositives, $"{oracle} prob_true");
        Near.Equal(MetricsOracle.Doubles(expected.GetProperty("prob_pred")), curve.MeanPredicted, $"{oracle} prob_pred");
    }

    [Theory]
    [MemberData(nameof(WeightedCases))]
    public void Quantile_and_five_bin_calibration_curves_match(string caseName)
    {
        var c = EvaluationFixture.Case("binary.json", caseName);
        var data = EvaluationFixture.Binary(c, weighted: false);
        foreach (var property in c.GetProperty("calibration").EnumerateObject())
        {
            var parts = property.Name.Split('_');
            var binning = parts[0] == "quantile" ? CalibrationBinning.Quantile : CalibrationBinning.Uniform;
            var curve = CalibrationCurve.Of(data, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), binning);
            Near.Equal(MetricsOracle.Doubles(property.Value.GetProperty("prob_true")), curve.FractionOfPositives, $"{caseName} {property.Name} prob_true");
            Near.Equal(MetricsOracle.Doubles(property.Value.GetProperty("prob_pred")), curve.MeanPredicted, $"{caseName} {property.Name} prob_pred");
        }
    }

    /// <summary>Weights of 0, ½, 1, 1½, 2 and 3: scikit-learn drops the zeros from the curves and weighs the rest.</summary>
    [Theory]
    [MemberData(nameof(WeightedCases))]
    public void Weighted_curves_and_metrics_match(string caseName)
    {
        var c = EvaluationFixture.Case("binary.json", caseName);
        var expected = c.GetProperty("weighted");
        var data = EvaluationFixture.Binary(c, weighted: true);
        CheckRoc(expected.GetProperty("roc_curve"), RocCurve.Of(data), caseName);
        CheckPrecisionRecall(expected.GetProperty("pr_curve"), PrecisionRecallCurve.Of(data), caseName);
        Near.Equal(expected.GetProperty("roc_auc").GetDouble(), BinaryMetrics.RocAuc(data), $"{caseName} roc_auc");
        Near.Equal(expected.GetProperty("average_precision").GetDouble(), BinaryMetrics.AveragePrecision(data), $"{caseName} average_precision");
        Near.Equal(expected.GetProperty("brier").GetDouble(), BinaryMetrics.BrierScore(data), $"{caseName} brier");
        Near.Equal(expected.GetProperty("log_loss").GetDouble(), BinaryMetrics.LogLoss(data), $"{caseName} log_loss");

        var at = expected.GetProperty("at_0_5");
        var confusion = BinaryConfusion.At(data, 0.5);
        var matrix = at.GetProperty("confusion").EnumerateArray().Select(MetricsOracle.Doubles).ToArray();
        Near.Equal([matrix[0][0], matrix[0][1], matrix[1][0], matrix[1][1]], [confusion.TrueNegatives, confusion.FalsePositives, confusion.FalseNegatives, confusion.TruePositives], $"{caseName} confusion");
        Near.Equal(at.GetProperty("mcc").GetDouble(), confusion.MatthewsCorrelation, $"{caseName} mcc");
        Near.Equal(at.GetProperty("cohen_kappa").GetDouble(), confusion.CohenKappa, $"{caseName} kappa");
        Near.Equal(at.GetProperty("balanced_accuracy").GetDouble(), confusion.BalancedAccuracy, $"{caseName} balanced_accuracy");
        Near.Equal(at.GetProperty("accuracy").GetDouble(), confusion.Accuracy, $"{caseName} accuracy");
    }

    [Fact]
    public void The_first_roc_point_has_an_infinite_threshold()
    {
        var curve = RocCurve.Of(BinaryScores.Create([0, 1, 1, 0], [0.1, 0.8, 0.4, 0.4]));
        Assert.Equal(4, curve.PointCount);
        Assert.Equal(3, curve.Thresholds.Count);
        Assert.Equal(double.PositiveInfinity, curve.ThresholdOf(0));
        Assert.Equal(0.8, curve.ThresholdOf(1));
        Assert.Equal([0.0, 0, 0.5, 1], curve.FalsePositiveRates);
        Assert.Equal([0.0, 0.5, 1, 1], curve.TruePositiveRates);
        Assert.Throws<ArgumentOutOfRangeException>(() => curve.ThresholdOf(4));
    }

    private static void CheckRoc(JsonElement expected, RocCurve curve, string what)
    {
        Near.Equal(MetricsOracle.Doubles(expected.GetProperty("fpr")), curve.FalsePositiveRates, $"{what} fpr");
        Near.Equal(MetricsOracle.Doubles(expected.GetProperty("tpr")), curve.TruePositiveRates, $"{what} tpr");
        Near.Equal(MetricsOracle.Doubles(expected.GetProperty("thresholds")), curve.Thresholds, $"{what} roc thresholds");
    }

    private static void CheckPrecisionRecall(JsonElement expected, PrecisionRecallCurve curve, string what)
    {
        Near.Equal(MetricsOracle.Doubles(expected.GetProperty("precision")), curve.Precision, $"{what} precision");
        Near.Equal(MetricsOracle.Doubles(expected.GetProperty("recall")), curve.Recall, $"{what} recall");
        Near.Equal(MetricsOracle.Doubles(expected.GetProperty("thresholds")), curve.Thresholds, $"{what} pr thresholds");
    }
}
