namespace ImbalanceGuard.Cli;

/// <summary>What <c>compare</c> (and <c>report</c>) were asked to compare.</summary>
/// <param name="CsvPath">The dataset.</param>
/// <param name="Label">The label column, or null for the last.</param>
/// <param name="Model">The base model.</param>
/// <param name="Strategies">Strategy names.</param>
/// <param name="Folds">Stratified folds.</param>
/// <param name="Repeats">Repeats of the k-fold.</param>
/// <param name="Seed">Seeds everything.</param>
/// <param name="Parameters">Sampler parameters by strategy (<c>--param smote.k_neighbors=3</c>).</param>
internal sealed record ComparisonSettings(
    string CsvPath,
    string? Label,
    string Model,
    IReadOnlyList<string> Strategies,
    int Folds,
    int Repeats,
    int Seed,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parameters);
