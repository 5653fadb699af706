using ImbalanceGuard.Calibration;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Tests.Calibration;

public class IsotonicCalibrationTests
{
    public static TheoryData<string, int> Cases() => PlattScalingTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fitted_values_match_scikit_learn(string dataset, int caseIndex)
    {
        var reference = PlattScalingTests.Case(dataset, caseIndex);
        var data = PlattScalingTests.Scores(reference);
        var isotonic = IsotonicCalibration.Fit(data);
        var expected = reference.GetProperty("isotonic_fit").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var i = 0; i < data.Count; i++)
        {
            Assert.Equal(expected[i], isotonic.Calibrate(data.Scores[i]), 1e-9);
        }
    }

    [Fact]
    public void The_fit_is_non_decreasing_and_never_worse_than_any_other_step()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 50; trial++)
        {
            var n = random.Next(1, 60);
            var y = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
            var w = Enumerable.Range(0, n).Select(_ => 0.1 + random.NextDouble()).ToArray();
            var fit = IsotonicCalibration.PoolAdjacentViolators(y, w);
            Assert.True(fit.Zip(fit.Skip(1)).All(p => p.First <= p.Second + 1e-12));

            // The weighted mean is kept, and the squared error is at most that of the pooled constant fit.
            Assert.Equal(y.Zip(w).Sum(p => p.First * p.Second), fit.Zip(w).Sum(p => p.First * p.Second), 1e-9);
            var mean = y.Zip(w).Sum(p => p.First * p.Second) / w.Sum();
            Assert.True(Error(fit, y, w) <= Error([.. Enumerable.Repeat(mean, n)], y, w) + 1e-12);
        }
    }

    [Fact]
    public void Scores_outside_the_knots_are_clipped_and_between_them_interpolated()
    {
        var data = BinaryScores.Create([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]);
        var isotonic = IsotonicCalibration.Fit(data);
        Assert.Equal(0, isotonic.Calibrate(-5));
        Assert.Equal(1, isotonic.Calibrate(5));
        Assert.Equal(0.5, isotonic.Calibrate(0.5), 12);
    }

    private static double Error(double[] fit, double[] y, double[] w)
        => fit.Select((f, i) => w[i] * (f - y[i]) * (f - y[i])).Sum();
}
