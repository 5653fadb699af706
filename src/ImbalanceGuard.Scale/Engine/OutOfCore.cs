namespace ImbalanceGuard.Scale;

/// <summary>
/// When a command leaves its in-memory path for the engine: for Parquet input, and for a CSV file larger than
/// <see cref="InMemoryShare"/> of the memory limit. Read into memory, a CSV file of numbers takes about 1.6 times its
/// size at the peak (916 MB of resident memory for a 583 MB file, benchmarks/README.md), and a sampler or a model
/// needs room beside it, so a quarter of the limit leaves that room.
/// </summary>
public static class OutOfCore
{
    /// <summary>The largest share of the memory limit a CSV file may take on disk and still be read into memory.</summary>
    public const double InMemoryShare = 0.25;

    /// <summary>
    /// True when <paramref name="path"/> should be processed by the engine under <paramref name="memoryLimitBytes"/>:
    /// it is Parquet, or a CSV file larger than <see cref="InMemoryShare"/> of the limit.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static bool IsNeeded(string path, long memoryLimitBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        return TableFormats.FromPath(path) == TableFormat.Parquet || file.Length > memoryLimitBytes * InMemoryShare;
    }
}
