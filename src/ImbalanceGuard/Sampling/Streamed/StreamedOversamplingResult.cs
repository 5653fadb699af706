namespace ImbalanceGuard.Sampling;

/// <summary>What a streamed over-sampling (<see cref="StreamedOversampling.Resample"/>) counted and made.</summary>
public sealed class StreamedOversamplingResult
{
    internal StreamedOversamplingResult(
        IReadOnlyDictionary<string, long> countsBefore,
        IReadOnlyDictionary<string, long> countsAfter,
        int syntheticCount,
        long rowsInMemory,
        IReadOnlyList<string> warnings)
    {
        CountsBefore = countsBefore;
        CountsAfter = countsAfter;
        SyntheticCount = syntheticCount;
        RowsInMemory = rowsInMemory;
        Warnings = warnings;
    }

    /// <summary>Rows per class in the file, counted exactly.</summary>
    public IReadOnlyDictionary<string, long> CountsBefore { get; }

    /// <summary>Rows per class in the output: the file's and the synthetic ones.</summary>
    public IReadOnlyDictionary<string, long> CountsAfter { get; }

    /// <summary>The rows the sampler made, appended after the input's.</summary>
    public int SyntheticCount { get; }

    /// <summary>The input rows held in memory: those of the classes grown.</summary>
    public long RowsInMemory { get; }

    /// <summary>
    /// With a <see cref="LargeClassSampling"/>: per class not grown, the rows the sampler saw (a sample of
    /// <see cref="CountsBefore"/>); empty otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, long> SampledClasses { get; init; } = new Dictionary<string, long>();

    /// <summary>What the sampler could not do as asked without failing (as <see cref="SamplingResult.Warnings"/>).</summary>
    public IReadOnlyList<string> Warnings { get; }
}
