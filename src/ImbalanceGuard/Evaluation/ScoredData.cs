namespace ImbalanceGuard.Evaluation;

/// <summary>Scores read from a file, with the names of the two classes.</summary>
/// <param name="Scores">The labels (as positive or not) and scores.</param>
/// <param name="PositiveClass">The class treated as positive.</param>
/// <param name="NegativeClass">The other class.</param>
public sealed record ScoredData(BinaryScores Scores, string PositiveClass, string NegativeClass)
{
    /// <summary>Each row's group, in row order, when the file was read with a group column; otherwise null.</summary>
    public IReadOnlyList<string>? Groups { get; init; }
}
