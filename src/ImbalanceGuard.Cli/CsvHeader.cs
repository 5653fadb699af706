using System.Text;

namespace ImbalanceGuard.Cli;

/// <summary>The column names of a CSV file's header row, read before the file is loaded.</summary>
internal static class CsvHeader
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is empty.</exception>
    public static IReadOnlyList<string> Read(string path, char separator = ',')
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        using var reader = new StreamReader(path);
        var line = reader.ReadLine()
            ?? throw new DataFormatException($"{Path.GetFileName(path)}: the file is empty; expected a header row.");
        return Split(line, separator);
    }

    /// <summary>RFC 4180 cells: quoted cells may hold the separator, and "" inside quotes is one quote.</summary>
    private static List<string> Split(string line, char separator)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == separator && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
