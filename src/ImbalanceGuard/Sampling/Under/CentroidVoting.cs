namespace ImbalanceGuard.Sampling;

/// <summary>How <see cref="ClusterCentroids"/> represents a cluster (<c>voting</c>).</summary>
public enum CentroidVoting
{
    /// <summary><c>soft</c> (and <c>auto</c> for dense data): the centroid itself, a new (synthetic) row.</summary>
    Soft,

    /// <summary><c>hard</c>: the real row nearest to the centroid.</summary>
    Hard,
}
