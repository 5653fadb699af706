using System.Diagnostics;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;
using Microsoft.ML;

namespace ImbalanceGuard.ML;

/// <summary>
/// ImbalanceGuard on <c>mlContext.BinaryClassification</c>: cross-validation with resampling inside each fold,
/// threshold tuning on scored data (on the probability or the raw score, never confused), and evaluation at a
/// chosen threshold rather than ML.NET's fixed raw score 0.
/// </summary>
public static class ImbalanceBinaryClassificationCatalog
{
    /// <summary>
    /// Cross-validates <paramref name="estimator"/> with stratified folds, resampling each fold's training rows with
    /// <paramref name="sampler"/> (and only those) before fitting; the validation rows are scored as they are.
    /// </summary>
    /// <param name="catalog">The binary classification catalog.</param>
    /// <param name="data">Every row, not resampled (a Boolean label column).</param>
    /// <param name="estimator">What to fit in each fold, e.g. a Concatenate followed by a trainer.</param>
    /// <param name="sampler">The sampler for each training fold; null for none (class weights, say, in the estimator).</param>
    /// <param name="numberOfFolds">Stratified folds, at least 2.</param>
    /// <param name="labelColumnName">The Boolean label column.</param>
    /// <param name="featureColumnNames">The columns the sampler sees; default every numeric column but the label.</param>
    /// <param name="scoreColumn">Which scorer column to collect; <see cref="ScoreColumn.Score"/> for uncalibrated trainers.</param>
    /// <param name="seed">Seeds the folds.</param>
    /// <param name="categoricalColumnNames">Feature columns that hold category codes although they are numbers or numeric vectors (see <see cref="ImbalanceDataCatalog.Resample"/>).</param>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, or a fold cannot be resampled.</exception>
    /// <exception cref="CategoricalFeaturesException">The sampler mixes feature values and a feature is categorical.</exception>
    public static ResampledCrossValidationResult CrossValidateWithResampling(
        this BinaryClassificationCatalog catalog,
        IDataView data,
        IEstimator<ITransformer> estimator,
        Sampler? sampler = null,
        int numberOfFolds = 5,
        string labelColumnName = "Label",
        IReadOnlyList<string>? featureColumnNames = null,
        ScoreColumn scoreColumn = ScoreColumn.Probability,
        int seed = 0,
        IReadOnlyCollection<string>? categoricalColumnNames = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(estimator);
        var context = new MLContext(seed);
        var splits = context.Data.StratifiedCrossValidationSplit(data, numberOfFolds, labelColumnName, seed);
        var total = splits.Sum(s => s.TestRows.Count);
        var positive = new bool[total];
        var outOfFold = new double[total];
        var folds = new List<ResampledFold>(splits.Count);
        for (var f = 0; f < splits.Count; f++)
        {
            var split = splits[f];
            var clock = Stopwatch.StartNew();
            var training = sampler is null ? split.TrainSet : context.Data.Resample(split.TrainSet, sampler, featureColumnNames, categoricalColumnNames: categoricalColumnNames);
            var model = estimator.Fit(training);
            var seconds = clock.Elapsed.TotalSeconds;
            var scored = model.Transform(split.TestSet);
            var scores = ScoredColumns.Read(scored, labelColumnName, scoreColumn);
            for (var i = 0; i < split.TestRows.Count; i++)
            {
                outOfFold[split.TestRows[i]] = scores.Scores[i];
                positive[split.TestRows[i]] = scores.IsPositive[i];
            }

            var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [MetricNames.AveragePrecision] = scores.PositiveWeight > 0 ? BinaryMetrics.AveragePrecision(scores) : double.NaN,
                [MetricNames.RocAuc] = scores.PositiveWeight > 0 && scores.NegativeWeight > 0 ? BinaryMetrics.RocAuc(scores) : double.NaN,
                [MetricNames.FitSeconds] = seconds,
            };
            if (scoreColumn == ScoreColumn.Probability)
            {
                metrics[MetricNames.Brier] = BinaryMetrics.BrierScore(scores);
            }

            folds.Add(new ResampledFold(f, model, split.TrainSet.RowCount, training.RowCount, metrics, scored));
        }

        return new ResampledCrossValidationResult(folds, BinaryScores.Create(positive, outOfFold), scoreColumn);
    }

    /// <summary>
    /// The threshold on <paramref name="scoreColumn"/> that best meets <paramref name="objective"/> on scored
    /// validation or out-of-fold data. Apply it with <see cref="ImbalanceTransformsCatalog.ApplyThreshold(TransformsCatalog, double, ScoreColumn, string)"/> and report
    /// it on a holdout it was not tuned on.
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type.</exception>
    /// <exception cref="UnreachableObjectiveException">No threshold meets the objective.</exception>
    public static TunedThreshold TuneThreshold(this BinaryClassificationCatalog catalog, IDataView scored, ThresholdObjective objective, string labelColumnName = "Label", ScoreColumn scoreColumn = ScoreColumn.Probability)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(objective);
        return ThresholdTuner.Tune(ScoredColumns.Read(scored, labelColumnName, scoreColumn), objective);
    }

    /// <summary>
    /// Evaluates scored data at <paramref name="threshold"/> on <paramref name="scoreColumn"/> (ML.NET's
    /// <c>Evaluate</c> always uses raw score 0): the library's report with PR-AUC, ROC-AUC, Brier score, and the
    /// confusion, precision, recall, MCC and accuracy beside the majority baseline at that threshold.
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, or the data has one class.</exception>
    public static EvaluationReport EvaluateAtThreshold(this BinaryClassificationCatalog catalog, IDataView scored, double threshold, string labelColumnName = "Label", ScoreColumn scoreColumn = ScoreColumn.Probability)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return EvaluationReport.Of(ScoredColumns.Read(scored, labelColumnName, scoreColumn), threshold);
    }

    /// <summary>
    /// A threshold per segment of <paramref name="segmentColumnName"/>, each tuned for <paramref name="objective"/> on
    /// that segment's rows of scored validation or out-of-fold data, and a global one for segments with fewer than
    /// <paramref name="minimumClassRows"/> positive or negative rows, segments where the objective cannot be met, and
    /// segments unseen here (<see cref="SegmentThresholds"/>). Apply them with
    /// <see cref="ImbalanceTransformsCatalog.ApplyThreshold(TransformsCatalog, SegmentThresholds, string, ScoreColumn, string)"/>
    /// (a text segment column) and report them on a holdout they were not tuned on.
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type.</exception>
    /// <exception cref="UnreachableObjectiveException">No threshold meets the objective on all the rows.</exception>
    public static SegmentThresholds TuneThresholdBySegment(
        this BinaryClassificationCatalog catalog,
        IDataView scored,
        ThresholdObjective objective,
        string segmentColumnName,
        string labelColumnName = "Label",
        ScoreColumn scoreColumn = ScoreColumn.Probability,
        int minimumClassRows = SubgroupEvaluation.MinimumClassRows)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(objective);
        var scores = ScoredColumns.Read(scored, labelColumnName, scoreColumn);
        var segments = GroupColumn.Read(scored, segmentColumnName, nameof(segmentColumnName));
        return SegmentThresholds.Tune(scores, segments, objective, segmentColumnName, minimumClassRows);
    }

    /// <summary>
    /// Places severity tiers on the scores of scored validation or out-of-fold data, each tier filling its share of the
    /// rows from the top score down (<see cref="TierThresholds.Tune"/>; labels are not used). Apply them with
    /// <see cref="ImbalanceTransformsCatalog.ApplyTiers"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, or there are no rows.</exception>
    public static TierThresholds TuneTiers(this BinaryClassificationCatalog catalog, IDataView scored, SeverityTiers tiers, string labelColumnName = "Label", ScoreColumn scoreColumn = ScoreColumn.Probability)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(tiers);
        return TierThresholds.Tune(tiers, ScoredColumns.Read(scored, labelColumnName, scoreColumn));
    }

    /// <summary>
    /// Evaluates scored data group by group of <paramref name="groupColumnName"/> (text, a number, a Boolean or a key):
    /// the library's <see cref="SubgroupReport"/> with every metric per group, the calibration error and base rate,
    /// groups too small to judge marked, and the groups whose recall (with a threshold) or calibration differ most from
    /// the rest called out.
    /// </summary>
    /// <param name="catalog">The binary classification catalog.</param>
    /// <param name="scored">A scorer's output with the label and the group column.</param>
    /// <param name="groupColumnName">The column whose values name the groups.</param>
    /// <param name="threshold">The decision threshold on <paramref name="scoreColumn"/>; null for threshold-free metrics only.</param>
    /// <param name="labelColumnName">The Boolean label column.</param>
    /// <param name="scoreColumn">Which scorer column the metrics and the threshold use.</param>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, or the data is empty.</exception>
    public static SubgroupReport EvaluateBySubgroup(
        this BinaryClassificationCatalog catalog,
        IDataView scored,
        string groupColumnName,
        double? threshold = null,
        string labelColumnName = "Label",
        ScoreColumn scoreColumn = ScoreColumn.Probability)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var scores = ScoredColumns.Read(scored, labelColumnName, scoreColumn);
        return SubgroupEvaluation.Of(scores, GroupColumn.Read(scored, groupColumnName, nameof(groupColumnName)), threshold);
    }

    /// <summary>The labels and scores of scored data as the library's <see cref="BinaryScores"/>, for any of its metrics.</summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type.</exception>
    public static BinaryScores ReadScores(this BinaryClassificationCatalog catalog, IDataView scored, string labelColumnName = "Label", ScoreColumn scoreColumn = ScoreColumn.Probability)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ScoredColumns.Read(scored, labelColumnName, scoreColumn);
    }
}
