namespace ImbalanceGuard.Scale;

/// <summary>The file formats the engine reads and writes, chosen by the file name's ending.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated text with a header line (<c>.csv</c>).</summary>
    Csv,

    /// <summary>Apache Parquet (<c>.parquet</c>).</summary>
    Parquet,
}
