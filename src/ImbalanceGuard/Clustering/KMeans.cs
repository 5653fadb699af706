using System.Globalization;
using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Models;

/// <summary>
/// K-means clustering with scikit-learn's algorithm and defaults where it matters: greedy k-means++
/// seeding, Lloyd iterations with exact assignment, a tolerance relative to the data's variance, empty
/// clusters moved to the points farthest from their centres, and the best of <see cref="InitRuns"/> runs.
/// Built for the samplers that cluster a whole class (cluster centroids, k-means SMOTE): bounds skip most
/// distance computations, and the rest are vectorised and spread over threads. The same seed gives the
/// same clusters whatever the thread count.
/// </summary>
public sealed class KMeans : IKMeansEstimator
{
    private readonly int _clusters = 8;
    private readonly int _initRuns = 1;
    private readonly int _maxIterations = 300;
    private readonly double _tolerance = 1e-4;
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>The number of clusters (scikit-learn's <c>n_clusters</c>), at least 1. Default 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Clusters
    {
        get => _clusters;
        init => _clusters = ModelChecks.AtLeast(value, 1, "n_clusters", nameof(Clusters));
    }

    /// <summary>How many seedings to run; the lowest inertia wins (scikit-learn's <c>n_init</c>). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int InitRuns
    {
        get => _initRuns;
        init => _initRuns = ModelChecks.AtLeast(value, 1, "n_init", nameof(InitRuns));
    }

    /// <summary>The most Lloyd iterations of one run (scikit-learn's <c>max_iter</c>). Default 300.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = ModelChecks.AtLeast(value, 1, "max_iter", nameof(MaxIterations));
    }

    /// <summary>
    /// Convergence tolerance (scikit-learn's <c>tol</c>), relative: a run stops when the squared centre
    /// shifts of an iteration add up to at most <c>tol</c> times the mean of the per-feature variances.
    /// Default 1e-4.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double Tolerance
    {
        get => _tolerance;
        init => _tolerance = ModelChecks.NonNegative(value, "tol", nameof(Tolerance));
    }

    /// <summary>Seeds the k-means++ draws. Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>The most threads to use; -1 for every core. The result never depends on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = ModelChecks.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Clusters <paramref name="points"/>, given row-major with <paramref name="dimensions"/> coordinates each.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimensions"/> is below 1.</exception>
    /// <exception cref="ArgumentException">
    /// The values do not make whole rows, a value is not finite, or there are fewer points than <see cref="Clusters"/>.
    /// </exception>
    public KMeansFit Fit(ReadOnlySpan<double> points, int dimensions)
    {
        var count = CheckPoints(points, dimensions, Clusters);
        return FitCore(PointRows.Leading(points.ToArray(), count, dimensions), dimensions);
    }

    /// <summary><see cref="Fit(ReadOnlySpan{double}, int)"/> on an array the caller will not change meanwhile, read where it is instead of copied.</summary>
    internal KMeansFit FitInPlace(double[] points, int dimensions)
        => FitCore(PointRows.Leading(points, CheckPoints(points, dimensions, Clusters), dimensions), dimensions);

    /// <summary>
    /// Clusters the rows <paramref name="rows"/> of <paramref name="matrix"/> (row-major, <paramref name="dimensions"/>
    /// coordinates each) where they are, without copying them: the same fit as <see cref="Fit(ReadOnlySpan{double}, int)"/>
    /// on those rows gathered; labels are by position in <paramref name="rows"/>.
    /// </summary>
    internal KMeansFit FitRows(double[] matrix, int[] rows, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        CheckClusterCount(rows.Length, Clusters, nameof(rows));
        ModelChecks.FiniteRows(matrix, rows, dimensions, nameof(matrix));
        return FitCore(PointRows.Mapped(matrix, rows, dimensions), dimensions);
    }

    private KMeansFit FitCore(PointRows points, int dimensions)
    {
        var tolerance = Tolerance * MeanVariance(points, dimensions);
        var parallel = ModelChecks.Options(MaxDegreeOfParallelism);
        KMeansFit? best = null;
        for (var run = 0; run < InitRuns; run++)
        {
            var random = SeededRandom.Fork(Seed, run);
            var centers = KMeansPlusPlus.Seed(points, dimensions, Clusters, random, parallel);
            var fit = YinyangLloyd.Run(points, dimensions, centers, Clusters, MaxIterations, tolerance, parallel);
            if (best is null || fit.Inertia < best.Inertia)
            {
                best = fit;
            }
        }

        return best!;
    }

    /// <summary>The mean over features of the population variance, the scale of scikit-learn's tolerance.</summary>
    /// <summary>The number of rows of <paramref name="points"/>, after the checks both k-means share.</summary>
    /// <exception cref="ArgumentException">The points are not whole rows, hold a value that is not finite, or are fewer than the clusters.</exception>
    internal static int CheckPoints(ReadOnlySpan<double> points, int dimensions, int clusters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (points.Length % dimensions != 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{points.Length} values do not make rows of {dimensions}."),
                nameof(points));
        }

        var count = points.Length / dimensions;
        CheckClusterCount(count, clusters, nameof(points));
        ModelChecks.Finite(points, dimensions, nameof(points));
        return count;
    }

    private static void CheckClusterCount(int count, int clusters, string parameter)
    {
        if (count < clusters)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"n_samples={count} should be >= n_clusters={clusters}: k-means cannot make more clusters than there are points."),
                parameter);
        }
    }

    private static double MeanVariance(PointRows points, int dimensions)
    {
        var count = points.Count;
        var total = 0.0;
        for (var f = 0; f < dimensions; f++)
        {
            var mean = 0.0;
            for (var i = 0; i < count; i++)
            {
                mean += points.Row(i)[f];
            }

            mean /= count;
            var variance = 0.0;
            for (var i = 0; i < count; i++)
            {
                var t = points.Row(i)[f] - mean;
                variance += t * t;
            }

            total += variance / count;
        }

        return total / dimensions;
    }
}
