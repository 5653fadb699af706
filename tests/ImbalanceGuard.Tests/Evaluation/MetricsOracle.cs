using System.Text.Json;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>
/// One case of <c>tests/oracles/metrics/&lt;dataset&gt;.json</c> (scikit-learn 1.2.1 / imbalanced-learn 0.10.0
/// reference values for out-of-fold probabilities, raw and rounded to 2 decimals).
/// </summary>
public sealed class MetricsOracle
{
    private static readonly Dictionary<string, JsonElement> Files = [];

    private MetricsOracle(string dataset, JsonElement root)
    {
        Dataset = dataset;
        Root = root;
        Name = root.GetProperty("name").GetString()!;
        Labels = Ints(root.GetProperty("y_true"));
        Scores = Doubles(root.GetProperty("y_score"));
    }

    public static string[] Datasets { get; } = ["glass", "hacide", "optical_digits", "pima", "satimage", "spam"];

    public string Dataset { get; }

    public string Name { get; }

    public JsonElement Root { get; }

    public int[] Labels { get; }

    public double[] Scores { get; }

    public BinaryScores Data => BinaryScores.Create(Labels, Scores);

    public JsonElement this[string property] => Root.GetProperty(property);

    /// <summary>Every (dataset, case name) pair, for theories.</summary>
    public static TheoryData<string, string> CaseNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var dataset in Datasets)
        {
            foreach (var c in File(dataset).GetProperty("cases").EnumerateArray())
            {
                data.Add(dataset, c.GetProperty("name").GetString()!);
            }
        }

        return data;
    }

    public static MetricsOracle Load(string dataset, string caseName)
    {
        var element = File(dataset).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == caseName);
        return new MetricsOracle(dataset, element);
    }

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    public override string ToString() => $"{Dataset}/{Name}";

    private static JsonElement File(string dataset)
    {
        lock (Files)
        {
            if (!Files.TryGetValue(dataset, out var root))
            {
                using var stream = System.IO.File.OpenRead(RepositoryFiles.TestFile($"oracles/metrics/{dataset}.json"));
                root = JsonDocument.Parse(stream).RootElement.Clone();
                Files[dataset] = root;
            }

            return root;
        }
    }
}
