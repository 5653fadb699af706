using System.Text.Json;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>
/// The deterministic under-samplers reproduce imbalanced-learn's kept rows: exactly on data without
/// distance ties (hacide, pima), on at least 99% of rows elsewhere (where ties are broken differently).
/// </summary>
public class SelectionParityTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var dataset in SamplerOracle.Datasets)
        {
            var count = SamplerOracle.Load(dataset).SelectionCases.Count();
            for (var i = 0; i < count; i++)
            {
                data.Add(dataset, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kept_rows_match_imbalanced_learn(string dataset, int caseIndex)
    {
        var oracle = SamplerOracle.Load(dataset);
        var reference = oracle.SelectionCases.ElementAt(caseIndex);
        var sampler = Create(reference.GetProperty("sampler").GetString()!, reference.GetProperty("params"));
        var training = oracle.Training();

        if (reference.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            Assert.ThrowsAny<Exception>(() => sampler.FitResample(training));
            return;
        }

        var result = sampler.FitResample(training);
        var expected = SamplerOracle.Ints(reference.GetProperty("kept_indices"));
        var actual = result.KeptIndices.ToArray();
        var exact = dataset is "hacide" or "pima";
        if (exact)
        {
            Assert.Equal(expected, actual);
            Assert.Equal(SamplerOracle.Counts(reference.GetProperty("counts_after")), WithRows(result.CountsAfter));
        }
        else
        {
            var expectedSet = expected.ToHashSet();
            var actualSet = actual.ToHashSet();
            var agree = Enumerable.Range(0, training.RowCount).Count(i => expectedSet.Contains(i) == actualSet.Contains(i));
            var agreement = (double)agree / training.RowCount;
            Assert.True(agreement >= 0.99, $"{sampler.Name} on {dataset}: the kept/removed decision agrees on {agreement:P2} of rows (needs 99%).");
        }
    }

    private static Dictionary<string, int> WithRows(IReadOnlyDictionary<string, int> counts) => counts.ToDictionary();

    internal static Sampler Create(string name, JsonElement parameters)
    {
        int Int(string key, int fallback) => parameters.TryGetProperty(key, out var v) ? v.GetInt32() : fallback;
        string Text(string key, string fallback) => parameters.TryGetProperty(key, out var v) ? v.GetString()! : fallback;
        var kind = Text("kind_sel", "all") == "mode" ? KindSelection.Mode : KindSelection.All;
        var strategy = SamplingStrategy.Parse(Text("sampling_strategy", "auto"));
        return name switch
        {
            "TomekLinks" => new TomekLinks { SamplingStrategy = strategy },
            "EditedNearestNeighbours" => new EditedNearestNeighbours { SamplingStrategy = strategy, NNeighbors = Int("n_neighbors", 3), KindSel = kind },
            "RepeatedEditedNearestNeighbours" => new RepeatedEditedNearestNeighbours
            {
                SamplingStrategy = strategy, NNeighbors = Int("n_neighbors", 3), MaxIter = Int("max_iter", 100), KindSel = kind,
            },
            "AllKNN" => new AllKnn
            {
                SamplingStrategy = strategy, NNeighbors = Int("n_neighbors", 3), KindSel = kind,
                AllowMinority = parameters.TryGetProperty("allow_minority", out var a) && a.GetBoolean(),
            },
            "NearMiss" => new NearMiss
            {
                SamplingStrategy = strategy, Version = Int("version", 1), NNeighbors = Int("n_neighbors", 3), NNeighborsVer3 = Int("n_neighbors_ver3", 3),
            },
            _ => throw new ArgumentException("Unknown sampler in oracle: " + name),
        };
    }
}
