using System.Text.Json;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>
/// Multi-class metrics against scikit-learn 1.2.1 / imbalanced-learn 0.10.0 (<c>Fixtures/multiclass.json</c>):
/// glass (six classes, out-of-fold logistic regression), the same weighted, and a hand-made case where a
/// class is only ever predicted.
/// </summary>
public class MulticlassParityTests
{
    private static readonly (string Key, ClassAverage Average)[] Averages =
        [("macro", ClassAverage.Macro), ("weighted", ClassAverage.Weighted), ("micro", ClassAverage.Micro)];

    public static TheoryData<string> Cases() => EvaluationFixture.CaseNames("multiclass.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Confusion_matrix_and_whole_matrix_metrics_match(string name)
    {
        var (c, matrix) = Load(name);
        var expected = c.GetProperty("confusion").EnumerateArray().Select(MetricsOracle.Doubles).ToArray();
        var labels = MetricsOracle.Ints(c.GetProperty("labels"));
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = 0; j < labels.Length; j++)
            {
                Assert.Equal(expected[i][j], matrix[labels[i], labels[j]]);
            }
        }

        Assert.Equal(labels, matrix.PresentClasses);
        Near.Equal(c.GetProperty("accuracy").GetDouble(), matrix.Accuracy, $"{name} accuracy");
        Near.Equal(c.GetProperty("balanced_accuracy").GetDouble(), matrix.BalancedAccuracy, $"{name} balanced_accuracy");
        Near.Equal(c.GetProperty("mcc").GetDouble(), matrix.MatthewsCorrelation, $"{name} mcc");
        Near.Equal(c.GetProperty("cohen_kappa").GetDouble(), matrix.CohenKappa, $"{name} kappa");
        Near.Equal(c.GetProperty("geometric_mean_multiclass").GetDouble(), matrix.GeometricMean(), $"{name} gmean");
        Near.Equal(c.GetProperty("geometric_mean_multiclass_correction_0_001").GetDouble(), matrix.GeometricMean(0.001), $"{name} gmean corrected");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Precision_recall_and_f_beta_match_per_class_and_averaged(string name)
    {
        var (c, matrix) = Load(name);
        var labels = MetricsOracle.Ints(c.GetProperty("labels"));
        CheckPerClass(c, "precision_none", labels, l => matrix.ForClass(l).Precision);
        CheckPerClass(c, "recall_none", labels, l => matrix.ForClass(l).Recall);
        CheckPerClass(c, "f1_none", labels, l => matrix.ForClass(l).F1);
        CheckPerClass(c, "f2_none", labels, l => matrix.ForClass(l).FBeta(2));
        CheckPerClass(c, "f0_5_none", labels, l => matrix.ForClass(l).FBeta(0.5));
        foreach (var (key, average) in Averages)
        {
            Near.Equal(c.GetProperty($"precision_{key}").GetDouble(), matrix.Precision(average), $"{name} precision {key}");
            Near.Equal(c.GetProperty($"recall_{key}").GetDouble(), matrix.Recall(average), $"{name} recall {key}");
            Near.Equal(c.GetProperty($"f1_{key}").GetDouble(), matrix.F1(average), $"{name} f1 {key}");
            Near.Equal(c.GetProperty($"f2_{key}").GetDouble(), matrix.FBeta(2, average), $"{name} f2 {key}");
            Near.Equal(c.GetProperty($"f0_5_{key}").GetDouble(), matrix.FBeta(0.5, average), $"{name} f0.5 {key}");
        }
    }

    /// <summary>Unweighted cases only: imbalanced-learn's weighted specificity counts rows, not weight (see <see cref="ConfusionMatrix"/>).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Specificity_g_mean_and_iba_match_imbalanced_learn(string name)
    {
        var (c, matrix) = Load(name);
        if (c.GetProperty("weights").ValueKind != JsonValueKind.Null)
        {
            return;
        }

        var labels = MetricsOracle.Ints(c.GetProperty("labels"));
        CheckPerClass(c, "specificity_none", labels, l => matrix.ForClass(l).Specificity);
        CheckPerClass(c, "geometric_mean_none", labels, l => matrix.ForClass(l).GeometricMean);
        CheckPerClass(c, "iba_none", labels, l => matrix.ForClass(l).IndexBalancedAccuracy());
        foreach (var (key, average) in Averages)
        {
            Near.Equal(c.GetProperty($"specificity_{key}").GetDouble(), matrix.Specificity(average), $"{name} specificity {key}");
            Near.Equal(c.GetProperty($"geometric_mean_{key}").GetDouble(), matrix.AverageGeometricMean(average), $"{name} gmean {key}");
            Near.Equal(c.GetProperty($"iba_{key}").GetDouble(), matrix.AverageIndexBalancedAccuracy(average), $"{name} iba {key}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_vs_rest_roc_auc_matches(string name)
    {
        var c = EvaluationFixture.Case("multiclass.json", name);
        if (!c.TryGetProperty("proba", out var proba))
        {
            return;
        }

        var rows = proba.EnumerateArray().Select(MetricsOracle.Doubles).ToArray();
        var weights = c.GetProperty("weights").ValueKind == JsonValueKind.Null ? [] : MetricsOracle.Doubles(c.GetProperty("weights"));
        var auc = OneVsRestRocAuc.Of(MetricsOracle.Ints(c.GetProperty("y_true")), [.. rows.SelectMany(r => r)], rows[0].Length, weights);
        Near.Equal(MetricsOracle.Doubles(c.GetProperty("roc_auc_ovr_per_class")), auc.PerClass, $"{name} per class");
        Near.Equal(c.GetProperty("roc_auc_ovr_macro").GetDouble(), auc.Macro, $"{name} macro");
        Near.Equal(c.GetProperty("roc_auc_ovr_weighted").GetDouble(), auc.Weighted, $"{name} weighted");
        Near.Equal(c.GetProperty("roc_auc_ovr_micro").GetDouble(), auc.Average(ClassAverage.Micro), $"{name} micro");
    }

    /// <summary>
    /// The binary oracles' G-mean is imbalanced-learn's multi-class form, exp(mean(log recalls)). It can differ
    /// from ours in the last bit: NumPy's vectorised exp on AVX-512 machines (SVML) is not libm's exp.
    /// </summary>
    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void The_binary_g_mean_is_the_two_class_matrix_g_mean(string dataset, string caseName)
    {
        var oracle = MetricsOracle.Load(dataset, caseName);
        var matrix = ConfusionMatrix.FromBinary(BinaryConfusion.At(oracle.Data, 0.5));
        Near.Equal(oracle["at_0_5"].GetProperty("geometric_mean").GetDouble(), matrix.GeometricMean(), "gmean");
        Near.Equal(oracle["at_0_5"].GetProperty("mcc").GetDouble(), matrix.MatthewsCorrelation, "mcc");
        Near.Equal(oracle["at_0_5"].GetProperty("cohen_kappa").GetDouble(), matrix.CohenKappa, "kappa");
        Near.Equal(oracle["at_0_5"].GetProperty("balanced_accuracy").GetDouble(), matrix.BalancedAccuracy, "balanced accuracy");
    }

    public static TheoryData<string, string> BinaryCases() => MetricsOracle.CaseNames();

    internal static (JsonElement Case, ConfusionMatrix Matrix) Load(string name)
    {
        var c = EvaluationFixture.Case("multiclass.json", name);
        var weights = c.GetProperty("weights").ValueKind == JsonValueKind.Null ? [] : MetricsOracle.Doubles(c.GetProperty("weights"));
        return (c, ConfusionMatrix.Create(MetricsOracle.Ints(c.GetProperty("y_true")), MetricsOracle.Ints(c.GetProperty("y_pred")), weights));
    }

    private static void CheckPerClass(JsonElement c, string property, int[] labels, Func<int, double> actual)
        => Near.Equal(MetricsOracle.Doubles(c.GetProperty(property)), [.. labels.Select(actual)], $"{c.GetProperty("name").GetString()} {property}");
}
