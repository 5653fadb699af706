using System.Text.Json;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>
/// The extra references of <c>Evaluation/Fixtures</c> (made by <c>generate_fixtures.py</c> with scikit-learn
/// 1.2.1 / imbalanced-learn 0.10.0): weighted binary metrics, calibration bins, multi-class metrics.
/// </summary>
public static class EvaluationFixture
{
    private static readonly Dictionary<string, JsonElement> Files = [];

    public static IEnumerable<JsonElement> Cases(string file) => File(file).GetProperty("cases").EnumerateArray();

    public static JsonElement Case(string file, string name) => Cases(file).Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> CaseNames(string file)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases(file))
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    /// <summary>A binary case of <c>binary.json</c> with or without its weights.</summary>
    public static BinaryScores Binary(JsonElement c, bool weighted)
        => BinaryScores.Create(
            MetricsOracle.Ints(c.GetProperty("y_true")),
            MetricsOracle.Doubles(c.GetProperty("y_score")),
            weighted ? MetricsOracle.Doubles(c.GetProperty("weights")) : default);

    private static JsonElement File(string name)
    {
        lock (Files)
        {
            if (!Files.TryGetValue(name, out var root))
            {
                using var stream = System.IO.File.OpenRead(RepositoryFiles.TestFile(Path.Combine("ImbalanceGuard.Tests", "Evaluation", "Fixtures", name)));
                root = JsonDocument.Parse(stream).RootElement.Clone();
                Files[name] = root;
            }

            return root;
        }
    }
}
