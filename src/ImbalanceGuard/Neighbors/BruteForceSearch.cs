using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ImbalanceGuard.Neighbors;

/// <summary>
/// Exact brute-force k-nearest-neighbour search in two passes. The first pass compares every query with
/// every point in single precision (‖q‖² + ‖p‖² − 2q·p on centred data, register-blocked and vectorised),
/// as a proven lower bound of each pair's distance, and keeps every point whose lower bound is within the
/// running k-th smallest upper bound. The second pass computes the exact double-precision distance of those
/// few candidates and picks the k nearest, ties by lower index. The answer is the same as a plain exact
/// scan, bit for bit.
/// <para>
/// Each pair's bounds use its own two norms (<see cref="SinglePrecisionBound"/>), so a few far-out rows widen
/// only their own bounds.
/// </para>
/// The single-precision copy is rented from the shared array pool: a sampler that searches round after
/// round (RENN, AllKNN) returns it with <see cref="Dispose"/> and the next round reuses it, instead of
/// leaving a half-size copy of the data behind for the collector every round.
/// </summary>
internal sealed class BruteForceSearch : IDisposable
{
    private const int QueryBlock = 64;
    private const int PanelsPerChunk = 256;

    private readonly int _dimensions;
    private readonly double[] _mean;
    private readonly int _width;
    private readonly double _slack;         // s: a pair's lower bound is the approximate distance less s (‖q‖² + ‖p‖²)
    private readonly ConcurrentBag<BlockState> _spareStates = []; // per-thread scratch, reused by later searches
    private PointRows _points;
    private int _count;
    private int _panelCount;
    private long _candidatesRanked;
    private float[] _panels = [];           // panel p, feature f, lane l at ((p * d) + f) * width + l
    private float[] _pointNorms = [];       // (1 - s) × squared norm of each float point; +inf for padding lanes

    public BruteForceSearch(PointRows points, int dimensions)
    {
        _dimensions = dimensions;
        _width = Vector512.IsHardwareAccelerated ? Vector512<float>.Count
            : Vector256.IsHardwareAccelerated ? Vector256<float>.Count
            : Vector128<float>.Count;
        _mean = new double[dimensions];
        _slack = SinglePrecisionBound.Slack(dimensions);
        Load(points);
    }

    public bool FilterUsable { get; private set; }

    /// <summary>How many candidates the filtered searches ranked by exact distance, in all: what the filter let through.</summary>
    public long CandidatesRanked => Interlocked.Read(ref _candidatesRanked);


    /// <summary>
    /// Searches <paramref name="points"/> from now on instead, reusing this search's pooled copy and scratch (a
    /// search through many points a part at a time loads part after part).
    /// </summary>
    public void Reload(PointRows points)
    {
        Dispose();
        Load(points);
    }

    private void Load(PointRows points)
    {
        var count = points.Count;
        var dimensions = _dimensions;
        _points = points;
        _count = count;
        Array.Clear(_mean);
        for (var i = 0; i < count; i++)
        {
            var point = Point(i);
            for (var f = 0; f < dimensions; f++)
            {
                _mean[f] += point[f];
            }
        }

        for (var f = 0; f < dimensions; f++)
        {
            _mean[f] /= Math.Max(count, 1);
        }

        _panelCount = (count + _width - 1) / _width;
        _panels = ArrayPool<float>.Shared.Rent(_panelCount * dimensions * _width);
        _pointNorms = ArrayPool<float>.Shared.Rent(_panelCount * _width);
        _pointNorms.AsSpan(0, _panelCount * _width).Fill(float.PositiveInfinity);
        _panels.AsSpan((count / _width) * dimensions * _width, (_panelCount - (count / _width)) * dimensions * _width).Clear();
        var row = new float[dimensions];
        var maxNorm = 0.0;
        for (var i = 0; i < count; i++)
        {
            var norm = Centre(Point(i), row);
            var panel = i / _width;
            var lane = i % _width;
            for (var f = 0; f < dimensions; f++)
            {
                _panels[(((panel * dimensions) + f) * _width) + lane] = row[f];
            }

            _pointNorms[i] = (float)((1 - _slack) * norm);
            maxNorm = Math.Max(maxNorm, Math.Sqrt(norm));
        }

        // Single precision cannot hold the squared norms of huge values: use the exact scan then.
        FilterUsable = maxNorm < 1e15;
    }

    /// <summary>Returns the single-precision copy to the pool; the search must not be used afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<float>.Shared.Return(_panels);
        ArrayPool<float>.Shared.Return(_pointNorms);
        _panels = [];
        _pointNorms = [];
    }

    /// <summary>
    /// The <paramref name="k"/> nearest points of each query. With <paramref name="better"/> (k exact distances
    /// per query, ascending: the answer so far from points of lower index), only points strictly nearer than the
    /// k-th of those can matter, so the filter starts from that bound instead of from nothing; a query may then
    /// get fewer than k answers, and its remaining slots are +∞ (index -1).
    /// </summary>
    public void Search(QueryBatch queries, int k, int[] indices, double[] distances, ParallelOptions parallel, double[]? better = null)
    {
        if (!FilterUsable)
        {
            ScanAll(queries, k, indices, distances, parallel);
            return;
        }

        var blocks = (queries.Count + QueryBlock - 1) / QueryBlock;
        Parallel.For(
            0,
            blocks,
            parallel,
            () => _spareStates.TryTake(out var spare) && spare.K == k ? spare : new BlockState(QueryBlock, _dimensions, k, _width),
            (block, _, state) =>
            {
                var first = block * QueryBlock;
                var last = Math.Min(first + QueryBlock, queries.Count);
                SearchBlock(queries, first, last, k, state, indices, distances, better);
                return state;
            },
            _spareStates.Add);
    }

    /// <summary>The exact reference: every distance in double precision.</summary>
    public void ScanAll(QueryBatch queries, int k, int[] indices, double[] distances, ParallelOptions parallel)
    {
        Parallel.For(0, queries.Count, parallel, q =>
        {
            var top = new TopK(distances.AsSpan(q * k, k), indices.AsSpan(q * k, k));
            var query = queries.Point(q);
            var self = queries.Self(q);
            for (var j = 0; j < _count; j++)
            {
                if (j != self)
                {
                    top.Add(SquaredEuclidean.Distance(query, Point(j)), j);
                }
            }

            top.Finish();
        });
    }

    /// <summary>The coordinates of indexed point <paramref name="j"/>.</summary>
    private ReadOnlySpan<double> Point(int j)
        => _points.Row(j);

    private double Centre(ReadOnlySpan<double> point, Span<float> into)
    {
        var norm = 0.0;
        for (var f = 0; f < point.Length; f++)
        {
            var value = (float)(point[f] - _mean[f]);
            into[f] = value;
            norm += (double)value * value;
        }

        return norm;
    }

    private void SearchBlock(QueryBatch queries, int first, int last, int k, BlockState s, int[] indices, double[] distances, double[]? better)
    {
        var count = last - first;
        var d = _dimensions;
        for (var q = 0; q < count; q++)
        {
            var norm = Centre(queries.Point(first + q), s.Queries.AsSpan(q * d, d));
            s.QueryNorms[q] = (float)((1 - _slack) * norm);
            s.UnscaledNorms[q] = norm;

            // A point nearer than the bound has a lower bound below it too.
            s.Thresholds[q] = better is null
                ? float.PositiveInfinity
                : MathF.BitIncrement((float)better[((first + q) * k) + k - 1]);
            s.HeapCounts[q] = 0;
            s.CandidateCounts[q] = 0;
            s.Self[q] = queries.Self(first + q);
        }

        for (var chunk = 0; chunk < _panelCount; chunk += PanelsPerChunk)
        {
            var chunkEnd = Math.Min(chunk + PanelsPerChunk, _panelCount);
            var q = 0;
            if (_width == 16)
            {
                for (; q + 4 <= count; q += 4)
                {
                    Kernel4<Vector512<float>, Lanes512>(s, q, chunk, chunkEnd);
                }
            }
            else if (_width == 8)
            {
                for (; q + 4 <= count; q += 4)
                {
                    Kernel4<Vector256<float>, Lanes256>(s, q, chunk, chunkEnd);
                }
            }
            else
            {
                for (; q + 4 <= count; q += 4)
                {
                    Kernel4<Vector128<float>, Lanes128>(s, q, chunk, chunkEnd);
                }
            }

            for (; q < count; q++)
            {
                Kernel1(s, q, chunk, chunkEnd);
            }
        }

        var ranked = 0L;
        for (var q = 0; q < count; q++)
        {
            ranked += Finish(s, q, queries.Point(first + q), k, indices.AsSpan((first + q) * k, k), distances.AsSpan((first + q) * k, k));
        }

        Interlocked.Add(ref _candidatesRanked, ranked);
    }

    /// <summary>
    /// Four queries against a run of panels, two panels at a time: eight independent accumulators. Nothing
    /// is called while an accumulator is live, so the JIT keeps them all in registers; the rare candidates
    /// are handed over afterwards.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Kernel4<TVector, TLanes>(BlockState s, int q0, int firstPanel, int endPanel)
        where TVector : struct
        where TLanes : struct, IFloatLanes<TVector>
    {
        var d = _dimensions;
        var w = TLanes.Count;
        ref var panels = ref MemoryMarshal.GetArrayDataReference(_panels);
        ref var norms = ref MemoryMarshal.GetArrayDataReference(_pointNorms);
        ref var qa = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.Queries), q0 * d);
        ref var qb = ref Unsafe.Add(ref qa, d);
        ref var qc = ref Unsafe.Add(ref qb, d);
        ref var qd = ref Unsafe.Add(ref qc, d);
        ref var thresholds = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(s.Thresholds), q0);
        ref var scratch = ref MemoryMarshal.GetArrayDataReference(s.Scratch);
        var minusTwo = TLanes.Broadcast(-2f);
        var na = TLanes.Broadcast(s.QueryNorms[q0]);
        var nb = TLanes.Broadcast(s.QueryNorms[q0 + 1]);
        var nc = TLanes.Broadcast(s.QueryNorms[q0 + 2]);
        var nd = TLanes.Broadcast(s.QueryNorms[q0 + 3]);
        var p = firstPanel;
        for (; p + 2 <= endPanel; p += 2)
        {
            ref var panel0 = ref Unsafe.Add(ref panels, p * d * w);
            ref var panel1 = ref Unsafe.Add(ref panel0, d * w);
            TVector a0 = default, a1 = default, b0 = default, b1 = default;
            TVector c0 = default, c1 = default, d0 = default, d1 = default;
            for (var f = 0; f < d; f++)
            {
                var x0 = TLanes.Load(ref Unsafe.Add(ref panel0, f * w));
                var x1 = TLanes.Load(ref Unsafe.Add(ref panel1, f * w));
                var va = TLanes.Broadcast(Unsafe.Add(ref qa, f));
                a0 = TLanes.MultiplyAdd(va, x0, a0);
                a1 = TLanes.MultiplyAdd(va, x1, a1);
                var vb = TLanes.Broadcast(Unsafe.Add(ref qb, f));
                b0 = TLanes.MultiplyAdd(vb, x0, b0);
                b1 = TLanes.MultiplyAdd(vb, x1, b1);
                var vc = TLanes.Broadcast(Unsafe.Add(ref qc, f));
                c0 = TLanes.MultiplyAdd(vc, x0, c0);
                c1 = TLanes.MultiplyAdd(vc, x1, c1);
                var vd = TLanes.Broadcast(Unsafe.Add(ref qd, f));
                d0 = TLanes.MultiplyAdd(vd, x0, d0);
                d1 = TLanes.MultiplyAdd(vd, x1, d1);
            }

            var pn0 = TLanes.Load(ref Unsafe.Add(ref norms, p * w));
            var pn1 = TLanes.Load(ref Unsafe.Add(ref norms, (p + 1) * w));
            a0 = TLanes.MultiplyAdd(a0, minusTwo, TLanes.Add(na, pn0));
            a1 = TLanes.MultiplyAdd(a1, minusTwo, TLanes.Add(na, pn1));
            b0 = TLanes.MultiplyAdd(b0, minusTwo, TLanes.Add(nb, pn0));
            b1 = TLanes.MultiplyAdd(b1, minusTwo, TLanes.Add(nb, pn1));
            c0 = TLanes.MultiplyAdd(c0, minusTwo, TLanes.Add(nc, pn0));
            c1 = TLanes.MultiplyAdd(c1, minusTwo, TLanes.Add(nc, pn1));
            d0 = TLanes.MultiplyAdd(d0, minusTwo, TLanes.Add(nd, pn0));
            d1 = TLanes.MultiplyAdd(d1, minusTwo, TLanes.Add(nd, pn1));
            var ta = TLanes.Broadcast(thresholds);
            var tb = TLanes.Broadcast(Unsafe.Add(ref thresholds, 1));
            var tc = TLanes.Broadcast(Unsafe.Add(ref thresholds, 2));
            var td = TLanes.Broadcast(Unsafe.Add(ref thresholds, 3));
            var any = TLanes.AtMost(a0, ta) | TLanes.AtMost(a1, ta) | TLanes.AtMost(b0, tb) | TLanes.AtMost(b1, tb)
                | TLanes.AtMost(c0, tc) | TLanes.AtMost(c1, tc) | TLanes.AtMost(d0, td) | TLanes.AtMost(d1, td);
            if (any == 0)
            {
                continue;
            }

            TLanes.Store(a0, ref scratch);
            TLanes.Store(a1, ref Unsafe.Add(ref scratch, w));
            TLanes.Store(b0, ref Unsafe.Add(ref scratch, 2 * w));
            TLanes.Store(b1, ref Unsafe.Add(ref scratch, 3 * w));
            TLanes.Store(c0, ref Unsafe.Add(ref scratch, 4 * w));
            TLanes.Store(c1, ref Unsafe.Add(ref scratch, 5 * w));
            TLanes.Store(d0, ref Unsafe.Add(ref scratch, 6 * w));
            TLanes.Store(d1, ref Unsafe.Add(ref scratch, 7 * w));
            OfferPanels<TVector, TLanes>(s, q0, p);
        }

        if (p < endPanel)
        {
            for (var q = q0; q < q0 + 4; q++)
            {
                Kernel1(s, q, p, endPanel);
            }
        }
    }

    /// <summary>
    /// Hands the lower bounds the kernel left in scratch (4 queries × 2 panels) to <see cref="Offer"/>, finding the
    /// lanes within each query's threshold with one vector comparison per panel instead of one comparison per lane:
    /// with k = 20 a query tightens its threshold some 200 times over 135 000 points, and the hand-over took 12 % of
    /// such a search's samples (perf) lane by lane, 7 % this way.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OfferPanels<TVector, TLanes>(BlockState s, int q0, int panel)
        where TVector : struct
        where TLanes : struct, IFloatLanes<TVector>
    {
        var width = TLanes.Count;
        ref var scratch = ref MemoryMarshal.GetArrayDataReference(s.Scratch);
        for (var q = 0; q < 4; q++)
        {
            for (var half = 0; half < 2; half++)
            {
                // Compared after the previous panel's offers, which may have tightened the threshold.
                var at = ((2 * q) + half) * width;
                var mask = TLanes.AtMost(TLanes.Load(ref Unsafe.Add(ref scratch, at)), TLanes.Broadcast(s.Thresholds[q0 + q]));
                if (mask != 0)
                {
                    Offer(s, q0 + q, (panel + half) * width, mask, s.Scratch.AsSpan(at, width));
                }
            }
        }
    }

    /// <summary>One query against a run of panels, lane by lane in scalar code (remainders only).</summary>
    private void Kernel1(BlockState s, int q, int firstPanel, int endPanel)
    {
        var d = _dimensions;
        var w = _width;
        var query = s.Queries.AsSpan(q * d, d);
        Span<float> lower = stackalloc float[w];
        for (var p = firstPanel; p < endPanel; p++)
        {
            ulong mask = 0;
            for (var lane = 0; lane < w; lane++)
            {
                var dot = 0f;
                for (var f = 0; f < d; f++)
                {
                    dot = MathF.FusedMultiplyAdd(query[f], _panels[(((p * d) + f) * w) + lane], dot);
                }

                lower[lane] = MathF.FusedMultiplyAdd(dot, -2f, s.QueryNorms[q] + _pointNorms[(p * w) + lane]);
                if (lower[lane] <= s.Thresholds[q])
                {
                    mask |= 1UL << lane;
                }
            }

            if (mask != 0)
            {
                Offer(s, q, p * w, mask, lower);
            }
        }
    }

    /// <summary>Keeps the lanes of <paramref name="mask"/> as candidates and tightens the query's threshold.</summary>
    private void Offer(BlockState s, int q, int firstPoint, ulong mask, ReadOnlySpan<float> lower)
    {
        while (mask != 0)
        {
            var lane = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            var point = firstPoint + lane;
            var value = lower[lane];
            if (point == s.Self[q] || !(value <= s.Thresholds[q]))
            {
                continue;
            }

            s.AddCandidate(q, point, value);

            // The pair's upper bound: its lower bound plus twice the slack of both norms (the point's recovered
            // from its scaled norm, a hair generously), rounded up to single precision.
            var pointNorm = _pointNorms[point] / (1 - _slack);
            var upper = value + (2 * _slack * (s.UnscaledNorms[q] + pointNorm) * (1 + (1.0 / (1 << 20))));
            if (s.PushUpper(q, MathF.BitIncrement((float)upper)))
            {
                s.Thresholds[q] = Math.Min(s.Thresholds[q], s.KthUpper(q));
            }
        }
    }

    /// <summary>Ranks the query's candidates by exact distance; returns how many it ranked.</summary>
    private int Finish(BlockState s, int q, ReadOnlySpan<double> query, int k, Span<int> indices, Span<double> distances)
    {
        var top = new TopK(distances, indices);
        var threshold = s.Thresholds[q];
        var candidates = s.CandidateIndices[q];
        var values = s.CandidateValues[q];
        var ranked = 0;
        for (var c = 0; c < s.CandidateCounts[q]; c++)
        {
            if (values[c] <= threshold)
            {
                var j = candidates[c];
                top.Add(SquaredEuclidean.Distance(query, Point(j)), j);
                ranked++;
            }
        }

        // Fewer than k only when a bound from earlier points left too few candidates here.
        var found = top.Finish();
        distances[found..].Fill(double.PositiveInfinity);
        indices[found..].Fill(-1);
        return ranked;
    }

    /// <summary>Per-thread scratch for one block of queries.</summary>
    private sealed class BlockState
    {
        private readonly int _k;
        private readonly float[] _heaps; // per query: max-heap of the k smallest upper bounds

        public BlockState(int queries, int dimensions, int k, int width)
        {
            _k = k;
            K = k;
            Queries = new float[(queries * dimensions) + width];
            Scratch = new float[8 * width];
            QueryNorms = new float[queries];
            UnscaledNorms = new double[queries];
            Thresholds = new float[queries];
            Self = new int[queries];
            HeapCounts = new int[queries];
            _heaps = new float[queries * k];
            CandidateCounts = new int[queries];
            CandidateIndices = new int[queries][];
            CandidateValues = new float[queries][];
            for (var q = 0; q < queries; q++)
            {
                CandidateIndices[q] = new int[(2 * k) + 16];
                CandidateValues[q] = new float[(2 * k) + 16];
            }
        }

        public int K { get; }

        public float[] Queries { get; }

        public float[] QueryNorms { get; }

        /// <summary>Lower bounds the kernel hands over: 4 queries × 2 panels.</summary>
        public float[] Scratch { get; }

        /// <summary>The queries' squared norms, as computed (the kernel gets them scaled by 1 − s).</summary>
        public double[] UnscaledNorms { get; }

        public float[] Thresholds { get; }

        public int[] Self { get; }

        public int[] HeapCounts { get; }

        public int[] CandidateCounts { get; }

        public int[][] CandidateIndices { get; }

        public float[][] CandidateValues { get; }

        public float KthUpper(int q) => _heaps[q * _k];

        public void AddCandidate(int q, int point, float value)
        {
            var count = CandidateCounts[q];
            if (count == CandidateIndices[q].Length)
            {
                count = Compact(q);
                if (count * 2 > CandidateIndices[q].Length)
                {
                    Array.Resize(ref CandidateIndices[q], CandidateIndices[q].Length * 2);
                    Array.Resize(ref CandidateValues[q], CandidateValues[q].Length * 2);
                }
            }

            CandidateIndices[q][count] = point;
            CandidateValues[q][count] = value;
            CandidateCounts[q] = count + 1;
        }

        /// <summary>Adds an upper bound to the k-smallest heap; true when the heap is full afterwards.</summary>
        public bool PushUpper(int q, float value)
        {
            var heap = _heaps.AsSpan(q * _k, _k);
            var count = HeapCounts[q];
            int i;
            if (count < _k)
            {
                i = count;
                HeapCounts[q] = ++count;
                while (i > 0)
                {
                    var parent = (i - 1) >> 1;
                    if (heap[parent] >= value)
                    {
                        break;
                    }

                    heap[i] = heap[parent];
                    i = parent;
                }

                heap[i] = value;
                return count == _k;
            }

            if (value >= heap[0])
            {
                return true;
            }

            i = 0;
            while (true)
            {
                var left = (2 * i) + 1;
                if (left >= _k)
                {
                    break;
                }

                var child = left + 1 < _k && heap[left + 1] > heap[left] ? left + 1 : left;
                if (heap[child] <= value)
                {
                    break;
                }

                heap[i] = heap[child];
                i = child;
            }

            heap[i] = value;
            return true;
        }

        private int Compact(int q)
        {
            var threshold = Thresholds[q];
            var indices = CandidateIndices[q];
            var values = CandidateValues[q];
            var kept = 0;
            for (var c = 0; c < CandidateCounts[q]; c++)
            {
                if (values[c] <= threshold)
                {
                    indices[kept] = indices[c];
                    values[kept] = values[c];
                    kept++;
                }
            }

            CandidateCounts[q] = kept;
            return kept;
        }
    }
}
