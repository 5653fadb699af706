using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;

namespace ImbalanceGuard.Scale;

/// <summary>
/// An in-process DuckDB under a memory cap and a thread count, with its database in a temporary file so tables larger
/// than the cap spill to disk. The engine's errors come out as the project's exceptions: a cap too small is a
/// <see cref="MemoryLimitException"/>, a file it cannot read or a missing column a <see cref="DataFormatException"/>.
/// </summary>
public sealed class DuckDbEngine : IDisposable
{
    // The CSV reader's default buffer (a 30.5 MiB block) alone exceeds a 20 MB cap; 1 MiB keeps small caps workable.
    private const int CsvBufferBytes = 1 << 20;

    private readonly DuckDBConnection _connection;
    private readonly string _databaseFile;

    private DuckDbEngine(EngineOptions options)
    {
        Options = options;
        var folder = options.TemporaryFolder ?? Path.GetTempPath();
        _databaseFile = Path.Combine(folder, $"imbalance-guard-{Guid.NewGuid():N}.duckdb");
        _connection = new DuckDBConnection($"DataSource={_databaseFile}");
        try
        {
            _connection.Open();
            Execute(string.Create(
                CultureInfo.InvariantCulture,
                $"SET memory_limit = '{options.MemoryLimitBytes / 1024}KiB'; SET threads = {options.Threads}; "
                + $"SET preserve_insertion_order = true; SET temp_directory = {Literal(Path.Combine(folder, Path.GetFileName(_databaseFile) + ".tmp"))};"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The options the engine was opened with.</summary>
    public EngineOptions Options { get; }

    /// <summary>Opens an engine.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cap is not positive or the thread count is below 1.</exception>
    /// <exception cref="MemoryLimitException">The cap is too small for the engine to start.</exception>
    public static DuckDbEngine Open(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MemoryLimitBytes, 1024, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options));
        return new DuckDbEngine(options);
    }

    /// <summary>
    /// Reads a CSV (with a header line) or Parquet file into table <paramref name="name"/>, in file order, so the
    /// table's <c>rowid</c> is each row's position in the file. With <paramref name="textCells"/> every CSV cell is
    /// read as text, so a CSV written from the table holds each cell as it was (<c>1.50</c> stays <c>1.50</c>, not
    /// <c>1.5</c>); without it DuckDB detects each column's type.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The engine cannot read the file as that format, or its name has a wildcard.</exception>
    /// <exception cref="MemoryLimitException">The cap is too small to read it.</exception>
    public SourceTable Load(string path, string name, char separator = ',', bool textCells = false)
        => LoadColumns(path, name, "*", separator, textCells);

    /// <summary>
    /// Reads the columns <paramref name="select"/> (a DuckDB select list over the file's columns, such as
    /// <c>"y" AS label, TRY_CAST("p" AS DOUBLE) AS score</c>) of a CSV or Parquet file into table <paramref name="name"/>,
    /// in file order, so the table's <c>rowid</c> is each row's position in the file. Reading only the columns a
    /// command needs keeps the table small.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The engine cannot read the file as that format, or its name has a wildcard.</exception>
    /// <exception cref="MemoryLimitException">The cap is too small to read it.</exception>
    public SourceTable LoadColumns(string path, string name, string select, char separator = ',', bool textCells = false)
    {
        ArgumentNullException.ThrowIfNull(select);
        var (reader, format) = Reader(path, separator, textCells);
        try
        {
            // An insertion-ordered CREATE TABLE AS keeps file order whatever the thread count, so rowid = position.
            Execute($"CREATE OR REPLACE TABLE {Identifier(name)} AS SELECT {select} FROM {reader}");
        }
        catch (DuckDBException e) when (!IsOutOfMemory(e))
        {
            throw new DataFormatException($"{path}: cannot be read as {format}: {FirstLine(e.Message)}", e);
        }

        var columns = new List<string>();
        foreach (var row in Query($"SELECT column_name FROM information_schema.columns WHERE table_name = {Literal(name)} ORDER BY ordinal_position"))
        {
            columns.Add((string)row[0]!);
        }

        var rows = Convert.ToInt64(Query($"SELECT count(*) FROM {Identifier(name)}").Single()[0], CultureInfo.InvariantCulture);
        return new SourceTable(name, path, columns, rows);
    }

    /// <summary>The columns of a CSV (with a header line) or Parquet file, in file order, read without loading its rows.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The engine cannot read the file as that format, or its name has a wildcard.</exception>
    /// <exception cref="MemoryLimitException">The cap is too small to read it.</exception>
    public IReadOnlyList<string> Columns(string path, char separator = ',')
    {
        var (reader, format) = Reader(path, separator, textCells: true);
        try
        {
            return [.. Query($"DESCRIBE SELECT * FROM {reader}").Select(row => (string)row[0]!)];
        }
        catch (DuckDBException e) when (!IsOutOfMemory(e))
        {
            throw new DataFormatException($"{path}: cannot be read as {format}: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// Runs a query over a CSV (with a header line) or Parquet file without loading it into a table: <paramref name="sql"/>
    /// gets the table function that reads the file (CSV with a 1 MiB buffer, every cell as text with
    /// <paramref name="textCells"/>) and returns the query. For aggregates over the whole file in one streamed pass.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The engine cannot read the file as that format, or its name has a wildcard.</exception>
    /// <exception cref="MemoryLimitException">The cap is too small for it.</exception>
    public IReadOnlyList<object?[]> QueryFile(string path, Func<string, string> sql, char separator = ',', bool textCells = false)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var (reader, format) = Reader(path, separator, textCells);
        try
        {
            return Query(sql(reader));
        }
        catch (DuckDBException e) when (!IsOutOfMemory(e))
        {
            throw new DataFormatException($"{path}: cannot be read as {format}: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>Runs SQL that returns nothing.</summary>
    /// <exception cref="MemoryLimitException">The cap is too small for it.</exception>
    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        Translate(() => command.ExecuteNonQuery());
    }

    /// <summary>Runs a query and returns its rows, read one at a time (a DBNull cell comes back as null).</summary>
    /// <exception cref="MemoryLimitException">The cap is too small for it.</exception>
    public IReadOnlyList<object?[]> Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Translate(() =>
        {
            var rows = new List<object?[]>();
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        });
    }

    /// <summary>
    /// Runs a query and yields its rows as the engine produces them, without holding them all (a DBNull cell comes
    /// back as null): for results as long as the file, such as one row per distinct score.
    /// </summary>
    /// <exception cref="MemoryLimitException">The cap is too small for it (thrown while enumerating).</exception>
    public IEnumerable<object?[]> Stream(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;

        // Streamed, the engine produces the rows chunk by chunk; otherwise it holds the whole result under the cap.
        command.UseStreamingMode = true;
        using var reader = Translate(() => command.ExecuteReader());
        while (Translate(reader.Read))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return row;
        }
    }

    /// <summary>Writes the rows of <paramref name="select"/> to <paramref name="path"/> as <paramref name="format"/> (CSV with a header line), streamed by the engine.</summary>
    /// <exception cref="MemoryLimitException">The cap is too small for it.</exception>
    public void CopyTo(string select, string path, TableFormat format, char separator = ',')
    {
        var options = format == TableFormat.Csv
            ? $"FORMAT csv, HEADER true, DELIMITER {Literal(separator.ToString())}"
            : "FORMAT parquet";
        Execute($"COPY ({select}) TO {Literal(path)} ({options})");
    }

    /// <summary>
    /// Writes the CSV file <paramref name="csvPath"/> (header line first) to <paramref name="parquetPath"/> as Parquet,
    /// streamed, with the column types of <paramref name="typesFrom"/>: a Parquet file's own, or those the engine
    /// detects in a CSV file. The parts of one split file so get the schema of the file that was split.
    /// </summary>
    /// <exception cref="DataFormatException">A cell does not fit the type of its column.</exception>
    /// <exception cref="MemoryLimitException">The cap is too small for it.</exception>
    public void CsvToParquet(string csvPath, string typesFrom, string parquetPath)
    {
        var columns = Query($"DESCRIBE SELECT * FROM {Reader(typesFrom)}")
            .Select(r => $"{Literal((string)r[0]!)}: {Literal((string)r[1]!)}");
        try
        {
            CopyTo($"SELECT * FROM {CsvReader(csvPath, $"columns = {{{string.Join(", ", columns)}}}")}", parquetPath, TableFormat.Parquet);
        }
        catch (DuckDBException e) when (!IsOutOfMemory(e))
        {
            throw new DataFormatException($"{typesFrom}: cannot be written as Parquet with its column types: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>The columns of a Parquet file, from its metadata.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The engine cannot read it as Parquet, or its name has a wildcard.</exception>
    public IReadOnlyList<string> ParquetColumns(string parquetPath)
    {
        CheckReadable(parquetPath);
        try
        {
            return [.. Query($"DESCRIBE SELECT * FROM {Reader(parquetPath)}").Select(r => (string)r[0]!)];
        }
        catch (DuckDBException e) when (!IsOutOfMemory(e))
        {
            throw new DataFormatException($"{parquetPath}: cannot be read as Parquet: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// Writes the Parquet file <paramref name="parquetPath"/> to <paramref name="csvPath"/> as CSV with a header line,
    /// streamed in file order (insertion order is kept, whatever the threads), so a row's position is the same in both:
    /// what lets the tool's streamed selection work on Parquet input.
    /// </summary>
    /// <exception cref="DataFormatException">The engine cannot read it as Parquet.</exception>
    /// <exception cref="MemoryLimitException">The cap is too small for it.</exception>
    public void ParquetToCsv(string parquetPath, string csvPath)
    {
        ParquetColumns(parquetPath);
        try
        {
            CopyTo($"SELECT * FROM {Reader(parquetPath)}", csvPath, TableFormat.Csv);
        }
        catch (DuckDBException e) when (!IsOutOfMemory(e))
        {
            throw new DataFormatException($"{parquetPath}: cannot be read as Parquet: {FirstLine(e.Message)}", e);
        }
    }

    private static string Reader(string path) => TableFormats.FromPath(path) == TableFormat.Parquet ? $"read_parquet({Literal(path)})" : CsvReader(path);

    private static void CheckReadable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        if (path.IndexOfAny(['*', '?', '[', '{']) >= 0)
        {
            // DuckDB reads such names as patterns and could read other files than the one named.
            throw new DataFormatException($"{path}: the file name has a wildcard character (* ? [ {{); rename the file.");
        }
    }

    private static string CsvReader(string path, string? more = null)
        => string.Create(CultureInfo.InvariantCulture, $"read_csv({Literal(path)}, header = true, buffer_size = {CsvBufferBytes}{(more is null ? string.Empty : ", " + more)})");

    /// <summary>Closes the engine and removes its database and spill files.</summary>
    public void Dispose()
    {
        _connection.Dispose();
        foreach (var file in new[] { _databaseFile, _databaseFile + ".wal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover file in the temporary folder is untidy, not wrong.
            }
        }

        try
        {
            var spill = _databaseFile + ".tmp";
            if (Directory.Exists(spill))
            {
                Directory.Delete(spill, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>The table function that reads <paramref name="path"/> (CSV with a 1 MiB buffer, or Parquet), and its format.</summary>
    private static (string Reader, TableFormat Format) Reader(string path, char separator, bool textCells)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        if (path.IndexOfAny(['*', '?', '[', '{']) >= 0)
        {
            // DuckDB reads such names as patterns and could read other files than the one named.
            throw new DataFormatException($"{path}: the file name has a wildcard character (* ? [ {{); rename the file.");
        }

        var format = TableFormats.FromPath(path)
            ?? throw new DataFormatException($"{path}: give a file ending in .csv or .parquet.");
        var reader = format == TableFormat.Csv
            ? string.Create(CultureInfo.InvariantCulture, $"read_csv({Literal(path)}, header = true, delim = {Literal(separator.ToString())}, buffer_size = {CsvBufferBytes}{(textCells ? ", all_varchar = true" : string.Empty)})")
            : $"read_parquet({Literal(path)})";
        return (reader, format);
    }

    /// <summary>A DuckDB string literal.</summary>
    internal static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A DuckDB quoted identifier.</summary>
    internal static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static bool IsOutOfMemory(DuckDBException e)
        => e.Message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase);

    private T Translate<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DuckDBException e) when (IsOutOfMemory(e))
        {
            throw new MemoryLimitException(Options.MemoryLimitBytes, e);
        }
    }
}
