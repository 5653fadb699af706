namespace ImbalanceGuard;

/// <summary>What the header of a CSV file says about its data lines: which column is what.</summary>
/// <param name="SourceName">The file's name in error messages.</param>
/// <param name="Separator">The cell separator.</param>
/// <param name="Columns">The header's column names.</param>
/// <param name="FeatureColumns">The column of each feature.</param>
/// <param name="Categorical">Whether each feature is categorical.</param>
/// <param name="LabelColumn">The label's column.</param>
/// <param name="WeightColumn">The weights' column, or -1.</param>
/// <param name="CategoricalHint">How to declare a column categorical, for the error of text in a numeric column ({0}: the column).</param>
/// <param name="Limits">How long a cell may be.</param>
internal sealed record CsvLayout(
    string SourceName,
    char Separator,
    IReadOnlyList<string> Columns,
    int[] FeatureColumns,
    bool[] Categorical,
    int LabelColumn,
    int WeightColumn,
    string CategoricalHint,
    CsvLimits Limits);
