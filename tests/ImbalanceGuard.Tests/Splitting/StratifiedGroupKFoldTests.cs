using CsCheck;

namespace ImbalanceGuard.Tests.Splitting;

public class StratifiedGroupKFoldTests
{
    /// <summary>Rows (10 to 300), how many groups to draw their keys from, folds and a seed.</summary>
    private static readonly Gen<(int Rows, int Groups, int Folds, int Seed)> Cases = Gen.Select(
        Gen.Int[10, 300], Gen.Int[2, 60], Gen.Int[2, 6], Gen.Int);

    [Fact]
    public void No_group_is_on_both_sides_of_any_fold_and_every_row_is_validated_once()
        => Cases.Sample(
            (rows, groupCount, folds, seed) =>
            {
                var random = new Random(seed);
                var groups = Enumerable.Range(0, rows).Select(_ => "g" + random.Next(groupCount)).ToArray();
                if (groups.Distinct().Count() < folds)
                {
                    return;
                }

                var data = SplitData.WithLabels([.. Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.2 ? 1 : 0)], seed);
                var validated = new int[rows];

                var splits = new StratifiedGroupKFold(groups, folds, seed: seed).Split(data).ToArray();

                Assert.Equal(folds, splits.Length);
                foreach (var fold in splits)
                {
                    var trainingGroups = fold.Split.TrainingRows.Select(r => groups[r]).ToHashSet();
                    Assert.Empty(trainingGroups.Intersect(fold.Split.HoldoutRows.Select(r => groups[r])));
                    Assert.NotEmpty(fold.Split.HoldoutRows);
                    SplitData.AssertPartition(data, fold.Split);
                    foreach (var row in fold.Split.HoldoutRows)
                    {
                        validated[row]++;
                    }
                }

                Assert.All(validated, count => Assert.Equal(1, count));
            },
            iter: 200,
            threads: 1);

    [Fact]
    public void Many_small_groups_keep_the_class_proportions_in_every_fold()
    {
        var random = new Random(11);
        var sizes = Enumerable.Range(0, 300).Select(_ => random.Next(1, 5)).ToArray();
        var groups = sizes.SelectMany((size, g) => Enumerable.Repeat("customer-" + g, size)).ToArray();
        var labels = groups.Select(_ => random.NextDouble() < 0.1 ? 1 : 0).ToArray();
        var data = SplitData.WithLabels(labels);

        foreach (var fold in new StratifiedGroupKFold(groups, 5, seed: 2).Split(data))
        {
            var share = fold.Validation.ClassCounts[1] / (double)data.ClassCounts[1];
            Assert.InRange(share, 0.2 - 0.02, 0.2 + 0.02);
            Assert.InRange(fold.Validation.RowCount / (double)data.RowCount, 0.2 - 0.03, 0.2 + 0.03);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_and_another_seed_may_not()
    {
        var random = new Random(5);
        var groups = Enumerable.Range(0, 200).Select(_ => "g" + random.Next(40)).ToArray();
        var data = SplitData.WithLabels([.. Enumerable.Range(0, 200).Select(_ => random.Next(2))]);

        Assert.Equal(new StratifiedGroupKFold(groups, 4, seed: 1).AssignFolds(data), new StratifiedGroupKFold(groups, 4, seed: 1).AssignFolds(data));
        Assert.NotEqual(new StratifiedGroupKFold(groups, 4, seed: 1).AssignFolds(data), new StratifiedGroupKFold(groups, 4, seed: 2).AssignFolds(data));
    }

    [Fact]
    public void Fewer_groups_than_folds_or_a_group_per_row_missing_are_refused()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1, 0, 1]);

        var few = Assert.Throws<ArgumentException>(() => new StratifiedGroupKFold(["a", "a", "b", "b", "a", "b"], 3).AssignFolds(data));
        Assert.Contains("3 folds need at least 3 groups", few.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentException>(() => new StratifiedGroupKFold(["a", "b", "c"], 3).AssignFolds(data));
        Assert.Contains("3 groups for 6 rows", missing.Message, StringComparison.Ordinal);
    }
}
