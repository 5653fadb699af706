namespace ImbalanceGuard;

/// <summary>
/// The cells of one CSV line, read one line after another into the same object. A line without quotes is
/// not copied: each cell is a span of the line. A line with quotes goes through <see cref="CsvLine.Split"/>,
/// which unquotes its cells into strings. Loading a large file so costs one string per line instead of one
/// per cell and a list per line.
/// </summary>
internal sealed class CsvCells
{
    private int[] _ends = new int[16]; // _ends[c]: the position in the line just after cell c
    private string _line = string.Empty;
    private List<string>? _unquoted;    // the cells of a line with quotes

    /// <summary>The number of cells of the line last read.</summary>
    public int Count { get; private set; }

    /// <summary>Cell <paramref name="cell"/> of the line last read, quotes removed.</summary>
    public ReadOnlySpan<char> this[int cell]
    {
        get
        {
            var (text, start, length) = Locate(cell);
            return text.AsSpan(start, length);
        }
    }

    /// <summary>Where cell <paramref name="cell"/> lives: the string that holds it, and its range there.</summary>
    public (string Text, int Start, int Length) Locate(int cell)
    {
        if (_unquoted is not null)
        {
            return (_unquoted[cell], 0, _unquoted[cell].Length);
        }

        var start = cell == 0 ? 0 : _ends[cell - 1] + 1;
        return (_line, start, _ends[cell] - start);
    }

    /// <exception cref="DataFormatException">A quoted cell is not closed, or a cell is longer than <see cref="CsvLimits.MaxFieldLength"/>.</exception>
    public void Read(string line, char separator, string sourceName, int lineNumber, CsvLimits limits)
    {
        if (line.Contains('"', StringComparison.Ordinal))
        {
            _unquoted = CsvLine.Split(line, separator, sourceName, lineNumber, limits);
            Count = _unquoted.Count;
            return;
        }

        _unquoted = null;
        _line = line;
        var span = line.AsSpan();
        var count = span.Count(separator) + 1;
        if (count > _ends.Length)
        {
            _ends = new int[Math.Max(count, 2 * _ends.Length)];
        }

        var position = 0;
        for (var c = 0; c < count - 1; c++)
        {
            var length = span[position..].IndexOf(separator);
            CsvLine.CheckLength(length, c, sourceName, lineNumber, limits);
            position += length;
            _ends[c] = position++;
        }

        CsvLine.CheckLength(span.Length - position, count - 1, sourceName, lineNumber, limits);
        _ends[count - 1] = span.Length;
        Count = count;
    }
}
