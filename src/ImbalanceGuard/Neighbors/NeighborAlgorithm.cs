namespace ImbalanceGuard.Neighbors;

/// <summary>How a <see cref="NeighborIndex"/> searches. Every choice returns the same exact answer.</summary>
public enum NeighborAlgorithm
{
    /// <summary>A k-d tree for few dimensions, otherwise brute force.</summary>
    Auto,

    /// <summary>
    /// Compare every query with every point: a blocked, vectorised single-precision pass that keeps every
    /// point that could be a neighbour, then exact double-precision distances for those.
    /// </summary>
    BruteForce,

    /// <summary>A k-d tree: fastest where the dimension is low.</summary>
    KdTree,
}
