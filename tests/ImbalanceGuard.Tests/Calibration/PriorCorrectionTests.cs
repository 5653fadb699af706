using ImbalanceGuard.Calibration;

namespace ImbalanceGuard.Tests.Calibration;

public class PriorCorrectionTests
{
    [Fact]
    public void Probabilities_learned_on_balanced_data_return_to_the_true_base_rate()
    {
        // Trained at 50% positives, deployed at 10%: an undecided 0.5 becomes the base rate.
        var correction = new PriorCorrection(truePositiveRate: 0.1, trainingPositiveRate: 0.5);
        Assert.Equal(0.1, correction.Calibrate(0.5), 12);
        Assert.Equal(0, correction.Calibrate(0));
        Assert.Equal(1, correction.Calibrate(1));

        // The formula, at a few points.
        foreach (var p in new[] { 0.01, 0.3, 0.77, 0.99 })
        {
            var expected = p * 0.1 / 0.5 / ((p * 0.1 / 0.5) + ((1 - p) * 0.9 / 0.5));
            Assert.Equal(expected, correction.Calibrate(p), 12);
        }
    }

    [Fact]
    public void The_correction_is_monotone_and_undone_by_its_inverse()
    {
        var forward = new PriorCorrection(0.05, 0.4);
        var back = new PriorCorrection(0.4, 0.05);
        var previous = -1.0;
        for (var p = 0.0; p <= 1.0; p += 0.01)
        {
            var corrected = forward.Calibrate(p);
            Assert.True(corrected >= previous);
            previous = corrected;
            Assert.Equal(p, back.Calibrate(corrected), 9);
        }
    }

    [Fact]
    public void The_rates_come_from_the_data_before_and_after_resampling()
    {
        var (training, _) = Split.Stratified(RepositoryFiles.LoadData("pima.csv"), 0.25, seed: 1);
        var resampled = new ImbalanceGuard.Sampling.Smote().Resample(training);
        var correction = PriorCorrection.For(training, resampled, "1");
        Assert.Equal(training.ClassCounts[1] / (double)training.RowCount, correction.TruePositiveRate, 12);
        Assert.Equal(0.5, correction.TrainingPositiveRate, 12);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 0.5)]
    [InlineData(0.5, 0)]
    [InlineData(0.5, double.NaN)]
    public void Rates_must_be_strictly_between_zero_and_one(double truth, double training)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new PriorCorrection(truth, training));
}
