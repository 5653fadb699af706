namespace ImbalanceGuard.Monitoring;

/// <summary>The rows of a file nobody has labelled yet (today's data), read by <see cref="UnlabeledCsv"/>.</summary>
/// <param name="Features">
/// The feature columns, read exactly as <see cref="Dataset.LoadCsv"/> reads them, so that <see cref="DriftReport.Of"/>
/// can compare them with a labelled reference. There is no label: every row has the one class
/// <see cref="UnlabeledCsv.NoClass"/>.
/// </param>
/// <param name="Scores">The model's score of each row, in row order, when a score column was named; otherwise null.</param>
public sealed record UnlabeledData(Dataset Features, IReadOnlyList<double>? Scores);
