namespace ImbalanceGuard.Tests.Evaluation;

/// <summary>Comparisons to reference values: 1e-9 absolute, point for point, saying where a curve departs.</summary>
public static class Near
{
    public const double Tolerance = 1e-9;

    public static void Equal(double expected, double actual, string what)
        => Assert.True(Math.Abs(expected - actual) <= Tolerance, $"{what}: expected {expected:R}, got {actual:R} (off by {actual - expected:R}).");

    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}.");
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i], $"{what}[{i}]");
        }
    }
}
