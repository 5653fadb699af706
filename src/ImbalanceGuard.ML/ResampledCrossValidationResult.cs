using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Pipelines;

namespace ImbalanceGuard.ML;

/// <summary>
/// Cross-validation of an ML.NET estimator with resampling inside each fold: per-fold models and metrics, their
/// mean and spread, and the out-of-fold scores of every row for threshold tuning.
/// </summary>
public sealed class ResampledCrossValidationResult
{
    internal ResampledCrossValidationResult(IReadOnlyList<ResampledFold> folds, BinaryScores outOfFold, ScoreColumn scoreColumn)
    {
        Folds = folds;
        OutOfFoldScores = outOfFold;
        ScoreColumn = scoreColumn;
        Metrics = folds.SelectMany(f => f.Metrics.Keys).Distinct(StringComparer.Ordinal).ToDictionary(
            n => n,
            n => MetricSummary.Of(folds.Select(f => f.Metrics.TryGetValue(n, out var v) ? v : double.NaN)),
            StringComparer.Ordinal);
    }

    /// <summary>Every fold, in order.</summary>
    public IReadOnlyList<ResampledFold> Folds { get; }

    /// <summary>The out-of-fold scores of every row of the data (in its order) with their labels.</summary>
    public BinaryScores OutOfFoldScores { get; }

    /// <summary>Which column the scores are: probabilities or raw scores.</summary>
    public ScoreColumn ScoreColumn { get; }

    /// <summary>Each metric's mean and spread over the folds, by <see cref="MetricNames"/> name.</summary>
    public IReadOnlyDictionary<string, MetricSummary> Metrics { get; }

    /// <summary>The summary of one metric.</summary>
    /// <exception cref="KeyNotFoundException">No fold reported it.</exception>
    public MetricSummary this[string metric] => Metrics.TryGetValue(metric, out var summary)
        ? summary
        : throw new KeyNotFoundException($"No fold reported '{metric}'; the metrics are {string.Join(", ", Metrics.Keys)}.");
}
