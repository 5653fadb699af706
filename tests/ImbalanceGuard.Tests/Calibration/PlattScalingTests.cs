using System.Text.Json;
using ImbalanceGuard.Calibration;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Calibration;

public class PlattScalingTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var dataset in new[] { "glass", "hacide", "optical_digits", "pima", "satimage", "spam" })
        {
            data.Add(dataset, 0);
            data.Add(dataset, 1);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parameters_match_scikit_learn(string dataset, int caseIndex)
    {
        var reference = Case(dataset, caseIndex);
        var platt = PlattScaling.Fit(Scores(reference));
        Assert.Equal(reference.GetProperty("platt").GetProperty("a").GetDouble(), platt.A, 1e-9);
        Assert.Equal(reference.GetProperty("platt").GetProperty("b").GetDouble(), platt.B, 1e-9);
    }

    internal static JsonElement Case(string dataset, int caseIndex)
    {
        using var stream = File.OpenRead(RepositoryFiles.TestFile($"oracles/metrics/{dataset}.json"));
        return JsonDocument.Parse(stream).RootElement.GetProperty("cases")[caseIndex].Clone();
    }

    internal static BinaryScores Scores(JsonElement reference)
        => BinaryScores.Create(
            [.. reference.GetProperty("y_true").EnumerateArray().Select(e => e.GetInt32())],
            [.. reference.GetProperty("y_score").EnumerateArray().Select(e => e.GetDouble())]);
}
