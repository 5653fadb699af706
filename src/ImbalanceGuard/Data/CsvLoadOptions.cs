namespace ImbalanceGuard;

/// <summary>How to read a CSV file into a <see cref="Dataset"/>.</summary>
public sealed class CsvLoadOptions
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

    /// <summary>A column of per-row weights (not a feature); default none.</summary>
    public string? WeightColumn { get; init; }

    /// <summary>The cell separator; default a comma.</summary>
    public char Separator { get; init; } = ',';
}
