namespace ImbalanceGuard.Scale;

/// <summary>How the embedded engine may use the machine: a memory cap, a thread count and a folder to spill to.</summary>
public sealed record EngineOptions
{
    /// <summary>The most memory the engine may hold, in bytes; beyond it the engine spills to <see cref="TemporaryFolder"/>.</summary>
    public long MemoryLimitBytes { get; init; } = 1L << 30;

    /// <summary>The engine's worker threads, at least 1. The rows an operation keeps do not depend on it.</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Where the engine's database and spill files go; default the system's temporary folder.</summary>
    public string? TemporaryFolder { get; init; }
}
