namespace ImbalanceGuard.Scale;

/// <summary>What the engine counts in a labelled file in two streamed passes: rows, class counts, features, constant columns.</summary>
/// <param name="Rows">The number of data rows.</param>
/// <param name="LabelColumn">The label column.</param>
/// <param name="Features">The number of feature columns (all but the label and the ignored ones).</param>
/// <param name="ClassCounts">The rows of each class, in the in-memory class order.</param>
/// <param name="ConstantColumns">The feature columns with one value in every row, in file order.</param>
public sealed record StreamedProfile(long Rows, string LabelColumn, int Features, IReadOnlyList<KeyValuePair<string, long>> ClassCounts, IReadOnlyList<ConstantColumn> ConstantColumns);
