namespace ImbalanceGuard.Neighbors;

/// <summary>Settings of a <see cref="NeighborIndex"/>.</summary>
public sealed class NeighborSearchOptions
{
    /// <summary>The default settings: automatic algorithm, every core.</summary>
    public static NeighborSearchOptions Default { get; } = new();

    /// <summary>How to search; every algorithm gives the same answer.</summary>
    public NeighborAlgorithm Algorithm { get; init; } = NeighborAlgorithm.Auto;

    /// <summary>The most threads a query may use; -1 for every core. The answer never depends on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Told after each chunk of a chunked search: queries answered so far, and in all (a sampler's progress).</summary>
    internal Action<long, long>? QueriesAnswered { get; init; }

    internal ParallelOptions ParallelOptions => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
}
