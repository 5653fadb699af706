namespace ImbalanceGuard.Monitoring;

/// <summary>
/// Reads a CSV file without a label column — the current data a deployed model scores before anyone labels it — as
/// features for <see cref="DriftReport"/> and, when a score column is named, the scores for <see cref="PriorShift"/>.
/// </summary>
/// <remarks>
/// The features are read by the same reader as <see cref="Dataset.LoadCsv"/> (the same cell rules, categories and
/// messages), so a reference read with a label and a current file read without one get the same columns.
/// </remarks>
public static class UnlabeledCsv
{
    /// <summary>The one class every row of <see cref="UnlabeledData.Features"/> has: the file has no labels.</summary>
    public const string NoClass = "(unlabelled)";

    /// <summary>Reads <paramref name="path"/>: every column a feature except the score, weight and ignored columns.</summary>
    /// <param name="path">The CSV file, with a header row.</param>
    /// <param name="options">How to read it; its <see cref="CsvLoadOptions.LabelColumn"/> must be null (there is none). Null for the defaults.</param>
    /// <param name="scoreColumn">The column of the model's scores (finite numbers); not a feature. Null for none.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not usable, or the score column is missing or holds a cell that is not a finite number; the message says where.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> names a label column.</exception>
    public static UnlabeledData Load(string path, CsvLoadOptions? options = null, string? scoreColumn = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader, options, scoreColumn, Path.GetFileName(path));
    }

    /// <summary>
    /// Reads only the score column of <paramref name="path"/>: for a file that holds the model's scores and nothing to
    /// compare besides (no feature column), which <see cref="Load"/> refuses.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is empty or has no data rows, the score column is missing, a line has the wrong number of cells, or a score is not a finite number.</exception>
    public static IReadOnlyList<double> LoadScores(string path, string scoreColumn, char separator = ',')
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(scoreColumn);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        var source = Path.GetFileName(path);
        using var file = new StreamReader(path);
        using var lines = new AddedLabelColumn(file, separator, source, scoreColumn);
        if (lines.ReadLine() is null)
        {
            throw new DataFormatException($"{source}: the file is empty; expected a header row.");
        }

        while (lines.ReadLine() is not null)
        {
            // Each line is checked and its score taken as it is read.
        }

        return lines.Scores.Count > 0 ? lines.Scores : throw new DataFormatException($"{source}: there are no data rows after the header.");
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

        using var labelled = new AddedLabelColumn(reader, options.Separator, sourceName, scoreColumn);
        var features = Dataset.ReadCsv(
            labelled,
            new CsvLoadOptions
            {
                LabelColumn = AddedLabelColumn.Name,
                CategoricalColumns = options.CategoricalColumns,
                AllFeaturesCategorical = options.AllFeaturesCategorical,
                TextColumnsAsCategorical = options.TextColumnsAsCategorical,
                IgnoreColumns = scoreColumn is null ? options.IgnoreColumns : [.. options.IgnoreColumns ?? [], scoreColumn],
                CategoricalHint = options.CategoricalHint,
                WeightColumn = options.WeightColumn,
                Separator = options.Separator,
            },
            sourceName);
        return new UnlabeledData(features, scoreColumn is null ? null : labelled.Scores);
    }
}
