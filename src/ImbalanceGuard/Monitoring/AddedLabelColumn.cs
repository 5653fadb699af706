using System.Globalization;

namespace ImbalanceGuard.Monitoring;

/// <summary>
/// CSV text with a constant label column added to every line, so that the dataset reader, which needs a label, reads a
/// file that has none with all its own rules; on the way it checks each line's cell count against the file's own
/// header (so a message never counts the added cell) and takes the score column's numbers.
/// </summary>
internal sealed class AddedLabelColumn : TextReader
{
    /// <summary>The added column's name: a control character keeps it from clashing with any real header.</summary>
    public const string Name = "\u0001label";

    private readonly TextReader _inner;
    private readonly char _separator;
    private readonly string _sourceName;
    private readonly string? _scoreColumn;
    private readonly string _suffix;
    private readonly List<double> _scores = [];
    private int _columns = -1;
    private int _scoreAt = -1;
    private int _lineNumber;
    private string? _pending; // a line (with its line break) handed out a character at a time
    private int _position;

    public AddedLabelColumn(TextReader inner, char separator, string sourceName, string? scoreColumn)
    {
        _inner = inner;
        _separator = separator;
        _sourceName = sourceName;
        _scoreColumn = scoreColumn;
        _suffix = separator + CsvLine.Quote(UnlabeledCsv.NoClass, separator);
    }

    /// <summary>The score of every data line read so far, in order.</summary>
    public IReadOnlyList<double> Scores => _scores;

    public override string? ReadLine()
    {
        if (_pending is not null)
        {
            // The rest of a line partly read a character at a time.
            var rest = _pending[_position..^1];
            _pending = null;
            return rest;
        }

        return Next();
    }

    public override int Peek()
    {
        if (_pending is null && !Fill())
        {
            return -1;
        }

        return _pending![_position];
    }

    public override int Read()
    {
        var next = Peek();
        if (next >= 0 && ++_position == _pending!.Length)
        {
            _pending = null;
        }

        return next;
    }

    private bool Fill()
    {
        var line = Next();
        if (line is null)
        {
            return false;
        }

        _pending = line + "\n";
        _position = 0;
        return true;
    }

    private string? Next()
    {
        var line = _inner.ReadLine();
        if (line is null)
        {
            return null;
        }

        _lineNumber++;
        if (_columns < 0)
        {
            var header = CsvLine.Split(line, _separator, _sourceName, _lineNumber);
            _columns = header.Count;
            if (header.Any(c => c.Trim() == Name))
            {
                throw new DataFormatException($"{_sourceName}: a column may not be named '{Name}'.");
            }

            if (_scoreColumn is not null)
            {
                _scoreAt = header.FindIndex(c => string.Equals(c.Trim(), _scoreColumn, StringComparison.Ordinal));
                if (_scoreAt < 0)
                {
                    throw new DataFormatException($"{_sourceName}: there is no score column '{_scoreColumn}'; the columns are {string.Join(", ", header)}.");
                }
            }

            return line + _separator + CsvLine.Quote(Name, _separator);
        }

        if (line.Length == 0)
        {
            return line; // the reader skips blank lines; so does the count of scores
        }

        var cells = CsvLine.Split(line, _separator, _sourceName, _lineNumber);
        if (cells.Count != _columns)
        {
            throw new DataFormatException($"{_sourceName} line {_lineNumber}: {cells.Count} cells, but the header has {_columns} columns.");
        }

        if (_scoreAt >= 0)
        {
            _scores.Add(Score(cells[_scoreAt].Trim()));
        }

        return line + _suffix;
    }

    private double Score(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
        {
            throw new DataFormatException($"{_sourceName} line {_lineNumber}, column '{_scoreColumn}': '{text}' is not a number.");
        }

        return double.IsFinite(score)
            ? score
            : throw new DataFormatException($"{_sourceName} line {_lineNumber}, column '{_scoreColumn}': '{text}' is not allowed; scores must be finite numbers.");
    }
}
