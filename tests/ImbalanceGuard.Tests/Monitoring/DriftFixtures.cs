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
