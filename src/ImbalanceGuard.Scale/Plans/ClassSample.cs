namespace ImbalanceGuard.Scale;

/// <summary>
/// An exact per-class random sample: in each class named in <see cref="Targets"/>, the rows with the lowest seeded
/// hashes of their row ids (ties by row id), as many as the target (or the whole class when it is smaller); a class
/// not named is kept whole.
/// </summary>
/// <param name="LabelColumn">The class column.</param>
/// <param name="Targets">Rows to keep per class, by the class's value as text.</param>
/// <param name="Seed">Seeds the hash that orders the rows.</param>
public sealed record ClassSample(string LabelColumn, IReadOnlyDictionary<string, long> Targets, int Seed) : TableOperation;
