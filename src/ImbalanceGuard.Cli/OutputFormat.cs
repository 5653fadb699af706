namespace ImbalanceGuard.Cli;

/// <summary>What an output file holds, and so the file name endings it may have.</summary>
/// <param name="Name">What the tool writes there, for messages.</param>
/// <param name="Extensions">The accepted endings, the usual one first.</param>
internal sealed record OutputFormat(string Name, params string[] Extensions)
{
    /// <summary>A data file: CSV text.</summary>
    public static readonly OutputFormat Csv = new("CSV", ".csv");

    /// <summary>A data file the engine writes: CSV or Parquet, by the ending.</summary>
    public static readonly OutputFormat Table = new("CSV or Parquet", ".csv", ".parquet");

    /// <summary>A split's sidecar record: JSON.</summary>
    public static readonly OutputFormat Json = new("JSON", ".json");

    /// <summary>Row positions, one per line: plain text, and a one-column CSV file too.</summary>
    public static readonly OutputFormat Lines = new("one number per line", ".txt", ".csv");

    /// <summary>The report: one HTML page.</summary>
    public static readonly OutputFormat Html = new("an HTML page", ".html", ".htm");

    public bool Accepts(string path)
        => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public string Endings => string.Join(" or ", Extensions);
}
