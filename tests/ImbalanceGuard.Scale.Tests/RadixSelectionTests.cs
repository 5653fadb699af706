namespace ImbalanceGuard.Scale.Tests;

public class RadixSelectionTests
{
    [Theory]
    [InlineData(31, 1L << 20, 1)]
    [InlineData(31, 64, 2)]     // a budget of a few counters: one or two bits a pass
    [InlineData(64, 1L << 20, 3)]
    [InlineData(64, 200, 4)]
    [InlineData(5, 1L << 20, 5)] // keys from 32 values: many ties, broken by row id
    public void PicksPerGroupTheLowestKeysTiesByRowIdAsASortWould(int keyBits, long budget, int seed)
    {
        var random = new Random(seed);
        const int Rows = 20_000;
        var groups = new int[Rows];
        var keys = new ulong[Rows];
        for (var i = 0; i < Rows; i++)
        {
            groups[i] = random.Next(100) < 3 ? 0 : random.Next(100) < 50 ? 1 : 2;
            keys[i] = keyBits == 64 ? (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2) : (ulong)random.NextInt64(1L << keyBits);
        }

        long[] groupRows = [.. Enumerable.Range(0, 4).Select(g => (long)groups.Count(x => x == g))];
        long[] targets = [groupRows[0] / 3, groupRows[1] - 1, 1, 0];
        var search = new RadixSelection(groupRows, targets, keyBits, budget);
        var passes = 0;
        while (search.NeedsPass)
        {
            for (var i = 0; i < Rows; i++)
            {
                search.Add(groups[i], keys[i]);
            }

            search.EndPass();
            passes++;
        }

        var picker = new BoundaryPicker([.. Enumerable.Range(0, 4).Select(search.Boundary)]);
        var picked = Enumerable.Range(0, Rows).Where(i => picker.Take(groups[i], keys[i])).ToArray();
        var mirror = Enumerable.Range(0, Rows).GroupBy(i => groups[i])
            .SelectMany(g => g.OrderBy(i => keys[i]).ThenBy(i => i).Take((int)targets[g.Key])).Order().ToArray();
        Assert.Equal(mirror, picked);
        Assert.InRange(passes, (keyBits + 15) / 16, keyBits);
    }

    [Fact]
    public void GroupsPickingNoneOrAllNeedNoPass()
    {
        var search = new RadixSelection([10, 5], [0, 5], keyBits: 31, budgetBytes: 1 << 20);

        Assert.False(search.NeedsPass);
        Assert.Equal(KeyBoundary.None, search.Boundary(0));
        Assert.Equal(KeyBoundary.All(5), search.Boundary(1));
    }

    [Fact]
    public void TargetsOutsideTheGroupAndBudgetsTooSmallAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new RadixSelection([10], [11], 31, 1 << 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadixSelection([10, 10], [5, 5], 31, 16));
    }

    [Fact]
    public void APassThatSeesFewerRowsThanCountedIsAnError()
    {
        var search = new RadixSelection([10], [5], 31, 1 << 20);
        search.Add(0, 7);

        Assert.Throws<InvalidOperationException>(search.EndPass);
    }
}
