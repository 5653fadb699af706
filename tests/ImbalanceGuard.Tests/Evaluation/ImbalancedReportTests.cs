using System.Text.Json;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary><see cref="ImbalancedClassificationReport"/> against imbalanced-learn 0.10.0's <c>classification_report_imbalanced</c>.</summary>
public class ImbalancedReportTests
{
    public static TheoryData<string, string> BinaryCases() => MetricsOracle.CaseNames();

    public static TheoryData<string> MulticlassCases() => EvaluationFixture.CaseNames("multiclass.json");

    public static TheoryData<string> WeightedCases() => EvaluationFixture.CaseNames("binary.json");

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void The_report_at_0_5_matches(string dataset, string caseName)
    {
        var oracle = MetricsOracle.Load(dataset, caseName);
        var report = ImbalancedClassificationReport.Of(ConfusionMatrix.FromBinary(BinaryConfusion.At(oracle.Data, 0.5)));
        Check(oracle["at_0_5"].GetProperty("report_imbalanced"), report, oracle.ToString());
    }

    [Theory]
    [MemberData(nameof(MulticlassCases))]
    public void The_multiclass_report_matches_numbers_and_text(string name)
    {
        var (c, matrix) = MulticlassParityTests.Load(name);
        if (!c.TryGetProperty("report_imbalanced", out var expected))
        {
            return;
        }

        var report = ImbalancedClassificationReport.Of(matrix);
        Check(expected, report, name);
        Assert.Equal(c.GetProperty("report_imbalanced_text").GetString(), report.ToString());
    }

    /// <summary>
    /// With weights, precision, recall, F1 and support are imbalanced-learn's; specificity is scikit-learn's
    /// weighted one-vs-rest value, because imbalanced-learn 0.10.0 counts true negatives as rows minus weights.
    /// </summary>
    [Theory]
    [MemberData(nameof(WeightedCases))]
    public void The_weighted_report_matches_except_imbalanced_learns_row_count_specificity(string caseName)
    {
        var c = EvaluationFixture.Case("binary.json", caseName);
        var at = c.GetProperty("weighted").GetProperty("at_0_5");
        var report = ImbalancedClassificationReport.Of(ConfusionMatrix.FromBinary(BinaryConfusion.At(EvaluationFixture.Binary(c, weighted: true), 0.5)));
        var imblearn = at.GetProperty("report_imbalanced_imblearn");
        var specificity = MetricsOracle.Doubles(at.GetProperty("specificity_sklearn_mcm"));
        for (var k = 0; k < 2; k++)
        {
            var expected = imblearn.GetProperty(k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var line = report.Classes[k];
            Near.Equal(expected.GetProperty("pre").GetDouble(), line.Precision, $"{caseName} {k} pre");
            Near.Equal(expected.GetProperty("rec").GetDouble(), line.Recall, $"{caseName} {k} rec");
            Near.Equal(expected.GetProperty("f1").GetDouble(), line.F1, $"{caseName} {k} f1");
            Near.Equal(expected.GetProperty("sup").GetDouble(), line.Support, $"{caseName} {k} sup");
            Near.Equal(specificity[k], line.Specificity, $"{caseName} {k} spe");
            Near.Equal(Math.Sqrt(line.Recall * specificity[k]), line.GeometricMean, $"{caseName} {k} geo");
            Assert.NotEqual(expected.GetProperty("spe").GetDouble(), line.Specificity, 6);
        }

        Near.Equal(imblearn.GetProperty("total_support").GetDouble(), report.TotalSupport, $"{caseName} total_support");
    }

    [Fact]
    public void Names_lookup_and_bad_arguments()
    {
        var matrix = ConfusionMatrix.Create([0, 0, 1, 2], [0, 1, 1, 2]);
        var report = ImbalancedClassificationReport.Of(matrix, classNames: ["cat", "dog", "emu"]);
        Assert.Equal(["cat", "dog", "emu"], report.Classes.Select(l => l.Label));
        Assert.Equal(0.5, report["cat"].Recall);
        Assert.StartsWith("        cat", report.ToString().Split('\n')[2], StringComparison.Ordinal);
        Assert.Contains("'emu'", Assert.Throws<ArgumentException>(() => report["ant"]).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ImbalancedClassificationReport.Of(matrix, classNames: ["cat", "dog"]));
        Assert.Throws<ArgumentException>(() => ImbalancedClassificationReport.Of(matrix, classNames: ["cat", "cat", "emu"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImbalancedClassificationReport.Of(matrix, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => report.ToString(-1));
        Assert.Contains("0.6667", report.ToString(4), StringComparison.Ordinal);
    }

    private static void Check(JsonElement expected, ImbalancedClassificationReport report, string what)
    {
        var classes = expected.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).ToArray();
        Assert.Equal(classes.Select(p => p.Name), report.Classes.Select(l => l.Label));
        foreach (var (property, line) in classes.Zip(report.Classes))
        {
            CheckLine(property.Value, "", line, $"{what} class {property.Name}");
        }

        CheckLine(expected, "avg_", report.Average, $"{what} avg");
        Near.Equal(expected.GetProperty("total_support").GetDouble(), report.TotalSupport, $"{what} total_support");
    }

    private static void CheckLine(JsonElement expected, string prefix, ImbalancedReportLine line, string what)
    {
        Near.Equal(expected.GetProperty(prefix + "pre").GetDouble(), line.Precision, $"{what} pre");
        Near.Equal(expected.GetProperty(prefix + "rec").GetDouble(), line.Recall, $"{what} rec");
        Near.Equal(expected.GetProperty(prefix + "spe").GetDouble(), line.Specificity, $"{what} spe");
        Near.Equal(expected.GetProperty(prefix + "f1").GetDouble(), line.F1, $"{what} f1");
        Near.Equal(expected.GetProperty(prefix + "geo").GetDouble(), line.GeometricMean, $"{what} geo");
        Near.Equal(expected.GetProperty(prefix + "iba").GetDouble(), line.IndexBalancedAccuracy, $"{what} iba");
        if (prefix.Length == 0)
        {
            Near.Equal(expected.GetProperty("sup").GetDouble(), line.Support, $"{what} sup");
        }
    }
}
