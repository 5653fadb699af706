using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Models;

/// <summary>
/// Lloyd's k-means iterations with exact assignment, accelerated by Yinyang bounds (Ding et al., "Yinyang
/// K-Means", ICML 2015). The centres are split once into groups of nearby centres; each point keeps, per
/// group, a lower bound on its distance to the group's centres (other than its own). After the centres move,
/// a bound drops by the largest move in its group. A point whose exact distance to its own centre is within
/// every bound keeps its centre without looking at any other; otherwise only the groups whose bound it
/// beats are scanned.
/// <para>
/// A scan compares the point with a group's centres in single precision (‖x‖² + ‖c‖² − 2x·c on centred data,
/// vectorised over panels of centres, as each pair's proven lower bound: <see cref="SinglePrecisionBound"/>) and
/// measures exactly, in double precision, only the centres whose lower bound is below the best exact distance
/// so far; the new group bounds are the smallest lower bounds. So the assignment is the exact nearest centre
/// (on an exact tie the current centre stays), at a fraction of the cost of double-precision scans.
/// </para>
/// <para>
/// The iteration, the stopping rules and the relocation of empty clusters follow scikit-learn's
/// <c>_kmeans_single_lloyd</c>. Every point is handled by one thread and every sum is reduced in a fixed
/// order, so the result does not depend on the thread count.
/// </para>
/// </summary>
internal sealed class YinyangLloyd
{
    private const int BlockSize = 1024;

    // A group scan costs little per centre once vectorised, so groups are large: fewer, looser bounds win
    // over Yinyang's k/10 groups here (measured). 512 centres a group ran as fast as 256 (ClusterCentroids,
    // 190 000 × 20 rows into 10 000 clusters: 5.6–5.8 s against 5.4–6.1 s) with half the per-point bounds,
    // which are also capped at 64 MiB.
    private const int CentersPerGroup = 512;
    private const long BoundBudget = 1L << 24;

    private readonly PointRows _points;
    private readonly int _count;
    private readonly int _dimensions;
    private readonly int _clusters;
    private readonly ParallelOptions _parallel;
    private readonly double[] _centers;
    private readonly double[] _mean;
    private float[] _pointsSingle;   // centred points in single precision, row-major
    private readonly float[] _pointNorms;     // (1 - s) x their squared norms (SinglePrecisionBound)
    private readonly double _slack;
    private readonly int _width;
    private readonly int _groups;
    private readonly int[] _groupOf;          // group of each centre
    private readonly int[] _groupFirstPanel;  // group g owns panels [first[g], first[g + 1])
    private readonly int[] _laneCenter;       // the centre in each panel lane, -1 for padding
    private readonly int[] _slots;            // the panel lane of each centre
    private readonly float[] _panels;         // panel p, feature f, lane l at ((p * d) + f) * width + l
    private readonly float[] _centerNorms;    // (1 - s) x squared norm of each lane's centred centre; +inf for padding
    private readonly int[] _labels;
    private readonly double[] _distances;     // squared distance of each point to its centre at the last assignment
    private readonly float[] _bounds;         // point i, group g at i * groups + g
    private readonly double[] _drift;         // per group: how far its centres moved since the bounds were written
    private double _maxCenterNorm;
    private readonly double[] _sums;          // Update's scratch, reused from iteration to iteration
    private readonly long[] _counts;
    private readonly double[] _moves;
    private readonly ConcurrentBag<Scratch> _spareScratch = [];

    private YinyangLloyd(PointRows points, int dimensions, double[] centers, int clusters, ParallelOptions parallel)
    {
        var count = points.Count;
        _points = points;
        _count = count;
        _dimensions = dimensions;
        _clusters = clusters;
        _parallel = parallel;
        _centers = centers;
        _width = Vector512.IsHardwareAccelerated ? Vector512<float>.Count
            : Vector256.IsHardwareAccelerated ? Vector256<float>.Count
            : Vector128<float>.Count;
        _slack = SinglePrecisionBound.Slack(dimensions);

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

        _pointsSingle = ArrayPool<float>.Shared.Rent(count * dimensions);
        _pointNorms = new float[count];
        for (var i = 0; i < count; i++)
        {
            var norm = 0.0;
            var point = Point(i);
            for (var f = 0; f < dimensions; f++)
            {
                var value = (float)(point[f] - _mean[f]);
                _pointsSingle[(i * dimensions) + f] = value;
                norm += (double)value * value;
            }

            _pointNorms[i] = (float)((1 - _slack) * norm);
        }

        _groups = (int)Math.Clamp(clusters / CentersPerGroup, 1, Math.Max(1, BoundBudget / count));
        _groupOf = GroupCenters(centers, clusters, dimensions, _groups);

        // Lay the centres out group by group, each group padded to whole panels.
        var members = new List<int>[_groups];
        for (var g = 0; g < _groups; g++)
        {
            members[g] = [];
        }

        for (var j = 0; j < clusters; j++)
        {
            members[_groupOf[j]].Add(j);
        }

        _groupFirstPanel = new int[_groups + 1];
        for (var g = 0; g < _groups; g++)
        {
            _groupFirstPanel[g + 1] = _groupFirstPanel[g] + ((members[g].Count + _width - 1) / _width);
        }

        var panelCount = _groupFirstPanel[_groups];
        _panels = new float[panelCount * dimensions * _width];
        _centerNorms = new float[panelCount * _width];
        Array.Fill(_centerNorms, float.PositiveInfinity);
        _laneCenter = new int[panelCount * _width];
        Array.Fill(_laneCenter, -1);
        _slots = new int[clusters];
        for (var g = 0; g < _groups; g++)
        {
            var slot = _groupFirstPanel[g] * _width;
            foreach (var j in members[g])
            {
                _laneCenter[slot] = j;
                _slots[j] = slot++;
            }
        }

        _labels = new int[count];
        _distances = new double[count];
        _bounds = new float[(long)count * _groups];
        _drift = new double[_groups];
        _sums = new double[clusters * dimensions];
        _counts = new long[clusters];
        _moves = new double[clusters];
        LoadPanels();
    }

    /// <summary>Runs Lloyd's iterations from <paramref name="centers"/> (row-major, updated in place).</summary>
    public static KMeansFit Run(
        PointRows points,
        int dimensions,
        double[] centers,
        int clusters,
        int maxIterations,
        double tolerance,
        ParallelOptions parallel)
    {
        var solver = new YinyangLloyd(points, dimensions, centers, clusters, parallel);
        var fit = solver.Iterate(maxIterations, tolerance);
        ArrayPool<float>.Shared.Return(solver._pointsSingle);
        solver._pointsSingle = [];
        return fit;
    }

    private KMeansFit Iterate(int maxIterations, double tolerance)
    {
        var history = new List<double>();
        var strict = false;
        var iterations = 0;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var (changes, inertia) = Assign();
            history.Add(inertia);
            var shift = Update();
            iterations = iteration + 1;

            // scikit-learn starts from labels of -1, so the first assignment never counts as unchanged.
            if (iteration > 0 && changes == 0)
            {
                strict = true;
                break;
            }

            if (shift <= tolerance)
            {
                break;
            }
        }

        if (!strict)
        {
            // The centres moved after the last assignment: assign once more, as scikit-learn does.
            history.Add(Assign().Inertia);
        }

        return new KMeansFit(_centers, _labels, FinalInertia(), iterations, _clusters, _dimensions, history.ToArray());
    }

    private ReadOnlySpan<double> Point(int i) => _points.Row(i);

    private ReadOnlySpan<double> Center(int j) => _centers.AsSpan(j * _dimensions, _dimensions);

    /// <summary>Assigns every point to its nearest centre; returns how many changed and the inertia.</summary>
    private (long Changes, double Inertia) Assign()
    {
        var blocks = (_count + BlockSize - 1) / BlockSize;
        var changes = new long[blocks];
        var inertia = new double[blocks];
        Parallel.For(
            0,
            blocks,
            _parallel,
            () => _spareScratch.TryTake(out var spare) ? spare : new Scratch(_groups, _width),
            (block, _, scratch) =>
            {
                var end = Math.Min((block + 1) * BlockSize, _count);
                changes[block] = _width switch
                {
                    16 => AssignBlock<Vector512<float>, Lanes512>(block * BlockSize, end, scratch),
                    8 => AssignBlock<Vector256<float>, Lanes256>(block * BlockSize, end, scratch),
                    _ => AssignBlock<Vector128<float>, Lanes128>(block * BlockSize, end, scratch),
                };
                var sum = 0.0;
                for (var i = block * BlockSize; i < end; i++)
                {
                    sum += _distances[i];
                }

                inertia[block] = sum;
                return scratch;
            },
            _spareScratch.Add);

        long totalChanges = 0;
        var totalInertia = 0.0;
        for (var b = 0; b < blocks; b++)
        {
            totalChanges += changes[b];
            totalInertia += inertia[b];
        }

        Array.Clear(_drift);
        return (totalChanges, totalInertia);
    }

    private long AssignBlock<TVector, TLanes>(int first, int end, Scratch scratch)
        where TVector : struct
        where TLanes : struct, IFloatLanes<TVector>
    {
        long changed = 0;
        for (var i = first; i < end; i++)
        {
            if (AssignPoint<TVector, TLanes>(i, scratch))
            {
                changed++;
            }
        }

        return changed;
    }

    /// <summary>Assigns one point; true when its centre changed.</summary>
    private bool AssignPoint<TVector, TLanes>(int i, Scratch s)
        where TVector : struct
        where TLanes : struct, IFloatLanes<TVector>
    {
        var point = Point(i);
        var own = _labels[i];
        var ownSquared = SquaredEuclidean.Distance(point, Center(own));
        var ownDistance = Math.Sqrt(ownSquared);
        var bounds = _bounds.AsSpan(i * _groups, _groups);
        var lowest = double.PositiveInfinity;
        for (var g = 0; g < _groups; g++)
        {
            var bound = bounds[g] - _drift[g];
            s.Bounds[g] = bound;
            lowest = Math.Min(lowest, bound);
        }

        var search = new Search { Best = own, BestSquared = ownSquared };
        if (ownDistance > lowest && !(_pointNorms[i] < 1e30 && _maxCenterNorm < 1e15))
        {
            // Single precision cannot hold these values: every centre is measured exactly, and no bound survives.
            MeasureEvery(point, ref search);
            s.Bounds.AsSpan().Clear();
        }
        else if (ownDistance > lowest)
        {
            // The scan computes lower bounds: a centre can beat the best only if its bound is below the best's
            // exact distance.
            search.Threshold = RoundUp(ownSquared);
            var ownSlot = _slots[own];
            var bestDistance = ownDistance;
            for (var g = 0; g < _groups; g++)
            {
                s.Scanned[g] = false;
                if (s.Bounds[g] >= bestDistance)
                {
                    continue;
                }

                (s.Nearest[g], s.NearestButOwn[g]) = ScanGroup<TVector, TLanes>(i, point, g, ownSlot, ref search, s);
                s.Scanned[g] = true;
                bestDistance = Math.Sqrt(search.BestSquared);
            }

            var best = search.Best;
            var bestGroup = _groupOf[best];
            for (var g = 0; g < _groups; g++)
            {
                if (!s.Scanned[g])
                {
                    continue;
                }

                // The bound covers every centre of the group but the point's (new) own one.
                var nearest = g != bestGroup ? s.Nearest[g]
                    : best == own ? s.NearestButOwn[g]
                    : ScanGroup<TVector, TLanes>(i, point, g, _slots[best], ref search, s).NearestButExcluded;
                s.Bounds[g] = nearest > 0 ? Math.Sqrt(nearest) : 0;
            }

            // The old centre now counts against its group's bound, unless the scan already saw it.
            var ownGroup = _groupOf[own];
            if (best != own && !s.Scanned[ownGroup])
            {
                s.Bounds[ownGroup] = Math.Min(s.Bounds[ownGroup], ownDistance);
            }
        }

        for (var g = 0; g < _groups; g++)
        {
            bounds[g] = RoundDown(s.Bounds[g]);
        }

        _labels[i] = search.Best;
        _distances[i] = search.BestSquared;
        return search.Best != own;
    }

    /// <summary>
    /// Compares point <paramref name="i"/> with the centres of group <paramref name="g"/>; centres that may beat
    /// the best so far are measured exactly and update <paramref name="search"/>. Returns the smallest lower bound
    /// of a squared distance, with and without the centre in lane <paramref name="excludedSlot"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Nearest, double NearestButExcluded) ScanGroup<TVector, TLanes>(
        int i, ReadOnlySpan<double> point, int g, int excludedSlot, ref Search search, Scratch s)
        where TVector : struct
        where TLanes : struct, IFloatLanes<TVector>
    {
        var d = _dimensions;
        var w = TLanes.Count;
        ref var x = ref _pointsSingle[i * d];
        ref var panels = ref MemoryMarshal.GetArrayDataReference(_panels);
        ref var norms = ref MemoryMarshal.GetArrayDataReference(_centerNorms);
        var pointNorm = TLanes.Broadcast(_pointNorms[i]);
        var minusTwo = TLanes.Broadcast(-2f);
        var minimum = TLanes.Broadcast(float.PositiveInfinity);
        var excludedPanel = excludedSlot / w;
        var excludedPanelAll = double.PositiveInfinity;
        var excludedPanelRest = double.PositiveInfinity;
        var end = _groupFirstPanel[g + 1];
        for (var p = _groupFirstPanel[g]; p < end; p++)
        {
            ref var panel = ref Unsafe.Add(ref panels, p * d * w);
            TVector acc0 = default, acc1 = default;
            var f = 0;
            for (; f + 2 <= d; f += 2)
            {
                acc0 = TLanes.MultiplyAdd(TLanes.Load(ref Unsafe.Add(ref panel, f * w)), TLanes.Broadcast(Unsafe.Add(ref x, f)), acc0);
                acc1 = TLanes.MultiplyAdd(TLanes.Load(ref Unsafe.Add(ref panel, (f + 1) * w)), TLanes.Broadcast(Unsafe.Add(ref x, f + 1)), acc1);
            }

            if (f < d)
            {
                acc0 = TLanes.MultiplyAdd(TLanes.Load(ref Unsafe.Add(ref panel, f * w)), TLanes.Broadcast(Unsafe.Add(ref x, f)), acc0);
            }

            var lower = TLanes.MultiplyAdd(TLanes.Add(acc0, acc1), minusTwo, TLanes.Add(pointNorm, TLanes.Load(ref Unsafe.Add(ref norms, p * w))));
            var mask = TLanes.AtMost(lower, TLanes.Broadcast(search.Threshold));
            if (mask != 0)
            {
                Measure(point, p * w, mask, ref search);
            }

            if (p == excludedPanel)
            {
                // The excluded lane stays out of one of the two minima only.
                TLanes.Store(lower, ref s.Lanes[0]);
                for (var lane = 0; lane < w; lane++)
                {
                    excludedPanelAll = Math.Min(excludedPanelAll, s.Lanes[lane]);
                    if ((p * w) + lane != excludedSlot)
                    {
                        excludedPanelRest = Math.Min(excludedPanelRest, s.Lanes[lane]);
                    }
                }

                continue;
            }

            minimum = TLanes.Min(minimum, lower);
        }

        TLanes.Store(minimum, ref s.Lanes[0]);
        var others = double.PositiveInfinity;
        for (var lane = 0; lane < w; lane++)
        {
            others = Math.Min(others, s.Lanes[lane]);
        }

        return (Math.Min(others, excludedPanelAll), Math.Min(others, excludedPanelRest));
    }

    private void Measure(ReadOnlySpan<double> point, int firstSlot, ulong mask, ref Search search)
    {
        while (mask != 0)
        {
            var lane = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            var center = _laneCenter[firstSlot + lane];
            if (center >= 0)
            {
                Consider(point, center, ref search);
            }
        }
    }

    /// <summary>Every centre in double precision, in the order the scans take them (groups, then lanes).</summary>
    private void MeasureEvery(ReadOnlySpan<double> point, ref Search search)
    {
        foreach (var center in _laneCenter)
        {
            if (center >= 0)
            {
                Consider(point, center, ref search);
            }
        }
    }

    /// <summary>Makes <paramref name="center"/> the best so far if it is strictly nearer (on a tie the earlier one stays).</summary>
    private void Consider(ReadOnlySpan<double> point, int center, ref Search search)
    {
        var exact = SquaredEuclidean.Distance(point, Center(center));
        if (exact < search.BestSquared)
        {
            search.BestSquared = exact;
            search.Best = center;
            search.Threshold = RoundUp(exact);
        }
    }

    /// <summary>Moves every centre to the mean of its points; returns the total squared shift.</summary>
    private double Update()
    {
        var d = _dimensions;
        var sums = _sums;
        var counts = _counts;
        Array.Clear(sums);
        Array.Clear(counts);
        for (var i = 0; i < _count; i++)
        {
            var label = _labels[i];
            counts[label]++;
            var point = Point(i);
            var sum = sums.AsSpan(label * d, d);
            for (var f = 0; f < d; f++)
            {
                sum[f] += point[f];
            }
        }

        RelocateEmptyClusters(sums, counts);

        var shiftTotal = 0.0;
        var moves = _moves;
        for (var j = 0; j < _clusters; j++)
        {
            var center = _centers.AsSpan(j * d, d);
            var sum = sums.AsSpan(j * d, d);

            // scikit-learn leaves a cluster that lost its only point at the (zero) sum.
            var scale = counts[j] > 0 ? 1.0 / counts[j] : 1.0;
            var squared = 0.0;
            for (var f = 0; f < d; f++)
            {
                var value = sum[f] * scale;
                var t = value - center[f];
                squared += t * t;
                center[f] = value;
            }

            moves[j] = Math.Sqrt(squared);
            shiftTotal += squared;
        }

        for (var j = 0; j < _clusters; j++)
        {
            var g = _groupOf[j];
            _drift[g] = Math.Max(_drift[g], moves[j]);
        }

        LoadPanels();
        return shiftTotal;
    }

    /// <summary>Gives each empty cluster one of the points farthest from their centres, as scikit-learn does.</summary>
    private void RelocateEmptyClusters(double[] sums, long[] counts)
    {
        var empty = new List<int>();
        for (var j = 0; j < _clusters; j++)
        {
            if (counts[j] == 0)
            {
                empty.Add(j);
            }
        }

        if (empty.Count == 0)
        {
            return;
        }

        // The farthest points first; equally far points in index order.
        var order = new int[_count];
        for (var i = 0; i < _count; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byDistance = _distances[b].CompareTo(_distances[a]);
            return byDistance != 0 ? byDistance : a.CompareTo(b);
        });

        var d = _dimensions;
        for (var e = 0; e < empty.Count; e++)
        {
            var target = empty[e];
            var far = order[e];
            var from = _labels[far];
            var point = Point(far);
            var fromSum = sums.AsSpan(from * d, d);
            var targetSum = sums.AsSpan(target * d, d);
            for (var f = 0; f < d; f++)
            {
                fromSum[f] -= point[f];
                targetSum[f] = point[f];
            }

            counts[from]--;
            counts[target] = 1;
        }
    }

    private double FinalInertia()
    {
        var blocks = (_count + BlockSize - 1) / BlockSize;
        var partial = new double[blocks];
        Parallel.For(0, blocks, _parallel, block =>
        {
            var end = Math.Min((block + 1) * BlockSize, _count);
            var sum = 0.0;
            for (var i = block * BlockSize; i < end; i++)
            {
                sum += SquaredEuclidean.Distance(Point(i), Center(_labels[i]));
            }

            partial[block] = sum;
        });

        var total = 0.0;
        foreach (var value in partial)
        {
            total += value;
        }

        return total;
    }

    private void LoadPanels()
    {
        var d = _dimensions;
        var w = _width;
        var maxNorm = 0.0;
        for (var j = 0; j < _clusters; j++)
        {
            var panel = _slots[j] / w;
            var lane = _slots[j] % w;
            var norm = 0.0;
            for (var f = 0; f < d; f++)
            {
                var value = (float)(_centers[(j * d) + f] - _mean[f]);
                _panels[(((panel * d) + f) * w) + lane] = value;
                norm += (double)value * value;
            }

            _centerNorms[_slots[j]] = (float)((1 - _slack) * norm);
            maxNorm = Math.Max(maxNorm, Math.Sqrt(norm));
        }

        _maxCenterNorm = maxNorm;
    }

    /// <summary>The nearest float at or below <paramref name="value"/>, so a stored lower bound stays a lower bound.</summary>
    private static float RoundDown(double value)
    {
        var single = (float)value;
        return single > value ? MathF.BitDecrement(single) : single;
    }

    /// <summary>The nearest float at or above <paramref name="value"/>.</summary>
    private static float RoundUp(double value)
    {
        var single = (float)value;
        return single < value ? MathF.BitIncrement(single) : single;
    }

    /// <summary>
    /// Splits the centres into <paramref name="groups"/> groups of nearby centres by a few Lloyd iterations
    /// on the centres themselves, seeded with the first centres (k-means++ spreads those out).
    /// </summary>
    private static int[] GroupCenters(double[] centers, int clusters, int dimensions, int groups)
    {
        var groupOf = new int[clusters];
        if (groups == 1)
        {
            return groupOf;
        }

        var d = dimensions;
        var means = centers.AsSpan(0, groups * d).ToArray();
        var sums = new double[groups * d];
        var counts = new int[groups];
        for (var iteration = 0; iteration < 5; iteration++)
        {
            for (var j = 0; j < clusters; j++)
            {
                var center = centers.AsSpan(j * d, d);
                var best = 0;
                var bestDistance = double.PositiveInfinity;
                for (var g = 0; g < groups; g++)
                {
                    var distance = SquaredEuclidean.Distance(center, means.AsSpan(g * d, d));
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        best = g;
                    }
                }

                groupOf[j] = best;
            }

            Array.Clear(sums);
            Array.Clear(counts);
            for (var j = 0; j < clusters; j++)
            {
                var g = groupOf[j];
                counts[g]++;
                for (var f = 0; f < d; f++)
                {
                    sums[(g * d) + f] += centers[(j * d) + f];
                }
            }

            for (var g = 0; g < groups; g++)
            {
                if (counts[g] > 0)
                {
                    for (var f = 0; f < d; f++)
                    {
                        means[(g * d) + f] = sums[(g * d) + f] / counts[g];
                    }
                }
            }
        }

        return groupOf;
    }

    /// <summary>The state of one point's search: the best centre so far and the filter threshold.</summary>
    private struct Search
    {
        public int Best;
        public double BestSquared;
        public float Threshold;
    }

    private sealed class Scratch(int groups, int width)
    {
        public double[] Bounds { get; } = new double[groups];

        public bool[] Scanned { get; } = new bool[groups];

        public double[] Nearest { get; } = new double[groups];

        public double[] NearestButOwn { get; } = new double[groups];

        public float[] Lanes { get; } = new float[width];
    }
}
