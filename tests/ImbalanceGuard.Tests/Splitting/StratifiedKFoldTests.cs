using CsCheck;

namespace ImbalanceGuard.Tests.Splitting;

public class StratifiedKFoldTests
{
    /// <summary>Class sizes (1 to 5 classes of 1 to 60 rows), a fold count and a seed.</summary>
    private static readonly Gen<(int[] Counts, int Folds, int Seed)> Cases = Gen.Select(
        Gen.Int[1, 5].SelectMany(k => Gen.Int[1, 60].Array[k]),
        Gen.Int[2, 10],
        Gen.Int);

    [Fact]
    public void Every_row_is_in_exactly_one_validation_fold_and_trains_in_the_others()
        => Cases.Sample(
            (counts, folds, seed) =>
            {
                if (counts.Sum() < folds)
                {
                    return;
                }

                var data = SplitData.WithLabels(SplitData.ShuffledLabels(counts, seed), seed);

                var all = new StratifiedKFold(folds, shuffle: true, seed).Split(data).ToArray();

                Assert.Equal(folds, all.Length);
                Assert.Equal(Enumerable.Range(0, folds), all.Select(f => f.Index));
                Assert.All(all, f => Assert.Equal(0, f.Repeat));
                Assert.Equal(Enumerable.Range(0, data.RowCount), all.SelectMany(f => f.Split.HoldoutRows).Order());
                foreach (var fold in all)
                {
                    SplitData.AssertPartition(data, fold.Split);
                    Assert.Same(fold.Split.Training, fold.Training);
                    Assert.Same(fold.Split.Holdout, fold.Validation);
                }
            },
            iter: 150,
            threads: 1);

    [Fact]
    public void Class_counts_and_fold_sizes_differ_by_at_most_one_across_folds()
        => Cases.Sample(
            (counts, folds, seed) =>
            {
                if (counts.Sum() < folds)
                {
                    return;
                }

                var data = SplitData.WithLabels(SplitData.ShuffledLabels(counts, seed), seed);
                var kfold = new StratifiedKFold(folds, shuffle: seed % 2 == 0, seed);

                var assignment = kfold.AssignFolds(data);

                var sizes = Enumerable.Range(0, folds).Select(f => assignment.Count(a => a == f)).ToArray();
                Assert.True(sizes.Max() - sizes.Min() <= 1, $"Fold sizes {string.Join(", ", sizes)}.");
                for (var c = 0; c < counts.Length; c++)
                {
                    var perFold = Enumerable.Range(0, folds)
                        .Select(f => Enumerable.Range(0, data.RowCount).Count(i => assignment[i] == f && data.Labels[i] == c))
                        .ToArray();
                    Assert.True(perFold.Max() - perFold.Min() <= 1, $"Class {c} per fold: {string.Join(", ", perFold)}.");
                }
            },
            iter: 300,
            threads: 1);

    [Fact]
    public void The_validation_sides_are_the_assigned_folds()
    {
        var data = RepositoryFiles.LoadData("glass.csv");
        var kfold = new StratifiedKFold(4, shuffle: true, seed: 8);

        var assignment = kfold.AssignFolds(data);

        foreach (var fold in kfold.Split(data))
        {
            Assert.Equal(Enumerable.Range(0, data.RowCount).Where(i => assignment[i] == fold.Index), fold.Split.HoldoutRows);
        }
    }

    [Fact]
    public void Without_shuffling_each_class_is_dealt_in_row_order()
    {
        var data = SplitData.WithLabels([0, 0, 1, 0, 1, 1, 0]);

        var assignment = new StratifiedKFold(2, shuffle: false).AssignFolds(data);

        // Class 0 (rows 0, 1, 3, 6) is dealt 0, 1, 0, 1; class 1 (rows 2, 4, 5) continues where it stopped.
        Assert.Equal([0, 1, 0, 0, 1, 0, 1], assignment);
    }

    [Fact]
    public void Without_shuffling_the_seed_does_not_matter_and_rows_of_a_class_cycle_through_the_folds()
    {
        var data = RepositoryFiles.LoadData("pima.csv");

        var assignment = new StratifiedKFold(5, shuffle: false, seed: 1).AssignFolds(data);

        Assert.Equal(assignment, new StratifiedKFold(5, shuffle: false, seed: 99).AssignFolds(data));
        for (var c = 0; c < data.ClassCount; c++)
        {
            var rows = Enumerable.Range(0, data.RowCount).Where(i => data.Labels[i] == c).ToArray();
            for (var j = 1; j < rows.Length; j++)
            {
                Assert.Equal((assignment[rows[j - 1]] + 1) % 5, assignment[rows[j]]);
            }
        }
    }

    [Fact]
    public void Shuffling_is_deterministic_by_seed_and_seeds_differ()
    {
        var data = RepositoryFiles.LoadData("pima.csv");

        var first = new StratifiedKFold(5, shuffle: true, seed: 3).AssignFolds(data);
        var again = new StratifiedKFold(5, shuffle: true, seed: 3).AssignFolds(data);
        var other = new StratifiedKFold(5, shuffle: true, seed: 4).AssignFolds(data);
        var unshuffled = new StratifiedKFold(5, shuffle: false, seed: 3).AssignFolds(data);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, unshuffled);
    }

    [Fact]
    public void Every_fold_passes_the_leakage_guard()
    {
        var data = RepositoryFiles.LoadData("pima.csv");

        foreach (var (training, validation) in new StratifiedKFold(5, seed: 2).Split(data))
        {
            LeakageGuard.EnsureIndependent(training, validation);
        }
    }

    [Fact]
    public void The_splitter_keeps_its_settings()
    {
        var kfold = new StratifiedKFold(7, shuffle: false, seed: 12);

        Assert.Equal(7, kfold.Folds);
        Assert.False(kfold.Shuffle);
        Assert.Equal(12, kfold.Seed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Fewer_than_two_folds_are_refused(int folds)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new StratifiedKFold(folds));

    [Fact]
    public void More_folds_than_rows_are_refused_when_splitting()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1]);
        var kfold = new StratifiedKFold(5);

        var error = Assert.Throws<ArgumentException>(() => kfold.Split(data));
        Assert.Contains("5 folds need at least 5 rows; there are 4", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => kfold.AssignFolds(data));
        Assert.Throws<ArgumentNullException>(() => kfold.Split(null!));
    }
}
