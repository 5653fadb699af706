using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>How a combined sampler's two steps compose: the shortcuts that avoid copies must not change what comes out.</summary>
public class SamplerOutputTests
{
    [Fact]
    public void Keeping_some_synthetic_rows_in_place_keeps_their_features_classes_makers_and_parents()
    {
        var rows = new SyntheticRows(2, 4, leadingRows: 3);
        for (var i = 0; i < 6; i++)
        {
            rows.Add([i, 10 + i], i % 2, $"maker{i}", Enumerable.Range(100 + i, (i % 3) + 1).ToArray());
        }

        rows.KeepOnly([1, 2, 5]);

        Assert.Equal(3, rows.Count);
        Assert.Equal(new double[] { 1, 11, 2, 12, 5, 15 }, rows.Features.ToArray());
        Assert.Equal(new[] { 1, 0, 1 }, rows.Labels.ToArray());
        Assert.Equal(new[] { "maker1", "maker2", "maker5" }, Enumerable.Range(0, 3).Select(rows.Maker));
        Assert.Equal(new[] { 101, 102 }, rows.Parents(0).ToArray());
        Assert.Equal(new[] { 102, 103, 104 }, rows.Parents(1).ToArray());
        Assert.Equal(new[] { 105, 106, 107 }, rows.Parents(2).ToArray());
        Assert.Equal(8, rows.ParentCount);
    }

    /// <summary>
    /// SMOTE then a cleaner, composed with the shared matrix and the in-place selection, gives the rows that
    /// running the two samplers one after the other on materialised training sets gives.
    /// </summary>
    [Theory]
    [InlineData("smote-enn")]
    [InlineData("smote-tomek")]
    public void A_combined_sampler_equals_its_two_steps_run_one_after_the_other(string method)
    {
        var data = RepositoryFiles.LoadData("pima.csv");
        var training = Split.FromPreSplit(data);
        var combined = SamplerCatalog.Create(method, new SamplerParameters(new Dictionary<string, string>(), data.Schema)).FitResample(training);

        var oversampled = new Smote { Seed = 0 }.FitResample(training).Resampled;
        Sampler cleaner = method == "smote-enn"
            ? new EditedNearestNeighbours { SamplingStrategy = SamplingStrategy.All }
            : new TomekLinks { SamplingStrategy = SamplingStrategy.All };
        var expected = cleaner.FitResample(oversampled).Resampled;

        Assert.Equal(expected.RowCount, combined.Resampled.RowCount);
        for (var i = 0; i < expected.RowCount; i++)
        {
            Assert.Equal(expected.Table.Row(i).ToArray(), combined.Resampled.Table.Row(i).ToArray());
            Assert.Equal(expected.Table.Labels[i], combined.Resampled.Table.Labels[i]);
        }
    }
}
