namespace ImbalanceGuard.Pipelines;

/// <summary>
/// The limits <see cref="FittedPipeline.Load(Stream, FittedPipelineLoadOptions)"/> puts on a file before it reads it,
/// so a file from elsewhere cannot exhaust memory or the stack. The defaults are far above any pipeline the library
/// saves; raise them only for a model you trust.
/// </summary>
public sealed class FittedPipelineLoadOptions
{
    private readonly long _maxBytes = 256L * 1024 * 1024;
    private readonly int _maxDepth = 64;

    /// <summary>The limits used when none are given.</summary>
    public static FittedPipelineLoadOptions Default { get; } = new();

    /// <summary>
    /// The largest file, in bytes; default 256 MiB. The whole file is held in memory while it is read, so this bounds
    /// what loading can take.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above <see cref="int.MaxValue"/>.</exception>
    public long MaxBytes
    {
        get => _maxBytes;
        init => _maxBytes = value is >= 1 and <= int.MaxValue
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxBytes), value, "MaxBytes must be between 1 and 2,147,483,647 bytes.");
    }

    /// <summary>
    /// The deepest nesting of JSON objects and arrays; default 64. A saved pipeline nests a few levels per model
    /// (a cascade of ensembles of boosted trees is the deepest the library makes); the limit bounds the reader's
    /// recursion.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 or above 1,000.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = value is >= 1 and <= 1000
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxDepth), value, "MaxDepth must be between 1 and 1,000.");
    }
}
