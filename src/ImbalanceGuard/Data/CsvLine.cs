using System.Text;

namespace ImbalanceGuard;

/// <summary>Splits and quotes one CSV line (RFC 4180: quoted cells, doubled quotes inside them).</summary>
internal static class CsvLine
{
    public static List<string> Split(string line, char separator, string sourceName, int lineNumber)
    {
        var cells = new List<string>();
        if (line.IndexOf('"', StringComparison.Ordinal) < 0)
        {
            var start = 0;
            for (var i = 0; i <= line.Length; i++)
            {
                if (i == line.Length || line[i] == separator)
                {
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

        cells.Add(cell.ToString());
        return cells;
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
