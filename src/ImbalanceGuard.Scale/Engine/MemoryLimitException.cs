namespace ImbalanceGuard.Scale;

/// <summary>The engine's memory cap is too small for the work asked of it; a larger cap is the fix.</summary>
public sealed class MemoryLimitException : ArgumentException
{
    /// <summary>Creates the exception for the cap that failed.</summary>
    /// <param name="limitBytes">The cap, in bytes.</param>
    /// <param name="innerException">The engine's error.</param>
    public MemoryLimitException(long limitBytes, Exception innerException)
        : base(
            $"the memory limit of {MemorySize.Format(limitBytes)} is too small for the engine to work on this file ({FirstLine(innerException.Message)}); raise it.",
            innerException)
    {
        LimitBytes = limitBytes;
    }

    /// <summary>Creates the exception for a cap below what the work needs, saying what it needs.</summary>
    /// <param name="limitBytes">The cap, in bytes.</param>
    /// <param name="need">What the work needs, as a phrase.</param>
    public MemoryLimitException(long limitBytes, string need)
        : base($"the memory limit of {MemorySize.Format(limitBytes)} is too small: {need}; raise it.")
    {
        LimitBytes = limitBytes;
    }

    /// <summary>The cap that was too small, in bytes.</summary>
    public long LimitBytes { get; }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
