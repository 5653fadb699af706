namespace ImbalanceGuard;

/// <summary>What the header of a CSV file says about its data lines: which column is what.</summary>
/// <param name="SourceName">The file's name in error messages.</param>
/// <param name="Separator">The cell separator.</param>
/// <param name="Columns">The header's column names.</param>
/// <param name="FeatureColumns">The column of each feature.</param>
/// <param name="Categorical">Whether each feature is categorical.</param>
/// <param name="LabelColumn">The label's column, or -1 for a file without labels (every row has <paramref name="ConstantLabel"/>).</param>
/// <param name="WeightColumn">The weights' column, or -1.</param>
/// <param name="CategoricalHint">How to declare a column categorical, for the error of text in a numeric column ({0}: the column).</param>
/// <param name="Limits">How long a cell may be.</param>
/// <param name="ConstantLabel">The class of every row of a file without labels; null when there is a label column.</param>
/// <param name="ScoreColumn">A column of model scores taken aside as numbers (not a feature), or -1.</param>
internal sealed record CsvLayout(
    string SourceName,
    char Separator,
    IReadOnlyList<string> Columns,
    int[] FeatureColumns,
    bool[] Categorical,
    int LabelColumn,
    int WeightColumn,
    string CategoricalHint,
    CsvLimits Limits,
    string? ConstantLabel = null,
    int ScoreColumn = -1);
