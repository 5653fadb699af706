using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>How a combined sampler's two steps compose: the shortcuts that avoid copies must not change what comes out.</summary>
public class SamplerOutputTests
{
    [Fact]
    public void Keeping_some_synthetic_rows_in_place_keeps_their_features_classes_makers_and_parents()
    {
        var rows = new SyntheticRows(2, 4);
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

    [Fact]
    public void Rows_added_past_the_expected_count_keep_everything_added_before()
    {
        var rows = new SyntheticRows(2, 2);
        var input = new SamplerInput([0, 1, 2, 3, 4, 5], [0, 1, 1], Schema(2, 2), new());
        rows.Add([9, 9], 0, "first", [0]);
        rows.AddCopies(input, 1, "second", [2, 1, 2], new ParallelOptions());
        rows.Add([7, 7], 0, "first", [0, 1]);

        Assert.Equal(5, rows.Count);
        Assert.Equal(new double[] { 9, 9, 4, 5, 2, 3, 4, 5, 7, 7 }, rows.Features.ToArray());
        Assert.Equal(new[] { 0, 1, 1, 1, 0 }, rows.Labels.ToArray());
        Assert.Equal(new[] { "first", "second", "second", "second", "first" }, Enumerable.Range(0, 5).Select(rows.Maker));
        Assert.Equal(new[] { 2 }, rows.Parents(1).ToArray());
        Assert.Equal(new[] { 0, 1 }, rows.Parents(4).ToArray());
        Assert.Equal(6, rows.ParentCount);
    }

    [Fact]
    public void Copies_read_from_their_parents_are_the_rows_written_once_a_buffer_is_needed()
    {
        var input = new SamplerInput([0, 1, 2, 3, 4, 5], [0, 1, 1], Schema(2, 2), new());
        var other = new SamplerInput([7, 8, 9, 10], [0, 1], Schema(2, 2), new());
        var rows = SyntheticRows.CopiesOf(input, 3);
        rows.AddCopies(input, 1, "copy", [2, 1, 2, 0], new ParallelOptions());

        Assert.True(rows.TryGetCopiedRows(out var copied));
        Assert.Equal(new[] { 2, 1, 2, 0 }, copied);
        Assert.Equal(new double[] { 2, 3 }, rows.Row(1).ToArray());

        rows.KeepOnly([1, 2, 3]);
        Assert.True(rows.TryGetCopiedRows(out copied));
        Assert.Equal(new[] { 1, 2, 0 }, copied);

        rows.AddCopies(other, 0, "other", [1], new ParallelOptions());
        rows.Add([6, 6], 1, "made", [0, 2]);

        Assert.False(rows.TryGetCopiedRows(out _));
        Assert.Equal(new double[] { 2, 3, 4, 5, 0, 1, 9, 10, 6, 6 }, rows.Features.ToArray());
        Assert.Equal(new[] { 1, 1, 1, 0, 1 }, rows.Labels.ToArray());
        Assert.Equal(new[] { "copy", "copy", "copy", "other", "made" }, Enumerable.Range(0, 5).Select(rows.Maker));
        Assert.Equal(new[] { 0, 2 }, rows.Parents(4).ToArray());
    }

    /// <summary>
    /// Random over-sampling copies its rows in blocks spread over threads once there are enough of them (here
    /// 48 000 copies of 50 features, over the 2 M values where copying goes parallel); every copy is its parent row.
    /// </summary>
    [Fact]
    public void Copies_made_over_many_blocks_equal_their_parent_rows_on_any_thread_count()
    {
        var random = new Random(3);
        var features = new double[60_000, 50];
        var labels = new int[60_000];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = i % 10 == 0 ? 1 : 0;
            for (var f = 0; f < 50; f++)
            {
                features[i, f] = random.NextDouble();
            }
        }

        var training = Split.FromPreSplit(Dataset.FromArrays(features, labels));
        var one = new RandomOverSampler { Seed = 5, MaxDegreeOfParallelism = 1 }.FitResample(training).Resampled;
        var all = new RandomOverSampler { Seed = 5 }.FitResample(training).Resampled;

        Assert.Equal(108_000, one.RowCount);
        Assert.Equal(one.Table.Features, all.Table.Features);
        for (var i = 60_000; i < one.RowCount; i++)
        {
            var parents = one.GetProvenance(i).ParentRows;
            Assert.Equal(1, parents.Length);
            var parent = (int)parents[0];
            Assert.Equal(training.Table.Row(parent).ToArray(), one.Table.Row(i).ToArray());
            Assert.Equal(1, one.Table.Labels[i]);
        }
    }

    /// <summary>Resampling resampled data traces the new rows back to original rows, through the rows they copy.</summary>
    [Fact]
    public void Rows_made_from_synthetic_rows_name_the_original_rows_behind_them()
    {
        var training = RandomData.Make(seed: 4);
        var once = new RandomOverSampler { Seed = 1 }.FitResample(training).Resampled;
        var twice = new RandomOverSampler { Seed = 2, SamplingStrategy = SamplingStrategy.Counts(new Dictionary<string, int> { ["1"] = once.ClassCountsByName()["1"] * 2 }) }
            .FitResample(once).Resampled;

        for (var i = once.RowCount; i < twice.RowCount; i++)
        {
            var roots = twice.GetProvenance(i).ParentRows.ToArray();
            Assert.Single(roots);
            Assert.Equal(training.Table.Row((int)roots[0]).ToArray(), twice.Table.Row(i).ToArray());
        }

        for (var i = 0; i < once.RowCount; i++)
        {
            Assert.Equal(once.GetProvenance(i), twice.GetProvenance(i));
        }
    }

    private static DataSchema Schema(int features, int classes)
        => new([.. Enumerable.Range(0, features).Select(f => "x" + f)], new FeatureKind[features], "y", [.. Enumerable.Range(0, classes).Select(c => c.ToString())]);

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
