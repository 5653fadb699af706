using System.Globalization;

namespace ImbalanceGuard.Scale;

/// <summary>
/// A CSV file read in passes for an exact selection: the first pass counts the rows of each class (and checks the
/// time cells), each later pass reads only the label (or time) cell of every record, so memory stays a few counters
/// per class whatever the file's size.
/// </summary>
internal sealed class CsvSelection
{
    private readonly char _separator;
    private readonly CsvLimits _limits;

    private CsvSelection(string path, char separator, CsvLimits limits)
    {
        Path = path;
        _separator = separator;
        _limits = limits;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The header's column names.</summary>
    public IReadOnlyList<string> Columns { get; private set; } = [];

    /// <summary>The header record as written.</summary>
    public string HeaderText { get; private set; } = string.Empty;

    /// <summary>The label column's name.</summary>
    public string LabelName { get; private set; } = string.Empty;

    /// <summary>The classes and their rows.</summary>
    public ClassTable Classes { get; } = new();

    /// <summary>The data rows.</summary>
    public long Rows { get; private set; }

    private int LabelIndex { get; set; }

    private int TimeIndex { get; set; } = -1;

    private bool TimesAreNumbers { get; set; }

    /// <summary>
    /// Reads the file once: its header, its classes and, with <paramref name="timeColumn"/>, whether every time cell
    /// is a number or every one a date and time.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The file is unreadable as CSV, lacks a column named, has an empty label, too many classes, or time cells that are empty or neither numbers nor dates.</exception>
    public static CsvSelection Count(string path, char separator, CsvLimits limits, string? labelColumn, string? timeColumn)
    {
        var selection = new CsvSelection(path, separator, limits);
        using var rows = CsvRowStream.Open(path, separator, limits);
        selection.Columns = rows.Columns;
        selection.HeaderText = rows.HeaderText;
        selection.LabelIndex = labelColumn is null ? rows.Columns.Count - 1 : selection.Require(labelColumn);
        selection.LabelName = rows.Columns[selection.LabelIndex];
        selection.TimeIndex = timeColumn is null ? -1 : selection.Require(timeColumn);
        long empty = 0;
        bool numbers = true, timestamps = true;
        string? neither = null, notNumber = null;
        while (rows.Next())
        {
            selection.Classes.Add(selection.Label(rows), selection.LabelName);
            if (selection.TimeIndex >= 0)
            {
                var cell = rows.Cell(selection.TimeIndex).Trim();
                if (cell.IsEmpty)
                {
                    empty++;
                    continue;
                }

                var number = TimeKeys.TryNumber(cell, out _);
                var timestamp = timestamps && TimeKeys.TryTimestamp(cell, out _);
                numbers &= number;
                timestamps &= timestamp;
                notNumber ??= number ? null : cell.ToString();
                if (neither is null && !number && !timestamp && !TimeKeys.TryTimestamp(cell, out _))
                {
                    neither = cell.ToString();
                }
            }
        }

        selection.Rows = rows.RowId + 1;
        if (empty > 0)
        {
            throw new DataFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: {empty} rows have no value in the time column '{timeColumn}'; a time-ordered split needs a time on every row."));
        }

        if (selection.TimeIndex >= 0 && !numbers && !timestamps)
        {
            throw new DataFormatException(
                $"{path}: the time column '{timeColumn}' holds '{neither ?? notNumber}', neither a number nor a date and time; a time-ordered split needs one of them in every row.");
        }

        selection.TimesAreNumbers = numbers;
        return selection;
    }

    /// <summary>Reads the file again, calling <paramref name="onRow"/> with each row and its class index.</summary>
    /// <exception cref="DataFormatException">The file now has a class it did not have in the first pass.</exception>
    public void Scan(Action<CsvRowStream, int> onRow)
    {
        using var rows = CsvRowStream.Open(Path, _separator, _limits);
        while (rows.Next())
        {
            var label = Label(rows);
            var index = Classes.IndexOf(label);
            if (index < 0)
            {
                throw new DataFormatException(rows.At($"column '{LabelName}': class '{label}' was not in the file a moment ago; the file changed while it was read."));
            }

            onRow(rows, index);
        }
    }

    /// <summary>The time key of the row last read (after <see cref="Count"/> checked every time cell).</summary>
    public ulong TimeKey(CsvRowStream row)
    {
        var cell = row.Cell(TimeIndex).Trim();
        if (TimesAreNumbers && TimeKeys.TryNumber(cell, out var number))
        {
            return TimeKeys.Of(number);
        }

        return !TimesAreNumbers && TimeKeys.TryTimestamp(cell, out var time)
            ? TimeKeys.Of(time)
            : throw new DataFormatException(row.At($"column '{Columns[TimeIndex]}': '{cell}' is not a time; the file changed while it was read."));
    }

    /// <summary>Per class, where its <paramref name="targets"/> rows with the lowest seeded hashes of their row ids end.</summary>
    public KeyBoundary[] HashBoundaries(IReadOnlyList<long> targets, int seed, long budgetBytes)
    {
        var search = new RadixSelection(Classes.Rows, targets, keyBits: 31, budgetBytes);
        while (search.NeedsPass)
        {
            Scan((row, c) => search.Add(c, (ulong)PortableHash.Compute(row.RowId, seed)));
            search.EndPass();
        }

        return [.. Enumerable.Range(0, Classes.Names.Count).Select(search.Boundary)];
    }

    /// <summary>Where the <paramref name="target"/> rows with the earliest times end.</summary>
    public KeyBoundary TimeBoundary(long target, long budgetBytes)
    {
        var search = new RadixSelection([Rows], [target], keyBits: 64, budgetBytes);
        while (search.NeedsPass)
        {
            Scan((row, _) => search.Add(0, TimeKey(row)));
            search.EndPass();
        }

        return search.Boundary(0);
    }

    private ReadOnlySpan<char> Label(CsvRowStream rows)
    {
        var label = rows.Cell(LabelIndex).Trim();
        return label.IsEmpty
            ? throw new DataFormatException(rows.At($"column '{LabelName}': the label is empty."))
            : label;
    }

    private int Require(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new DataFormatException(
            $"{Path} has no column '{column}'; its columns are {string.Join(", ", Columns.Take(12))}{(Columns.Count > 12 ? ", …" : string.Empty)}.");
    }
}
