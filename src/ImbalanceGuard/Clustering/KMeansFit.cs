using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Models;

/// <summary>
/// The result of <see cref="KMeans.Fit"/>: the cluster centres, the cluster of every fitted point and the
/// within-cluster sum of squares (scikit-learn's <c>cluster_centers_</c>, <c>labels_</c>, <c>inertia_</c>).
/// </summary>
public sealed class KMeansFit
{
    private readonly double[] _centroids;
    private readonly int[] _labels;
    private readonly double[] _inertiaHistory;

    internal KMeansFit(double[] centroids, int[] labels, double inertia, int iterations, int clusterCount, int dimensions, double[] inertiaHistory)
    {
        _centroids = centroids;
        _labels = labels;
        _inertiaHistory = inertiaHistory;
        Inertia = inertia;
        Iterations = iterations;
        ClusterCount = clusterCount;
        Dimensions = dimensions;
    }

    /// <summary>The cluster centres, row-major: centre <c>j</c> is <c>Centroids[j*Dimensions .. (j+1)*Dimensions]</c>.</summary>
    public ReadOnlySpan<double> Centroids => _centroids;

    /// <summary>The cluster of each fitted point, in the order the points were given.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The sum of squared distances of the points to their cluster centres.</summary>
    public double Inertia { get; }

    /// <summary>The number of Lloyd iterations the best run took (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>The number of clusters.</summary>
    public int ClusterCount { get; }

    /// <summary>The number of coordinates per point.</summary>
    public int Dimensions { get; }

    /// <summary>The inertia after each assignment step of the best run, in order (for tests and diagnostics).</summary>
    internal IReadOnlyList<double> InertiaHistory => _inertiaHistory;

    /// <summary>The centre <paramref name="cluster"/>.</summary>
    public ReadOnlySpan<double> GetCentroid(int cluster)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cluster);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cluster, ClusterCount);
        return _centroids.AsSpan(cluster * Dimensions, Dimensions);
    }

    /// <summary>The cluster whose centre is nearest to <paramref name="point"/> (the lowest index on a tie).</summary>
    /// <exception cref="ArgumentException">The point does not have <see cref="Dimensions"/> coordinates.</exception>
    public int Predict(ReadOnlySpan<double> point)
    {
        if (point.Length != Dimensions)
        {
            throw new ArgumentException($"The point has {point.Length} coordinates; the clusters have {Dimensions}.", nameof(point));
        }

        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var j = 0; j < ClusterCount; j++)
        {
            var distance = SquaredEuclidean.Distance(point, _centroids.AsSpan(j * Dimensions, Dimensions));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = j;
            }
        }

        return best;
    }
}
