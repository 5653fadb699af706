using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ImbalanceGuard.Models;

/// <summary>
/// Mini-batch k-means (Sculley 2010; scikit-learn's <c>MiniBatchKMeans</c>, imbalanced-learn's default clusterer for
/// KMeans-SMOTE): k-means++ seeds on a random subset (the best of <see cref="InitRuns"/> by inertia on a validation
/// subset), then centres move towards random batches with a per-centre learning rate of one over the rows it has
/// absorbed, centres that absorb too little are moved to random rows, and the run stops when the smoothed batch
/// inertia has not improved for <see cref="MaxNoImprovement"/> batches. Far cheaper than full k-means on large
/// data, at a slightly higher inertia. Deterministic by <see cref="Seed"/>.
/// </summary>
public sealed class MiniBatchKMeans : IKMeansEstimator
{
    private readonly int _clusters = 8;
    private readonly int _batchSize = 1024;
    private readonly int _maxIterations = 100;
    private readonly int _initRuns = 3;
    private readonly int _maxNoImprovement = 10;
    private readonly double _reassignmentRatio = 0.01;
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>The number of clusters (<c>n_clusters</c>). Default 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Clusters
    {
        get => _clusters;
        init => _clusters = ModelChecks.AtLeast(value, 1, "n_clusters", nameof(Clusters));
    }

    /// <summary>Rows per batch (<c>batch_size</c>). Default 1024.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = ModelChecks.AtLeast(value, 1, "batch_size", nameof(BatchSize));
    }

    /// <summary>Passes over the data at most (<c>max_iter</c>), counted in batches of rows. Default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = ModelChecks.AtLeast(value, 1, "max_iter", nameof(MaxIterations));
    }

    /// <summary>Seedings tried, the best kept by inertia on a validation subset (<c>n_init</c>). Default 3, scikit-learn 1.2's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int InitRuns
    {
        get => _initRuns;
        init => _initRuns = ModelChecks.AtLeast(value, 1, "n_init", nameof(InitRuns));
    }

    /// <summary>Stop after this many batches without a better smoothed inertia (<c>max_no_improvement</c>). Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxNoImprovement
    {
        get => _maxNoImprovement;
        init => _maxNoImprovement = ModelChecks.AtLeast(value, 1, "max_no_improvement", nameof(MaxNoImprovement));
    }

    /// <summary>
    /// A centre that has absorbed less than this share of the busiest centre's rows is moved to a random row
    /// (<c>reassignment_ratio</c>). Default 0.01.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double ReassignmentRatio
    {
        get => _reassignmentRatio;
        init => _reassignmentRatio = ModelChecks.NonNegative(value, "reassignment_ratio", nameof(ReassignmentRatio));
    }

    /// <summary>Seeds every random choice (<c>random_state</c>). Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>Threads for the final assignment of every row; -1 for all cores. The result does not depend on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = ModelChecks.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Clusters the row-major <paramref name="points"/>; every row gets the label of its nearest final centre.</summary>
    /// <exception cref="ArgumentException">The points are not whole rows, hold a value that is not finite, or are fewer than the clusters.</exception>
    public KMeansFit Fit(ReadOnlySpan<double> points, int dimensions)
    {
        var count = KMeans.CheckPoints(points, dimensions, Clusters);
        return FitCore(points.ToArray(), count, dimensions);
    }

    /// <summary><see cref="Fit(ReadOnlySpan{double}, int)"/> on an array the caller will not change meanwhile, read where it is instead of copied.</summary>
    internal KMeansFit FitInPlace(double[] points, int dimensions)
        => FitCore(points, KMeans.CheckPoints(points, dimensions, Clusters), dimensions);

    private KMeansFit FitCore(double[] data, int count, int dimensions)
    {
        var random = new SeededRandom(Seed);
        var parallel = ModelChecks.Options(MaxDegreeOfParallelism);

        // Seeds: k-means++ on a random subset, the best of InitRuns by inertia on another subset (scikit-learn's init_size).
        var initSize = Math.Min(count, Math.Max(3 * BatchSize, 3 * Clusters));
        var validation = Gather(data, dimensions, Draw(random, count, initSize));
        double[]? centers = null;
        var bestInertia = double.PositiveInfinity;
        for (var run = 0; run < InitRuns; run++)
        {
            var subset = Gather(data, dimensions, Draw(random, count, initSize));
            var candidate = KMeansPlusPlus.Seed(subset, initSize, dimensions, Clusters, SeededRandom.Fork(Seed, run + 1), parallel);
            var inertia = Inertia(validation, initSize, dimensions, candidate);
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                centers = candidate;
            }
        }

        var batchSize = Math.Min(BatchSize, count); // scikit-learn: a batch is never larger than the data
        var state = new Batches(this, data, count, dimensions, centers!, random, batchSize);
        var steps = (int)Math.Min(int.MaxValue, (long)MaxIterations * count / batchSize);
        var step = 0;
        while (step < steps && !state.Step(step))
        {
            step++;
        }

        var labels = new int[count];
        var distances = new double[count];
        var final = new CentersByFeature(Clusters, dimensions);
        final.Load(state.Centers);
        ModelChecks.ParallelFor((count + 1023) / 1024, MaxDegreeOfParallelism, block =>
        {
            for (var i = block * 1024; i < Math.Min(count, (block + 1) * 1024); i++)
            {
                (labels[i], distances[i]) = final.Nearest(data.AsSpan(i * dimensions, dimensions));
            }
        });

        var passes = (int)Math.Ceiling((Math.Min(step + 1, steps) * (double)batchSize) / count);
        return new KMeansFit(state.Centers, labels, distances.Sum(), passes, Clusters, dimensions, [.. state.History]);
    }

    private static int[] Draw(SeededRandom random, int count, int size)
    {
        var rows = new int[size];
        for (var i = 0; i < size; i++)
        {
            rows[i] = random.NextInt(count);
        }

        return rows;
    }

    private static double[] Gather(double[] data, int dimensions, int[] rows)
    {
        var gathered = new double[rows.Length * dimensions];
        for (var i = 0; i < rows.Length; i++)
        {
            Array.Copy(data, (long)rows[i] * dimensions, gathered, (long)i * dimensions, dimensions);
        }

        return gathered;
    }

    private static double Inertia(double[] points, int count, int dimensions, double[] centers)
    {
        var byFeature = new CentersByFeature(centers.Length / dimensions, dimensions);
        byFeature.Load(centers);
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += byFeature.Nearest(points.AsSpan(i * dimensions, dimensions)).Distance;
        }

        return total;
    }

    /// <summary>
    /// Centres stored feature-major (feature f of centre c at f × stride + c, the stride a whole number of vectors),
    /// so a point's squared distances to several centres are summed side by side, each over the features in order:
    /// the same bits as one centre at a time, a fraction of the instructions.
    /// </summary>
    private sealed class CentersByFeature
    {
        private readonly int _clusters;
        private readonly int _dimensions;
        private readonly int _stride;
        private readonly double[] _values;

        public CentersByFeature(int clusters, int dimensions)
        {
            _clusters = clusters;
            _dimensions = dimensions;
            _stride = (clusters + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;
            _values = new double[_stride * dimensions];
        }

        /// <summary>Takes the row-major <paramref name="centers"/>.</summary>
        public void Load(double[] centers)
        {
            for (var c = 0; c < _clusters; c++)
            {
                for (var f = 0; f < _dimensions; f++)
                {
                    _values[(f * _stride) + c] = centers[(c * _dimensions) + f];
                }
            }
        }

        /// <summary>The nearest centre and the squared distance to it; ties go to the lower centre.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public (int Cluster, double Distance) Nearest(ReadOnlySpan<double> point)
        {
            var width = Vector<double>.Count;
            Span<double> lanes = stackalloc double[Vector<double>.Count];
            var best = 0;
            var bestDistance = double.PositiveInfinity;
            for (var first = 0; first < _clusters; first += width)
            {
                var sum = Vector<double>.Zero;
                for (var f = 0; f < _dimensions; f++)
                {
                    var delta = new Vector<double>(point[f]) - new Vector<double>(_values, (f * _stride) + first);
                    sum += delta * delta;
                }

                sum.CopyTo(lanes);
                for (var l = 0; l < width && first + l < _clusters; l++)
                {
                    if (lanes[l] < bestDistance)
                    {
                        bestDistance = lanes[l];
                        best = first + l;
                    }
                }
            }

            return (best, bestDistance);
        }
    }

    /// <summary>The mini-batch loop's state: centres, the rows each has absorbed, and the smoothed inertia.</summary>
    private sealed class Batches(MiniBatchKMeans options, double[] data, int count, int dimensions, double[] centers, SeededRandom random, int batchSize)
    {
        private const int RowsAhead = 8; // how far ahead a batch's scattered rows are prefetched
        private readonly double[] _absorbed = new double[options.Clusters];
        private readonly double[] _sums = new double[options.Clusters * dimensions];
        private readonly double[] _batchWeights = new double[options.Clusters];
        private readonly int[] _batch = new int[batchSize];
        private readonly CentersByFeature _byFeature = new(options.Clusters, dimensions);
        private int _sinceReassignment;
        private double? _smoothed;
        private double? _smoothedBest;
        private int _noImprovement;

        public double[] Centers { get; } = centers;

        public List<double> History { get; } = [];

        /// <summary>One batch; true when the run has converged.</summary>
        public bool Step(int step)
        {
            var k = options.Clusters;
            var inertia = 0.0;
            Array.Clear(_sums);
            Array.Clear(_batchWeights);
            for (var b = 0; b < _batch.Length; b++)
            {
                _batch[b] = random.NextInt(count);
            }

            // The batch's rows are scattered over the data: each is asked for a few rows ahead of its turn.
            _byFeature.Load(Centers);
            for (var b = 0; b < _batch.Length; b++)
            {
                if (b + RowsAhead < _batch.Length)
                {
                    RowPrefetch.Row(ref data[_batch[b + RowsAhead] * dimensions], dimensions);
                }

                var point = data.AsSpan(_batch[b] * dimensions, dimensions);
                var (cluster, distance) = _byFeature.Nearest(point);
                inertia += distance;
                _batchWeights[cluster] += 1;
                var sum = _sums.AsSpan(cluster * dimensions, dimensions);
                for (var j = 0; j < dimensions; j++)
                {
                    sum[j] += point[j];
                }
            }

            // Each centre moves to the mean of everything it has absorbed so far (a learning rate of 1 / count).
            for (var c = 0; c < k; c++)
            {
                if (_batchWeights[c] == 0)
                {
                    continue;
                }

                var center = Centers.AsSpan(c * dimensions, dimensions);
                var sum = _sums.AsSpan(c * dimensions, dimensions);
                var total = _absorbed[c] + _batchWeights[c];
                for (var j = 0; j < dimensions; j++)
                {
                    center[j] = ((center[j] * _absorbed[c]) + sum[j]) / total;
                }

                _absorbed[c] = total;
            }

            Reassign();
            History.Add(inertia);
            return Converged(step, inertia / _batch.Length);
        }

        /// <summary>Moves centres that absorbed too little to random rows of the batch (scikit-learn's random reassignment).</summary>
        private void Reassign()
        {
            _sinceReassignment += _batch.Length;
            var k = options.Clusters;
            if (!(_absorbed.Any(a => a == 0) || _sinceReassignment >= 10 * k) || options.ReassignmentRatio == 0)
            {
                return;
            }

            _sinceReassignment = 0;
            var limit = options.ReassignmentRatio * _absorbed.Max();
            var starved = Enumerable.Range(0, k).Where(c => _absorbed[c] < limit).OrderBy(c => _absorbed[c]).ToList();
            if (starved.Count > _batch.Length / 2)
            {
                starved = starved.Take(_batch.Length / 2).ToList();
            }

            if (starved.Count == 0 || starved.Count == k)
            {
                return;
            }

            var floor = Enumerable.Range(0, k).Except(starved).Min(c => _absorbed[c]);
            var picks = new HashSet<int>();
            foreach (var c in starved)
            {
                int pick;
                do
                {
                    pick = random.NextInt(_batch.Length);
                }
                while (!picks.Add(pick));

                data.AsSpan(_batch[pick] * dimensions, dimensions).CopyTo(Centers.AsSpan(c * dimensions, dimensions));
                _absorbed[c] = floor;
            }
        }

        /// <summary>Stops when the exponentially smoothed batch inertia has not improved for MaxNoImprovement batches.</summary>
        private bool Converged(int step, double batchInertia)
        {
            if (step == 0)
            {
                return false; // the first batch's inertia reflects the seeding, not the fit
            }

            var alpha = Math.Min(1.0, batchSize * 2.0 / (count + 1));
            _smoothed = _smoothed is { } previous ? (previous * (1 - alpha)) + (batchInertia * alpha) : batchInertia;
            if (_smoothedBest is null || _smoothed < _smoothedBest)
            {
                _noImprovement = 0;
                _smoothedBest = _smoothed;
            }
            else
            {
                _noImprovement++;
            }

            return _noImprovement >= options.MaxNoImprovement;
        }
    }
}
