using System.Globalization;

namespace ImbalanceGuard.Cli;

/// <summary>
/// A column that orders or groups the rows instead of being a feature (<c>--time-column</c>, <c>--group-column</c>):
/// its cell per row, read by the library's own CSV reader so the rows line up with the dataset's exactly.
/// </summary>
internal static class KeyColumn
{
    /// <summary>The cell of <paramref name="column"/> in every row, as text.</summary>
    /// <exception cref="ArgumentException">The file has no such column.</exception>
    public static string[] Cells(string path, string column, string option, CsvLoadOptions load)
    {
        var header = TableFile.Columns(path, load);
        if (!header.Contains(column, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{option} '{column}' is not a column of {Path.GetFileName(path)}; its columns are {string.Join(", ", header)}.");
        }

        // Read as if it were the label: the reader keeps each row's cell as a class name, in row order.
        var keyed = TableFile.LoadDataset(path, new CsvLoadOptions
        {
            LabelColumn = column,
            Separator = load.Separator,
            Limits = load.Limits,
            IgnoreColumns = [.. (load.IgnoreColumns ?? []).Where(c => c != column)],
            TextColumnsAsCategorical = true,
        });
        return [.. Enumerable.Range(0, keyed.RowCount).Select(keyed.GetClassName)];
    }

    /// <summary>The time of every row: all numbers, or all ISO-8601 dates or times (as UTC ticks).</summary>
    /// <exception cref="ArgumentException">The file has no such column, or a cell is neither.</exception>
    public static double[] Times(string path, string column, CsvLoadOptions load)
    {
        var cells = Cells(path, column, "--time-column", load);
        var times = new double[cells.Length];
        var numeric = cells.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x));
        for (var i = 0; i < cells.Length; i++)
        {
            if (numeric)
            {
                times[i] = double.Parse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            else if (DateTimeOffset.TryParse(cells[i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && LooksIso(cells[i]))
            {
                times[i] = time.UtcTicks;
            }
            else
            {
                throw new ArgumentException(
                    $"--time-column '{column}': row {i + 1} holds '{cells[i]}', which is neither a number nor an ISO-8601 time (2024-03-01 or 2024-03-01T14:30:00Z); every row needs one or the other.");
            }
        }

        return times;
    }

    /// <summary>Year first, as ISO 8601 writes it: '03/04/2024' is ambiguous and refused.</summary>
    private static bool LooksIso(string cell)
        => cell.Length >= 10 && char.IsAsciiDigit(cell[0]) && char.IsAsciiDigit(cell[3]) && cell[4] == '-' && cell[7] == '-';
}
