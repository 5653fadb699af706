namespace ImbalanceGuard.Neighbors;

/// <summary>
/// The k nearest neighbours of each query, nearest first; equally distant points in ascending index order.
/// </summary>
public sealed class NeighborResult
{
    private readonly int[] _indices;
    private readonly double[] _squaredDistances;

    internal NeighborResult(int queryCount, int k, int[] indices, double[] squaredDistances)
    {
        QueryCount = queryCount;
        K = k;
        _indices = indices;
        _squaredDistances = squaredDistances;
    }

    /// <summary>The number of queries.</summary>
    public int QueryCount { get; }

    /// <summary>The number of neighbours per query.</summary>
    public int K { get; }

    /// <summary>All neighbour indices, row-major: query <c>q</c> owns <c>[q*K, (q+1)*K)</c>.</summary>
    public ReadOnlySpan<int> AllIndices => _indices.AsSpan(0, QueryCount * K);

    /// <summary>The indices (into the indexed points) of the neighbours of query <paramref name="query"/>.</summary>
    public ReadOnlySpan<int> Indices(int query) => _indices.AsSpan(query * K, K);

    /// <summary>The squared Euclidean distances to the neighbours of query <paramref name="query"/>.</summary>
    public ReadOnlySpan<double> SquaredDistances(int query) => _squaredDistances.AsSpan(query * K, K);

    /// <summary>The Euclidean distance from query <paramref name="query"/> to its <paramref name="rank"/>-th neighbour.</summary>
    public double Distance(int query, int rank) => Math.Sqrt(_squaredDistances[(query * K) + rank]);

    /// <summary>The indices array itself; longer than <see cref="AllIndices"/> for a chunk answered into a pooled buffer.</summary>
    internal int[] RawIndices => _indices;
}
