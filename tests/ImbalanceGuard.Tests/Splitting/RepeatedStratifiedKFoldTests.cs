namespace ImbalanceGuard.Tests.Splitting;

public class RepeatedStratifiedKFoldTests
{
    [Fact]
    public void Every_repeat_is_a_stratified_partition_into_folds()
    {
        var data = RepositoryFiles.LoadData("glass.csv");

        var folds = new RepeatedStratifiedKFold(folds: 4, repeats: 3, seed: 1).Split(data).ToArray();

        Assert.Equal(12, folds.Length);
        foreach (var repeat in folds.GroupBy(f => f.Repeat))
        {
            Assert.Equal(Enumerable.Range(0, 4), repeat.Select(f => f.Index));
            Assert.Equal(Enumerable.Range(0, data.RowCount), repeat.SelectMany(f => f.Split.HoldoutRows).Order());
            var sizes = repeat.Select(f => f.Validation.RowCount).ToArray();
            Assert.True(sizes.Max() - sizes.Min() <= 1);
            for (var c = 0; c < data.ClassCount; c++)
            {
                var perFold = repeat.Select(f => f.Validation.ClassCounts[c]).ToArray();
                Assert.True(perFold.Max() - perFold.Min() <= 1, $"Class {c} per fold: {string.Join(", ", perFold)}.");
            }

            foreach (var fold in repeat)
            {
                SplitData.AssertPartition(data, fold.Split);
            }
        }

        Assert.Equal([0, 1, 2], folds.Select(f => f.Repeat).Distinct());
    }

    [Fact]
    public void Repeats_shuffle_differently()
    {
        var data = RepositoryFiles.LoadData("pima.csv");

        var validations = new RepeatedStratifiedKFold(folds: 5, repeats: 4, seed: 0).Split(data)
            .Where(f => f.Index == 0)
            .Select(f => string.Join(",", f.Split.HoldoutRows))
            .ToArray();

        Assert.Equal(4, validations.Distinct().Count());
    }

    [Fact]
    public void The_same_seed_repeats_the_same_folds_and_another_seed_does_not()
    {
        var data = RepositoryFiles.LoadData("pima.csv");
        static string[] Folds(Dataset data, int seed)
            => [.. new RepeatedStratifiedKFold(3, 2, seed).Split(data).Select(f => string.Join(",", f.Split.HoldoutRows))];

        Assert.Equal(Folds(data, 5), Folds(data, 5));
        Assert.NotEqual(Folds(data, 5), Folds(data, 6));
    }

    [Fact]
    public void The_splitter_keeps_its_settings()
    {
        var splitter = new RepeatedStratifiedKFold(3, 7, 11);

        Assert.Equal(3, splitter.Folds);
        Assert.Equal(7, splitter.Repeats);
        Assert.Equal(11, splitter.Seed);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(5, 0)]
    public void Fewer_than_two_folds_or_one_repeat_are_refused(int folds, int repeats)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RepeatedStratifiedKFold(folds, repeats));

    [Fact]
    public void More_folds_than_rows_are_refused_when_splitting()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1]);
        var splitter = new RepeatedStratifiedKFold(5, 2);

        var error = Assert.Throws<ArgumentException>(() => splitter.Split(data));
        Assert.Contains("5 folds need at least 5 rows; there are 4", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => splitter.Split(null!));
    }
}
