namespace ImbalanceGuard;

/// <summary>What <see cref="CsvDatasetReader.ReadTable"/> read: the dataset, and the score column's numbers when one was taken aside.</summary>
/// <param name="Data">The dataset.</param>
/// <param name="Scores">Each row's score, in row order; null without a score column.</param>
internal sealed record CsvTable(Dataset Data, double[]? Scores);
