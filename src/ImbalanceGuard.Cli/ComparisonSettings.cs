using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Cli;

/// <summary>What <c>compare</c> (and <c>report</c>) were asked to compare.</summary>
/// <param name="CsvPath">The dataset.</param>
/// <param name="Load">How to read the dataset (label, separator, ignored and categorical columns).</param>
/// <param name="Positive">The class to find, or null for the rarest.</param>
/// <param name="Model">The base model.</param>
/// <param name="Strategies">Strategy names.</param>
/// <param name="Folds">Stratified folds.</param>
/// <param name="Repeats">Repeats of the k-fold.</param>
/// <param name="Seed">Seeds everything.</param>
/// <param name="Parameters">Sampler parameters by strategy (<c>--param smote.k_neighbors=3</c>).</param>
/// <param name="Objective">What each fold's threshold is tuned for, as <c>--objective</c> gave it (F1 by default).</param>
/// <param name="TimeColumn">The column that orders the rows in time (time-ordered folds), or null.</param>
/// <param name="Gap">Rows left out between each time-ordered training side and its fold.</param>
/// <param name="GroupColumn">The column whose groups stay whole in one fold, or null.</param>
/// <param name="RankByObjective">Whether <c>--objective</c> was given, so the strategies are ranked by it rather than by average precision.</param>
/// <param name="RowsPerDay">Rows scored per day, to give the recommended threshold's alerts per day; null for none.</param>
internal sealed record ComparisonSettings(
    string CsvPath,
    CsvLoadOptions Load,
    string? Positive,
    string Model,
    IReadOnlyList<string> Strategies,
    int Folds,
    int Repeats,
    int Seed,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parameters,
    ThresholdObjective Objective,
    string? TimeColumn = null,
    int Gap = 0,
    string? GroupColumn = null,
    bool RankByObjective = false,
    double? RowsPerDay = null);
