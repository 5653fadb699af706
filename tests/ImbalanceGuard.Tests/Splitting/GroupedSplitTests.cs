using CsCheck;

namespace ImbalanceGuard.Tests.Splitting;

public class GroupedSplitTests
{
    /// <summary>Rows (2 to 300), how many groups to draw their keys from, their classes, a fraction and a seed.</summary>
    private static readonly Gen<(int Rows, int Groups, int Seed, double Fraction)> Cases = Gen.Select(
        Gen.Int[2, 300], Gen.Int[2, 40], Gen.Int, Gen.Double[0.05, 0.95]);

    [Fact]
    public void No_group_has_rows_on_both_sides_and_neither_side_is_empty()
        => Cases.Sample(
            (rows, groupCount, seed, fraction) =>
            {
                var random = new Random(seed);
                var groups = Enumerable.Range(0, rows).Select(i => "g" + random.Next(groupCount)).ToArray();
                if (groups.Distinct().Count() < 2)
                {
                    return;
                }

                var data = SplitData.WithLabels([.. Enumerable.Range(0, rows).Select(_ => random.Next(3))], seed);

                var split = Split.Grouped(data, groups, fraction, seed);

                var trainingGroups = split.TrainingRows.Select(r => groups[r]).ToHashSet();
                var holdoutGroups = split.HoldoutRows.Select(r => groups[r]).ToHashSet();
                Assert.Empty(trainingGroups.Intersect(holdoutGroups));
                Assert.NotEmpty(split.TrainingRows);
                Assert.NotEmpty(split.HoldoutRows);
                SplitData.AssertPartition(data, split);
            },
            iter: 300,
            threads: 1);

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    public void Many_small_groups_give_roughly_the_fraction(double fraction)
    {
        var random = new Random(7);
        var sizes = Enumerable.Range(0, 150).Select(_ => random.Next(1, 6)).ToArray();
        var groups = sizes.SelectMany((size, g) => Enumerable.Repeat("patient-" + g, size)).ToArray();
        var labels = groups.Select(_ => random.NextDouble() < 0.2 ? 1 : 0).ToArray();
        var data = SplitData.WithLabels(labels);

        var split = Split.Grouped(data, groups, fraction, seed: 3);

        var share = (double)split.Holdout.RowCount / data.RowCount;
        Assert.InRange(share, fraction - 0.03, fraction + 0.03);
        var minorityShare = (double)split.Holdout.ClassCounts[1] / data.ClassCounts[1];
        Assert.InRange(minorityShare, fraction - 0.08, fraction + 0.08);
    }

    [Fact]
    public void Two_groups_are_split_one_to_each_side()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1, 0, 1]);
        string[] groups = ["a", "a", "a", "a", "b", "b"];

        var split = Split.Grouped(data, groups, 0.25);

        Assert.Equal([0, 1, 2, 3], split.TrainingRows);
        Assert.Equal([4, 5], split.HoldoutRows);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_seeds_vary_it()
    {
        var data = RepositoryFiles.LoadData("pima.csv");
        var groups = Enumerable.Range(0, data.RowCount).Select(i => "g" + (i % 97)).ToArray();

        var first = Split.Grouped(data, groups, 0.25, seed: 1);
        var again = Split.Grouped(data, groups, 0.25, seed: 1);
        var others = Enumerable.Range(2, 5).Select(seed => Split.Grouped(data, groups, 0.25, seed)).ToArray();

        Assert.Equal(first.HoldoutRows, again.HoldoutRows);
        Assert.Contains(others, other => !other.HoldoutRows.SequenceEqual(first.HoldoutRows));
    }

    [Fact]
    public void One_group_cannot_be_split()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1]);

        var error = Assert.Throws<ArgumentException>(() => Split.Grouped(data, ["same", "same", "same", "same"]));
        Assert.Equal("groups", error.ParamName);
    }

    [Fact]
    public void A_group_per_row_is_required()
    {
        var data = SplitData.WithLabels([0, 1, 0, 1]);

        Assert.Throws<ArgumentException>(() => Split.Grouped(data, ["a", "b", "a"]));
        Assert.Throws<ArgumentException>(() => Split.Grouped(data, ["a", "b", null!, "a"]));
        Assert.Throws<ArgumentNullException>(() => Split.Grouped(data, null!));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Split.Grouped(SplitData.WithLabels([0, 1, 0, 1]), ["a", "b", "c", "d"], fraction));
}
