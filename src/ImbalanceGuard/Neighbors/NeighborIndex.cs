using System.Buffers;
using System.Globalization;

namespace ImbalanceGuard.Neighbors;

/// <summary>
/// Exact k-nearest-neighbour search under the Euclidean distance, the engine behind every sampler.
/// Neighbours come nearest first; equally distant points in ascending index order. A query that is one of
/// the indexed points never finds itself (excluded by identity, so a duplicate of it still counts as a
/// neighbour). A k-d tree serves few dimensions; elsewhere a blocked, vectorised, parallel brute force, unless
/// a k-d tree proves cheaper on a sample of the queries (real data with duplicates and a low intrinsic
/// dimension). The answer never depends on the algorithm or the number of threads.
/// </summary>
public sealed class NeighborIndex
{
    private const int TreeMaxDimensions = 6;
    private const long ExactScanMaxPairs = 1 << 16;

    // Above TreeMaxDimensions, the tree is tried on this many queries spread over the batch when the batch holds
    // more pairs than ProbeMinPairs, and kept when its work there, in coordinates read, times TreeWorkCost is
    // below a brute-force scan's (every point's coordinates). The tree reads double-precision coordinates one
    // at a time with branches; the scan reads single-precision ones 8 or 16 to a vector instruction, and four
    // queries share each load. Measured break-even (all neighbours of every row, k = 4, both algorithms timed):
    // the tree wins on UCI Bank Marketing (45 211 x 10, brute-force work 221 times the tree's: 0.20 s against
    // 0.72 s) and the KDD Cup 99 subset (102 563 x 38, 312 times: 1.3 s against 15 s), breaks even on UCI
    // Shuttle (71 times) and loses on generated Gaussians (58 000 x 9, 63 times: 1.2 s against 1.0 s; 200 000 x
    // 20, 8 times: 146 s against 15 s), credit default (38 times) and satimage (6 times: 0.28 s against 0.06 s).
    private const int ProbeQueries = 256;
    private const long ProbeMinPairs = 1L << 26;
    private const double TreeWorkCost = 64;

    // On a large set the full tree is built only where samples predict it will win: its nodes and boxes (22 MB
    // over SMOTE's 380 000 rows from 200 000 x 20 Gaussians, before they were sized exactly) pushed SMOTE+Tomek and
    // SMOTE+ENN past twice their input for a tree the full probe then discarded. Trees over every 16th and every 4th point are probed with their own points; the
    // tree's advantage grows with the set by about the same factor per fourfold more points, so the 4th's ratio
    // times that factor predicts the whole's. Measured (k = 1 and 3; predicted -> full): Bank Marketing 265 -> 285,
    // KDD 398 -> 425, Give Me Some Credit 144 -> 188, Shuttle 51 -> 79 and 79 -> 114, credit default 67 -> 58,
    // the Gaussians 8.4 -> 8.8, SMOTE's rows from them 36 -> 37 and 27 -> 26: never more than 1.6 times too low,
    // so the full tree is built where the prediction reaches TreeWorkCost / PredictionMargin.
    private const int CoarseStride = 16;
    private const int FineStride = 4;
    private const int SampleMinPoints = 2048;
    private const double PredictionMargin = 1.6;

    // Single-precision values (2 MB) of the brute-force search's copy of one part of the points, when a one-off
    // search goes through many points a part at a time. Half of the earlier 4 MB cost no time (Tomek links on
    // 200 000 x 20: 13.9 s and 14.0 s) and took 2 MB off the peak of every sampler that searches in parts.
    private const int PartValues = 1 << 19;

    private readonly PointRows _points;
    private readonly NeighborSearchOptions _options;
    private KdTree? _tree;
    private BruteForceSearch? _brute;
    private NeighborAlgorithm? _probed;     // what the probe chose for this index, once it ran
    private int _probeSearches;

    /// <summary>Indexes points of <paramref name="dimensions"/> coordinates each, given row-major.</summary>
    /// <exception cref="ArgumentException">The array length is not a multiple of <paramref name="dimensions"/>.</exception>
    public NeighborIndex(ReadOnlySpan<double> points, int dimensions, NeighborSearchOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (points.Length % dimensions != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{points.Length} values do not make rows of {dimensions}."),
                nameof(points));
        }

        _points = PointRows.Leading(points.ToArray(), points.Length / dimensions, dimensions);
        Dimensions = dimensions;
        Count = points.Length / dimensions;
        _options = options ?? NeighborSearchOptions.Default;
    }

    /// <summary>Indexes <paramref name="points"/> without copying; the caller must not change the array.</summary>
    internal NeighborIndex(double[] points, int dimensions, NeighborSearchOptions? options)
        : this(PointRows.Leading(points, points.Length / dimensions, dimensions), dimensions, options)
    {
    }

    /// <summary>Indexes points where they live; the caller must not change them while the index is in use.</summary>
    internal NeighborIndex(PointRows points, int dimensions, NeighborSearchOptions? options)
    {
        _points = points;
        Dimensions = dimensions;
        Count = points.Count;
        _options = options ?? NeighborSearchOptions.Default;
    }

    /// <summary>The number of indexed points.</summary>
    public int Count { get; }

    /// <summary>The number of coordinates per point.</summary>
    public int Dimensions { get; }

    /// <summary>The <paramref name="k"/> nearest other indexed points of every indexed point.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1 or not below <see cref="Count"/>.</exception>
    public NeighborResult QueryAll(int k)
    {
        CheckK(k, Count - 1, "other points");
        return Run(QueryBatch.IndexedInOrder(_points, 0, Count), k);
    }

    /// <summary>The <paramref name="k"/> nearest other indexed points of each indexed point in <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1 or not below <see cref="Count"/>, or a row is out of range.</exception>
    public NeighborResult QueryRows(ReadOnlySpan<int> rows, int k)
    {
        CheckK(k, Count - 1, "other points");
        foreach (var row in rows)
        {
            if ((uint)row >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"Row {row} is not one of the {Count} indexed points.");
            }
        }

        var positions = rows.ToArray();
        return Run(QueryBatch.IndexedRows(_points, positions, 0, positions.Length), k);
    }

    /// <summary>The <paramref name="k"/> nearest indexed points of each outside point (row-major).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is below 1 or above <see cref="Count"/>.</exception>
    /// <exception cref="ArgumentException">The points do not have <see cref="Dimensions"/> coordinates.</exception>
    public NeighborResult Query(ReadOnlySpan<double> points, int k)
    {
        CheckK(k, Count, "points");
        if (points.Length % Dimensions != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{points.Length} values do not make rows of {Dimensions}."),
                nameof(points));
        }

        return Run(QueryBatch.Outside(points.ToArray(), Dimensions), k);
    }

    /// <summary>The <paramref name="k"/> nearest indexed points of the rows <paramref name="rows"/> of <paramref name="matrix"/> (outside points), without gathering them.</summary>
    internal NeighborResult QueryOutsideRows(double[] matrix, int[] rows, int k)
    {
        CheckK(k, Count, "points");
        return Run(QueryBatch.OutsideRows(matrix, rows, 0, rows.Length, Dimensions), k);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest indexed points of outside points that are rows <paramref name="rows"/> of
    /// <paramref name="matrix"/>, answered a chunk at a time as <see cref="QueryRowsInChunks(int[], int, Action{int, NeighborResult})"/> does, without
    /// gathering the rows.
    /// </summary>
    internal void QueryOutsideRowsInChunks(double[] matrix, int[] rows, int k, Action<int, NeighborResult> visit)
    {
        CheckK(k, Count, "points");
        InChunks(rows.Length, k, (first, count) => QueryBatch.OutsideRows(matrix, rows, first, count, Dimensions), visit);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest other indexed points of each of <paramref name="rows"/>, answered a chunk
    /// of rows at a time into one pair of pooled buffers, so the answer for many rows never exists whole.
    /// <paramref name="visit"/> gets the position in <paramref name="rows"/> of the chunk's first row and the
    /// chunk's answer, which is only valid during the call.
    /// </summary>
    internal void QueryRowsInChunks(int[] rows, int k, Action<int, NeighborResult> visit)
        => QueryRowsInChunks(rows, rows.Length, k, visit);

    /// <summary><see cref="QueryRowsInChunks(int[], int, Action{int, NeighborResult})"/> for the first <paramref name="rowCount"/> of <paramref name="rows"/>.</summary>
    internal void QueryRowsInChunks(int[] rows, int rowCount, int k, Action<int, NeighborResult> visit)
    {
        CheckK(k, Count - 1, "other points");
        InChunks(rowCount, k, (first, count) => QueryBatch.IndexedRows(_points, rows, first, count), visit);
    }

    /// <summary><see cref="QueryRowsInChunks(int[], int, Action{int, NeighborResult})"/> for every indexed point, in order.</summary>
    internal void QueryAllInChunks(int k, Action<int, NeighborResult> visit)
    {
        CheckK(k, Count - 1, "other points");
        InChunks(Count, k, (first, count) => QueryBatch.IndexedInOrder(_points, first, count), visit);
    }

    private void InChunks(int queryCount, int k, Func<int, int, QueryBatch> batch, Action<int, NeighborResult> visit)
    {
        const int ChunkRows = 8192;

        // Searched in parts, every chunk of queries rebuilds each part's copy of the points: larger chunks make
        // that rare, for answers of a few more megabytes.
        const int ChunkRowsInParts = 1 << 15;
        var algorithm = Resolve(batch(0, Math.Min(queryCount, ChunkRowsInParts)), queryCount, k);
        var parts = PartsFor(algorithm, queryCount, k);
        var chunk = Math.Max(1, Math.Min(parts > 1 ? ChunkRowsInParts : ChunkRows, queryCount));
        var indices = ArrayPool<int>.Shared.Rent(chunk * k);
        var distances = ArrayPool<double>.Shared.Rent(chunk * k);
        var partIndices = parts > 1 ? ArrayPool<int>.Shared.Rent(chunk * k) : [];
        var partDistances = parts > 1 ? ArrayPool<double>.Shared.Rent(chunk * k) : [];
        BruteForceSearch? partSearch = null;
        try
        {
            for (var first = 0; first < queryCount; first += chunk)
            {
                var count = Math.Min(chunk, queryCount - first);
                var queries = batch(first, count);
                if (parts > 1)
                {
                    SearchInParts(queries, k, parts, indices, distances, partIndices, partDistances, ref partSearch);
                }
                else
                {
                    RunInto(algorithm, queries, k, indices, distances);
                }

                visit(first, new NeighborResult(count, k, indices, distances));
                _options.QueriesAnswered?.Invoke(first + count, queryCount);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<double>.Shared.Return(distances);
            if (parts > 1)
            {
                ArrayPool<int>.Shared.Return(partIndices);
                ArrayPool<double>.Shared.Return(partDistances);
            }

            partSearch?.Dispose();
        }
    }

    /// <summary>
    /// Hands the search's single-precision copy of the points back to the shared pool, for the next index
    /// (of a later round) to reuse; the index rebuilds it if it is queried again.
    /// </summary>
    internal void ReleaseSearchBuffers()
    {
        _brute?.Dispose();
        _brute = null;
    }

    internal NeighborResult Run(QueryBatch queries, int k)
    {
        var indices = new int[queries.Count * k];
        var distances = new double[queries.Count * k];
        var algorithm = Resolve(queries, queries.Count, k);
        var parts = PartsFor(algorithm, queries.Count, k);
        if (parts > 1)
        {
            BruteForceSearch? search = null;
            try
            {
                SearchInParts(queries, k, parts, indices, distances, new int[indices.Length], new double[distances.Length], ref search);
            }
            finally
            {
                search?.Dispose();
            }
        }
        else
        {
            RunInto(algorithm, queries, k, indices, distances);
        }

        return new NeighborResult(queries.Count, k, indices, distances);
    }

    /// <summary>The algorithm the automatic choice took for this index: null until a search needed the probe.</summary>
    internal NeighborAlgorithm? Probed => _probed;

    /// <summary>How many tree searches the automatic choice's probes ran, in all (the probes stop early where the tree loses).</summary>
    internal int ProbeSearches => _probeSearches;

    /// <summary>Whether a k-d tree over all the points has been built (for a search or a probe).</summary>
    internal bool BuiltTree { get; private set; }

    private KdTree Tree()
    {
        if (_tree is null)
        {
            _tree = new KdTree(_points, Dimensions);
            BuiltTree = true;
        }

        return _tree;
    }

    /// <summary>
    /// The algorithm for <paramref name="queryCount"/> queries like <paramref name="sample"/>. Auto means a k-d tree
    /// for few dimensions; above that, a brute force unless the tree proves cheaper on a sample of the queries
    /// (decided once per index, from counts alone, so the choice is the same on every run and thread count).
    /// </summary>
    private NeighborAlgorithm Resolve(QueryBatch sample, int queryCount, int k)
    {
        if (_options.Algorithm != NeighborAlgorithm.Auto)
        {
            return _options.Algorithm;
        }

        if (Dimensions <= TreeMaxDimensions)
        {
            return Count > 64 ? NeighborAlgorithm.KdTree : NeighborAlgorithm.BruteForce;
        }

        if (_probed is { } probed)
        {
            return probed;
        }

        // A search already set up for brute force (its copy of the points exists), or too small to matter.
        if (_brute is not null || (long)queryCount * Count < ProbeMinPairs)
        {
            return NeighborAlgorithm.BruteForce;
        }

        _probed = NeighborAlgorithm.BruteForce;
        if (FullTreePredictedToWin(k))
        {
            // Probed before it copies the points: a tree that loses costs only its nodes and boxes.
            var tree = new KdTree(_points, Dimensions, maxCopyBytes: 0);
            BuiltTree = true;
            if (!TreeLoses(TreeWork(tree, sample, k, TreeLoses)))
            {
                tree.CopyPoints();
                _tree = tree;
                _probed = NeighborAlgorithm.KdTree;
            }
        }

        return _probed.Value;
    }

    /// <summary>
    /// Whether trees over every <see cref="CoarseStride"/>-th and every <see cref="FineStride"/>-th point predict
    /// that the full tree's work will be under a scan's by <see cref="TreeWorkCost"/> (within the margin); true
    /// when the set is too small for samples, where the full tree is cheap to try.
    /// </summary>
    private bool FullTreePredictedToWin(int k)
    {
        if (Count / CoarseStride < SampleMinPoints)
        {
            return true;
        }

        var coarse = SampleRatio(CoarseStride, k, null);
        return PredictedToWin(SampleRatio(FineStride, k, fine => !PredictedToWin(fine)));

        bool PredictedToWin(double fine) => fine * (fine / coarse) * PredictionMargin >= TreeWorkCost;
    }

    /// <summary>Whether a tree's average work per query, in coordinates read, loses to a scan's by the margin <see cref="TreeWorkCost"/>.</summary>
    private bool TreeLoses(double work) => !(work * TreeWorkCost < (double)Count * Dimensions);

    /// <summary>
    /// A scan's reads over a tree's, for a tree over every <paramref name="stride"/>-th point probed with its own
    /// points; the probe stops once the ratio so far makes <paramref name="loses"/> true (see <see cref="TreeWork"/>).
    /// </summary>
    private double SampleRatio(int stride, int k, Func<double, bool>? loses)
    {
        var count = Count / stride;
        var positions = new int[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = i * stride;
        }

        var points = _points.Select(positions);
        var work = TreeWork(
            new KdTree(points, Dimensions, maxCopyBytes: 0),
            QueryBatch.IndexedInOrder(points, 0, count),
            k,
            loses is null ? null : work => loses(Ratio(work)));
        return Ratio(work);

        double Ratio(double work) => count * (double)Dimensions / Math.Max(work, 1);
    }

    /// <summary>
    /// The average work per query of <paramref name="tree"/>, in coordinates read, over queries spread evenly across
    /// <paramref name="sample"/>. With <paramref name="loses"/>, the probe stops as soon as the work so far, averaged
    /// over all the probes, makes it true: work only adds up, so the whole probe's average would make it true as well
    /// and the choice is the same, for any thread count, at a fraction of the cost. Where the tree loses (most data
    /// above six dimensions) a few of the probes show it: with 20 neighbours in 20 dimensions each probe reads nearly
    /// every point, and probing to the end cost a search of 200 000 × 20 Gaussians about a tenth of its time.
    /// </summary>
    private double TreeWork(KdTree tree, QueryBatch sample, int k, Func<double, bool>? loses)
    {
        var probes = Math.Min(ProbeQueries, sample.Count);
        var work = 0L;
        Parallel.For(0, probes, _options.ParallelOptions, (p, loop) =>
        {
            if (loop.ShouldExitCurrentIteration)
            {
                return;
            }

            var q = (int)((long)p * sample.Count / probes);
            Span<double> distances = k <= 256 ? stackalloc double[k] : new double[k];
            Span<int> indices = k <= 256 ? stackalloc int[k] : new int[k];
            var top = new TopK(distances, indices);
            var sum = Interlocked.Add(ref work, tree.Search(sample.Point(q), sample.Self(q), ref top));
            Interlocked.Increment(ref _probeSearches);
            if (loses is not null && loses(sum / (double)probes))
            {
                loop.Stop();
            }
        });
        return Interlocked.Read(ref work) / (double)probes;
    }

    /// <summary>
    /// How many parts a brute-force search over many points goes through, a part of the points at a time (1: all
    /// at once). The single-precision copy the search makes then needs a part's room instead of the whole's, most
    /// of a resampling's memory besides its output for SMOTE variants' danger sets and for cleaners over large
    /// data. Not used when the whole copy is already built (an index searched before).
    /// </summary>
    private int PartsFor(NeighborAlgorithm algorithm, int queryCount, int k)
    {
        if (algorithm != NeighborAlgorithm.BruteForce || _brute is not null || (long)queryCount * Count <= ExactScanMaxPairs)
        {
            return 1;
        }

        // A whole number of the widest vector's lanes per part, so no part's copy spills into a larger pool bucket.
        var mostPoints = PartValues / Dimensions / 16 * 16;
        if (mostPoints == 0 || Count <= mostPoints)
        {
            return 1;
        }

        var parts = (Count + mostPoints - 1) / mostPoints;
        return Count / parts > k + 1 ? parts : 1;
    }

    /// <summary>
    /// Searches the points a part at a time (<see cref="PartsFor"/>). Each part's exact answers are merged into the
    /// running ones; parts come in index order, so on equal distances the earlier (lower) index stays: the answer
    /// is the whole search's, bit for bit. One search object loads part after part (<paramref name="search"/>,
    /// kept for the caller's next chunk of queries), so its pooled copy and scratch are reused, not remade.
    /// </summary>
    private void SearchInParts(
        QueryBatch queries, int k, int parts, int[] indices, double[] distances, int[] partIndices, double[] partDistances, ref BruteForceSearch? search)
    {
        for (var p = 0; p < parts; p++)
        {
            var start = (int)((long)Count * p / parts);
            var count = (int)((long)Count * (p + 1) / parts) - start;
            var points = _points.Range(start, count);
            if (search is null)
            {
                search = new BruteForceSearch(points, Dimensions);
            }
            else
            {
                search.Reload(points);
            }

            var part = queries.AgainstPoints(start, count);
            if (p == 0)
            {
                search.Search(part, k, indices, distances, _options.ParallelOptions);
                continue;
            }

            search.Search(part, k, partIndices, partDistances, _options.ParallelOptions, better: distances);
            Merge(indices, distances, partIndices, partDistances, start, queries.Count, k);
        }
    }

    /// <summary>
    /// Merges each query's k best of a later part (indices from <paramref name="offset"/> on) into its k best so far;
    /// on equal distances the earlier answer, with the lower index, comes first.
    /// </summary>
    private static void Merge(int[] indices, double[] distances, int[] partIndices, double[] partDistances, int offset, int queries, int k)
    {
        var mergedIndices = new int[k];
        var mergedDistances = new double[k];
        for (var q = 0; q < queries; q++)
        {
            var at = q * k;
            int a = 0, b = 0;
            for (var m = 0; m < k; m++)
            {
                if (partDistances[at + b] < distances[at + a])
                {
                    mergedDistances[m] = partDistances[at + b];
                    mergedIndices[m] = partIndices[at + b++] + offset;
                }
                else
                {
                    mergedDistances[m] = distances[at + a];
                    mergedIndices[m] = indices[at + a++];
                }
            }

            mergedIndices.CopyTo(indices, at);
            mergedDistances.CopyTo(distances, at);
        }
    }

    private void RunInto(NeighborAlgorithm algorithm, QueryBatch queries, int k, int[] indices, double[] distances)
    {
        var pairs = (long)queries.Count * Count;
        if (algorithm == NeighborAlgorithm.KdTree)
        {
            // A tree search reads a few leaves, not every point: a few hundred points a query.
            var parallel = ParallelWork.For((long)queries.Count * Math.Min(Count, 256) * Dimensions, _options.ParallelOptions);
            var tree = Tree();
            Parallel.For(0, queries.Count, parallel, q =>
            {
                var top = new TopK(distances.AsSpan(q * k, k), indices.AsSpan(q * k, k));
                tree.Search(queries.Point(q), queries.Self(q), ref top);
                top.Finish();
            });
        }
        else
        {
            var parallel = ParallelWork.For(pairs * Dimensions, _options.ParallelOptions);
            var brute = _brute ??= new BruteForceSearch(_points, Dimensions);
            if (pairs <= ExactScanMaxPairs && _options.Algorithm == NeighborAlgorithm.Auto)
            {
                brute.ScanAll(queries, k, indices, distances, parallel);
            }
            else
            {
                brute.Search(queries, k, indices, distances, parallel);
            }
        }
    }

    internal NeighborResult ExactScan(QueryBatch queries, int k)
    {
        var indices = new int[queries.Count * k];
        var distances = new double[queries.Count * k];
        (_brute ??= new BruteForceSearch(_points, Dimensions)).ScanAll(queries, k, indices, distances, _options.ParallelOptions);
        return new NeighborResult(queries.Count, k, indices, distances);
    }

    private static void CheckK(int k, int available, string what)
    {
        if (k < 1 || k > available)
        {
            throw new ArgumentOutOfRangeException(
                nameof(k),
                k,
                string.Create(CultureInfo.InvariantCulture, $"{k} neighbours were asked for, but there are {available} {what} to choose from."));
        }
    }
}
