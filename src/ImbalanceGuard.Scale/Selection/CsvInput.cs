namespace ImbalanceGuard.Scale;

/// <summary>
/// The input of a streamed selection as a CSV file: a CSV file itself, or, for a Parquet file, a CSV copy the engine
/// writes in file order to a temporary folder (removed on dispose), so a row's position is the same in both and the
/// selection never holds a table. The copy takes the file's size again on disk, as CSV.
/// </summary>
public sealed class CsvInput : IDisposable
{
    private readonly string? _folder;

    private CsvInput(string path, string source, string? folder)
    {
        Path = path;
        Source = source;
        _folder = folder;
    }

    /// <summary>The CSV file to stream.</summary>
    public string Path { get; }

    /// <summary>The file given: where the column types of a Parquet output come from.</summary>
    public string Source { get; }

    /// <summary>
    /// <paramref name="input"/> as CSV: itself when it is CSV; else checked to have <paramref name="columns"/> and
    /// copied as CSV by the engine under <paramref name="options"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The engine cannot read the Parquet file, or it lacks a column named.</exception>
    /// <exception cref="MemoryLimitException">The engine's cap is too small to copy it.</exception>
    public static CsvInput Open(string input, EngineOptions options, IEnumerable<string?> columns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(columns);
        if (TableFormats.FromPath(input) != TableFormat.Parquet)
        {
            return new CsvInput(input, input, null);
        }

        using var engine = DuckDbEngine.Open(options);
        var source = new SourceTable(string.Empty, input, engine.ParquetColumns(input), 0);
        foreach (var column in columns.OfType<string>())
        {
            source.Require(column);
        }

        var folder = System.IO.Path.Combine(options.TemporaryFolder ?? System.IO.Path.GetTempPath(), "ig-parquet-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var copy = new CsvInput(System.IO.Path.Combine(folder, System.IO.Path.GetFileNameWithoutExtension(input) + ".csv"), input, folder);
        try
        {
            engine.ParquetToCsv(input, copy.Path);
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>Removes the temporary copy, if there is one.</summary>
    public void Dispose()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover file in the temporary folder is untidy, not wrong.
            }
        }
    }
}
