namespace ImbalanceGuard;

/// <summary>How to read a CSV file into a <see cref="Dataset"/>.</summary>
public sealed record CsvLoadOptions
{
    /// <summary>The label column's name; default: the last column.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>
    /// Columns that hold categories rather than measurements. Their cells may be any text; text that is
    /// not a number is coded 0, 1, … in order of first appearance and written back as the same text.
    /// </summary>
    public IReadOnlyCollection<string>? CategoricalColumns { get; init; }

    /// <summary>Treat every feature column as categorical (for example for SMOTEN).</summary>
    public bool AllFeaturesCategorical { get; init; }

    /// <summary>
    /// Read a column as categorical when its first data cell is not a number (text such as <c>red</c>). The rule
    /// decides from the first data line, so reading still streams: a column that starts with a number stays
    /// numeric, and text further down it is an error naming the line and the column. Default false: every
    /// feature not named in <see cref="CategoricalColumns"/> must be numeric.
    /// </summary>
    public bool TextColumnsAsCategorical { get; init; }

    /// <summary>Columns to leave out: not features, not the label, not weights (identifiers, dates, notes). Default none.</summary>
    public IReadOnlyCollection<string>? IgnoreColumns { get; init; }

    /// <summary>
    /// How the caller's user declares a column categorical, added to the error for text in a numeric column;
    /// <c>{0}</c> stands for the column's name. Default: <c>list '{0}' in CategoricalColumns</c>.
    /// </summary>
    public string CategoricalHint { get; init; } = "list '{0}' in CategoricalColumns";

    /// <summary>A column of per-row weights (not a feature); default none.</summary>
    public string? WeightColumn { get; init; }

    /// <summary>How long a line and a cell may be and how many columns a file may have; default <see cref="CsvLimits.Default"/>.</summary>
    public CsvLimits Limits { get; init; } = CsvLimits.Default;

    /// <summary>The cell separator; default a comma.</summary>
    public char Separator { get; init; } = ',';
}
