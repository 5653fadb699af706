namespace ImbalanceGuard.Scale;

/// <summary>What to evaluate in a scored file: its label and score columns, the positive class, and an optional threshold.</summary>
/// <param name="Path">A CSV (with a header line) or Parquet file.</param>
/// <param name="LabelColumn">The label column: exactly two classes.</param>
/// <param name="ScoreColumn">The score column (higher means more likely positive).</param>
/// <param name="PositiveClass">The positive class; null for 1 with 0/1 labels, else the rarer class (as in memory).</param>
/// <param name="Threshold">Rows scoring at least this are flagged; null for the threshold-free metrics only.</param>
/// <param name="Separator">The CSV cell separator.</param>
public sealed record ScoreFileRequest(string Path, string LabelColumn, string ScoreColumn, string? PositiveClass = null, double? Threshold = null, char Separator = ',');
