using System.Globalization;
using System.Text.Json;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>
/// NearMiss at the edges of its class sizes against imbalanced-learn 0.10.0 (<c>Fixtures/nearmiss_edges.json</c>,
/// made once by <c>Fixtures/generate_nearmiss_edges.py</c>): a minority of 1, 2, n_neighbors - 1, n_neighbors and
/// n_neighbors + 1 rows in each version, version 2 with n_neighbors far beyond the minority, version 3's shortlist
/// size against the class, a class asked for more rows than it has, the minority targeted itself, multi-class
/// strategies, a minority tie decided by first appearance, and duplicate rows cut by the target. Where
/// imbalanced-learn keeps rows, the same rows are kept (and a warning given where it warns); where it raises,
/// a <see cref="SamplingException"/> names the class, its size and the parameter.
/// </summary>
public class NearMissEdgeParityTests
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var stream = File.OpenRead(RepositoryFiles.TestFile(Path.Combine("ImbalanceGuard.Tests", "Sampling", "Fixtures", "nearmiss_edges.json")));
        return JsonDocument.Parse(stream).RootElement.Clone();
    });

    public static TheoryData<string> CaseNames()
    {
        var names = new TheoryData<string>();
        foreach (var c in Root.Value.GetProperty("cases").EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void NearMiss_accepts_and_keeps_what_imbalanced_learn_does(string name)
    {
        var reference = Case(name);
        var parameters = reference.GetProperty("params");
        var sampler = new NearMiss
        {
            Version = parameters.GetProperty("version").GetInt32(),
            NNeighbors = parameters.GetProperty("n_neighbors").GetInt32(),
            NNeighborsVer3 = parameters.GetProperty("n_neighbors_ver3").GetInt32(),
            SamplingStrategy = SamplingStrategy.Parse(parameters.GetProperty("sampling_strategy").GetString()!),
        };
        var training = Training(reference);

        if (reference.TryGetProperty("error", out _))
        {
            var refused = reference.GetProperty("refused");
            var parameter = refused.GetProperty("parameter").GetString()!;
            var error = Assert.Throws<SamplingException>(() => sampler.FitResample(training));
            Assert.Contains($"class '{refused.GetProperty("class").GetString()}'", error.Message, StringComparison.Ordinal);
            Assert.Contains($"has {refused.GetProperty("rows").GetInt32().ToString(CultureInfo.InvariantCulture)}", error.Message, StringComparison.Ordinal);
            if (parameter == "sampling_strategy")
            {
                Assert.Contains("sampling_strategy", error.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains($"{parameter}={parameters.GetProperty(parameter).GetInt32().ToString(CultureInfo.InvariantCulture)}", error.Message, StringComparison.Ordinal);
            }

            return;
        }

        var result = sampler.FitResample(training);
        Assert.Equal(SamplerOracle.Ints(reference.GetProperty("kept_indices")), result.KeptIndices.ToArray());
        Assert.Equal(SamplerOracle.Counts(reference.GetProperty("counts_after")), result.CountsAfter.ToDictionary());
        Assert.Equal(reference.GetProperty("warned").GetBoolean(), result.Warnings.Count > 0);
    }

    [Fact]
    public void The_reference_covers_every_edge_the_issue_names()
    {
        // Issue 16: a minority of 1, 2, n_neighbors - 1 and n_neighbors rows in each version, a class smaller than
        // its target, multi-class; and the reference was made by the installed imbalanced-learn 0.10.0.
        Assert.Equal("0.10.0", Root.Value.GetProperty("imblearn").GetString());
        var names = Root.Value.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToHashSet();
        foreach (var version in new[] { 1, 2, 3 })
        {
            foreach (var rows in new[] { 1, 2, 3, 4 })
            {
                Assert.Contains($"v{version}_minority_of_{rows}_n_neighbors_4", names);
            }

            Assert.Contains($"v{version}_counts_above_the_class_size", names);
            Assert.Contains($"v{version}_multiclass_auto", names);
            Assert.Contains($"v{version}_minority_tie_first_appearance", names);
        }

        Assert.Contains("v3_shortlist_shorter_than_the_target", names);
    }

    [Fact]
    public void NearMiss_2_with_a_minority_smaller_than_n_neighbors_averages_over_every_minority_row()
    {
        // Minority rows at 0 and 10 on a line, majority rows at -3, 5 and 11: summed distances to both minority rows
        // are 3 + 13, 5 + 5 and 11 + 1, so the two rows kept of the majority are those at 5 and 11 — with
        // n_neighbors = 3, more than the minority has, exactly as with n_neighbors = 2.
        double[][] rows = [[0], [-3], [5], [10], [11]];
        var training = Split.FromPreSplit(Dataset.FromRows(rows, [1, 0, 0, 1, 0]));
        var beyond = new NearMiss { Version = 2, NNeighbors = 3 }.FitResample(training);
        var exact = new NearMiss { Version = 2, NNeighbors = 2 }.FitResample(training);
        Assert.Equal([0, 2, 3, 4], beyond.KeptIndices.ToArray());
        Assert.Equal(exact.KeptIndices.ToArray(), beyond.KeptIndices.ToArray());
        Assert.Empty(beyond.Warnings);
    }

    private static JsonElement Case(string name)
        => Root.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static TrainingSet Training(JsonElement reference)
    {
        var rows = reference.GetProperty("X").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        return Split.FromPreSplit(Dataset.FromRows(rows, SamplerOracle.Ints(reference.GetProperty("y"))));
    }
}
