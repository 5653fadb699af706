using System.Text.Json;
using ImbalanceGuard.Monitoring;
using Xunit.Abstractions;

namespace ImbalanceGuard.Tests.Monitoring;

/// <summary>The two-sample Kolmogorov–Smirnov test against SciPy 1.10.1's <c>ks_2samp</c> and <c>kstwo.sf</c>.</summary>
public class KolmogorovSmirnovTests(ITestOutputHelper output)
{
    private static readonly Lazy<JsonElement> Samples = new(() => DriftFixtures.Load("ks_2samp.json"));

    public static TheoryData<string> CaseNames() => DriftFixtures.CaseNames("ks_2samp.json");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Statistic_and_p_value_match_scipy(string name)
    {
        var c = DriftFixtures.Case(Samples.Value, name);
        var x = DriftFixtures.Doubles(c.GetProperty("x"));
        var y = DriftFixtures.Doubles(c.GetProperty("y"));

        var result = KolmogorovSmirnov.TwoSample(x, y);

        Assert.Equal(Math.Max(x.Length, y.Length) <= KolmogorovSmirnov.MaxExactSize, result.Exact);
        Assert.True(Math.Abs(result.Statistic - c.GetProperty("statistic").GetDouble()) <= 1e-9, $"statistic {result.Statistic:R} vs {c.GetProperty("statistic").GetDouble():R}");
        DriftFixtures.AssertRelative(c.GetProperty("p_value").GetDouble(), result.PValue, 1e-6, name);
    }

    [Fact]
    public void The_asymptotic_distribution_matches_kstwo_sf_in_every_branch()
    {
        var cases = DriftFixtures.Load("kstwo_sf.json").GetProperty("cases").EnumerateArray().ToArray();
        Assert.True(cases.Length > 150);
        foreach (var c in cases)
        {
            var n = c.GetProperty("n").GetInt32();
            var x = c.GetProperty("x").GetDouble();
            DriftFixtures.AssertRelative(c.GetProperty("sf").GetDouble(), KolmogorovDistribution.Survival(n, x), 1e-6, $"kstwo.sf({x:R}, {n})");
        }
    }

    [Fact]
    public void Identical_samples_give_no_drift()
    {
        var values = Enumerable.Range(0, 200).Select(i => Math.Sin(i) * 10).ToArray();

        var result = KolmogorovSmirnov.TwoSample(values, values);

        Assert.Equal(0.0, result.Statistic);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Missing_values_are_left_out_and_an_empty_sample_is_refused()
    {
        var withMissing = KolmogorovSmirnov.TwoSample([1, 2, double.NaN, 3], [1, 2, 3, double.NaN, double.NaN]);
        Assert.Equal(0.0, withMissing.Statistic);

        var error = Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([1.0, 2.0], [double.NaN]));
        Assert.Contains("second", error.Message);
    }

    [Fact]
    public void The_exact_test_at_ten_thousand_rows_each_stays_exact_at_the_worst_band()
    {
        // Unequal sizes take the band recursion; a shift of 0.5 gives the widest band (a large statistic), the worst
        // case for time: DriftBenchmarks measures it (a timed assertion here would fail on a busy machine, not on slow code).
        var random = new Random(3);
        var a = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 9_999).Select(_ => random.NextDouble() + 0.5).ToArray();
        var c = Enumerable.Range(0, 9_999).Select(_ => random.NextDouble() + 0.01).ToArray();

        var wide = KolmogorovSmirnov.TwoSample(a, b);
        var narrow = KolmogorovSmirnov.TwoSample(a, c);

        output.WriteLine($"10000 x 9999: D = {wide.Statistic:F4} (p = {wide.PValue:G3}), D = {narrow.Statistic:F4} (p = {narrow.PValue:G3})");
        Assert.True(wide.Exact && narrow.Exact);
        Assert.True(wide.PValue < 1e-300);
        Assert.InRange(narrow.PValue, 0, 1);
        Assert.True(narrow.PValue > wide.PValue);
    }
}
