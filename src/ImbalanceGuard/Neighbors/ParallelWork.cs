namespace ImbalanceGuard.Neighbors;

/// <summary>
/// Whether a parallel loop pays for itself. Waking the thread pool's workers costs from tens of microseconds
/// to milliseconds (the first loop of a process starts them; on a busy 2-core machine a worker waits for a
/// time slice), while a small search is done in less: ENN on a 214-row file took 1–5 ms in parallel. Below
/// <see cref="MinimumWork"/> coordinates read, the calling thread does the work alone. The answer is the same
/// either way.
/// </summary>
internal static class ParallelWork
{
    /// <summary>About a tenth of a millisecond of vectorised work.</summary>
    public const long MinimumWork = 1L << 22;

    private static readonly ParallelOptions CallingThread = new() { MaxDegreeOfParallelism = 1 };

    /// <summary><paramref name="options"/>, or the calling thread alone when <paramref name="work"/> (coordinates read) is small.</summary>
    public static ParallelOptions For(long work, ParallelOptions options) => work < MinimumWork ? CallingThread : options;
}
