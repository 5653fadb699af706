using System.Globalization;
using System.Text;

namespace ImbalanceGuard;

/// <summary>Splits and quotes one CSV line (RFC 4180: quoted cells, doubled quotes inside them).</summary>
internal static class CsvLine
{
    /// <exception cref="DataFormatException">A quoted cell is not closed, or a cell is longer than <see cref="CsvLimits.MaxFieldLength"/>.</exception>
    public static List<string> Split(string line, char separator, string sourceName, int lineNumber, CsvLimits limits)
    {
        var cells = new List<string>();
        if (line.IndexOf('"', StringComparison.Ordinal) < 0)
        {
            var start = 0;
            for (var i = 0; i <= line.Length; i++)
            {
                if (i == line.Length || line[i] == separator)
                {
                    CheckLength(i - start, cells.Count, sourceName, lineNumber, limits);
                    cells.Add(line[start..i]);
                    start = i + 1;
                }
            }

            return cells;
        }

        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == separator)
            {
                CheckLength(cell.Length, cells.Count, sourceName, lineNumber, limits);
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (quoted)
        {
            throw new DataFormatException($"{sourceName} line {lineNumber}: a quoted cell is not closed.");
        }

        CheckLength(cell.Length, cells.Count, sourceName, lineNumber, limits);
        cells.Add(cell.ToString());
        return cells;
    }

    /// <exception cref="DataFormatException">Cell <paramref name="cell"/> (from 0) is longer than <see cref="CsvLimits.MaxFieldLength"/>.</exception>
    public static void CheckLength(int length, int cell, string sourceName, int lineNumber, CsvLimits limits)
    {
        if (length > limits.MaxFieldLength)
        {
            throw new DataFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"{sourceName} line {lineNumber}, cell {cell + 1}: the cell is longer than {limits.MaxFieldLength:N0} characters; {limits.Raise(nameof(CsvLimits.MaxFieldLength))} if the file really has cells this long."));
        }
    }

    public static string Quote(string cell, char separator)
    {
        if (cell.IndexOfAny([separator, '"', '\n', '\r']) < 0)
        {
            return cell;
        }

        return "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
