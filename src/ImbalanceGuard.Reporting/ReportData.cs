using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Reporting;

/// <summary>What an <see cref="HtmlReport"/> shows: a dataset, the strategies compared on it, and how they were compared.</summary>
/// <param name="Title">The report's title, usually the file name of the data.</param>
/// <param name="Data">The data the strategies were cross-validated on (its classes, rows and features are described).</param>
/// <param name="Strategies">The strategies' cross-validations, best first (as <see cref="StrategyComparison"/> ranks them).</param>
/// <param name="Method">How they were compared, in words (model, folds, seed), shown under the table.</param>
public sealed record ReportData(string Title, LabeledData Data, IReadOnlyList<StrategyResult> Strategies, string Method)
{
    private readonly double? _rowsPerDay;

    /// <summary>
    /// For data with two features: the training rows after a sampler ran, drawn as a scatter of original and
    /// synthetic rows. Null for none.
    /// </summary>
    public TrainingSet? ResampledExample { get; init; }

    /// <summary>Strategies that were asked for but could not run on the data, each listed with its reason. Default none.</summary>
    public IReadOnlyList<SkippedStrategy> Skipped { get; init; } = [];

    /// <summary>
    /// What the strategies' thresholds were tuned for inside each training fold, and what the recommended threshold is
    /// tuned for on the best strategy's out-of-fold scores (constraints included). Default F1.
    /// </summary>
    public ThresholdObjective Objective { get; init; } = ThresholdObjective.F1;

    /// <summary>
    /// What was noticed about the data itself (an identifier read as a feature, a constant column, identical rows
    /// with different labels), one sentence each, shown in the data section. Default none.
    /// </summary>
    public IReadOnlyList<string> DataNotes { get; init; } = [];

    /// <summary>
    /// Whether <see cref="Strategies"/> are ranked by <see cref="Objective"/> (<see cref="StrategyComparison.Rank"/> with it)
    /// rather than by average precision; the verdict then gives the leader's margin in the objective's terms. Default false.
    /// </summary>
    public bool RankedByObjective { get; init; }

    /// <summary>
    /// The rows the model will score in a day, so that the verdict can say how many alerts a day the recommended
    /// threshold raises; null (the default) to leave it out.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a positive finite number.</exception>
    public double? RowsPerDay
    {
        get => _rowsPerDay;
        init => _rowsPerDay = value is null || (value > 0 && double.IsFinite(value.Value))
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RowsPerDay), value, "Rows per day must be a positive number.");
    }
}
