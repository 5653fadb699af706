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
    [InlineData(4000, 20, 20, 7)]
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

    /// <summary>
    /// A one-off search over many points goes through them a part at a time (here 40 000 points of 64 features in
    /// three parts); merging the parts must give the whole search's answer, with duplicates of a query planted in
    /// later parts (equal distances across parts: lower index first) and queries whose self lies in any part.
    /// </summary>
    [Fact]
    public void A_search_through_many_points_in_parts_agrees_with_the_exact_scan()
    {
        const int count = 40_000, dimensions = 64, k = 6;
        var points = RandomPoints(count, dimensions, 41, duplicates: true, grid: true);
        int[] queries = [.. Enumerable.Range(0, 100).Select(i => i * 397)];
        foreach (var q in queries.Take(30))
        {
            foreach (var copy in new[] { (q + 15_000) % count, (q + 29_000) % count })
            {
                Array.Copy(points, q * dimensions, points, copy * dimensions, dimensions);
            }
        }

        var outside = Gather(points, [.. queries.Take(40)], dimensions);
        var exactIndex = new NeighborIndex(points, dimensions);
        var exactRows = exactIndex.ExactScan(QueryBatch.IndexedRows(points, queries, dimensions), k);
        var exactOutside = exactIndex.ExactScan(QueryBatch.Outside(outside, dimensions), k);

        var rows = new NeighborIndex(points, dimensions).QueryRows(queries, k);
        var outsideResult = new NeighborIndex(points, dimensions).Query(outside, k);

        Assert.Equal(exactRows.AllIndices.ToArray(), rows.AllIndices.ToArray());
        Assert.Equal(exactOutside.AllIndices.ToArray(), outsideResult.AllIndices.ToArray());
        for (var q = 0; q < queries.Length; q++)
        {
            Assert.Equal(exactRows.SquaredDistances(q).ToArray(), rows.SquaredDistances(q).ToArray());
        }

        Assert.Equal(0, rows.SquaredDistances(0)[1]);

        // Answered a chunk of queries at a time (70 000 queries: three chunks), each chunk through every part.
        int[] many = [.. Enumerable.Range(0, 70_000).Select(i => queries[i % queries.Length])];
        var chunked = new int[many.Length * k];
        new NeighborIndex(points, dimensions).QueryRowsInChunks(many, k, (first, answer) =>
            answer.AllIndices.CopyTo(chunked.AsSpan(first * k)));
        for (var i = 0; i < many.Length; i++)
        {
            Assert.Equal(exactRows.Indices(i % queries.Length).ToArray(), chunked.AsSpan(i * k, k).ToArray());
        }

        // The same through an index over some rows (a map), searched in parts of the map.
        int[] subset = [.. Enumerable.Range(0, count).Where(i => i % 3 != 1)];
        int[] asked = [.. Enumerable.Range(0, 200).Select(i => i * 131)];
        var mapped = new NeighborIndex(PointRows.Leading(points, count, dimensions).Select(subset), dimensions, null).QueryRows(asked, k);
        var mappedExact = new NeighborIndex(Gather(points, subset, dimensions), dimensions)
            .ExactScan(QueryBatch.IndexedRows(Gather(points, subset, dimensions), asked, dimensions), k);
        Assert.Equal(mappedExact.AllIndices.ToArray(), mapped.AllIndices.ToArray());
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

    /// <summary>
    /// Above six dimensions the automatic choice tries the k-d tree on a sample of the queries and keeps it when it
    /// reads far fewer coordinates than a brute-force scan would: real data with duplicates and few effective
    /// dimensions (the KDD Cup 99 subset, 38 columns: 1.3 s against 15 s). The answer is the exact scan's either way,
    /// whole or a chunk of queries at a time, and the choice depends on counts alone. The probe stops as soon as the
    /// work so far, over all its queries, already makes the tree lose (each of its searches reads nearly every point
    /// here, and probing to the end took a tenth of the interpolated-rows check on 200 000 rows); where the tree
    /// wins, every probe runs.
    /// </summary>
    [Theory]
    [InlineData(PointShape.FewIntegerDimensions, NeighborAlgorithm.KdTree)]
    [InlineData(PointShape.Uniform, NeighborAlgorithm.BruteForce)]
    public void Auto_keeps_the_tree_only_where_it_reads_less_and_answers_exactly(PointShape shape, NeighborAlgorithm expected)
    {
        const int count = 9000, dimensions = 24, k = 5;
        var points = Shaped(count, dimensions, shape, seed: 81);

        var rows = Enumerable.Range(0, count).ToArray();
        var exact = new NeighborIndex(points, dimensions).ExactScan(QueryBatch.IndexedRows(points, rows, dimensions), k);

        var index = new NeighborIndex(points, dimensions);
        var result = index.QueryAll(k);
        Assert.Equal(expected, index.Probed);
        Assert.InRange(index.ProbeSearches, expected == NeighborAlgorithm.KdTree ? 256 : 1, expected == NeighborAlgorithm.KdTree ? 256 : 64);
        Assert.Equal(exact.AllIndices.ToArray(), result.AllIndices.ToArray());
        for (var q = 0; q < count; q += 97)
        {
            Assert.Equal(exact.SquaredDistances(q).ToArray(), result.SquaredDistances(q).ToArray());
        }

        var chunked = new NeighborIndex(points, dimensions);
        var inChunks = new int[count * k];
        chunked.QueryRowsInChunks(rows, k, (first, answer) => answer.AllIndices.CopyTo(inChunks.AsSpan(first * k)));
        Assert.Equal(expected, chunked.Probed);
        Assert.Equal(exact.AllIndices.ToArray(), inChunks);
    }

    /// <summary>
    /// On a large set the probe starts with trees over every 16th and every 4th point and builds the full tree only
    /// where they predict it wins — its memory took SMOTE variants on 200 000 × 20 rows past twice their input for
    /// a tree the full probe then discarded. Data with few effective dimensions still gets it; uniform points in
    /// 20 dimensions never build it; nor do points with eight effective dimensions, as SMOTE's rows between Gaussian
    /// neighbours, where a 16th of them reads 4.6 times less than a scan (enough to build the full tree before)
    /// but the prediction from a 16th and a 4th is 32 and the whole reads 33 times less, not the 64 the tree needs.
    /// </summary>
    [Theory]
    [InlineData(PointShape.FewIntegerDimensions, NeighborAlgorithm.KdTree, true)]
    [InlineData(PointShape.EightDimensions, NeighborAlgorithm.BruteForce, false)]
    [InlineData(PointShape.Uniform, NeighborAlgorithm.BruteForce, false)]
    public void A_large_set_builds_the_full_tree_only_where_samples_predict_it_wins(PointShape shape, NeighborAlgorithm expected, bool builtTree)
    {
        const int count = 40_000, dimensions = 20, k = 5;
        var points = Shaped(count, dimensions, shape, seed: 82);

        var queries = Enumerable.Range(0, count).Where(i => i % 10 == 0).ToArray();
        var index = new NeighborIndex(points, dimensions);
        var result = index.QueryRows(queries, k);
        Assert.Equal(expected, index.Probed);
        Assert.Equal(builtTree, index.BuiltTree);
        var exact = new NeighborIndex(points, dimensions).ExactScan(QueryBatch.IndexedRows(points, queries, dimensions), k);
        for (var q = 0; q < queries.Length; q += 37)
        {
            Assert.Equal(exact.Indices(q).ToArray(), result.Indices(q).ToArray());
            Assert.Equal(exact.SquaredDistances(q).ToArray(), result.SquaredDistances(q).ToArray());
        }
    }

    /// <summary>
    /// Real data mixes scales: a feature ranging to ±26 000 on a few rows (UCI Shuttle), a measurement far from
    /// zero with a small spread, features of 1e-4, integer duplicates. The filter must stay exact there.
    /// </summary>
    [Theory]
    [InlineData(1, 61)]
    [InlineData(3, 62)]
    [InlineData(7, 63)]
    public void Mixed_magnitudes_agree_with_the_exact_scan(int k, int seed)
    {
        const int count = 3000, dimensions = 9;
        var points = MixedMagnitudes(count, dimensions, seed);
        var rows = Enumerable.Range(0, count).ToArray();
        var search = new BruteForceSearch(PointRows.Leading(points, count, dimensions), dimensions);
        var filtered = (Indices: new int[count * k], Distances: new double[count * k]);
        var exact = (Indices: new int[count * k], Distances: new double[count * k]);
        search.Search(QueryBatch.IndexedRows(points, rows, dimensions), k, filtered.Indices, filtered.Distances, new ParallelOptions());
        search.ScanAll(QueryBatch.IndexedRows(points, rows, dimensions), k, exact.Indices, exact.Distances, new ParallelOptions());

        Assert.True(search.FilterUsable);
        Assert.Equal(exact.Indices, filtered.Indices);
        Assert.Equal(exact.Distances, filtered.Distances);
    }

    /// <summary>
    /// A few far-out rows must widen only their own error bounds: with one bound from the largest norm, 16 rows at
    /// ±26 000 made every point a candidate of every query (Tomek links on UCI Shuttle took 22.7 s, 16 times
    /// imbalanced-learn's time). Here the filter ranks a few dozen candidates per query, not thousands.
    /// </summary>
    [Fact]
    public void A_few_far_out_rows_do_not_make_every_point_a_candidate()
    {
        const int count = 20_000, dimensions = 9, k = 1;
        var random = new Random(71);
        var points = new double[count * dimensions];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = Math.Round(random.NextDouble() * 100);
        }

        for (var i = 0; i < 16; i++)
        {
            points[(random.Next(count) * dimensions) + 6] = (random.Next(2) * 2 - 1) * (5000 + (random.NextDouble() * 21_000));
        }

        var search = new BruteForceSearch(PointRows.Leading(points, count, dimensions), dimensions);
        var rows = Enumerable.Range(0, count).ToArray();
        search.Search(QueryBatch.IndexedRows(points, rows, dimensions), k, new int[count * k], new double[count * k], new ParallelOptions());

        var perQuery = search.CandidatesRanked / (double)count;
        Assert.True(perQuery < 50, $"{perQuery:0.0} candidates ranked per query");
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

    /// <summary>An index over some rows of a matrix, read in place, answers as an index over those rows copied out.</summary>
    [Theory]
    [InlineData(3000, 3, 5, NeighborAlgorithm.KdTree)]
    [InlineData(2500, 20, 4, NeighborAlgorithm.BruteForce)]
    [InlineData(1200, 9, 3, NeighborAlgorithm.Auto)]
    public void An_index_over_rows_of_a_matrix_agrees_with_one_over_a_copy(int count, int dimensions, int k, NeighborAlgorithm algorithm)
    {
        var matrix = RandomPoints(count, dimensions, count + dimensions, duplicates: true, grid: dimensions < 5);
        var random = new Random(7);
        var rows = Enumerable.Range(0, count).Where(_ => random.NextDouble() < 0.6).ToArray();
        var outside = Enumerable.Range(0, count).Except(rows).ToArray();
        var options = new NeighborSearchOptions { Algorithm = algorithm };
        var copied = new NeighborIndex(Gather(matrix, rows, dimensions), dimensions, options);
        var mapped = new NeighborIndex(PointRows.Mapped(matrix, rows, dimensions), dimensions, options);

        Assert.Equal(copied.QueryAll(k).AllIndices.ToArray(), mapped.QueryAll(k).AllIndices.ToArray());
        var expectedOutside = copied.Query(Gather(matrix, outside, dimensions), k);
        Assert.Equal(expectedOutside.AllIndices.ToArray(), mapped.QueryOutsideRows(matrix, outside, k).AllIndices.ToArray());

        // Answered in chunks (more than one here), the same again; and after the buffers go back to the pool.
        var positions = Enumerable.Range(0, rows.Length).Reverse().ToArray();
        var whole = copied.QueryRows(positions, k);
        mapped.ReleaseSearchBuffers();
        var chunked = new int[positions.Length * k];
        var distances = new double[positions.Length * k];
        mapped.QueryRowsInChunks(positions, k, (first, part) =>
        {
            part.AllIndices.CopyTo(chunked.AsSpan(first * k));
            for (var q = 0; q < part.QueryCount; q++)
            {
                part.SquaredDistances(q).CopyTo(distances.AsSpan((first + q) * k));
            }
        });
        Assert.Equal(whole.AllIndices.ToArray(), chunked);
        Assert.Equal(Enumerable.Range(0, positions.Length).SelectMany(q => whole.SquaredDistances(q).ToArray()), distances);

        var outsideChunked = new int[outside.Length * k];
        mapped.QueryOutsideRowsInChunks(matrix, outside, k, (first, part) => part.AllIndices.CopyTo(outsideChunked.AsSpan(first * k)));
        Assert.Equal(expectedOutside.AllIndices.ToArray(), outsideChunked);
    }

    /// <summary>
    /// An index over the rows of two matrices agrees with one over them copied together: chosen rows of each (a
    /// cleaner's kept rows and made rows, through a map), or all rows of one then all of the other (an
    /// over-sampler's input and made rows, joined without a map); so do their selections, ranges and copies.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_index_over_rows_of_two_matrices_agrees_with_one_over_a_copy(bool joined)
    {
        var first = RandomPoints(700, 12, 5, duplicates: true, grid: false);
        var second = RandomPoints(300, 12, 6, duplicates: true, grid: false);
        var map = joined
            ? Enumerable.Range(0, 700).Concat(Enumerable.Range(0, 300).Select(i => ~i)).ToArray()
            : Enumerable.Range(0, 700).Where(i => i % 3 != 0).Concat(Enumerable.Range(0, 300).Where(i => i % 2 == 0).Select(i => ~i)).ToArray();
        var copy = map.SelectMany(r => (r >= 0 ? first.AsSpan(r * 12, 12) : second.AsSpan(~r * 12, 12)).ToArray()).ToArray();
        var points = joined ? PointRows.Joined(first, 700, second, 300, 12) : PointRows.Mapped(first, second, map, 12);
        Assert.Equal(copy, points.Contiguous().ToArray());
        var start = map.Length * 13 / 20; // across the second matrix's first row when joined
        Assert.Equal(copy.AsSpan(start * 12, 100 * 12).ToArray(), points.Range(start, 100).Contiguous().ToArray());

        var expected = new NeighborIndex(copy, 12).QueryAll(6);
        var actual = new NeighborIndex(points, 12, null).QueryAll(6);

        Assert.Equal(expected.AllIndices.ToArray(), actual.AllIndices.ToArray());
        var selected = Enumerable.Range(0, map.Length).Where(i => i % 4 != 0).ToArray();
        var expectedSubset = new NeighborIndex(selected.SelectMany(i => copy.AsSpan(i * 12, 12).ToArray()).ToArray(), 12).QueryAll(3);
        var actualSubset = new NeighborIndex(points.Select(selected), 12, null).QueryAll(3);
        Assert.Equal(expectedSubset.AllIndices.ToArray(), actualSubset.AllIndices.ToArray());
    }

    /// <summary>
    /// A tree over more than <see cref="KdTree.MaxCopyBytes"/> of points reads them where they live instead of
    /// copying them in tree order, and answers exactly as the scan does (here 120 000 × 9 points, shuttle's shape,
    /// with duplicates and a few far-out rows); a small one copies them.
    /// </summary>
    [Fact]
    public void A_tree_over_many_points_reads_them_in_place_and_answers_exactly()
    {
        const int dimensions = 9;
        const int count = 120_000;
        const int k = 3;
        Assert.True((long)count * dimensions * sizeof(double) > KdTree.MaxCopyBytes);
        var points = MixedMagnitudes(count, dimensions, 21);
        var tree = new KdTree(PointRows.Leading(points, count, dimensions), dimensions);
        Assert.False(tree.CopiesPoints);
        Assert.True(new KdTree(PointRows.Leading(points, 1000, dimensions), dimensions).CopiesPoints);

        var queries = Enumerable.Range(0, 300).Select(i => (i * 397) % count).ToArray();
        var exact = new NeighborIndex(points, dimensions, new() { Algorithm = NeighborAlgorithm.BruteForce })
            .ExactScan(QueryBatch.IndexedRows(points, queries, dimensions), k);
        var distances = new double[k];
        var indices = new int[k];
        for (var q = 0; q < queries.Length; q++)
        {
            var top = new TopK(distances, indices);
            tree.Search(points.AsSpan(queries[q] * dimensions, dimensions), queries[q], ref top);
            top.Finish();
            Assert.Equal(exact.Indices(q).ToArray(), indices);
            Assert.Equal(exact.SquaredDistances(q).ToArray(), distances);
        }
    }

    /// <summary>
    /// The tree's arrays are sized from its point count alone: distinct points fill exactly that many nodes, equal
    /// ones fewer (a node of equal points is a leaf), for every count from none to a few hundred and a few large
    /// ones; a probe's tree copies nothing.
    /// </summary>
    [Fact]
    public void The_node_bound_is_exact_for_distinct_points_and_holds_with_duplicates()
    {
        const int dimensions = 3;
        var random = new Random(23);
        var counts = Enumerable.Range(0, 300).Concat([1000, 4097, 23_750, 95_000]);
        foreach (var count in counts)
        {
            var distinct = Enumerable.Range(0, count * dimensions).Select(_ => random.NextDouble()).ToArray();
            var tree = new KdTree(PointRows.Leading(distinct, count, dimensions), dimensions, maxCopyBytes: 0);
            Assert.Equal(KdTree.NodeBound(count), tree.NodeCount);
            Assert.True(count == 0 || !tree.CopiesPoints);

            var repeated = distinct.Select(v => Math.Round(v * 3)).ToArray();
            Assert.InRange(new KdTree(PointRows.Leading(repeated, count, dimensions), dimensions).NodeCount, 1, KdTree.NodeBound(count));
        }

        Assert.Equal(8191, KdTree.NodeBound(95_000));
    }

    /// <summary>How the coordinates of <see cref="Shaped"/> points are drawn.</summary>
    public enum PointShape
    {
        /// <summary>Three integer coordinates in [0, 12), the rest multiples of them, as in logged counters and flags.</summary>
        FewIntegerDimensions,

        /// <summary>Eight coordinates uniform in [0, 10), the rest multiples of them.</summary>
        EightDimensions,

        /// <summary>Every coordinate uniform in [0, 10).</summary>
        Uniform,
    }

    private static double[] Shaped(int count, int dimensions, PointShape shape, int seed)
    {
        var random = new Random(seed);
        var points = new double[count * dimensions];
        for (var i = 0; i < count; i++)
        {
            var row = points.AsSpan(i * dimensions, dimensions);
            for (var f = 0; f < dimensions; f++)
            {
                row[f] = shape switch
                {
                    PointShape.FewIntegerDimensions => f < 3 ? random.Next(12) : row[f % 3] * (f % 5),
                    PointShape.EightDimensions => f < 8 ? random.NextDouble() * 10 : row[f % 8] * (f % 5),
                    _ => random.NextDouble() * 10,
                };
            }
        }

        return points;
    }

    private static double[] Gather(double[] matrix, int[] rows, int dimensions)
        => rows.SelectMany(r => matrix.AsSpan(r * dimensions, dimensions).ToArray()).ToArray();

    /// <summary>Unit-scale features, one with a few rows at ±26 000, one at 1e6 with spread 1, one of 1e-4, integer duplicates.</summary>
    private static double[] MixedMagnitudes(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var points = new double[count * dimensions];
        for (var i = 0; i < count; i++)
        {
            var row = points.AsSpan(i * dimensions, dimensions);
            for (var f = 0; f < dimensions; f++)
            {
                row[f] = f < 4 ? random.Next(0, 30) : random.NextDouble() - 0.5;
            }

            row[4] = 1e6 + random.NextDouble();
            row[5] *= 1e-4;
            if (i % 200 == 7)
            {
                row[6] = (random.Next(2) * 2 - 1) * (5000 + (random.NextDouble() * 21_000));
            }
        }

        for (var i = 0; i < count / 10; i++)
        {
            Array.Copy(points, random.Next(count) * dimensions, points, random.Next(count) * dimensions, dimensions);
        }

        return points;
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
