namespace ImbalanceGuard.Scale;

/// <summary>Which columns of a labelled file to profile, as the in-memory <c>inspect</c> reads them.</summary>
/// <param name="Path">A CSV (with a header line) or Parquet file.</param>
/// <param name="LabelColumn">The label column; null for the last column.</param>
/// <param name="IgnoreColumns">Columns that are not features.</param>
/// <param name="CategoricalColumns">Numeric-coded feature columns that hold categories.</param>
/// <param name="Separator">The CSV cell separator.</param>
public sealed record ProfileRequest(string Path, string? LabelColumn, IReadOnlyList<string> IgnoreColumns, IReadOnlyList<string> CategoricalColumns, char Separator = ',');
