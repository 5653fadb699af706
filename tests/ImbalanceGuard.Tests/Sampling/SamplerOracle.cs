using System.Text.Json;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>Reads <c>tests/oracles/samplers/&lt;dataset&gt;.json</c> (imbalanced-learn 0.10.0 reference outputs).</summary>
public sealed class SamplerOracle
{
    private static readonly Dictionary<string, SamplerOracle> Cache = [];

    private SamplerOracle(string dataset, JsonElement root)
    {
        Dataset = dataset;
        Root = root;
    }

    public static string[] Datasets { get; } = ["glass", "hacide", "optical_digits", "pima", "satimage", "spam"];

    public string Dataset { get; }

    public JsonElement Root { get; }

    public JsonElement SmoteFamily => Root.GetProperty("smote_family");

    public static SamplerOracle Load(string dataset)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(dataset, out var oracle))
            {
                using var stream = File.OpenRead(RepositoryFiles.TestFile($"oracles/samplers/{dataset}.json"));
                oracle = new SamplerOracle(dataset, JsonDocument.Parse(stream).RootElement.Clone());
                Cache[dataset] = oracle;
            }

            return oracle;
        }
    }

    public TrainingSet Training() => Split.FromPreSplit(RepositoryFiles.LoadData(Dataset + ".csv"));

    public IEnumerable<JsonElement> SelectionCases => Root.GetProperty("selection").EnumerateArray();

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    public static Dictionary<string, int> Counts(JsonElement map)
        => map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
}
