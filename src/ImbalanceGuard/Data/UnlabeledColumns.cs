namespace ImbalanceGuard;

/// <summary>How to read a CSV file that has no label column (data a deployed model scores before anyone labels it).</summary>
/// <param name="LabelName">The name the dataset's schema gives the label it does not have.</param>
/// <param name="ClassName">The one class every row gets.</param>
/// <param name="ScoreColumn">A column of model scores, taken aside as finite numbers and not a feature; null for none.</param>
internal sealed record UnlabeledColumns(string LabelName, string ClassName, string? ScoreColumn);
