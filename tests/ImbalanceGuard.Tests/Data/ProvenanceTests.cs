using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Data;

public class ProvenanceTests
{
    [Fact]
    public void Every_loaded_row_is_the_original_row_at_its_position()
    {
        var data = RepositoryFiles.LoadData("glass.csv");

        Assert.Equal(0, data.SyntheticRowCount);
        for (var i = 0; i < data.RowCount; i++)
        {
            var provenance = data.GetProvenance(i);
            Assert.False(provenance.IsSynthetic);
            Assert.Equal(i, provenance.SourceRow);
            Assert.Null(provenance.Sampler);
            Assert.True(provenance.ParentRows.IsEmpty);
        }
    }

    [Fact]
    public void Rows_from_arrays_are_original_rows_at_their_positions()
    {
        var data = Dataset.FromArrays(new double[,] { { 1 }, { 2 }, { 3 } }, ["a", "b", "a"]);

        Assert.Equal([0L, 1, 2], Enumerable.Range(0, 3).Select(i => data.GetProvenance(i).SourceRow));
    }

    [Fact]
    public void Selecting_rows_keeps_their_source_rows_and_source()
    {
        var data = Dataset.FromArrays(new double[,] { { 10 }, { 11 }, { 12 }, { 13 } }, ["a", "b", "a", "b"]);

        var selected = data.Table.Select([3, 1, 1]);

        Assert.Equal([13.0, 11, 11], selected.Features);
        Assert.Equal([3L, 1, 1], Enumerable.Range(0, 3).Select(i => selected.Provenance.SourceRow(i)));
        Assert.Equal(data.Table.Provenance.SourceKey, selected.Provenance.SourceKey);
    }

    /// <summary>Selections of original rows share their source's numbers; a selection of a selection still names the source rows.</summary>
    [Fact]
    public void Selecting_from_a_selection_names_the_source_rows()
    {
        var data = Dataset.FromRows(
            [[1.0], [2.0], [3.0], [4.0], [5.0]],
            ["a", "b", "a", "b", "a"],
            new DatasetOptions { Provenance = [.. new long[] { 40, 41, 42, 43, 44 }.Select(RowProvenance.Original)] });

        var once = data.Table.Select([4, 2, 0, 3]);
        var twice = once.Select([3, 1, 1]);

        Assert.Equal([43L, 42, 42], Enumerable.Range(0, 3).Select(i => twice.Provenance.SourceRow(i)));
        Assert.Equal([4.0, 3, 3], twice.Features);
        Assert.Equal(3, twice.Provenance.Count);
        Assert.Equal(RowProvenance.Original(42), twice.Provenance.Get(1));

        // A cleaner's output over the selection (kept rows only) traces back the same way.
        var cleaned = new RandomUnderSampler { Seed = 0 }.FitResample(new TrainingSet(once)).Resampled;
        for (var i = 0; i < cleaned.RowCount; i++)
        {
            var row = (int)cleaned.GetProvenance(i).SourceRow - 40;
            Assert.Equal(data.Table.Row(row).ToArray(), cleaned.Table.Row(i).ToArray());
        }
    }

    [Fact]
    public void Selecting_rows_keeps_synthetic_rows_and_their_parents()
    {
        var data = Dataset.FromRows(
            [[1.0], [2.0], [3.0]],
            ["a", "a", "b"],
            new DatasetOptions { Provenance = [RowProvenance.Original(7), RowProvenance.Synthetic("smote", 4, 5), RowProvenance.Synthetic("adasyn", 6)] });

        var selected = data.Table.Select([2, 0, 1]);

        Assert.Equal(RowProvenance.Synthetic("adasyn", 6), selected.Provenance.Get(0));
        Assert.Equal(RowProvenance.Original(7), selected.Provenance.Get(1));
        Assert.Equal(RowProvenance.Synthetic("smote", 4, 5), selected.Provenance.Get(2));
        Assert.Equal(2, selected.Provenance.SyntheticCount);
        Assert.Equal(data.Table.Provenance.SourceKey, selected.Provenance.SourceKey);
    }

    /// <summary>An over-sampler's set shares its input's provenance for the rows it kept and holds its own rows' after them.</summary>
    [Fact]
    public void An_over_sampled_set_names_its_kept_rows_and_its_made_rows_parents_through_any_later_selection()
    {
        var data = Dataset.FromRows(
            [[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]],
            ["a", "a", "a", "a", "b", "b"],
            new DatasetOptions { Provenance = [.. new long[] { 50, 51, 52, 53, 54, 55 }.Select(RowProvenance.Original)] });

        var oversampled = new RandomOverSampler { Seed = 2 }.FitResample(new TrainingSet(data.Table)).Resampled;

        Assert.Equal(8, oversampled.RowCount);
        Assert.Equal(2, oversampled.SyntheticRowCount);
        Assert.Equal([50L, 51, 52, 53, 54, 55], Enumerable.Range(0, 6).Select(i => oversampled.GetProvenance(i).SourceRow));
        for (var i = 6; i < 8; i++)
        {
            var provenance = oversampled.GetProvenance(i);
            Assert.True(provenance.IsSynthetic);
            Assert.Equal("random-over", provenance.Sampler);
            Assert.Equal(oversampled.GetRow(i)[0] + 49, provenance.ParentRows[0]);
        }

        var selected = oversampled.Table.Select([7, 1, 6]);
        Assert.Equal(oversampled.GetProvenance(7), selected.Provenance.Get(0));
        Assert.Equal(RowProvenance.Original(51), selected.Provenance.Get(1));
        Assert.Equal(oversampled.GetProvenance(6), selected.Provenance.Get(2));
        Assert.Equal(data.Table.Provenance.SourceKey, selected.Provenance.SourceKey);
    }

    /// <summary>An over-sampler that had nothing to add still shares its input's provenance; a cleaner after it picks from it.</summary>
    [Fact]
    public void Rows_picked_from_an_over_sampled_set_without_made_rows_name_the_source_rows()
    {
        var data = Dataset.FromRows(
            [[1.0], [2.0], [3.0], [4.0]],
            ["a", "b", "a", "b"],
            new DatasetOptions { Provenance = [.. new long[] { 60, 61, 62, 63 }.Select(RowProvenance.Original)] });
        var unchanged = new RandomOverSampler { Seed = 0 }.FitResample(new TrainingSet(data.Table)).Resampled;

        var picked = unchanged.Table.Provenance.Pick([3, 0]);

        Assert.Equal(0, unchanged.SyntheticRowCount);
        Assert.Equal([63L, 60], Enumerable.Range(0, 2).Select(i => picked.SourceRow(i)));
    }

    [Fact]
    public void Different_datasets_have_different_sources()
    {
        var first = Dataset.FromArrays(new double[,] { { 1 } }, ["a"]);
        var second = Dataset.FromArrays(new double[,] { { 1 } }, ["a"]);

        Assert.NotEqual(first.Table.Provenance.SourceKey, second.Table.Provenance.SourceKey);
    }

    [Fact]
    public void An_original_row_reads_as_its_row_number()
        => Assert.Equal("row 17", RowProvenance.Original(17).ToString());

    [Fact]
    public void A_synthetic_row_reads_as_its_sampler_and_parents()
    {
        Assert.Equal("synthetic (smote) from row 3", RowProvenance.Synthetic("smote", 3).ToString());
        Assert.Equal("synthetic (smote) from rows 3, 9", RowProvenance.Synthetic("smote", 3, 9).ToString());
        Assert.Equal(
            "synthetic (adasyn) from rows 0, 1, 2, 3, 4, 5",
            RowProvenance.Synthetic("adasyn", 0, 1, 2, 3, 4, 5).ToString());
        Assert.Equal(
            "synthetic (adasyn) from rows 0, 1, 2, 3, 4, 5 and 2 more",
            RowProvenance.Synthetic("adasyn", 0, 1, 2, 3, 4, 5, 6, 7).ToString());
    }

    [Fact]
    public void A_synthetic_row_without_parents_reads_as_its_sampler_alone()
        => Assert.Equal("synthetic (generator)", RowProvenance.Synthetic("generator").ToString());

    [Fact]
    public void A_synthetic_row_keeps_a_copy_of_its_parents()
    {
        long[] parents = [3, 9];
        var provenance = RowProvenance.Synthetic("smote", parents);
        parents[0] = 100;

        Assert.Equal([3L, 9], provenance.ParentRows.ToArray());
        Assert.True(provenance.IsSynthetic);
        Assert.Equal(-1, provenance.SourceRow);
        Assert.Equal("smote", provenance.Sampler);
    }

    [Fact]
    public void Provenances_are_equal_when_kind_sampler_and_parents_are()
    {
        Assert.Equal(RowProvenance.Original(4), RowProvenance.Original(4));
        Assert.True(RowProvenance.Original(4) == RowProvenance.Original(4));
        Assert.True(RowProvenance.Original(4) != RowProvenance.Original(5));
        Assert.Equal(RowProvenance.Synthetic("smote", 1, 2), RowProvenance.Synthetic("smote", 1, 2));
        Assert.Equal(RowProvenance.Synthetic("smote", 1, 2).GetHashCode(), RowProvenance.Synthetic("smote", 1, 2).GetHashCode());
        Assert.NotEqual(RowProvenance.Synthetic("smote", 1, 2), RowProvenance.Synthetic("smote", 2, 1));
        Assert.NotEqual(RowProvenance.Synthetic("smote", 1, 2), RowProvenance.Synthetic("adasyn", 1, 2));
        Assert.NotEqual(RowProvenance.Original(1), RowProvenance.Synthetic("smote", 1));
        Assert.False(RowProvenance.Original(1).Equals((object)"row 1"));
    }

    [Fact]
    public void Invalid_provenance_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RowProvenance.Original(-1));
        Assert.Throws<ArgumentException>(() => RowProvenance.Synthetic(" ", 1));
        Assert.Throws<ArgumentNullException>(() => RowProvenance.Synthetic(null!, 1));
    }
}
