using System.Text.Json;
using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Tests.Monitoring;

/// <summary>The chi-square test of category counts against SciPy 1.10.1's <c>chi2_contingency</c> and <c>chi2.sf</c>.</summary>
public class ChiSquareTestTests
{
    private static readonly Lazy<JsonElement> Reference = new(() => DriftFixtures.Load("chi2_contingency.json"));

    public static TheoryData<string> TableNames() => DriftFixtures.CaseNames("chi2_contingency.json");

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Statistic_p_value_and_degrees_of_freedom_match_scipy(string name)
    {
        var c = DriftFixtures.Case(Reference.Value, name);
        var reference = c.GetProperty("reference").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var current = c.GetProperty("current").EnumerateArray().Select(e => e.GetInt64()).ToArray();

        var result = ChiSquareTest.Homogeneity(reference, current);

        Assert.Equal(c.GetProperty("dof").GetInt32(), result.DegreesOfFreedom);
        Assert.True(Math.Abs(result.Statistic - c.GetProperty("statistic").GetDouble()) <= 1e-9, $"statistic {result.Statistic:R} vs {c.GetProperty("statistic").GetDouble():R}");
        DriftFixtures.AssertRelative(c.GetProperty("p_value").GetDouble(), result.PValue, 1e-6, name);
    }

    [Fact]
    public void The_chi_square_tail_matches_scipy_from_one_to_a_thousand_degrees_of_freedom()
    {
        var points = Reference.Value.GetProperty("chi2_sf").EnumerateArray().ToArray();
        Assert.Equal(64, points.Length);
        foreach (var point in points)
        {
            var df = point.GetProperty("df").GetInt32();
            var x = point.GetProperty("x").GetDouble();
            DriftFixtures.AssertRelative(point.GetProperty("sf").GetDouble(), GammaFunctions.UpperRegularized(df / 2.0, x / 2.0), 1e-6, $"chi2.sf({x:R}, {df})");
        }
    }

    [Fact]
    public void An_empty_row_or_mismatched_rows_are_refused()
    {
        Assert.Contains("current", Assert.Throws<ArgumentException>(() => ChiSquareTest.Homogeneity([3, 4], [0, 0])).Message);
        Assert.Throws<ArgumentException>(() => ChiSquareTest.Homogeneity([3, 4], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => ChiSquareTest.Homogeneity([3, -1], [1, 2]));
    }
}
