using System.Globalization;
using ImbalanceGuard.Calibration;
using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// The whole imbalanced-learning workflow as one object, leakage-free by construction: preprocessing fitted on
/// the training rows → sampler(s) → class weights → trainer → calibrator → decision threshold.
/// <see cref="Fit"/> takes a <see cref="TrainingSet"/> and is the only place that resamples; the fitted pipeline
/// scores rows and never resamples. A calibrator or a tuned threshold is fitted on out-of-fold scores of the
/// training rows (inner stratified folds, or time-ordered ones with <see cref="TimeOrderedInnerFolds"/>), never on
/// the rows it is then judged on.
/// </summary>
/// <example>
/// <code>
/// var pipeline = new ImbalancePipeline(new LogisticRegression())
/// {
///     Preprocessing = [new StandardScaler()],
///     Samplers = [new Smote { Seed = 42 }],
///     Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1),
/// };
/// var fitted = pipeline.Fit(split.Training);
/// var report = fitted.Evaluate(split.Holdout);
/// </code>
/// </example>
public sealed class ImbalancePipeline
{
    private readonly int _innerFolds = 3;

    /// <summary>Creates a pipeline around <paramref name="trainer"/>.</summary>
    public ImbalancePipeline(IClassifierTrainer trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        Trainer = trainer;
    }

    /// <summary>The learner.</summary>
    public IClassifierTrainer Trainer { get; }

    /// <summary>
    /// Preprocessing steps, fitted on the training rows in order, before any sampler. Default none. When a sampler
    /// makes rows (<see cref="SamplingKind.OverSampling"/>, or <see cref="Sampler.InterpolatesFeatures"/>), a
    /// <see cref="OneHotEncoder"/> listed here runs after the samplers instead, first of <see cref="AfterSampling"/>:
    /// the sampler then sees category codes (SMOTE-NC samples them, SMOTE refuses them) and no synthetic row holds a
    /// fraction of a category. The other steps keep their place, so scaled SMOTE keeps its neighbours; samplers that
    /// only keep rows (under-sampling, cleaning) still measure distances on the encoded columns.
    /// </summary>
    public IReadOnlyList<Preprocessor> Preprocessing { get; init; } = [];

    /// <summary>Samplers run in order on the preprocessed training rows. Default none.</summary>
    public IReadOnlyList<Sampler> Samplers { get; init; } = [];

    /// <summary>
    /// Preprocessing steps fitted on the resampled (and weighted) rows, after the samplers and before the learner:
    /// an <see cref="OneHotEncoder"/> here lets SMOTE-NC sample the categories and a linear learner see one 0/1
    /// column per category instead of codes as numbers. Default none.
    /// </summary>
    public IReadOnlyList<Preprocessor> AfterSampling { get; init; } = [];

    /// <summary>Class weights set on the (resampled) training rows before the trainer sees them; null for none.</summary>
    public ClassWeights? ClassWeights { get; init; }

    /// <summary>
    /// How scores become probabilities. Default <see cref="CalibrationMethod.Automatic"/>: the prior correction
    /// when the samplers or class weights change the class balance, so the probabilities mean what they say;
    /// <see cref="CalibrationMethod.None"/> keeps the resampled model's inflated probabilities.
    /// </summary>
    public CalibrationMethod Calibration { get; init; } = CalibrationMethod.Automatic;

    /// <summary>How the decision threshold is chosen. Default <see cref="ThresholdPolicy.None"/>.</summary>
    public ThresholdPolicy Threshold { get; init; } = ThresholdPolicy.None;

    /// <summary>
    /// Severity tiers (page / ticket / log…) placed on the same out-of-fold (calibrated) scores as a tuned threshold,
    /// each filling its share of the training rows from the top score down; the fitted pipeline then gives each row's
    /// tier (<see cref="FittedPipeline.PredictTier"/>). Independent of <see cref="Threshold"/>. Default null (none).
    /// </summary>
    public SeverityTiers? Tiers { get; init; }

    /// <summary>The class whose probability is calibrated and thresholded; null for the training rows' rarest class.</summary>
    public string? PositiveClass { get; init; }

    /// <summary>The inner folds that give out-of-fold scores for calibration and threshold tuning. Default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int InnerFolds
    {
        get => _innerFolds;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 2);
            _innerFolds = value;
        }
    }

    /// <summary>Seeds the shuffle of the inner folds. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Whether the inner folds follow time instead of being shuffled and stratified (forward chaining): the
    /// training rows, in time order, are cut into <see cref="InnerFolds"/> + 1 consecutive blocks, and each block
    /// after the first is scored by the chain fitted on the blocks before it, so no row is scored by a model that
    /// trained on later rows. The first block only trains and gets no out-of-fold score; calibration and threshold
    /// tuning use the scored rows. Time order is the order of the rows given to <see cref="Fit"/>; inside
    /// <see cref="CrossValidation"/> with a <see cref="TimeSeriesSplit"/> that has times, the order of those times,
    /// rows with equal times kept in one block. Default false; <see cref="StrategyComparison"/> sets it when its
    /// folds are a <see cref="TimeSeriesSplit"/>. A setting of the fit, like <see cref="InnerFolds"/>: not saved
    /// with the fitted pipeline.
    /// </summary>
    public bool TimeOrderedInnerFolds { get; init; }

    /// <summary>Whether fitting needs out-of-fold scores of the training rows.</summary>
    public bool NeedsInnerFolds => Threshold.IsTuned || Tiers is not null || Calibration is CalibrationMethod.Platt or CalibrationMethod.Isotonic;

    /// <summary>
    /// Fits every step on <paramref name="training"/>: the only place the pipeline resamples.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The training set already holds synthetic rows (the pipeline resamples itself; resampled rows would leak
    /// into the inner folds), the positive class is unknown or absent, too few positive rows for the inner folds,
    /// or the threshold's segment column is not a feature.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="UnreachableObjectiveException">The threshold's objective is constrained and no threshold meets it on the inner out-of-fold scores.</exception>
    public FittedPipeline Fit(TrainingSet training, CancellationToken cancellationToken = default)
        => FitCore(training, unreachableLeavesNoThreshold: false, cancellationToken);

    /// <summary>
    /// As <see cref="Fit(TrainingSet, CancellationToken)"/>; with <paramref name="unreachableLeavesNoThreshold"/>, a threshold
    /// objective no threshold meets leaves the fitted pipeline without a threshold instead of throwing, so a
    /// cross-validation can report that fold as one where the constraints were not met. <paramref name="times"/>
    /// orders the rows for <see cref="TimeOrderedInnerFolds"/> (null: row order).
    /// </summary>
    internal FittedPipeline FitCore(TrainingSet training, bool unreachableLeavesNoThreshold, CancellationToken cancellationToken, IReadOnlyList<double>? times = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.SyntheticRowCount > 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The training set holds {training.SyntheticRowCount} synthetic rows; an ImbalancePipeline resamples inside Fit, so give it the training rows as the split made them and put the sampler in Samplers."),
                nameof(training));
        }

        var positive = ResolvePositiveClass(training);
        var segmentFeature = Threshold.SegmentColumn is { } segmentColumn ? SegmentColumn.Resolve(training.Schema, segmentColumn, nameof(training)) : -1;
        cancellationToken.ThrowIfCancellationRequested();
        var chain = FitChain(training.Table, cancellationToken);
        var rebalanced = ChangesBalance(training.Table, chain.TrainedOn!, positive); // a fresh fit always knows its rows
        IProbabilityCalibrator? calibrator = Calibration == CalibrationMethod.PriorCorrection || (Calibration == CalibrationMethod.Automatic && rebalanced)
            ? PriorCorrectionFor(training.Table, chain.TrainedOn!, positive)
            : null;

        TunedThreshold? tuned = null;
        SegmentThresholds? segments = null;
        TierThresholds? tiers = null;
        if (NeedsInnerFolds)
        {
            var outOfFold = OutOfFoldScores(training, positive, times, cancellationToken, out var scoredRows);
            if (Calibration == CalibrationMethod.Platt)
            {
                calibrator = PlattScaling.Fit(outOfFold);
            }
            else if (Calibration == CalibrationMethod.Isotonic)
            {
                calibrator = IsotonicCalibration.Fit(outOfFold);
            }

            var calibrated = calibrator is null ? outOfFold : Calibrated(outOfFold, calibrator);
            if (Threshold.Objective is { } objective && segmentFeature >= 0)
            {
                // Each out-of-fold row's segment, read from its raw features as scoring will read it.
                var rowSegments = scoredRows.Select(i => SegmentColumn.Key(training.Schema, segmentFeature, training.GetRow(i)[segmentFeature])).ToArray();
                segments = unreachableLeavesNoThreshold
                    ? SegmentThresholds.TryTune(calibrated, rowSegments, objective, Threshold.SegmentColumn!, Threshold.MinimumSegmentClassRows)
                    : SegmentThresholds.Tune(calibrated, rowSegments, objective, Threshold.SegmentColumn!, Threshold.MinimumSegmentClassRows);
            }
            else if (Threshold.Objective is { } single)
            {
                tuned = unreachableLeavesNoThreshold ? ThresholdTuner.TryTune(calibrated, single) : ThresholdTuner.Tune(calibrated, single);
            }

            if (Tiers is not null)
            {
                tiers = TierThresholds.Tune(Tiers, calibrated);
            }
        }

        return new FittedPipeline(
            training.Schema,
            chain,
            positive,
            calibrator,
            tuned?.Threshold ?? segments?.GlobalThreshold ?? Threshold.FixedThreshold,
            Threshold,
            tuned,
            training.Table,
            probabilitiesCalibrated: calibrator is not null || !(rebalanced || Trainer is IRebalancingTrainer),
            segments,
            tiers);
    }

    /// <summary>The same pipeline with <see cref="PositiveClass"/> set.</summary>
    internal ImbalancePipeline WithPositiveClass(string positiveClass) => With(positiveClass, TimeOrderedInnerFolds);

    /// <summary>The same pipeline with <see cref="TimeOrderedInnerFolds"/> set.</summary>
    internal ImbalancePipeline WithTimeOrderedInnerFolds() => With(PositiveClass, timeOrderedInnerFolds: true);

    private ImbalancePipeline With(string? positiveClass, bool timeOrderedInnerFolds) => new(Trainer)
    {
        Preprocessing = Preprocessing,
        Samplers = Samplers,
        AfterSampling = AfterSampling,
        ClassWeights = ClassWeights,
        Calibration = Calibration,
        Threshold = Threshold,
        Tiers = Tiers,
        PositiveClass = positiveClass,
        InnerFolds = InnerFolds,
        Seed = Seed,
        TimeOrderedInnerFolds = timeOrderedInnerFolds,
    };

    /// <summary>Whether a sampler makes rows, whose features a one-hot block must not be mixed into (see <see cref="Preprocessing"/>).</summary>
    private bool SamplersMakeRows => Samplers.Any(s => s.Kind == SamplingKind.OverSampling || s.InterpolatesFeatures);

    /// <summary>Preprocessing, sampling, weights and training on <paramref name="table"/>.</summary>
    internal FittedChain FitChain(RowTable table, CancellationToken cancellationToken)
    {
        var transforms = new List<FeatureTransform>(Preprocessing.Count + AfterSampling.Count);
        var encodeLater = SamplersMakeRows;
        foreach (var step in Preprocessing)
        {
            if (encodeLater && step is OneHotEncoder)
            {
                continue;
            }

            var transform = step.Fit(new TrainingSet(table));
            transforms.Add(transform);
            table = transform.Apply(table);
        }

        var current = new TrainingSet(table);
        var resampling = new List<ResamplingStep>(Samplers.Count);
        var notes = new List<SamplingNote>();
        foreach (var sampler in Samplers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = sampler.FitResample(current);
            resampling.Add(new ResamplingStep(sampler.Name, result.CountsBefore, result.CountsAfter, result.SyntheticCount));
            notes.AddRange(result.Notes);
            current = result.Resampled;
        }

        if (ClassWeights is not null)
        {
            current = ClassWeights.Apply(current);
        }

        // The learner's rows; the chain remembers the rows before these steps, in the features the samplers saw.
        var learnerRows = current;
        IEnumerable<Preprocessor> encoders = encodeLater ? Preprocessing.OfType<OneHotEncoder>() : [];
        foreach (var step in encoders.Concat(AfterSampling))
        {
            var transform = step.Fit(learnerRows);
            transforms.Add(transform);
            learnerRows = new TrainingSet(transform.Apply(learnerRows.Table));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new FittedChain(transforms, Trainer.Fit(learnerRows), resampling, current.Table, notes);
    }

    private int ResolvePositiveClass(TrainingSet training)
    {
        if (PositiveClass is not null)
        {
            if (!training.Schema.TryGetClassIndex(PositiveClass, out var named))
            {
                throw new ArgumentException(
                    $"The positive class '{PositiveClass}' is not a class of the data ({string.Join(", ", training.Schema.ClassNames)}).",
                    nameof(training));
            }

            if (training.ClassCounts[named] == 0)
            {
                throw new ArgumentException($"The training rows hold no row of the positive class '{PositiveClass}'.", nameof(training));
            }

            return named;
        }

        return RarestClass(training.ClassCounts);
    }

    /// <summary>The rarest class that has rows; on a tie the later one, as a 0/1 label makes 1 positive.</summary>
    /// <exception cref="ArgumentException">No class has rows.</exception>
    internal static int RarestClass(IReadOnlyList<int> counts)
    {
        var rarest = -1;
        for (var c = 0; c < counts.Count; c++)
        {
            if (counts[c] > 0 && (rarest < 0 || counts[c] <= counts[rarest]))
            {
                rarest = c;
            }
        }

        return rarest >= 0 ? rarest : throw new ArgumentException("The data has no rows.");
    }

    private BinaryScores OutOfFoldScores(TrainingSet training, int positive, IReadOnlyList<double>? times, CancellationToken cancellationToken, out int[] scoredRows)
    {
        var labels = training.Labels;
        var positives = training.ClassCounts[positive];
        var className = training.Schema.ClassNames[positive];
        if (!TimeOrderedInnerFolds && positives < InnerFolds)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Calibration and threshold tuning use {InnerFolds} inner folds of the training rows, but the positive class '{className}' has only {Plural.Rows(positives)} there; lower InnerFolds or give more data."),
                nameof(training));
        }

        if (times is not null && times.Count != training.RowCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{times.Count} times for {training.RowCount} training rows."), nameof(times));
        }

        var folds = InnerSplit.Folds(labels, training.ClassCount, InnerFolds, TimeOrderedInnerFolds, times, Seed, out var problem)
            ?? throw new ArgumentException($"Calibration and threshold tuning use time-ordered inner folds of the training rows: {problem}", nameof(training));
        if (TimeOrderedInnerFolds && InnerSplit.TimeOrderedShortfall(folds, labels, positive, className, "the training rows") is { } shortfall)
        {
            throw new ArgumentException($"{shortfall}; lower InnerFolds or give more data.", nameof(training));
        }

        var scores = new double[training.RowCount];
        var isScored = new bool[training.RowCount];
        Span<double> probabilities = stackalloc double[training.ClassCount];
        foreach (var (train, score) in folds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chain = FitChain(training.Table.Select(train), cancellationToken);
            var buffer = chain.NewScratch();
            foreach (var i in score)
            {
                scores[i] = chain.PositiveProbability(training.GetRow(i), positive, buffer, probabilities);
                isScored[i] = true;
            }
        }

        // In row order, leaving out the rows no inner fold scores (the first time-ordered block).
        var rows = scoredRows = Enumerable.Range(0, training.RowCount).Where(i => isScored[i]).ToArray();
        var isPositive = new bool[rows.Length];
        var kept = new double[rows.Length];
        var weights = training.HasWeights ? new double[rows.Length] : null;
        for (var r = 0; r < rows.Length; r++)
        {
            isPositive[r] = labels[rows[r]] == positive;
            kept[r] = scores[rows[r]];
            if (weights is not null)
            {
                weights[r] = training.Weights[rows[r]];
            }
        }

        return BinaryScores.Create(isPositive, kept, weights);
    }

    private static BinaryScores Calibrated(BinaryScores scores, IProbabilityCalibrator calibrator)
    {
        var calibrated = new double[scores.Count];
        for (var i = 0; i < calibrated.Length; i++)
        {
            calibrated[i] = calibrator.Calibrate(scores.Scores[i]);
        }

        return BinaryScores.Create(scores.IsPositive, calibrated, scores.HasWeights ? scores.Weights : default);
    }

    /// <summary>Whether the samplers and weights moved the positive class's weighted share of the rows.</summary>
    private static bool ChangesBalance(RowTable original, RowTable trainedOn, int positive)
        => Math.Abs(PositiveShare(original, positive) - PositiveShare(trainedOn, positive)) > 1e-12;

    private static PriorCorrection PriorCorrectionFor(RowTable original, RowTable trainedOn, int positive)
        => new(PositiveShare(original, positive), PositiveShare(trainedOn, positive));

    /// <summary>The weighted share of <paramref name="positive"/> rows: what the learner sees as the base rate.</summary>
    private static double PositiveShare(RowTable table, int positive)
    {
        double all = 0, positives = 0;
        for (var i = 0; i < table.RowCount; i++)
        {
            var weight = table.Weights?[i] ?? 1.0;
            all += weight;
            if (table.Labels[i] == positive)
            {
                positives += weight;
            }
        }

        return positives / all;
    }
}
