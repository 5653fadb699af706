namespace ImbalanceGuard.Scale;

/// <summary>Which <see cref="TableFormat"/> a file name means.</summary>
public static class TableFormats
{
    /// <summary>The format of <paramref name="path"/> by its ending, or null when it is neither <c>.csv</c> nor <c>.parquet</c>.</summary>
    public static TableFormat? FromPath(string path)
        => Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => TableFormat.Csv,
            ".PARQUET" => TableFormat.Parquet,
            _ => null,
        };
}
