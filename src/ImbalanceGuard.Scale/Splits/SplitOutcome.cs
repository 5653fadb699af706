namespace ImbalanceGuard.Scale;

/// <summary>What a split wrote: the rows per class of each part.</summary>
/// <param name="Source">The table that was split.</param>
/// <param name="Training">The training part's rows per class, by the class as text.</param>
/// <param name="Holdout">The holdout part's rows per class.</param>
public sealed record SplitOutcome(SourceTable Source, IReadOnlyDictionary<string, long> Training, IReadOnlyDictionary<string, long> Holdout);
