using System.Text.Json;

namespace ImbalanceGuard.Tests.Monitoring;

/// <summary>The SciPy reference files of <c>Monitoring/Fixtures</c> (see the README there).</summary>
internal static class DriftFixtures
{
    public static JsonElement Load(string name)
    {
        using var stream = File.OpenRead(RepositoryFiles.TestFile(Path.Combine("ImbalanceGuard.Tests", "Monitoring", "Fixtures", name)));
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    /// <summary>The <c>name</c> of every entry of <c>cases</c> in a fixture, for a theory over them.</summary>
    public static TheoryData<string> CaseNames(string file)
    {
        var data = new TheoryData<string>();
        foreach (var c in Load(file).GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    /// <summary>The entry of <c>cases</c> with this <c>name</c>.</summary>
    public static JsonElement Case(JsonElement fixture, string name)
        => fixture.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>Asserts <paramref name="actual"/> within <paramref name="relative"/> of <paramref name="expected"/>; an expected 0 must be below 1e-300.</summary>
    public static void AssertRelative(double expected, double actual, double relative, string what)
    {
        if (expected == 0)
        {
            Assert.True(actual < 1e-300, $"{what}: expected 0, got {actual:R}");
            return;
        }

        Assert.True(
            Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2})");
    }
}
