using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// Data lines of a CSV file, a batch at a time, checked and parsed into numbers side by side: parsing numbers
/// is most of the time of loading a file. Each line is checked on its own, in the order
/// reading it alone would check it, and the error of the first failing line in file order is the one thrown,
/// so a file fails with the same message however many threads read it.
/// </summary>
internal sealed class CsvRowBatch
{
    // About a quarter of a million values a batch, split into sixteen tasks.
    private const int BatchValues = 1 << 18;
    private const int MaxLines = 4096;
    private const int Tasks = 16;

    // And at most this much text, so that long lines (each up to CsvLimits.MaxLineLength) cannot pile up.
    private const long BatchCharacters = 1 << 24;

    private readonly CsvLayout _layout;
    private readonly int _d;
    private readonly int _capacity;
    private readonly int _linesPerTask;
    private readonly string[] _lines;
    private readonly int[] _lineNumbers;
    private readonly double[] _values;      // line i's features at i * d
    private readonly string?[] _categories; // the text of categorical features, same places (none without them)
    private readonly string[] _labelTexts;  // the string holding each line's label, and where in it
    private readonly int[] _labelStarts;
    private readonly int[] _labelLengths;
    private readonly double[] _weights;
    private readonly double[] _scores;
    private readonly DataFormatException?[] _errors = new DataFormatException?[Tasks];
    private long _characters;

    public CsvRowBatch(CsvLayout layout)
    {
        _layout = layout;
        _d = layout.FeatureColumns.Length;
        _capacity = Math.Clamp(BatchValues / Math.Max(_d, 1), Tasks, MaxLines);
        _linesPerTask = _capacity / Tasks;
        _lines = new string[_capacity];
        _lineNumbers = new int[_capacity];
        _values = new double[_capacity * _d];
        _categories = layout.Categorical.Contains(true) ? new string?[_capacity * _d] : [];
        _labelTexts = new string[_capacity];
        _labelStarts = new int[_capacity];
        _labelLengths = new int[_capacity];
        _weights = new double[_capacity];
        _scores = layout.ScoreColumn >= 0 ? new double[_capacity] : [];
    }

    /// <summary>The lines added since the batch was last cleared.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == _capacity || _characters >= BatchCharacters;

    public void Add(string line, int lineNumber)
    {
        _lines[Count] = line;
        _lineNumbers[Count++] = lineNumber;
        _characters += line.Length;
    }

    public void Clear()
    {
        Count = 0;
        _characters = 0;
    }

    /// <summary>Parses every line added, on several threads when there are many.</summary>
    /// <exception cref="DataFormatException">A line is not usable; the first such line in file order.</exception>
    public void Parse()
    {
        var tasks = (Count + _linesPerTask - 1) / _linesPerTask;
        Array.Clear(_errors);
        if (tasks > 1)
        {
            Parallel.For(0, tasks, ParseTask);
        }
        else if (tasks == 1)
        {
            ParseTask(0);
        }

        foreach (var error in _errors)
        {
            if (error is not null)
            {
                throw error;
            }
        }
    }

    /// <summary>The features of every line, line after line; a categorical feature's value is set later from its text.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count * _d);

    /// <summary>The text of categorical feature <paramref name="feature"/> of line <paramref name="row"/>.</summary>
    public string Category(int row, int feature) => _categories[(row * _d) + feature]!;

    /// <summary>The text of line <paramref name="row"/> as read (a quoted record's line breaks included).</summary>
    public string Line(int row) => _lines[row];

    /// <summary>The line number of line <paramref name="row"/> in the file, for messages.</summary>
    public int LineNumber(int row) => _lineNumbers[row];

    public ReadOnlySpan<char> Label(int row) => _labelTexts[row].AsSpan(_labelStarts[row], _labelLengths[row]);

    public double Weight(int row) => _weights[row];

    public double Score(int row) => _scores[row];

    private void ParseTask(int task)
    {
        var cells = new CsvCells();
        var end = Math.Min(Count, (task + 1) * _linesPerTask);
        for (var row = task * _linesPerTask; row < end; row++)
        {
            try
            {
                ParseLine(row, cells);
            }
            catch (DataFormatException error)
            {
                // Later lines of the task cannot fail first.
                _errors[task] = error;
                return;
            }
        }
    }

    private void ParseLine(int row, CsvCells cells)
    {
        var layout = _layout;
        var sourceName = layout.SourceName;
        var columns = layout.Columns;
        var lineNumber = _lineNumbers[row];
        cells.Read(_lines[row], layout.Separator, sourceName, lineNumber, layout.Limits);
        if (cells.Count != columns.Count)
        {
            throw new DataFormatException(
                $"{sourceName} line {lineNumber}: {cells.Count} cells, but the header has {columns.Count} columns.");
        }

        var values = _values.AsSpan(row * _d, _d);
        for (var j = 0; j < _d; j++)
        {
            var column = layout.FeatureColumns[j];
            if (layout.Categorical[j])
            {
                var text = cells[column].Trim();
                if (text.Length == 0)
                {
                    throw new DataFormatException(
                        $"{sourceName} line {lineNumber}, column '{columns[column]}': the cell is empty; missing values must be imputed first.");
                }

                _categories[(row * _d) + j] = text.ToString();
                values[j] = 0;
            }
            else
            {
                values[j] = ParseNumber(cells[column], sourceName, lineNumber, columns[column], layout.CategoricalHint);
            }
        }

        if (layout.ScoreColumn >= 0)
        {
            _scores[row] = ParseNumber(cells[layout.ScoreColumn], sourceName, lineNumber, columns[layout.ScoreColumn], null, FiniteScores);
        }

        var (labelText, start, length) = layout.ConstantLabel is { } constant ? (constant, 0, constant.Length) : cells.Locate(layout.LabelColumn);
        var label = labelText.AsSpan(start, length);
        var trimmed = label.Trim();
        if (trimmed.Length == 0)
        {
            throw new DataFormatException($"{sourceName} line {lineNumber}, column '{columns[layout.LabelColumn]}': the label is empty.");
        }

        _labelTexts[row] = labelText;
        _labelStarts[row] = start + (label.Length - label.TrimStart().Length);
        _labelLengths[row] = trimmed.Length;
        if (layout.WeightColumn >= 0)
        {
            var weight = ParseNumber(cells[layout.WeightColumn], sourceName, lineNumber, columns[layout.WeightColumn], null);
            if (weight < 0)
            {
                throw new DataFormatException($"{sourceName} line {lineNumber}, column '{columns[layout.WeightColumn]}': a weight cannot be negative.");
            }

            _weights[row] = weight;
        }
    }

    /// <summary>What a score cell that is not finite is told.</summary>
    public const string FiniteScores = "scores must be finite numbers";

    private const string FiniteValues = "values must be finite numbers (impute missing values first)";

    // categoricalHint: for a feature, how to declare it categorical (its text may be categories); null for weights and scores.
    public static double ParseNumber(ReadOnlySpan<char> cell, string sourceName, int lineNumber, string column, string? categoricalHint, string finiteRule = FiniteValues)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            throw new DataFormatException(
                $"{sourceName} line {lineNumber}, column '{column}': the cell is empty; missing values must be imputed first.");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            var hint = categoricalHint is null
                ? string.Empty
                : "; if the column holds categories, " + string.Format(CultureInfo.InvariantCulture, categoricalHint, column);
            throw new DataFormatException($"{sourceName} line {lineNumber}, column '{column}': '{text}' is not a number{hint}.");
        }

        if (!double.IsFinite(value))
        {
            throw new DataFormatException(
                $"{sourceName} line {lineNumber}, column '{column}': '{text}' is not allowed; {finiteRule}.");
        }

        return value;
    }
}
