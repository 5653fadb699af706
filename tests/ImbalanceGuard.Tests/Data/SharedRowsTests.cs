using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Data;

/// <summary>
/// An over-sampler's training set reads the rows it kept from its input's matrix and holds only the rows it
/// made: nothing a reader can see may differ from a set that holds a copy of everything.
/// </summary>
public class SharedRowsTests
{
    [Fact]
    public void An_over_sampled_set_reads_its_kept_rows_from_the_input_without_copying_them()
    {
        var training = Split.FromPreSplit(RepositoryFiles.LoadData("pima.csv"));

        var resampled = new Smote { Seed = 4 }.Resample(training);

        Assert.True(resampled.RowCount > training.RowCount);
        for (var i = 0; i < training.RowCount; i++)
        {
            Assert.True(SameMemory(training.GetRow(i), resampled.GetRow(i)), $"row {i} was copied");
        }
    }

    [Fact]
    public void A_randomly_over_sampled_set_reads_each_copy_from_the_row_it_repeats()
    {
        var training = Split.FromPreSplit(RepositoryFiles.LoadData("glass.csv"));

        var resampled = new RandomOverSampler { Seed = 8 }.Resample(training);

        Assert.True(resampled.SyntheticRowCount > 0);
        for (var i = training.RowCount; i < resampled.RowCount; i++)
        {
            var parent = (int)resampled.GetProvenance(i).ParentRows[0];
            Assert.True(SameMemory(training.GetRow(parent), resampled.GetRow(i)), $"copy {i} of row {parent} was copied");
            Assert.Equal(training.Labels[parent], resampled.Labels[i]);
        }
    }

    [Fact]
    public void A_smoothed_bootstrap_holds_its_moved_rows_itself()
    {
        var training = Split.FromPreSplit(RepositoryFiles.LoadData("glass.csv"));

        var resampled = new RandomOverSampler { Seed = 8, Shrinkage = 0.5 }.Resample(training);

        for (var i = training.RowCount; i < resampled.RowCount; i++)
        {
            var parent = (int)resampled.GetProvenance(i).ParentRows[0];
            Assert.False(SameMemory(training.GetRow(parent), resampled.GetRow(i)));
        }
    }

    /// <summary>hacide's minority is 2 %: balancing by random under-sampling keeps 4 % of the rows.</summary>
    [Fact]
    public void A_small_selection_copies_its_rows_and_shares_nothing()
    {
        var training = Split.FromPreSplit(RepositoryFiles.LoadData("hacide.csv"));

        var result = new RandomUnderSampler { Seed = 4 }.FitResample(training);

        Assert.True(2 * result.Resampled.RowCount < training.RowCount);
        for (var i = 0; i < result.Resampled.RowCount; i++)
        {
            var source = training.GetRow(result.KeptIndices[i]);
            Assert.Equal(source.ToArray(), result.Resampled.GetRow(i).ToArray());
            Assert.False(SameMemory(source, result.Resampled.GetRow(i)));
        }
    }

    [Fact]
    public void A_cleaners_output_reads_the_rows_it_kept_from_the_input_through_their_positions()
    {
        var training = Split.FromPreSplit(RepositoryFiles.LoadData("pima.csv"));

        var result = new EditedNearestNeighbours().FitResample(training);
        var resampled = result.Resampled;

        Assert.True(resampled.RowCount < training.RowCount);
        Assert.True(2 * resampled.RowCount >= training.RowCount);
        for (var i = 0; i < resampled.RowCount; i++)
        {
            Assert.True(SameMemory(training.GetRow(result.KeptIndices[i]), resampled.GetRow(i)), $"kept row {i} was copied");
        }

        Assert.Equal(result.KeptIndices.SelectMany(r => training.GetRow(r).ToArray()), resampled.Features.ToArray());
    }

    [Fact]
    public void A_combined_samplers_output_reads_its_kept_input_rows_in_place_and_holds_its_made_rows()
    {
        // Well separated classes: the cleaner removes few rows, so most input rows are kept.
        var training = Split.FromPreSplit(SyntheticData.MakeClassification(
            rows: 2_000, features: 5, informative: 3, classes: 2, minorityFraction: 0.1, seed: 1, classSeparation: 2.0));

        var result = new SmoteEnn { Seed = 3 }.FitResample(training);
        var resampled = result.Resampled;
        var kept = result.KeptIndices.Count;

        Assert.True(result.SyntheticCount > 0);
        Assert.True(2 * kept >= training.RowCount);
        for (var i = 0; i < kept; i++)
        {
            Assert.True(SameMemory(training.GetRow(result.KeptIndices[i]), resampled.GetRow(i)));
            Assert.Equal(RowProvenance.Original(result.KeptIndices[i]), resampled.GetProvenance(i));
        }

        for (var i = kept; i < resampled.RowCount; i++)
        {
            var provenance = resampled.GetProvenance(i);
            Assert.Equal("smote", provenance.Sampler);
            Assert.All(provenance.ParentRows.ToArray(), parent => Assert.Equal(training.Labels[(int)parent], resampled.Labels[i]));
        }

        var rows = Enumerable.Range(0, resampled.RowCount).SelectMany(i => resampled.GetRow(i).ToArray()).ToArray();
        Assert.Equal(rows, resampled.Features.ToArray());
        Assert.Equal(Csv(Split.FromPreSplit(Dataset.FromRows(
            [.. Enumerable.Range(0, resampled.RowCount).Select(i => resampled.GetRow(i).ToArray())],
            [.. Enumerable.Range(0, resampled.RowCount).Select(resampled.GetClassName)]))).Split('\n').Skip(1), Csv(resampled).Split('\n').Skip(1));
    }

    [Fact]
    public void The_whole_matrix_of_a_shared_set_is_its_rows_in_order_and_is_built_once()
    {
        var training = Split.FromPreSplit(RepositoryFiles.LoadData("glass.csv"));
        var resampled = new RandomOverSampler { Seed = 1 }.Resample(training);
        var rows = Enumerable.Range(0, resampled.RowCount).SelectMany(i => resampled.GetRow(i).ToArray()).ToArray();

        var whole = resampled.Features;

        Assert.Equal(rows, whole.ToArray());
        Assert.True(SameMemory(whole, resampled.Features));
        Assert.Equal(rows, Enumerable.Range(0, resampled.RowCount).SelectMany(i => resampled.GetRow(i).ToArray()));
    }

    [Fact]
    public void Threads_that_ask_for_the_whole_matrix_at_once_all_get_the_same_array()
    {
        var training = Split.FromPreSplit(RepositoryFiles.LoadData("satimage.csv"));
        var resampled = new RandomOverSampler { Seed = 2 }.Resample(training);
        var expected = Enumerable.Range(0, resampled.RowCount).SelectMany(i => resampled.GetRow(i).ToArray()).ToArray();
        using var start = new Barrier(4);
        var seen = new double[4][];
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            seen[t] = resampled.Table.Features;
        })).ToArray();

        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(seen, array => Assert.Equal(expected, array));
        Assert.All(seen, array => Assert.Same(resampled.Table.Features, array));
    }

    [Fact]
    public void Csv_and_fingerprint_of_a_shared_set_do_not_change_when_its_matrix_is_joined()
    {
        var training = Split.FromPreSplit(RepositoryFiles.LoadData("hacide.csv"));
        var resampled = new BorderlineSmote { Seed = 3 }.Resample(training);
        var csvShared = Csv(resampled);
        var fingerprintShared = DataFingerprint.Of(resampled);

        _ = resampled.Features;

        Assert.Equal(csvShared, Csv(resampled));
        Assert.Equal(fingerprintShared, DataFingerprint.Of(resampled));
    }

    [Fact]
    public void A_shared_set_can_be_resampled_again_and_weighted()
    {
        var training = Split.FromPreSplit(RepositoryFiles.LoadData("glass.csv"));
        var oversampled = new Smote { Seed = 5, KNeighbors = 3 }.Resample(training);

        var again = new RandomOverSampler { Seed = 6, SamplingStrategy = SamplingStrategy.All }.FitResample(oversampled);
        var weighted = ClassWeights.Balanced.Apply(oversampled);

        Assert.Equal(oversampled.RowCount, again.Resampled.RowCount);
        for (var i = 0; i < oversampled.RowCount; i++)
        {
            Assert.Equal(oversampled.GetRow(i).ToArray(), again.Resampled.GetRow(i).ToArray());
            Assert.True(SameMemory(oversampled.GetRow(i), weighted.GetRow(i)), $"weighting copied row {i}");
        }

        Assert.True(weighted.HasWeights);
    }

    private static string Csv(LabeledData data)
    {
        using var writer = new StringWriter();
        data.WriteCsv(writer);
        return writer.ToString();
    }

    private static bool SameMemory(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        => Unsafe.AreSame(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b));
}
