using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Pipelines;

/// <summary>What one fold of a <see cref="CrossValidation"/> measured.</summary>
/// <param name="Index">The fold number within its repeat, from 0.</param>
/// <param name="Repeat">The repeat, from 0.</param>
/// <param name="TrainingRows">Rows of the fold's training side, before resampling.</param>
/// <param name="ResampledRows">Rows the learner was fitted on, after resampling.</param>
/// <param name="ValidationRows">Rows scored.</param>
/// <param name="Metrics">The metrics by <see cref="MetricNames"/> name; NaN where undefined (one class in the fold).</param>
public sealed record FoldResult(
    int Index,
    int Repeat,
    int TrainingRows,
    int ResampledRows,
    int ValidationRows,
    IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>The seconds <see cref="ImbalancePipeline.Fit"/> took on this fold.</summary>
    public double FitSeconds => Metrics[MetricNames.FitSeconds];

    /// <summary>The notes of the fold's resampling (see <see cref="FittedPipeline.SamplingNotes"/>); empty when there were none.</summary>
    public IReadOnlyList<SamplingNote> SamplingNotes { get; init; } = [];
}
