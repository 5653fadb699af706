using System.Diagnostics;
using System.Globalization;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// Leakage-safe cross-validation: the whole <see cref="ImbalancePipeline"/> — preprocessing, resampling,
/// class weights, training, calibration and threshold tuning — is fitted inside each fold's training side and
/// scored on the fold's untouched validation rows. Resampling before the folds cannot happen here: the
/// pipeline resamples inside <see cref="ImbalancePipeline.Fit"/> and nowhere else.
/// </summary>
public static class CrossValidation
{
    /// <summary>Runs <paramref name="pipeline"/> through every fold of <paramref name="splitter"/> on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The pipeline cannot be fitted on a fold (see <see cref="ImbalancePipeline.Fit"/>).</exception>
    /// <exception cref="LeakageException">A validation fold leaks (a splitter that is not the library's may cause it).</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    public static CrossValidationResult Run(ImbalancePipeline pipeline, Dataset data, IFoldSplitter splitter, CrossValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(splitter);
        options ??= new CrossValidationOptions();
        var cancellation = options.CancellationToken;
        cancellation.ThrowIfCancellationRequested();

        var positiveClass = PositiveClass(pipeline, data);
        pipeline = pipeline.WithPositiveClass(data.Schema.ClassNames[positiveClass]);

        // Minutes of folds must not end on a class a fold makes too small: the counts tell before any fit.
        if (Check(pipeline, data, splitter) is { } problem)
        {
            throw problem switch
            {
                { Sampler: null } => new ArgumentException(problem.Reason, nameof(data)),
                { Parameter: { } parameter, WorkableValue: { } value } => new SamplingException(string.Create(CultureInfo.InvariantCulture, $"{problem.Reason} Lower {parameter} to {value}.")),
                _ => new SamplingException(problem.Reason),
            };
        }

        var total = splitter.SplitCount;
        var folds = new List<FoldResult>(total);
        var outOfFold = new List<double[]>();
        var calibrated = true;
        foreach (var fold in splitter.Split(data))
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            // A constrained objective no threshold meets on a training side is that fold's finding, not a failure.
            // Time-ordered inner folds follow the splitter's times when it has them, row order otherwise.
            var times = pipeline.TimeOrderedInnerFolds && pipeline.NeedsInnerFolds ? InnerSplit.TimesOf(splitter, fold) : null;
            var fitted = pipeline.FitCore(fold.Training, unreachableLeavesNoThreshold: true, cancellation, times);
            var seconds = clock.Elapsed.TotalSeconds;
            var scores = fitted.Score(fold.Validation, options.LeakageChecks);
            calibrated &= fitted.ProbabilitiesCalibrated;
            while (outOfFold.Count <= fold.Repeat)
            {
                outOfFold.Add(Enumerable.Repeat(double.NaN, data.RowCount).ToArray());
            }

            var rows = fold.Split.HoldoutRows;
            for (var i = 0; i < rows.Count; i++)
            {
                outOfFold[fold.Repeat][rows[i]] = scores.Scores[i];
            }

            var result = new FoldResult(
                fold.Index,
                fold.Repeat,
                fold.Training.RowCount,
                fitted.Resampling.Count == 0 ? fold.Training.RowCount : fitted.Resampling[^1].CountsAfter.Values.Sum(),
                fold.Validation.RowCount,
                Measure(scores, fitted.Threshold, fitted.RowThresholds(fold.Validation), pipeline.Threshold.Objective, seconds))
            {
                SamplingNotes = fitted.SamplingNotes,
            };
            if (fitted.SecondStageShare(fold.Validation) is { } share)
            {
                result = result with { Metrics = new Dictionary<string, double>(result.Metrics, StringComparer.Ordinal) { [MetricNames.SecondStageShare] = share } };
            }

            folds.Add(result);
            options.Progress?.Report(new CrossValidationProgress(folds.Count, Math.Max(total, folds.Count), result));
        }

        if (folds.Count == 0)
        {
            throw new ArgumentException("The splitter made no folds.", nameof(splitter));
        }

        var isPositive = new bool[data.RowCount];
        for (var i = 0; i < isPositive.Length; i++)
        {
            isPositive[i] = data.Labels[i] == positiveClass;
        }

        return new CrossValidationResult(folds, [.. outOfFold], isPositive, data.HasWeights ? data.Weights.ToArray() : null, data.Schema.ClassNames[positiveClass])
        {
            ProbabilitiesCalibrated = calibrated,
        };
    }

    /// <summary>
    /// What keeps <paramref name="pipeline"/> from running on the folds of <paramref name="splitter"/>, found from class
    /// counts alone before anything is fitted: a class that some training fold, or some inner fold the pipeline
    /// uses for calibration or threshold tuning, leaves with fewer rows than a sampler's neighbours need; a
    /// sampling strategy those counts cannot meet; or too few positive rows for the inner folds (with
    /// <see cref="ImbalancePipeline.TimeOrderedInnerFolds"/>: none in a training fold's earliest inner block or
    /// none in its scored blocks, or too few rows or too many equal times for the blocks). Null when the
    /// counts allow every fit (a fit can still fail on what counts do not show, such as every row alike).
    /// </summary>
    /// <exception cref="ArgumentException">The pipeline's positive class is not a class of the data, or the splitter cannot split it.</exception>
    public static CrossValidationProblem? Check(ImbalancePipeline pipeline, Dataset data, IFoldSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(splitter);
        var positive = PositiveClass(pipeline, data);
        var innerFolds = pipeline.NeedsInnerFolds ? pipeline.InnerFolds : 0;
        return FoldCounts.Of(data, splitter, innerFolds, pipeline.Seed, pipeline.TimeOrderedInnerFolds, positive)
            .Problem(pipeline.Samplers, positive, innerFolds);
    }

    /// <summary>One positive class for every fold: the pipeline's, or the rarest class of the whole dataset.</summary>
    private static int PositiveClass(ImbalancePipeline pipeline, Dataset data)
        => pipeline.PositiveClass is { } named
            ? data.Schema.TryGetClassIndex(named, out var index) ? index : throw new ArgumentException($"The positive class '{named}' is not a class of the data ({string.Join(", ", data.Schema.ClassNames)}).", nameof(pipeline))
            : ImbalancePipeline.RarestClass(data.ClassCounts);

    /// <summary>
    /// Runs <paramref name="pipeline"/> through the folds of the training side of a split: choose a strategy or
    /// a threshold here, then look at the holdout once. The folds are made of the training rows only.
    /// </summary>
    /// <param name="pipeline">The pipeline to fit in every fold.</param>
    /// <param name="data">The training side as the split made it (not resampled: the pipeline resamples in each fold).</param>
    /// <param name="splitter">The folds.</param>
    /// <param name="options">Progress, cancellation and guard checks.</param>
    /// <exception cref="ArgumentException">The training set was resampled, or the pipeline cannot be fitted on a fold.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    public static CrossValidationResult Run(ImbalancePipeline pipeline, TrainingSet data, IFoldSplitter splitter, CrossValidationOptions? options = null)
        => Run(pipeline, FoldableRows(data), splitter, options);

    /// <summary>
    /// The training rows, with their provenance, as a dataset the folds can split; nothing public turns a
    /// training set back into a <see cref="Dataset"/>, and a resampled one never becomes one.
    /// </summary>
    /// <exception cref="ArgumentException">The training set was resampled.</exception>
    internal static Dataset FoldableRows(TrainingSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.IsResampled || data.SyntheticRowCount > 0)
        {
            throw new ArgumentException(
                "This training set was resampled; cross-validating it would validate on rows a sampler made or chose. Cross-validate the training side as the split made it, with the sampler in the pipeline.",
                nameof(data));
        }

        return new Dataset(data.Table);
    }

    /// <summary>
    /// The fold's metrics: threshold-free ones always, decision ones at the pipeline's threshold, and with a tuned
    /// threshold the objective's value and whether its constraints held. With per-segment thresholds
    /// (<paramref name="rowThresholds"/>), each row is judged at its segment's and <paramref name="threshold"/> is the global one.
    /// </summary>
    private static Dictionary<string, double> Measure(BinaryScores scores, double? threshold, double[]? rowThresholds, ThresholdObjective? objective, double seconds)
    {
        var bothClasses = scores.PositiveWeight > 0 && scores.NegativeWeight > 0;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [MetricNames.AveragePrecision] = scores.PositiveWeight > 0 ? BinaryMetrics.AveragePrecision(scores) : double.NaN,
            [MetricNames.RocAuc] = bothClasses ? BinaryMetrics.RocAuc(scores) : double.NaN,
            [MetricNames.Brier] = BinaryMetrics.BrierScore(scores),
            [MetricNames.LogLoss] = bothClasses ? BinaryMetrics.LogLoss(scores) : double.NaN,
            [MetricNames.FitSeconds] = seconds,
        };
        BinaryConfusion? decision = threshold is { } cut ? rowThresholds is null ? BinaryConfusion.At(scores, cut) : BinaryConfusion.At(scores, rowThresholds) : null;
        if (threshold is { } t)
        {
            var confusion = decision!.Value;
            metrics[MetricNames.Threshold] = t;
            metrics[MetricNames.Mcc] = confusion.MatthewsCorrelation;
            metrics[MetricNames.F1] = confusion.F1;
            metrics[MetricNames.F2] = confusion.FBeta(2);
            metrics[MetricNames.Recall] = confusion.Recall;
            metrics[MetricNames.Precision] = confusion.Precision;
            metrics[MetricNames.Specificity] = confusion.Specificity;
            metrics[MetricNames.BalancedAccuracy] = confusion.BalancedAccuracy;
        }

        if (objective is not null)
        {
            metrics[MetricNames.ObjectiveValue] = decision is { } c ? objective.ValueOf(c) : double.NaN;
            metrics[MetricNames.ConstraintsMet] = decision is { } met && objective.IsMetBy(met) ? 1 : 0;
        }

        return metrics;
    }
}
