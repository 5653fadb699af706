using CsCheck;

namespace ImbalanceGuard.Tests.Splitting;

public class StratifiedSplitTests
{
    /// <summary>Class sizes (1 to 6 classes of 1 to 40 rows), a holdout fraction and a seed.</summary>
    private static readonly Gen<(int[] Counts, double Fraction, int Seed)> Cases = Gen.Select(
        Gen.Int[1, 6].SelectMany(k => Gen.Int[1, 40].Array[k]),
        Gen.Double[0.01, 0.99],
        Gen.Int);

    [Fact]
    public void Every_class_of_two_or_more_rows_is_on_both_sides()
        => Cases.Sample(
            (counts, fraction, seed) =>
            {
                if (counts.All(c => c < 2))
                {
                    return;
                }

                var data = SplitData.WithLabels(SplitData.ShuffledLabels(counts, seed), seed);
                var split = Split.Stratified(data, fraction, seed);

                var training = SplitData.ClassCounts(data, split.TrainingRows);
                var holdout = SplitData.ClassCounts(data, split.HoldoutRows);
                for (var c = 0; c < counts.Length; c++)
                {
                    if (counts[c] >= 2)
                    {
                        Assert.True(training[c] >= 1 && holdout[c] >= 1, $"Class {c} ({counts[c]} rows): {training[c]} training, {holdout[c]} holdout.");
                    }
                    else
                    {
                        Assert.Equal(1, training[c]);
                    }
                }
            },
            iter: 400,
            threads: 1);

    /// <summary>
    /// The holdout has ceil(n·fraction) rows, unless keeping every class of two or more rows on both sides
    /// (and single rows in training) makes that impossible: then it is as near as those bounds allow.
    /// </summary>
    [Fact]
    public void The_holdout_size_is_the_rounded_up_share_whenever_the_class_bounds_allow()
        => Cases.Sample(
            (counts, fraction, seed) =>
            {
                var n = counts.Sum();
                var data = SplitData.WithLabels(SplitData.ShuffledLabels(counts, seed), seed);
                if (counts.All(c => c < 2))
                {
                    Assert.Throws<ArgumentException>(() => Split.Stratified(data, fraction, seed));
                    return;
                }

                var split = Split.Stratified(data, fraction, seed);

                var fewest = counts.Count(c => c >= 2);
                var most = counts.Where(c => c >= 2).Sum(c => c - 1);
                var expected = Math.Clamp((int)Math.Ceiling(n * fraction), fewest, most);
                Assert.Equal(expected, split.Holdout.RowCount);
                Assert.Equal(n - expected, split.Training.RowCount);
            },
            iter: 400,
            threads: 1);

    [Fact]
    public void The_split_is_a_partition_of_the_dataset_rows()
        => Cases.Sample(
            (counts, fraction, seed) =>
            {
                if (counts.All(c => c < 2))
                {
                    return;
                }

                var data = SplitData.WithLabels(SplitData.ShuffledLabels(counts, seed), seed);
                SplitData.AssertPartition(data, Split.Stratified(data, fraction, seed));
            },
            iter: 200,
            threads: 1);

    /// <summary>When no class is too small for its share, each class is split in proportion, within one row.</summary>
    [Fact]
    public void Each_class_is_split_in_proportion_when_every_class_can_be()
        => Cases.Sample(
            (counts, fraction, seed) =>
            {
                if (counts.Any(c => c * fraction < 1 || c * (1 - fraction) < 1))
                {
                    return;
                }

                var data = SplitData.WithLabels(SplitData.ShuffledLabels(counts, seed), seed);
                var holdout = SplitData.ClassCounts(data, Split.Stratified(data, fraction, seed).HoldoutRows);
                for (var c = 0; c < counts.Length; c++)
                {
                    Assert.True(Math.Abs(holdout[c] - (counts[c] * fraction)) < 1, $"Class {c}: {holdout[c]} of {counts[c]} held out at {fraction}.");
                }
            },
            iter: 400,
            threads: 1);

    [Fact]
    public void Pima_splits_each_class_by_the_fraction()
    {
        var data = RepositoryFiles.LoadData("pima.csv");

        var split = Split.Stratified(data, 0.25, seed: 42);

        Assert.Equal(192, split.Holdout.RowCount);
        Assert.Equal([125, 67], split.Holdout.ClassCounts);
        Assert.Equal([375, 201], split.Training.ClassCounts);
        SplitData.AssertPartition(data, split);
    }

    [Fact]
    public void Forced_rows_of_small_classes_are_taken_from_the_large_class()
    {
        // 10% of 56 rows is 5.6, so 6 rows are held out; each of the three two-row classes needs one.
        var data = SplitData.WithLabels(SplitData.ShuffledLabels([50, 2, 2, 2], seed: 1));

        var split = Split.Stratified(data, 0.1, seed: 1);

        Assert.Equal([3, 1, 1, 1], split.Holdout.ClassCounts);
    }

    [Fact]
    public void A_class_with_a_single_row_stays_in_training()
    {
        var data = SplitData.WithLabels([0, 0, 0, 0, 1, 0, 0, 2, 2, 0]);

        var split = Split.Stratified(data, 0.5, seed: 3);

        Assert.Equal(1, split.Training.ClassCounts[1]);
        Assert.Equal(0, split.Holdout.ClassCounts[1]);
        Assert.Equal(1, split.Holdout.ClassCounts[2]);
        Assert.Equal(5, split.Holdout.RowCount);
    }

    /// <summary>A label column of unique values (an id, a measurement) would otherwise give an empty holdout.</summary>
    [Fact]
    public void Data_without_a_class_of_two_rows_is_refused_instead_of_holding_out_nothing()
    {
        var data = SplitData.WithLabels([0, 1, 2, 3, 4, 5]);

        var error = Assert.Throws<ArgumentException>(() => Split.Stratified(data, 0.5));

        Assert.Equal("data", error.ParamName);
        Assert.Contains("No class has two rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_source_rows_are_the_dataset_positions()
    {
        var data = RepositoryFiles.LoadData("glass.csv");

        var split = Split.Stratified(data, 0.3, seed: 5);

        Assert.Equal(split.TrainingRows.Select(r => (long)r), Enumerable.Range(0, split.Training.RowCount).Select(i => split.Training.GetProvenance(i).SourceRow));
        Assert.Equal(split.HoldoutRows.Select(r => (long)r), Enumerable.Range(0, split.Holdout.RowCount).Select(i => split.Holdout.GetProvenance(i).SourceRow));
        Assert.Equal(0, split.Training.SyntheticRowCount + split.Holdout.SyntheticRowCount);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split()
    {
        var data = RepositoryFiles.LoadData("glass.csv");

        var first = Split.Stratified(data, 0.25, seed: 9);
        var second = Split.Stratified(data, 0.25, seed: 9);

        Assert.Equal(first.HoldoutRows, second.HoldoutRows);
        Assert.Equal(first.TrainingRows, second.TrainingRows);
        Assert.Equal(first.Holdout.Features.ToArray(), second.Holdout.Features.ToArray());
    }

    [Fact]
    public void Different_seeds_give_different_splits()
    {
        var data = RepositoryFiles.LoadData("glass.csv");

        var holdouts = Enumerable.Range(0, 10).Select(seed => string.Join(",", Split.Stratified(data, 0.25, seed).HoldoutRows)).ToArray();

        Assert.Equal(holdouts.Length, holdouts.Distinct().Count());
    }

    [Fact]
    public void The_split_deconstructs_into_its_sides()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1, 0, 1]);
        var split = Split.Stratified(data, 0.5);

        var (training, holdout) = split;

        Assert.Same(split.Training, training);
        Assert.Same(split.Holdout, holdout);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.25)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        var data = SplitData.WithLabels([0, 1, 0, 1]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Split.Stratified(data, fraction));
        Assert.Equal("holdoutFraction", error.ParamName);
    }

    [Fact]
    public void Fewer_than_two_rows_cannot_be_split()
    {
        Assert.Throws<ArgumentException>(() => Split.Stratified(SplitData.WithLabels([0])));
        Assert.Throws<ArgumentNullException>(() => Split.Stratified(null!));
    }
}
