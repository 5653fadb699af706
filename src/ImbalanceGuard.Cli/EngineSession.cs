using System.CommandLine;
using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli;

/// <summary>
/// Runs a command's out-of-core work on the embedded engine, with the engine's failures turned into the tool's
/// one-line errors: a cap too small names <c>--memory-limit</c>, a missing native library names the package.
/// </summary>
internal static class EngineSession
{
    // DuckDbEngine.Open refuses less; real work needs megabytes, and a cap too small for it is reported as such.
    private const long MinimumLimit = 1024;

    /// <summary><c>--threads N</c>: the engine's worker threads (results do not depend on them).</summary>
    public static Option<int> Threads() => new("--threads")
    {
        Description = "The engine's worker threads when the file is processed out of core; default the processor count. The results do not depend on it.",
        HelpName = "N",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        CustomParser = r => NumberOptions.WholeNumber(r, minimum: 1),
    };

    /// <summary>Opens an engine under <paramref name="memoryLimit"/> with <paramref name="threads"/> threads and runs <paramref name="work"/> on it.</summary>
    /// <exception cref="ArgumentException">The cap is too small (the message names <c>--memory-limit</c>).</exception>
    /// <exception cref="PlatformNotSupportedException">This package of the tool has no engine library.</exception>
    public static T Run<T>(string command, long memoryLimit, int threads, Func<DuckDbEngine, T> work)
    {
        if (memoryLimit < MinimumLimit)
        {
            throw new ArgumentException($"--memory-limit {MemorySize.Format(memoryLimit)} is below the engine's minimum of {MemorySize.Format(MinimumLimit)}; raise it.");
        }

        try
        {
            using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = memoryLimit, Threads = threads });
            return work(engine);
        }
        catch (MemoryLimitException e)
        {
            throw new ArgumentException($"--memory-limit {MemorySize.Format(memoryLimit)}: {e.Message}", e);
        }
        catch (DllNotFoundException e)
        {
            throw new PlatformNotSupportedException(
                $"{command} of a file this large (or of Parquet) needs the DuckDB engine's native library, which this package of the tool does not carry "
                + SplitCommand.EnginePackages + "; run it on one of those platforms or from a build of the repository.",
                e);
        }
    }

    /// <summary>Why a file goes to the engine, for the line that says so.</summary>
    public static string Reason(string path, long memoryLimit)
        => TableFormats.FromPath(path) == TableFormat.Parquet
            ? "it is Parquet"
            : $"it is larger than a quarter of --memory-limit {MemorySize.Format(memoryLimit)}";
}
