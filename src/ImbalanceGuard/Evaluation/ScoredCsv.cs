using System.Globalization;

namespace ImbalanceGuard.Evaluation;

/// <summary>
/// Reads a model's scores from a CSV file: a label column and a score column by name (other columns are
/// ignored). The labels must be exactly two classes; the positive class is the one named, else <c>1</c> when
/// the labels are 0 and 1, else the rarer class.
/// </summary>
public static class ScoredCsv
{
    /// <summary>Reads the two columns, and the group of each row from <paramref name="groupColumn"/> when one is named.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="labelColumn">The label column: exactly two classes.</param>
    /// <param name="scoreColumn">The score column.</param>
    /// <param name="positiveClass">The positive class; null for 1 with 0/1 labels, else the rarer class.</param>
    /// <param name="separator">The cell separator.</param>
    /// <param name="groupColumn">A column whose cells (as text, trimmed) name each row's group, for <see cref="SubgroupEvaluation"/>; null for none.</param>
    /// <param name="limits">How long a line and a cell may be and how many columns the file may have; null for <see cref="CsvLimits.Default"/>.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">A column is missing, a score is not a finite number, the labels are not exactly two classes, or the text is beyond the limits, holds a NUL character or bytes that are not UTF-8.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1.</exception>
    public static ScoredData Load(string path, string labelColumn, string scoreColumn, string? positiveClass = null, char separator = ',', string? groupColumn = null, CsvLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(labelColumn);
        ArgumentException.ThrowIfNullOrEmpty(scoreColumn);
        limits ??= CsvLimits.Default;
        var source = Path.GetFileName(path);
        using var reader = CsvRecordReader.Open(path, limits);
        var columns = reader.ReadHeader(separator);
        var labelAt = Find(columns, labelColumn, "label", source);
        var scoreAt = Find(columns, scoreColumn, "score", source);
        var groupAt = groupColumn is null ? -1 : Find(columns, groupColumn, "group", source);
        var groups = new List<string>();
        var labels = new List<string>();
        var scores = new List<double>();
        string? line;
        while ((line = reader.Read()) is not null)
        {
            var lineNumber = reader.LineNumber;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = CsvLine.Split(line, separator, source, lineNumber, limits);
            if (cells.Count != columns.Count)
            {
                throw new DataFormatException($"{source} line {lineNumber}: {cells.Count} cells, but the header has {columns.Count} columns.");
            }

            var label = cells[labelAt].Trim();
            if (label.Length == 0)
            {
                throw new DataFormatException($"{source} line {lineNumber}, column '{labelColumn}': the label is empty.");
            }

            var text = cells[scoreAt].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                throw new DataFormatException($"{source} line {lineNumber}, column '{scoreColumn}': '{text}' is not a number.");
            }

            if (!double.IsFinite(score))
            {
                throw new DataFormatException($"{source} line {lineNumber}, column '{scoreColumn}': '{text}' is not allowed; scores must be finite numbers.");
            }

            labels.Add(label);
            scores.Add(score);
            if (groupAt >= 0)
            {
                groups.Add(cells[groupAt].Trim());
            }
        }

        if (labels.Count == 0)
        {
            throw new DataFormatException($"{source}: there are no data rows after the header.");
        }

        var classes = ClassOrder.Sort(labels);
        if (classes.Length != 2)
        {
            throw new DataFormatException(classes.Length == 1
                ? $"{source}: column '{labelColumn}' has only class '{classes[0]}'; binary metrics need both classes."
                : $"{source}: column '{labelColumn}' has {classes.Length} classes ({string.Join(", ", classes.Take(6))}); binary metrics need exactly two.");
        }

        var positive = positiveClass
            ?? (classes[0] == "0" && classes[1] == "1" ? "1" : classes.MinBy(c => labels.Count(l => l == c))!);
        if (Array.IndexOf(classes, positive) < 0)
        {
            throw new DataFormatException($"{source}: the positive class '{positive}' is not in column '{labelColumn}'; its classes are {classes[0]} and {classes[1]}.");
        }

        var negative = classes[0] == positive ? classes[1] : classes[0];
        return new ScoredData(BinaryScores.Create([.. labels.Select(l => l == positive)], [.. scores]), positive, negative)
        {
            Groups = groupAt >= 0 ? groups : null,
        };
    }

    private static int Find(List<string> columns, string name, string role, string source)
    {
        var index = columns.FindIndex(c => string.Equals(c.Trim(), name, StringComparison.Ordinal));
        return index >= 0
            ? index
            : throw new DataFormatException($"{source}: there is no {role} column '{name}'; the columns are {string.Join(", ", columns)}.");
    }
}
