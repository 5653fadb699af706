using System.Buffers;
using System.Globalization;
using System.Text;

namespace ImbalanceGuard;

/// <summary>
/// Reads a CSV file record by record with bounded memory: a record is one line, or several when a quoted cell holds
/// a line break (RFC 4180). Text no table holds is refused with the line it is on, before it is kept: a record longer
/// than <see cref="CsvLimits.MaxLineLength"/> (a file without line breaks, a quote never closed), a NUL character (a
/// binary file, or UTF-16 without its byte order mark), bytes that are not UTF-8 (files opened with <see cref="Open"/>).
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    // Bytes that are not UTF-8 decode to U+FFFF, a noncharacter no table holds, so they are found where they are
    // instead of turning silently into U+FFFD. A byte order mark still selects UTF-16 or UTF-32.
    private static readonly Encoding StrictUtf8 = Encoding.GetEncoding(
        "utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(NotUtf8.ToString()));

    private static readonly SearchValues<char> Special = SearchValues.Create("\n\r\"\0\uFFFF");
    private const char NotUtf8 = '\uFFFF';
    private const int BufferSize = 1 << 16;

    private readonly TextReader _reader;
    private readonly string _source;
    private readonly CsvLimits _limits;
    private readonly char[] _buffer = new char[BufferSize];
    private char[] _record = new char[256]; // a record that continues past the end of the buffer
    private int _position;
    private int _end;
    private int _nextLine = 1;

    public CsvRecordReader(TextReader reader, string sourceName, CsvLimits limits)
    {
        _reader = reader;
        _source = sourceName;
        _limits = limits;
    }

    /// <summary>The line the record last read starts on (1 for the header).</summary>
    public int LineNumber { get; private set; }

    /// <summary>A reader of the file at <paramref name="path"/>, decoding UTF-8 strictly; what every file-reading entry point opens.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1.</exception>
    public static CsvRecordReader Open(string path, CsvLimits limits)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        limits.Validate();
        return new(new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true), Path.GetFileName(path), limits);
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>The header record as written (quotes kept), once <see cref="ReadHeader"/> has read it.</summary>
    public string? HeaderText { get; private set; }

    /// <summary>The header's column names.</summary>
    /// <exception cref="DataFormatException">The input is empty, the header is not readable, or it names more than <see cref="CsvLimits.MaxColumns"/> columns.</exception>
    public List<string> ReadHeader(char separator)
    {
        var header = Read() ?? throw new DataFormatException($"{_source}: the file is empty; expected a header row.");
        HeaderText = header;
        var columns = CsvLine.Split(header, separator, _source, LineNumber, _limits);
        if (columns.Count > _limits.MaxColumns)
        {
            throw Refuse(
                LineNumber,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the header has {columns.Count:N0} columns, more than the limit of {_limits.MaxColumns:N0}; {_limits.Raise(nameof(CsvLimits.MaxColumns))} if the file really is this wide."));
        }

        return columns;
    }

    /// <summary>The next record without its line break, or null at the end of the input; an empty line is "".</summary>
    /// <exception cref="DataFormatException">The record is too long, a quoted cell is never closed, or it holds a NUL character or bytes that are not UTF-8.</exception>
    public string? Read()
    {
        LineNumber = _nextLine;
        var length = 0;       // characters kept in _record
        var breaks = 0;       // line breaks inside quoted cells
        var quoted = false;
        var started = false;
        while (true)
        {
            if (_position == _end && !Fill())
            {
                if (quoted)
                {
                    throw Refuse(LineNumber, "a quoted cell is not closed before the end of the file.");
                }

                _nextLine = LineNumber + breaks + 1;
                return started ? new string(_record, 0, length) : null;
            }

            started = true;
            var span = _buffer.AsSpan(_position, _end - _position);
            var at = span.IndexOfAny(Special);
            var plain = at < 0 ? span.Length : at;
            if (length + plain > _limits.MaxLineLength)
            {
                throw TooLong(quoted);
            }

            if (at < 0)
            {
                Keep(ref length, span);
                _position = _end;
                continue;
            }

            var special = span[at];
            switch (special)
            {
                case '\0':
                    throw Refuse(LineNumber + breaks, "holds a NUL character: is this a binary file, or UTF-16 text without its byte order mark? CSV files are read as UTF-8.");
                case NotUtf8:
                    throw Refuse(LineNumber + breaks, "holds bytes that are not UTF-8 text (a file saved as Windows-1252 or Latin-1?); save it as UTF-8.");
                case '"':
                    quoted = !quoted;
                    break;
                case '\n' or '\r' when !quoted:
                    string record;
                    if (length == 0)
                    {
                        record = new string(span[..at]);
                    }
                    else
                    {
                        Keep(ref length, span[..at]);
                        record = new string(_record, 0, length);
                    }

                    _position += at + 1;
                    if (special == '\r' && (_position < _end || Fill()) && _buffer[_position] == '\n')
                    {
                        _position++;
                    }

                    _nextLine = LineNumber + breaks + 1;
                    return record;
                default:
                    // A line break inside a quoted cell: "\r\n" counts once.
                    var afterCarriageReturn = at > 0 ? span[at - 1] == '\r' : length > 0 && _record[length - 1] == '\r';
                    if (!(special == '\n' && afterCarriageReturn))
                    {
                        breaks++;
                    }

                    break;
            }

            if (length + at + 1 > _limits.MaxLineLength)
            {
                throw TooLong(quoted);
            }

            Keep(ref length, span[..(at + 1)]);
            _position += at + 1;
        }
    }

    private bool Fill()
    {
        _position = 0;
        _end = _reader.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    private void Keep(ref int length, ReadOnlySpan<char> text)
    {
        if (length + text.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Min(Math.Max(length + text.Length, 2 * _record.Length), _limits.MaxLineLength));
        }

        text.CopyTo(_record.AsSpan(length));
        length += text.Length;
    }

    private DataFormatException TooLong(bool quoted)
    {
        var why = quoted
            ? "a quoted cell opened there is still not closed (a missing closing quote?)"
            : "a file without line breaks, or not a CSV file?";
        return Refuse(
            LineNumber,
            string.Create(
                CultureInfo.InvariantCulture,
                $"the line is longer than {_limits.MaxLineLength:N0} characters ({why}); {_limits.Raise(nameof(CsvLimits.MaxLineLength))} if the file really has lines this long."));
    }

    private DataFormatException Refuse(int line, string what)
        => new(string.Create(CultureInfo.InvariantCulture, $"{_source} line {line}: {what}"));
}
