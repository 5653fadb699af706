using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Tests.Neighbors;

public class NeighborIndexTests
{
    /// <summary>Every algorithm must give the plain exact scan's answer, bit for bit, ties included.</summary>
    [Theory]
    [InlineData(500, 2, 5, 1)]
    [InlineData(3000, 3, 7, 2)]
    [InlineData(2000, 8, 10, 3)]
    [InlineData(1500, 20, 4, 4)]
    [InlineData(1000, 64, 6, 5)]
    [InlineData(777, 13, 1, 6)]
    public void Every_algorithm_agrees_with_the_exact_scan(int count, int dimensions, int k, int seed)
    {
        var points = RandomPoints(count, dimensions, seed, duplicates: true, grid: seed % 2 == 0);
        var reference = new NeighborIndex(points, dimensions, new() { Algorithm = NeighborAlgorithm.BruteForce })
            .ExactScan(QueryBatch.IndexedRows(points, Enumerable.Range(0, count).ToArray(), dimensions), k);

        foreach (var algorithm in new[] { NeighborAlgorithm.BruteForce, NeighborAlgorithm.KdTree, NeighborAlgorithm.Auto })
        {
            var index = new NeighborIndex(points, dimensions, new() { Algorithm = algorithm });
            var result = index.QueryAll(k);
            Assert.Equal(reference.AllIndices.ToArray(), result.AllIndices.ToArray());
            for (var q = 0; q < count; q++)
            {
                Assert.Equal(reference.SquaredDistances(q).ToArray(), result.SquaredDistances(q).ToArray());
            }
        }
    }

    [Fact]
    public void Outside_queries_agree_with_the_exact_scan()
    {
        var points = RandomPoints(2500, 16, 11, duplicates: true, grid: false);
        var queries = RandomPoints(300, 16, 12, duplicates: false, grid: false);
        var exact = new NeighborIndex(points, 16).ExactScan(QueryBatch.Outside(queries, 16), 9);
        foreach (var algorithm in new[] { NeighborAlgorithm.BruteForce, NeighborAlgorithm.KdTree })
        {
            var result = new NeighborIndex(points, 16, new() { Algorithm = algorithm }).Query(queries, 9);
            Assert.Equal(exact.AllIndices.ToArray(), result.AllIndices.ToArray());
        }
    }

    [Fact]
    public void A_query_never_finds_itself_but_finds_its_duplicate_first()
    {
        double[] points = [0, 0, 5, 5, 0, 0, 1, 1];
        var result = new NeighborIndex(points, 2).QueryAll(1);
        Assert.Equal([2, 3, 0, 0], result.AllIndices.ToArray());
        Assert.Equal(0, result.SquaredDistances(0)[0]);
    }

    [Fact]
    public void Ties_are_broken_by_the_lower_index()
    {
        // Four points at distance 1 from the origin, in scrambled index order.
        double[] points = [0, 0, 0, 1, 1, 0, 0, -1, -1, 0];
        foreach (var algorithm in new[] { NeighborAlgorithm.BruteForce, NeighborAlgorithm.KdTree })
        {
            var result = new NeighborIndex(points, 2, new() { Algorithm = algorithm }).QueryRows([0], 3);
            Assert.Equal([1, 2, 3], result.Indices(0).ToArray());
        }
    }

    [Fact]
    public void The_answer_does_not_depend_on_the_thread_count()
    {
        var points = RandomPoints(4000, 20, 21, duplicates: true, grid: false);
        var one = new NeighborIndex(points, 20, new() { MaxDegreeOfParallelism = 1 }).QueryAll(5);
        var many = new NeighborIndex(points, 20, new() { MaxDegreeOfParallelism = 8 }).QueryAll(5);
        Assert.Equal(one.AllIndices.ToArray(), many.AllIndices.ToArray());
    }

    [Fact]
    public void Huge_values_fall_back_to_exact_double_precision()
    {
        var points = RandomPoints(400, 5, 31, duplicates: true, grid: false).Select(v => v * 1e20).ToArray();
        var exact = new NeighborIndex(points, 5).ExactScan(QueryBatch.IndexedRows(points, Enumerable.Range(0, 400).ToArray(), 5), 3);
        var brute = new NeighborIndex(points, 5, new() { Algorithm = NeighborAlgorithm.BruteForce }).QueryAll(3);
        Assert.Equal(exact.AllIndices.ToArray(), brute.AllIndices.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Asking_for_more_neighbours_than_exist_is_refused(int k)
    {
        var index = new NeighborIndex(new double[8], 2);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => index.QueryAll(k));
        Assert.Contains("neighbours were asked for", error.Message, StringComparison.Ordinal);
    }

    internal static double[] RandomPoints(int count, int dimensions, int seed, bool duplicates, bool grid)
    {
        var random = new Random(seed);
        var points = new double[count * dimensions];
        for (var i = 0; i < points.Length; i++)
        {
            // A coarse grid makes many exactly equal distances.
            points[i] = grid ? random.Next(0, 4) : (random.NextDouble() * 10) - 3;
        }

        if (duplicates)
        {
            for (var i = 0; i < count / 20; i++)
            {
                var from = random.Next(count);
                var to = random.Next(count);
                Array.Copy(points, from * dimensions, points, to * dimensions, dimensions);
            }
        }

        return points;
    }
}
