using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Models;

/// <summary>
/// Greedy k-means++ seeding as scikit-learn does it: the first centre is a uniformly drawn point; each
/// further centre is the best of 2 + ⌊ln k⌋ candidates drawn with probability proportional to the squared
/// distance to the nearest chosen centre, "best" meaning the one that leaves the smallest potential.
/// <para>
/// Scoring a candidate means comparing it with every point, k × (2 + ⌊ln k⌋) passes over the data. Each
/// pass scores all candidates of a step at once in single precision (‖x‖² + ‖c‖² − 2x·c on centred data,
/// register-blocked and vectorised, each pair's proven lower bound: <see cref="SinglePrecisionBound"/>) and keeps
/// only the points whose lower bound is below their current nearest distance; those few are then measured
/// exactly in double precision.
/// Triangle-inequality pruning was tried first and is useless here: on the high-dimensional, unclustered
/// classes samplers meet, every candidate is within reach of almost every point.
/// </para>
/// <para>
/// The gains are summed per block of points in point order and the blocks in block order, so the result
/// does not depend on the thread count.
/// </para>
/// </summary>
internal sealed class KMeansPlusPlus
{
    private const int SampleBlock = 256;
    private const int PanelsPerBlock = 64;
    private const int TrialChunk = 4;

    private readonly PointRows _points;
    private readonly int _count;
    private readonly int _dimensions;
    private readonly int _clusters;
    private readonly double[] _closest;      // squared distance of each point to its nearest chosen centre
    private readonly float[] _closestAbove;  // the same rounded up to single precision, -inf for padding lanes
    private readonly double[] _sampleSums;   // sums of _closest over blocks of SampleBlock points
    private readonly bool[] _dirtySamples;
    private readonly int _width;
    private readonly int _panelCount;
    private float[] _panels;                 // panel p, feature f, lane l at ((p * d) + f) * width + l
    private readonly float[] _norms;         // (1 - s) x squared norm of each centred float point (SinglePrecisionBound)
    private readonly double[] _mean;
    private readonly double _slack;
    private readonly bool _filterUsable;
    private readonly double[] _centers;

    private KMeansPlusPlus(PointRows points, int dimensions, int clusters)
    {
        var count = points.Count;
        _points = points;
        _count = count;
        _dimensions = dimensions;
        _clusters = clusters;
        _closest = new double[count];
        _sampleSums = new double[(count + SampleBlock - 1) / SampleBlock];
        _dirtySamples = new bool[_sampleSums.Length];
        _centers = new double[clusters * dimensions];
        _width = Vector512.IsHardwareAccelerated ? Vector512<float>.Count
            : Vector256.IsHardwareAccelerated ? Vector256<float>.Count
            : Vector128<float>.Count;
        _panelCount = (count + _width - 1) / _width;
        // Rented: the k-means iterations that follow rent a buffer of the same size and reuse it.
        _panels = ArrayPool<float>.Shared.Rent(_panelCount * dimensions * _width);
        _panels.AsSpan((count / _width) * dimensions * _width, (_panelCount - (count / _width)) * dimensions * _width).Clear();
        _norms = new float[_panelCount * _width];
        _closestAbove = new float[_panelCount * _width];
        Array.Fill(_closestAbove, float.NegativeInfinity);
        _mean = new double[dimensions];
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
            _mean[f] /= count;
        }

        _slack = SinglePrecisionBound.Slack(dimensions);
        var maxNorm = 0.0;
        for (var i = 0; i < count; i++)
        {
            var panel = i / _width;
            var lane = i % _width;
            var norm = 0.0;
            var point = Point(i);
            for (var f = 0; f < dimensions; f++)
            {
                var value = (float)(point[f] - _mean[f]);
                _panels[(((panel * dimensions) + f) * _width) + lane] = value;
                norm += (double)value * value;
            }

            _norms[i] = (float)((1 - _slack) * norm);
            maxNorm = Math.Max(maxNorm, Math.Sqrt(norm));
        }

        // Single precision cannot hold the squared norms of huge values: every point is then measured exactly.
        _filterUsable = maxNorm < 1e15;
    }

    /// <summary>The initial centres, row-major.</summary>
    public static double[] Seed(double[] points, int count, int dimensions, int clusters, SeededRandom random, ParallelOptions parallel)
        => Seed(PointRows.Leading(points, count, dimensions), dimensions, clusters, random, parallel);

    /// <summary>
    /// The initial centres, row-major, of <paramref name="points"/>, read where they live. A block of points
    /// records at most <paramref name="recordLimit"/> moves (default one per point) before it is measured
    /// again instead; tests vary it to check that both ways give the same centres.
    /// </summary>
    public static double[] Seed(PointRows points, int dimensions, int clusters, SeededRandom random, ParallelOptions parallel, int? recordLimit = null)
    {
        var seeding = new KMeansPlusPlus(points, dimensions, clusters);
        seeding.Run(random, parallel, recordLimit ?? (PanelsPerBlock * seeding._width));
        ArrayPool<float>.Shared.Return(seeding._panels);
        seeding._panels = [];
        return seeding._centers;
    }

    private ReadOnlySpan<double> Point(int i) => _points.Row(i);

    private void Run(SeededRandom random, ParallelOptions parallel, int recordLimit)
    {
        var first = random.NextInt(_count);
        Point(first).CopyTo(_centers.AsSpan(0, _dimensions));
        var firstPoint = Point(first).ToArray();
        using var team = new WorkerTeam(ModelChecks.ThreadCount(parallel.MaxDegreeOfParallelism));
        team.For(_sampleSums.Length, b =>
        {
            var end = Math.Min((b + 1) * SampleBlock, _count);
            for (var i = b * SampleBlock; i < end; i++)
            {
                SetClosest(i, SquaredEuclidean.Distance(Point(i), firstPoint));
            }
        });

        Array.Fill(_dirtySamples, true);
        RefreshSampleSums();

        var trials = 2 + (int)Math.Log(_clusters);
        var candidates = new Candidates(trials, _dimensions);
        var blocks = (_panelCount + PanelsPerBlock - 1) / PanelsPerBlock;
        var results = new BlockResult[blocks];
        for (var b = 0; b < blocks; b++)
        {
            results[b] = new BlockResult(candidates.Padded, recordLimit);
        }

        // One delegate each for the whole run: a step then allocates nothing.
        var chosen = 0;
        Action<int> scan = b => ScanBlock(b, candidates, results[b]);
        Action<int> move = b => MoveToBest(b, results[b], chosen, candidates);

        for (var c = 1; c < _clusters; c++)
        {
            var potential = 0.0;
            foreach (var sum in _sampleSums)
            {
                potential += sum;
            }

            for (var t = 0; t < trials; t++)
            {
                candidates.Set(t, Draw(random.NextDouble() * potential), this);
            }

            candidates.Pad(this);
            team.For(blocks, scan);

            // The candidate leaving the smallest potential wins; the first of equals, like numpy's argmin.
            var best = 0;
            var bestPotential = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                var gain = 0.0;
                foreach (var result in results)
                {
                    gain += result.Gains[t];
                }

                if (potential - gain < bestPotential)
                {
                    bestPotential = potential - gain;
                    best = t;
                }
            }

            Point(candidates.Points[best]).CopyTo(_centers.AsSpan(c * _dimensions, _dimensions));
            chosen = best;
            team.For(blocks, move);
            RefreshSampleSums();
        }
    }

    /// <summary>
    /// Makes the chosen candidate the nearest centre of each of the block's points that is nearer to it than to
    /// its centre: from what the scan recorded or, where that was more than the block could hold, measured again.
    /// Blocks hold whole sample blocks, so blocks done in parallel never share one.
    /// </summary>
    private void MoveToBest(int block, BlockResult result, int best, Candidates candidates)
    {
        if (!result.Overflowed)
        {
            for (var e = 0; e < result.Count; e++)
            {
                if (result.Trials[e] == best)
                {
                    SetClosest(result.Rows[e], result.Distances[e]);
                    _dirtySamples[result.Rows[e] / SampleBlock] = true;
                }
            }

            return;
        }

        var end = Math.Min((block + 1) * PanelsPerBlock * _width, _count);
        var centre = candidates.Exact(best);
        for (var i = block * PanelsPerBlock * _width; i < end; i++)
        {
            // Exactly the points the scan would have recorded: its single-precision filter only skips points
            // proven not to be nearer.
            var exact = SquaredEuclidean.Distance(Point(i), centre);
            if (exact < _closest[i])
            {
                SetClosest(i, exact);
                _dirtySamples[i / SampleBlock] = true;
            }
        }
    }

    private void SetClosest(int i, double squared)
    {
        _closest[i] = squared;
        var single = (float)squared;
        _closestAbove[i] = single < squared ? MathF.BitIncrement(single) : single;
    }

    private void ScanBlock(int block, Candidates candidates, BlockResult result)
    {
        result.Clear();
        var first = block * PanelsPerBlock;
        var end = Math.Min(first + PanelsPerBlock, _panelCount);
        if (!_filterUsable)
        {
            ScanExactly(first, end, candidates, result);
        }
        else if (_width == 16)
        {
            Scan<Vector512<float>, Lanes512>(first, end, candidates, result);
        }
        else if (_width == 8)
        {
            Scan<Vector256<float>, Lanes256>(first, end, candidates, result);
        }
        else
        {
            Scan<Vector128<float>, Lanes128>(first, end, candidates, result);
        }
    }

    /// <summary>Scores four candidates at a time against a run of panels; lanes that may gain are checked exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan<TVector, TLanes>(int firstPanel, int endPanel, Candidates candidates, BlockResult result)
        where TVector : struct
        where TLanes : struct, IFloatLanes<TVector>
    {
        var d = _dimensions;
        var w = TLanes.Count;
        ref var panels = ref MemoryMarshal.GetArrayDataReference(_panels);
        ref var coordinates = ref MemoryMarshal.GetArrayDataReference(candidates.Centred);
        var minusTwo = TLanes.Broadcast(-2f);
        for (var p = firstPanel; p < endPanel; p++)
        {
            ref var panel = ref Unsafe.Add(ref panels, p * d * w);
            var norms = TLanes.Load(ref _norms[p * w]);
            var closest = TLanes.Load(ref _closestAbove[p * w]);
            for (var t0 = 0; t0 < candidates.Padded; t0 += TrialChunk)
            {
                ref var c0 = ref Unsafe.Add(ref coordinates, t0 * d);
                ref var c1 = ref Unsafe.Add(ref c0, d);
                ref var c2 = ref Unsafe.Add(ref c1, d);
                ref var c3 = ref Unsafe.Add(ref c2, d);
                TVector a0 = default, a1 = default, a2 = default, a3 = default;
                for (var f = 0; f < d; f++)
                {
                    var x = TLanes.Load(ref Unsafe.Add(ref panel, f * w));
                    a0 = TLanes.MultiplyAdd(x, TLanes.Broadcast(Unsafe.Add(ref c0, f)), a0);
                    a1 = TLanes.MultiplyAdd(x, TLanes.Broadcast(Unsafe.Add(ref c1, f)), a1);
                    a2 = TLanes.MultiplyAdd(x, TLanes.Broadcast(Unsafe.Add(ref c2, f)), a2);
                    a3 = TLanes.MultiplyAdd(x, TLanes.Broadcast(Unsafe.Add(ref c3, f)), a3);
                }

                Check<TVector, TLanes>(p, t0, TLanes.MultiplyAdd(a0, minusTwo, TLanes.Add(norms, TLanes.Broadcast(candidates.Norms[t0]))), closest, candidates, result);
                Check<TVector, TLanes>(p, t0 + 1, TLanes.MultiplyAdd(a1, minusTwo, TLanes.Add(norms, TLanes.Broadcast(candidates.Norms[t0 + 1]))), closest, candidates, result);
                Check<TVector, TLanes>(p, t0 + 2, TLanes.MultiplyAdd(a2, minusTwo, TLanes.Add(norms, TLanes.Broadcast(candidates.Norms[t0 + 2]))), closest, candidates, result);
                Check<TVector, TLanes>(p, t0 + 3, TLanes.MultiplyAdd(a3, minusTwo, TLanes.Add(norms, TLanes.Broadcast(candidates.Norms[t0 + 3]))), closest, candidates, result);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Check<TVector, TLanes>(int panel, int trial, TVector lower, TVector closest, Candidates candidates, BlockResult result)
        where TVector : struct
        where TLanes : struct, IFloatLanes<TVector>
    {
        if (trial >= candidates.Count)
        {
            return;
        }

        // The scan computes each pair's lower bound; a point can move only if that is below its closest distance.
        var mask = TLanes.AtMost(lower, closest);
        while (mask != 0)
        {
            var lane = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            Measure((panel * TLanes.Count) + lane, trial, candidates, result);
        }
    }

    /// <summary>Every point of the block against every candidate in double precision, for values single precision cannot hold.</summary>
    private void ScanExactly(int firstPanel, int endPanel, Candidates candidates, BlockResult result)
    {
        var end = Math.Min(endPanel * _width, _count);
        for (var i = firstPanel * _width; i < end; i++)
        {
            for (var t = 0; t < candidates.Count; t++)
            {
                Measure(i, t, candidates, result);
            }
        }
    }

    private void Measure(int i, int trial, Candidates candidates, BlockResult result)
    {
        var exact = SquaredEuclidean.Distance(Point(i), candidates.Exact(trial));
        if (exact < _closest[i])
        {
            result.Gains[trial] += _closest[i] - exact;
            result.Add(i, trial, exact);
        }
    }

    /// <summary>The first point whose running sum of squared distances reaches <paramref name="target"/>.</summary>
    private int Draw(double target)
    {
        var running = 0.0;
        for (var b = 0; b < _sampleSums.Length; b++)
        {
            if (running + _sampleSums[b] < target)
            {
                running += _sampleSums[b];
                continue;
            }

            var end = Math.Min((b + 1) * SampleBlock, _count);
            for (var i = b * SampleBlock; i < end; i++)
            {
                running += _closest[i];
                if (running >= target)
                {
                    return i;
                }
            }
        }

        // Rounding can leave the target just above the total; numpy's searchsorted-and-clip gives the last point.
        return _count - 1;
    }

    private void RefreshSampleSums()
    {
        for (var b = 0; b < _sampleSums.Length; b++)
        {
            if (!_dirtySamples[b])
            {
                continue;
            }

            var sum = 0.0;
            var end = Math.Min((b + 1) * SampleBlock, _count);
            for (var i = b * SampleBlock; i < end; i++)
            {
                sum += _closest[i];
            }

            _sampleSums[b] = sum;
            _dirtySamples[b] = false;
        }
    }

    /// <summary>The candidates of one step, padded to whole chunks by repeating the last.</summary>
    private sealed class Candidates
    {
        private readonly int _dimensions;
        private readonly double[] _exact;

        public Candidates(int count, int dimensions)
        {
            _dimensions = dimensions;
            Count = count;
            Padded = (count + TrialChunk - 1) / TrialChunk * TrialChunk;
            Points = new int[Padded];
            Centred = new float[Padded * dimensions];
            Norms = new float[Padded];
            _exact = new double[Padded * dimensions];
        }

        public int Count { get; }

        public int Padded { get; }

        public int[] Points { get; }

        public float[] Centred { get; }

        public float[] Norms { get; }


        public ReadOnlySpan<double> Exact(int trial) => _exact.AsSpan(trial * _dimensions, _dimensions);

        public void Set(int trial, int point, KMeansPlusPlus owner)
        {
            var d = _dimensions;
            Points[trial] = point;
            owner.Point(point).CopyTo(_exact.AsSpan(trial * d, d));
            var norm = 0.0;
            for (var f = 0; f < d; f++)
            {
                var value = (float)(_exact[(trial * d) + f] - owner._mean[f]);
                Centred[(trial * d) + f] = value;
                norm += (double)value * value;
            }

            Norms[trial] = (float)((1 - owner._slack) * norm);
        }

        public void Pad(KMeansPlusPlus owner)
        {
            for (var t = Count; t < Padded; t++)
            {
                Set(t, Points[Count - 1], owner);
            }
        }
    }

    /// <summary>
    /// What one block of points found for each candidate: the gain, and the points that would move — at most
    /// one entry per point of the block. The first centres are far from everything, so every candidate would
    /// move most points; recording all of that would take many times the data, so a block that fills up
    /// stops recording (its gains stay exact) and is measured again for the chosen candidate alone.
    /// </summary>
    private sealed class BlockResult(int trials, int capacity)
    {
        public double[] Gains { get; } = new double[trials];

        public int Count { get; private set; }

        public bool Overflowed { get; private set; }

        public int[] Rows { get; } = new int[capacity];

        public int[] Trials { get; } = new int[capacity];

        public double[] Distances { get; } = new double[capacity];

        public void Clear()
        {
            Array.Clear(Gains);
            Count = 0;
            Overflowed = false;
        }

        public void Add(int row, int trial, double distance)
        {
            if (Count == Rows.Length)
            {
                Overflowed = true;
                return;
            }

            Rows[Count] = row;
            Trials[Count] = trial;
            Distances[Count] = distance;
            Count++;
        }
    }
}
