namespace ImbalanceGuard.Scale;

/// <summary>What an out-of-core sample wrote: the rows per class before and after.</summary>
/// <param name="Source">The file that was sampled.</param>
/// <param name="Before">Its rows per class, by the class as text.</param>
/// <param name="After">The rows per class written.</param>
public sealed record SampleOutcome(SourceTable Source, IReadOnlyDictionary<string, long> Before, IReadOnlyDictionary<string, long> After);
