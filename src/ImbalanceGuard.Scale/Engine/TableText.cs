using System.Globalization;
using DuckDB.NET.Data;

namespace ImbalanceGuard.Scale;

/// <summary>
/// Converts between Parquet and the CSV text the in-memory reader and writer use, on the engine (streamed by DuckDB,
/// never held in the tool's memory), so that a Parquet file is read with the same rules as a CSV file: every cell
/// becomes its text (a number as the shortest text that reads back as the same number, a missing value as an empty
/// cell), and the label is read as text.
/// </summary>
public static class TableText
{
    /// <summary>Writes the Parquet file <paramref name="parquetPath"/> to <paramref name="csvPath"/> as CSV text with a header line, in file order.</summary>
    /// <returns>The number of data rows.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The engine cannot read it as Parquet.</exception>
    /// <exception cref="MemoryLimitException">The engine's cap is too small.</exception>
    public static long ParquetToCsv(DuckDbEngine engine, string parquetPath, string csvPath)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(parquetPath);
        if (!File.Exists(parquetPath))
        {
            throw new FileNotFoundException($"{parquetPath}: no such file.", parquetPath);
        }

        // Straight from the file to the copy, in file order (the engine preserves insertion order): no table between.
        var reader = $"read_parquet({DuckDbEngine.Literal(parquetPath)})";
        try
        {
            var rows = Convert.ToInt64(engine.Query($"SELECT count(*) FROM {reader}").Single()[0], CultureInfo.InvariantCulture);
            engine.CopyTo($"SELECT * FROM {reader}", csvPath, TableFormat.Csv);
            return rows;
        }
        catch (DuckDBException e)
        {
            throw new DataFormatException($"{parquetPath}: cannot be read as Parquet: {e.Message.Split('\n', 2)[0].Trim()}", e);
        }
    }

    /// <summary>
    /// Writes the CSV file <paramref name="csvPath"/> (a header line, comma-separated, as the tool writes it) to
    /// <paramref name="parquetPath"/> as Parquet, each column with the type <paramref name="types"/> gives it.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="csvPath">The CSV file.</param>
    /// <param name="types">Every column of the header, in order, with its DuckDB type (<c>DOUBLE</c>, <c>BIGINT</c>, <c>VARCHAR</c>).</param>
    /// <param name="parquetPath">The Parquet file to write.</param>
    /// <exception cref="MemoryLimitException">The engine's cap is too small.</exception>
    public static void CsvToParquet(DuckDbEngine engine, string csvPath, IReadOnlyList<(string Column, string Type)> types, string parquetPath)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(types);
        var columns = string.Join(", ", types.Select(t => $"{DuckDbEngine.Literal(t.Column)}: {DuckDbEngine.Literal(t.Type)}"));

        // The types are given, not detected: a category such as 007 stays text, and every number is read back exactly.
        engine.CopyTo(
            string.Create(CultureInfo.InvariantCulture, $"SELECT * FROM read_csv({DuckDbEngine.Literal(csvPath)}, header = true, delim = ',', quote = '\"', escape = '\"', auto_detect = false, columns = {{{columns}}})"),
            parquetPath,
            TableFormat.Parquet);
    }
}
