using System.Globalization;

namespace ImbalanceGuard.Scale;

/// <summary>
/// Streams the data rows of a CSV file with the runtime library's reader and limits: each record's text as written
/// (quotes kept), its row id (its position among the data rows, 0 for the first; empty lines are skipped, as
/// <see cref="Dataset.LoadCsv(string, CsvLoadOptions?)"/> skips them) and its cells, quotes removed.
/// </summary>
internal sealed class CsvRowStream : IDisposable
{
    private readonly CsvRecordReader _reader;
    private readonly CsvCells _cells = new();
    private readonly char _separator;
    private readonly CsvLimits _limits;
    private readonly string _source;

    private CsvRowStream(string path, char separator, CsvLimits limits)
    {
        _reader = CsvRecordReader.Open(path, limits);
        _separator = separator;
        _limits = limits;
        _source = Path.GetFileName(path);
        try
        {
            Columns = _reader.ReadHeader(separator);
            HeaderText = _reader.HeaderText!;
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    /// <summary>The header's column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The header record as written.</summary>
    public string HeaderText { get; }

    /// <summary>The row id of the row last read; -1 before the first.</summary>
    public long RowId { get; private set; } = -1;

    /// <summary>The record last read, as written, without its line break.</summary>
    public string Record { get; private set; } = string.Empty;

    /// <summary>The line the record last read starts on (1 is the header).</summary>
    public int LineNumber => _reader.LineNumber;

    /// <summary>Opens <paramref name="path"/> and reads its header.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The file is empty or its header is not readable.</exception>
    public static CsvRowStream Open(string path, char separator, CsvLimits limits) => new(path, separator, limits);

    /// <summary>Reads the next data row; false at the end of the file.</summary>
    /// <exception cref="DataFormatException">The record is unreadable, or its cells are not as many as the header's columns.</exception>
    public bool Next()
    {
        string? record;
        do
        {
            record = _reader.Read();
            if (record is null)
            {
                return false;
            }
        }
        while (record.Length == 0);

        _cells.Read(record, _separator, _source, _reader.LineNumber, _limits);
        if (_cells.Count != Columns.Count)
        {
            throw new DataFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{_source} line {_reader.LineNumber}: {_cells.Count} cells, but the header has {Columns.Count} columns."));
        }

        Record = record;
        RowId++;
        return true;
    }

    /// <summary>Cell <paramref name="column"/> of the row last read, quotes removed.</summary>
    public ReadOnlySpan<char> Cell(int column) => _cells[column];

    /// <summary>A message about the row last read, prefixed with the file and line.</summary>
    public string At(string what) => string.Create(CultureInfo.InvariantCulture, $"{_source} line {_reader.LineNumber}, {what}");

    public void Dispose() => _reader.Dispose();
}
