namespace ImbalanceGuard.Models;

/// <summary>A k-means clusterer a sampler can use (<see cref="KMeans"/> or <see cref="MiniBatchKMeans"/>), as imbalanced-learn takes either.</summary>
public interface IKMeansEstimator
{
    /// <summary>The number of clusters it makes.</summary>
    int Clusters { get; }

    /// <summary>Clusters the row-major <paramref name="points"/>.</summary>
    KMeansFit Fit(ReadOnlySpan<double> points, int dimensions);
}
