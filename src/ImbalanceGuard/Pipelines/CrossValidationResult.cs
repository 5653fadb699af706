using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// The result of a <see cref="CrossValidation"/>: per-fold metrics, their mean and spread, and the out-of-fold
/// positive-class probability of every row (from the one fold that held it out), ready for threshold tuning
/// and calibration on data no model trained on.
/// </summary>
public sealed class CrossValidationResult
{
    private readonly double[][] _outOfFold; // per repeat, per dataset row; NaN where no fold scored the row
    private readonly bool[] _isPositive;
    private readonly double[]? _weights;
    private BinaryScores? _scores;

    internal CrossValidationResult(IReadOnlyList<FoldResult> folds, double[][] outOfFold, bool[] isPositive, double[]? weights, string positiveClass)
    {
        Folds = folds;
        _outOfFold = outOfFold;
        _isPositive = isPositive;
        _weights = weights;
        PositiveClass = positiveClass;
        var names = folds.SelectMany(f => f.Metrics.Keys).Distinct(StringComparer.Ordinal).ToArray();
        Metrics = names.ToDictionary(
            n => n,
            n => MetricSummary.Of(folds.Select(f => f.Metrics.TryGetValue(n, out var v) ? v : double.NaN)),
            StringComparer.Ordinal);
        SamplingNotes = SamplingNoteSummary.Of(folds);
    }

    /// <summary>Every fold, in the order it ran.</summary>
    public IReadOnlyList<FoldResult> Folds { get; }

    /// <summary>
    /// The folds' sampling notes (<see cref="FoldResult.SamplingNotes"/>), one per sampler, class and kind of note,
    /// with how many folds it happened in; in the order they first happened. Empty when no fold had one.
    /// </summary>
    public IReadOnlyList<SamplingNoteSummary> SamplingNotes { get; }

    /// <summary>Each metric over the folds, by <see cref="MetricNames"/> name.</summary>
    public IReadOnlyDictionary<string, MetricSummary> Metrics { get; }

    /// <summary>
    /// Whether every fold's fitted pipeline gave calibrated probabilities (see
    /// <see cref="FittedPipeline.ProbabilitiesCalibrated"/>); when false the out-of-fold probabilities overstate the
    /// positive class, though their ranking and thresholds tuned on them hold.
    /// </summary>
    public bool ProbabilitiesCalibrated { get; internal init; } = true;

    /// <summary>
    /// The folds whose threshold met every constraint of the objective on their validation rows (<see cref="MetricNames.ConstraintsMet"/>
    /// is 1); 0 when the threshold was not tuned for an objective.
    /// </summary>
    public int ConstraintsMetFolds => Folds.Count(f => f.Metrics.GetValueOrDefault(MetricNames.ConstraintsMet) == 1);

    /// <summary>The class whose probability was scored.</summary>
    public string PositiveClass { get; }

    /// <summary>How many repeats ran (each gives every row at most one out-of-fold score).</summary>
    public int Repeats => _outOfFold.Length;

    /// <summary>The total seconds spent fitting, over all folds.</summary>
    public double FitSeconds => Folds.Sum(f => f.FitSeconds);

    /// <summary>The summary of one metric.</summary>
    /// <exception cref="KeyNotFoundException">No fold reported the metric (decision metrics need a threshold).</exception>
    public MetricSummary this[string metric] => Metrics.TryGetValue(metric, out var summary)
        ? summary
        : throw new KeyNotFoundException($"No fold reported '{metric}'; the metrics are {string.Join(", ", Metrics.Keys)}.");

    /// <summary>
    /// The out-of-fold positive-class probability of every dataset row in repeat <paramref name="repeat"/>, NaN for
    /// a row no fold scored (the first block of a time-ordered split).
    /// </summary>
    public IReadOnlyList<double> OutOfFoldProbabilities(int repeat = 0) => _outOfFold[repeat];

    /// <summary>
    /// The out-of-fold scores of the first repeat with their labels (rows no fold scored left out): tune a
    /// threshold or fit a calibrator on these, never on a holdout you then report.
    /// </summary>
    public BinaryScores OutOfFoldScores => _scores ??= ScoresOf(0);

    /// <summary>The out-of-fold scores of repeat <paramref name="repeat"/>, rows no fold scored left out.</summary>
    public BinaryScores ScoresOf(int repeat)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(repeat);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(repeat, Repeats);
        var scores = _outOfFold[repeat];
        var rows = Enumerable.Range(0, scores.Length).Where(i => !double.IsNaN(scores[i])).ToArray();
        return BinaryScores.Create(
            rows.Select(i => _isPositive[i]).ToArray(),
            rows.Select(i => scores[i]).ToArray(),
            _weights is null ? default : rows.Select(i => _weights[i]).ToArray());
    }
}
