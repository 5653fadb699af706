namespace ImbalanceGuard.Monitoring;

/// <summary>
/// Reads a CSV file without a label column — the current data a deployed model scores before anyone labels it — as
/// features for <see cref="DriftReport"/> and, when a score column is named, the scores for <see cref="PriorShift"/>.
/// </summary>
/// <remarks>
/// The features are read by the same reader as <see cref="Dataset.LoadCsv"/> (the same cell rules, categories, limits
/// and messages), so a reference read with a label and a current file read without one get the same columns.
/// </remarks>
public static class UnlabeledCsv
{
    /// <summary>The one class every row of <see cref="UnlabeledData.Features"/> has: the file has no labels.</summary>
    public const string NoClass = "(unlabelled)";

    /// <summary>The name <see cref="UnlabeledData.Features"/>' schema gives the label column the file does not have.</summary>
    public const string LabelName = "(no label)";

    /// <summary>Reads <paramref name="path"/>: every column a feature except the score, weight and ignored columns.</summary>
    /// <param name="path">The CSV file, with a header row.</param>
    /// <param name="options">How to read it; its <see cref="CsvLoadOptions.LabelColumn"/> must be null (there is none). Null for the defaults.</param>
    /// <param name="scoreColumn">The column of the model's scores (finite numbers); not a feature. Null for none.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not usable, or the score column is missing or holds a cell that is not a finite number; the message says where.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> names a label column.</exception>
    public static UnlabeledData Load(string path, CsvLoadOptions? options = null, string? scoreColumn = null)
    {
        options ??= new CsvLoadOptions();
        using var reader = CsvRecordReader.Open(path, options.Limits);
        return Read(reader, options, scoreColumn, Path.GetFileName(path));
    }

    /// <summary>
    /// Reads only the score column of <paramref name="path"/>: for a file that holds the model's scores and nothing to
    /// compare besides (no feature column), which <see cref="Load"/> refuses.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is empty or has no data rows, the score column is missing, a line has the wrong number of cells, or a score is not a finite number.</exception>
    public static IReadOnlyList<double> LoadScores(string path, string scoreColumn, char separator = ',', CsvLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(scoreColumn);
        limits ??= CsvLimits.Default;
        var source = Path.GetFileName(path);
        using var reader = CsvRecordReader.Open(path, limits);
        var columns = reader.ReadHeader(separator);
        var at = columns.FindIndex(c => string.Equals(c.Trim(), scoreColumn, StringComparison.Ordinal));
        if (at < 0)
        {
            throw new DataFormatException($"{source}: there is no score column '{scoreColumn}'; the columns are {string.Join(", ", columns)}.");
        }

        var scores = new List<double>();
        string? line;
        while ((line = reader.Read()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = CsvLine.Split(line, separator, source, reader.LineNumber, limits);
            if (cells.Count != columns.Count)
            {
                throw new DataFormatException($"{source} line {reader.LineNumber}: {cells.Count} cells, but the header has {columns.Count} columns.");
            }

            scores.Add(CsvRowBatch.ParseNumber(cells[at], source, reader.LineNumber, scoreColumn, null, CsvRowBatch.FiniteScores));
        }

        return scores.Count > 0 ? scores : throw new DataFormatException($"{source}: there are no data rows after the header.");
    }

    /// <summary>Reads CSV text as <see cref="Load"/> reads a file; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="DataFormatException">The text is not usable; the message says where and why.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> names a label column.</exception>
    public static UnlabeledData Read(TextReader reader, CsvLoadOptions? options = null, string? scoreColumn = null, string sourceName = "csv")
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new CsvLoadOptions();
        if (options.LabelColumn is not null)
        {
            throw new ArgumentException($"An unlabelled file has no label column; the options name '{options.LabelColumn}'.", nameof(options));
        }

        options.Limits.Validate();
        return Read(new CsvRecordReader(reader, sourceName, options.Limits), options, scoreColumn, sourceName);
    }

    private static UnlabeledData Read(CsvRecordReader reader, CsvLoadOptions options, string? scoreColumn, string sourceName)
    {
        if (options.LabelColumn is not null)
        {
            throw new ArgumentException($"An unlabelled file has no label column; the options name '{options.LabelColumn}'.", nameof(options));
        }

        var table = CsvDatasetReader.ReadTable(reader, options, sourceName, new UnlabeledColumns(LabelName, NoClass, scoreColumn));
        return new UnlabeledData(table.Data, table.Scores);
    }
}
