using System.Globalization;
using System.Text.Json;
using ImbalanceGuard.Calibration;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// A fitted <see cref="ImbalancePipeline"/>: it scores raw rows (preprocessing, model, calibration) and, with
/// a threshold, predicts classes. It never resamples. While in memory it remembers its training rows, so
/// scoring a <see cref="HoldoutSet"/> that shares rows with them, or holds synthetic rows, throws
/// <see cref="LeakageException"/>. It can be saved to JSON and loaded back, scoring exactly as before.
/// </summary>
public sealed class FittedPipeline
{
    private const int FormatVersion = 1;

    // Version 2 adds per-segment thresholds and severity tiers; a file without them is still written as version 1.
    private const int SegmentsAndTiersFormatVersion = 2;

    private readonly FittedChain _chain;
    private readonly RowTable? _training;
    private readonly int _segmentFeature = -1;

    internal FittedPipeline(
        DataSchema schema,
        FittedChain chain,
        int positiveClass,
        IProbabilityCalibrator? calibrator,
        double? threshold,
        ThresholdPolicy policy,
        TunedThreshold? tuned,
        RowTable? training,
        bool probabilitiesCalibrated,
        SegmentThresholds? segments = null,
        TierThresholds? tiers = null)
    {
        Schema = schema;
        _chain = chain;
        _training = training;
        PositiveClassIndex = positiveClass;
        Calibrator = calibrator;
        Threshold = threshold;
        ThresholdPolicy = policy;
        TunedThreshold = tuned;
        ProbabilitiesCalibrated = probabilitiesCalibrated;
        SegmentThresholds = segments;
        Tiers = tiers;
        if (segments is not null)
        {
            _segmentFeature = SegmentColumn.Resolve(schema, segments.Column, nameof(segments));
        }
    }

    /// <summary>The schema of the rows the pipeline was fitted on; rows to score must have the same features.</summary>
    public DataSchema Schema { get; }

    /// <summary>The index of the positive class in <see cref="DataSchema.ClassNames"/>.</summary>
    public int PositiveClassIndex { get; }

    /// <summary>The class whose probability is calibrated and thresholded.</summary>
    public string PositiveClass => Schema.ClassNames[PositiveClassIndex];

    /// <summary>The fitted model (it sees preprocessed rows).</summary>
    public IProbabilisticClassifier Model => _chain.Model;

    /// <summary>The calibrator applied to the positive-class probability, or null.</summary>
    public IProbabilityCalibrator? Calibrator { get; }

    /// <summary>
    /// Whether the positive-class probabilities are on the base rate of the rows the pipeline was fitted on: true
    /// when a calibrator maps them there, or when nothing rebalanced the classes; false when samplers, class
    /// weights or a rebalancing learner (the balanced ensembles) changed the balance and nothing corrected it, so
    /// the probabilities overstate the positive class. Rankings, and thresholds tuned on the same scale, still
    /// hold; a threshold read off as a probability (the Bayes threshold c_FP / (c_FP + c_FN)) does not.
    /// </summary>
    /// <remarks>
    /// A pipeline saved before this was recorded is read from its resampling counts; class weights were not
    /// saved then, so such a file with class weights and no calibrator reads as calibrated.
    /// </remarks>
    public bool ProbabilitiesCalibrated { get; }

    /// <summary>
    /// Why the probabilities cannot be read as probabilities, in one sentence for a log or a console, or null when
    /// <see cref="ProbabilitiesCalibrated"/>; with a cost-tuned threshold it says that the Bayes threshold does not apply.
    /// </summary>
    public string? ProbabilityWarning => ProbabilitiesCalibrated
        ? null
        : $"The probabilities of '{PositiveClass}' come from a model fitted on rebalanced rows and are not calibrated, so they overstate it; "
            + (ThresholdPolicy.Objective?.Costs is { } costs
                ? string.Create(CultureInfo.InvariantCulture, $"the tuned threshold is on the same scale, but the Bayes threshold c_FP / (c_FP + c_FN) = {costs.FalsePositive / (costs.FalsePositive + costs.FalseNegative):0.####} does not apply to them. ")
                : string.Empty)
            + "Fit with Calibration = CalibrationMethod.PriorCorrection (or Automatic, the default) to read them as probabilities.";

    /// <summary>The decision threshold on the calibrated positive-class probability, or null when there is none.</summary>
    public double? Threshold { get; }

    /// <summary>How the threshold was chosen.</summary>
    public ThresholdPolicy ThresholdPolicy { get; }

    /// <summary>
    /// The tuning result when the threshold was tuned (on inner out-of-fold scores of the training rows, so its
    /// figures are estimates on data the threshold's model did not train on); null otherwise or once loaded.
    /// </summary>
    public TunedThreshold? TunedThreshold { get; }

    /// <summary>
    /// The per-segment thresholds when the policy is <see cref="ThresholdPolicy.TunedBySegment"/> (each row is then
    /// judged at its segment's threshold, and <see cref="Threshold"/> is the global one that segments too small to
    /// tune and unseen segments get); null otherwise.
    /// </summary>
    public SegmentThresholds? SegmentThresholds { get; }

    /// <summary>The severity tiers with their thresholds when the pipeline was fitted with <see cref="ImbalancePipeline.Tiers"/>; null otherwise.</summary>
    public TierThresholds? Tiers { get; }

    /// <summary>What each sampler did to the training rows during the final fit.</summary>
    public IReadOnlyList<ResamplingStep> Resampling => _chain.Resampling;

    /// <summary>
    /// What the samplers' runs during the final fit did as asked but deserves a word (a class mostly discarded, or
    /// its rows repeated many times; see <see cref="SamplingResult.Notes"/>), in run order. Empty when there was
    /// nothing to say, and always empty for a pipeline loaded from a file: the notes describe a fit, not the model,
    /// and are not saved.
    /// </summary>
    public IReadOnlyList<SamplingNote> SamplingNotes => _chain.SamplingNotes;

    /// <summary>The names of the preprocessing steps, in order.</summary>
    public IReadOnlyList<string> Preprocessing => [.. _chain.Transforms.Select(t => t.Name)];

    /// <summary>Writes the probability of every class for one raw row; the positive class's is calibrated and the rest rescaled to sum to 1.</summary>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        CheckRow(features.Length);
        if (probabilities.Length != Schema.ClassCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The output has room for {probabilities.Length} probabilities; there are {Schema.ClassCount} classes."),
                nameof(probabilities));
        }

        _chain.Probabilities(features, _chain.NewScratch(), probabilities);
        Calibrate(probabilities);
    }

    /// <summary>The (calibrated) probability of the positive class for one raw row.</summary>
    /// <exception cref="ArgumentException">The row has the wrong length.</exception>
    public double PositiveProbability(ReadOnlySpan<double> features)
    {
        Span<double> probabilities = stackalloc double[Schema.ClassCount];
        PredictProbabilities(features, probabilities);
        return probabilities[PositiveClassIndex];
    }

    /// <summary>
    /// The decision threshold for one raw row: its segment's with per-segment thresholds (the global one for a
    /// segment too small to tune or unseen in training), otherwise <see cref="Threshold"/>; null without a threshold.
    /// </summary>
    /// <exception cref="ArgumentException">The row has the wrong length.</exception>
    public double? ThresholdFor(ReadOnlySpan<double> features)
    {
        CheckRow(features.Length);
        return SegmentThresholds is { } segments
            ? segments.ThresholdFor(SegmentColumn.Key(Schema, _segmentFeature, features[_segmentFeature]))
            : Threshold;
    }

    /// <summary>The severity tier of one raw row: the most severe tier whose threshold its positive-class probability reaches, or null when it reaches none.</summary>
    /// <exception cref="InvalidOperationException">The pipeline was fitted without tiers.</exception>
    /// <exception cref="ArgumentException">The row has the wrong length.</exception>
    public FittedSeverityTier? PredictTier(ReadOnlySpan<double> features)
    {
        var tiers = Tiers ?? throw new InvalidOperationException("This pipeline has no severity tiers; fit it with ImbalancePipeline.Tiers set.");
        return tiers.Of(PositiveProbability(features));
    }

    /// <summary>
    /// The predicted class of one raw row: the positive class when its probability reaches <see cref="Threshold"/>
    /// (with per-segment thresholds, its segment's: <see cref="ThresholdFor"/>),
    /// otherwise the most probable other class. Without a threshold, a problem of more than two classes takes
    /// the most probable class; a binary one throws, because that would be a silent 0.5 threshold.
    /// </summary>
    /// <exception cref="InvalidOperationException">A binary pipeline has no threshold.</exception>
    /// <exception cref="ArgumentException">The row has the wrong length.</exception>
    public int Predict(ReadOnlySpan<double> features)
    {
        if (Threshold is null && Schema.ClassCount == 2)
        {
            throw new InvalidOperationException(
                "This pipeline has no decision threshold, and taking the more probable class would be a silent 0.5 threshold. Fit it with ThresholdPolicy.Tuned(...) or ThresholdPolicy.Fixed(...).");
        }

        Span<double> probabilities = stackalloc double[Schema.ClassCount];
        PredictProbabilities(features, probabilities);
        if (ThresholdFor(features) is { } threshold && probabilities[PositiveClassIndex] >= threshold)
        {
            return PositiveClassIndex;
        }

        var best = -1;
        for (var c = 0; c < probabilities.Length; c++)
        {
            if ((Threshold is null || c != PositiveClassIndex) && (best < 0 || probabilities[c] > probabilities[best]))
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The (calibrated) positive-class probability of every row of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data's features or classes differ from the training rows'.</exception>
    public double[] PositiveProbabilities(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckSchema(data.Schema);
        var scores = new double[data.RowCount];
        var scratch = _chain.NewScratch();
        Span<double> probabilities = stackalloc double[Schema.ClassCount];
        for (var i = 0; i < scores.Length; i++)
        {
            _chain.Probabilities(data.GetRow(i), scratch, probabilities);
            Calibrate(probabilities);
            scores[i] = probabilities[PositiveClassIndex];
        }

        return scores;
    }

    /// <summary>
    /// The positive-class probabilities of <paramref name="holdout"/> with its labels, after the runtime guard has
    /// checked that the holdout shares nothing with the training rows.
    /// </summary>
    /// <param name="holdout">The evaluation rows.</param>
    /// <param name="checks">
    /// What the guard checks. Synthetic rows are always refused; shared source rows and identical rows need the
    /// training rows, which a loaded pipeline no longer has.
    /// </param>
    /// <exception cref="LeakageException">The holdout leaks (see <see cref="LeakageGuard"/>).</exception>
    /// <exception cref="ArgumentException">The holdout's features or classes differ from the training rows'.</exception>
    public BinaryScores Score(HoldoutSet holdout, LeakageChecks checks = LeakageChecks.All)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        CheckSchema(holdout.Schema);
        var leak = _training is null
            ? LeakageGuard.Find(holdout.Table, holdout.Table, LeakageChecks.SyntheticRows)
            : LeakageGuard.Find(_training, holdout.Table, checks | LeakageChecks.SyntheticRows);
        if (leak is not null)
        {
            throw leak;
        }

        var scores = PositiveProbabilities(holdout);
        var isPositive = new bool[holdout.RowCount];
        for (var i = 0; i < isPositive.Length; i++)
        {
            isPositive[i] = holdout.Labels[i] == PositiveClassIndex;
        }

        return BinaryScores.Create(isPositive, scores, holdout.HasWeights ? holdout.Weights : default);
    }

    /// <summary>
    /// For a pipeline whose model is a <see cref="CascadeModel"/>: the share of the rows of <paramref name="data"/> its first
    /// stage lets through to the second — what the second stage costs in production. Null for any other model.
    /// </summary>
    /// <exception cref="ArgumentException">The data's features or classes differ from the training rows'.</exception>
    public double? SecondStageShare(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_chain.Model is not CascadeModel cascade)
        {
            return null;
        }

        CheckSchema(data.Schema);
        var scratch = _chain.NewScratch();
        var reached = 0;
        for (var i = 0; i < data.RowCount; i++)
        {
            reached += cascade.ReachesSecondStage(_chain.ModelInput(data.GetRow(i), scratch)) ? 1 : 0;
        }

        return data.RowCount == 0 ? 0 : reached / (double)data.RowCount;
    }

    /// <summary>
    /// The evaluation report of <paramref name="holdout"/>: threshold-free metrics, and the decision metrics at
    /// <see cref="Threshold"/> when the pipeline has one — with per-segment thresholds, each row at its segment's
    /// (the report's threshold is then the global one).
    /// </summary>
    /// <exception cref="LeakageException">The holdout leaks.</exception>
    public EvaluationReport Evaluate(HoldoutSet holdout)
    {
        var scores = Score(holdout);
        if (Threshold is not { } threshold)
        {
            return EvaluationReport.Of(scores);
        }

        return RowThresholds(holdout) is { } perRow
            ? EvaluationReport.Of(scores, threshold, BinaryConfusion.At(scores, perRow))
            : EvaluationReport.Of(scores, threshold);
    }

    /// <summary>Each row's threshold with per-segment thresholds (its segment's, or the global one); null without them.</summary>
    /// <exception cref="ArgumentException">The data's features or classes differ from the training rows'.</exception>
    public double[]? RowThresholds(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckSchema(data.Schema);
        if (SegmentThresholds is not { } segments)
        {
            return null;
        }

        var thresholds = new double[data.RowCount];
        for (var i = 0; i < thresholds.Length; i++)
        {
            thresholds[i] = segments.ThresholdFor(SegmentColumn.Key(Schema, _segmentFeature, data.GetRow(i)[_segmentFeature]));
        }

        return thresholds;
    }

    /// <summary>Saves the pipeline as JSON (preprocessing, model, calibrator, threshold; not the training rows).</summary>
    /// <exception cref="NotSupportedException">The model or calibrator is not one of the library's.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        writer.WriteStartObject();
        writer.WriteString("format", "imbalance-guard-pipeline");
        writer.WriteNumber("version", SegmentThresholds is null && Tiers is null ? FormatVersion : SegmentsAndTiersFormatVersion);
        PipelineJson.WriteSchema(writer, "schema", Schema);
        writer.WriteNumber("positive_class", PositiveClassIndex);
        writer.WriteStartArray("preprocessing");
        foreach (var transform in _chain.Transforms)
        {
            transform.Write(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("resampling");
        foreach (var step in _chain.Resampling)
        {
            writer.WriteStartObject();
            writer.WriteString("sampler", step.Sampler);
            WriteCounts(writer, "before", step.CountsBefore);
            WriteCounts(writer, "after", step.CountsAfter);
            writer.WriteNumber("synthetic", step.SyntheticRows);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("model");
        PipelineJson.WriteModel(writer, Model);
        WriteCalibrator(writer);
        writer.WriteBoolean("probabilities_calibrated", ProbabilitiesCalibrated);
        writer.WriteString("threshold_policy", ThresholdPolicy.ToString());
        if (Threshold is { } threshold)
        {
            writer.WriteNumber("threshold", threshold);
        }
        else
        {
            writer.WriteNull("threshold");
        }

        if (SegmentThresholds is { } segments)
        {
            ThresholdContentJson.WriteSegments(writer, segments, ThresholdPolicy.Objective!);
        }

        if (Tiers is { } tiers)
        {
            ThresholdContentJson.WriteTiers(writer, tiers);
        }

        writer.WriteEndObject();
    }

    /// <summary>Saves the pipeline as JSON to the file <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Loads a pipeline saved by <see cref="Save(Stream)"/>, within the default <see cref="FittedPipelineLoadOptions"/>.</summary>
    /// <exception cref="DataFormatException">The stream is not a saved pipeline, is damaged, or exceeds the limits.</exception>
    public static FittedPipeline Load(Stream stream) => Load(stream, FittedPipelineLoadOptions.Default);

    /// <summary>
    /// Loads a pipeline saved by <see cref="Save(Stream)"/>. Everything read is checked before the pipeline is
    /// returned (array lengths, tree structure, feature and class indices, finite numbers, steps that fit the
    /// schema they follow), so a file from elsewhere cannot make scoring fail, loop or read out of bounds: it is
    /// refused here, with the field that is wrong.
    /// </summary>
    /// <param name="stream">The saved pipeline.</param>
    /// <param name="options">How large and how deeply nested a file may be.</param>
    /// <exception cref="DataFormatException">The stream is not a saved pipeline, is damaged, or exceeds the limits.</exception>
    public static FittedPipeline Load(Stream stream, FittedPipelineLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            using var document = JsonDocument.Parse(ReadBounded(stream, options.MaxBytes), new JsonDocumentOptions { MaxDepth = options.MaxDepth });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != "imbalance-guard-pipeline")
            {
                throw new DataFormatException("This is not a saved ImbalanceGuard pipeline (no \"format\": \"imbalance-guard-pipeline\").");
            }

            var version = ModelFileChecks.Int(root, "version", string.Empty);
            if (version != FormatVersion && version != SegmentsAndTiersFormatVersion)
            {
                throw new DataFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The saved pipeline has format version {version}; this library reads versions {FormatVersion} and {SegmentsAndTiersFormatVersion}."));
            }

            // Version 1 has no per-segment thresholds or tiers; such content under version 1 was not written by this library.
            var hasSegments = root.TryGetProperty(ThresholdContentJson.SegmentsProperty, out var segmentsElement);
            var hasTiers = root.TryGetProperty(ThresholdContentJson.TiersProperty, out var tiersElement);
            if (version == FormatVersion && (hasSegments || hasTiers))
            {
                throw new DataFormatException(
                    $"The saved pipeline says format version {FormatVersion} but holds \"{(hasSegments ? ThresholdContentJson.SegmentsProperty : ThresholdContentJson.TiersProperty)}\", which only version {SegmentsAndTiersFormatVersion} has.");
            }

            var schema = PipelineJson.ReadSchema(ModelFileChecks.Field(root, "schema", string.Empty), "schema");
            var positive = ModelFileChecks.Int(root, "positive_class", string.Empty, 0, schema.ClassCount - 1);
            var transforms = new List<FeatureTransform>();
            var input = schema;
            var steps = ModelFileChecks.Array(root, "preprocessing", string.Empty);
            for (var i = 0; i < steps.Length; i++)
            {
                var transform = FeatureTransform.Read(steps[i], input, $"preprocessing[{i}]");
                transforms.Add(transform);
                input = transform.Output;
            }

            var resampling = ReadResampling(ModelFileChecks.Array(root, "resampling", string.Empty));
            var model = PipelineJson.ReadModel(ModelFileChecks.Field(root, "model", string.Empty), "model", input.FeatureCount, schema.ClassCount);
            var chain = new FittedChain(transforms, model, resampling, trainedOn: null);
            var threshold = ModelFileChecks.Field(root, "threshold", string.Empty);
            var policyText = ModelFileChecks.Text(root, "threshold_policy", string.Empty);
            var calibrator = ReadCalibrator(ModelFileChecks.Field(root, "calibrator", string.Empty));
            var calibrated = root.TryGetProperty("probabilities_calibrated", out _)
                ? ModelFileChecks.Flag(root, "probabilities_calibrated", string.Empty)
                : calibrator is not null || !resampling.Any(step => ChangesShare(step, schema.ClassNames[positive])); // a file saved before the flag
            double? thresholdValue = threshold.ValueKind == JsonValueKind.Null ? null : ModelFileChecks.Number(threshold, "threshold");
            var segments = hasSegments ? ThresholdContentJson.ReadSegments(segmentsElement, schema, thresholdValue) : default;
            return new FittedPipeline(
                schema,
                chain,
                positive,
                calibrator,
                thresholdValue,
                hasSegments ? segments.Policy : ParsePolicy(policyText),
                tuned: null,
                training: null,
                calibrated,
                segments.Segments,
                hasTiers ? ThresholdContentJson.ReadTiers(tiersElement) : null);
        }

        // The library's own checks of a value (a calibrator's rates, a threshold policy's numbers) refuse it with an ArgumentException.
        catch (Exception e) when (e is not DataFormatException and (JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException))
        {
            throw new DataFormatException($"The saved pipeline is damaged: {e.Message}");
        }
    }

    /// <summary>Loads a pipeline from the file <paramref name="path"/>, within the default <see cref="FittedPipelineLoadOptions"/>.</summary>
    /// <exception cref="DataFormatException">The file is not a saved pipeline, is damaged, or exceeds the limits.</exception>
    public static FittedPipeline Load(string path) => Load(path, FittedPipelineLoadOptions.Default);

    /// <summary>Loads a pipeline from the file <paramref name="path"/> (see <see cref="Load(Stream, FittedPipelineLoadOptions)"/>).</summary>
    /// <exception cref="DataFormatException">The file is not a saved pipeline, is damaged, or exceeds the limits.</exception>
    public static FittedPipeline Load(string path, FittedPipelineLoadOptions options)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, options);
    }

    /// <summary>The whole stream, refused once it passes <paramref name="maxBytes"/> (so a huge file is not read into memory first).</summary>
    private static ReadOnlyMemory<byte> ReadBounded(Stream stream, long maxBytes)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new DataFormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The saved pipeline is larger than {maxBytes} bytes, the most FittedPipelineLoadOptions.MaxBytes allows; raise it to load a larger model you trust."));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static ResamplingStep[] ReadResampling(JsonElement[] steps)
    {
        var read = new ResamplingStep[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            var path = $"resampling[{i}]";
            read[i] = new ResamplingStep(
                ModelFileChecks.Text(steps[i], "sampler", path),
                ReadCounts(ModelFileChecks.Field(steps[i], "before", path), $"{path}.before"),
                ReadCounts(ModelFileChecks.Field(steps[i], "after", path), $"{path}.after"),
                ModelFileChecks.Int(steps[i], "synthetic", path, 0, int.MaxValue));
        }

        return read;
    }

    private void Calibrate(Span<double> probabilities)
    {
        if (Calibrator is null)
        {
            return;
        }

        var raw = probabilities[PositiveClassIndex];
        var calibrated = Calibrator.Calibrate(raw);
        var rest = 1 - raw;
        for (var c = 0; c < probabilities.Length; c++)
        {
            if (c != PositiveClassIndex)
            {
                probabilities[c] = rest > 0 ? probabilities[c] * (1 - calibrated) / rest : (1 - calibrated) / (probabilities.Length - 1);
            }
        }

        probabilities[PositiveClassIndex] = calibrated;
    }

    private void CheckRow(int length)
    {
        if (length != Schema.FeatureCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The row has {length} features; the pipeline was fitted on {Schema.FeatureCount} ({string.Join(", ", Schema.FeatureNames)})."),
                "features");
        }
    }

    private void CheckSchema(DataSchema schema)
    {
        if (!schema.FeatureNames.SequenceEqual(Schema.FeatureNames) || !schema.ClassNames.SequenceEqual(Schema.ClassNames))
        {
            throw new ArgumentException(
                $"The data has features ({string.Join(", ", schema.FeatureNames)}) and classes ({string.Join(", ", schema.ClassNames)}); the pipeline was fitted on features ({string.Join(", ", Schema.FeatureNames)}) and classes ({string.Join(", ", Schema.ClassNames)}).",
                "data");
        }
    }

    private void WriteCalibrator(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("calibrator");
        switch (Calibrator)
        {
            case null:
                writer.WriteNullValue();
                return;
            case PlattScaling platt:
                writer.WriteStartObject();
                writer.WriteString("kind", "platt");
                writer.WriteNumber("a", platt.A);
                writer.WriteNumber("b", platt.B);
                break;
            case IsotonicCalibration isotonic:
                writer.WriteStartObject();
                writer.WriteString("kind", "isotonic");
                PipelineJson.WriteDoubles(writer, "knots", [.. isotonic.Knots]);
                PipelineJson.WriteDoubles(writer, "values", [.. isotonic.Values]);
                break;
            case PriorCorrection prior:
                writer.WriteStartObject();
                writer.WriteString("kind", "prior-correction");
                writer.WriteNumber("true_positive_rate", prior.TruePositiveRate);
                writer.WriteNumber("training_positive_rate", prior.TrainingPositiveRate);
                break;
            default:
                throw new NotSupportedException($"A pipeline with a {Calibrator.GetType().Name} calibrator cannot be saved.");
        }

        writer.WriteEndObject();
    }

    private static IProbabilityCalibrator? ReadCalibrator(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        const string Path = "calibrator";
        var kind = ModelFileChecks.Text(element, "kind", Path);
        switch (kind)
        {
            case "platt":
                return PlattScaling.FromParameters(ModelFileChecks.Number(element, "a", Path), ModelFileChecks.Number(element, "b", Path));
            case "isotonic":
                var knots = ModelFileChecks.Ascending(ModelFileChecks.Field(element, "knots", Path), $"{Path}.knots");
                var values = ModelFileChecks.Numbers(element, "values", Path);
                for (var i = 0; i < values.Length; i++)
                {
                    ModelFileChecks.InRange(values[i], 0, 1, $"{Path}.values[{i}]");
                }

                return IsotonicCalibration.FromKnots(knots, values);
            case "prior-correction":
                return new PriorCorrection(ModelFileChecks.Rate(element, "true_positive_rate", Path), ModelFileChecks.Rate(element, "training_positive_rate", Path));
            default:
                throw new DataFormatException($"Unknown calibrator '{kind}' in the saved pipeline.");
        }
    }

    private static ThresholdPolicy ParsePolicy(string text)
    {
        if (text.StartsWith("tuned:", StringComparison.Ordinal))
        {
            return ThresholdPolicy.Tuned(ThresholdObjective.Parse(text["tuned:".Length..]));
        }

        if (text.StartsWith("fixed:", StringComparison.Ordinal))
        {
            return ThresholdPolicy.Fixed(double.Parse(text["fixed:".Length..], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return ThresholdPolicy.None;
    }

    /// <summary>Whether a resampling step moved the positive class's share of the rows.</summary>
    private static bool ChangesShare(ResamplingStep step, string positiveClass)
    {
        static double Share(IReadOnlyDictionary<string, int> counts, string name)
            => counts.TryGetValue(name, out var n) ? n / (double)counts.Values.Sum() : 0;

        return Math.Abs(Share(step.CountsBefore, positiveClass) - Share(step.CountsAfter, positiveClass)) > 1e-12;
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, int> counts)
    {
        writer.WriteStartObject(name);
        foreach (var (className, count) in counts)
        {
            writer.WriteNumber(className, count);
        }

        writer.WriteEndObject();
    }

    /// <summary>Class counts: each a count, and their total one too (it is divided by).</summary>
    private static Dictionary<string, int> ReadCounts(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw ModelFileChecks.Damaged($"{path} is not an object of class counts");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0L;
        foreach (var property in element.EnumerateObject())
        {
            var count = ModelFileChecks.InRange(ModelFileChecks.Int(property.Value, $"{path}.{property.Name}"), 0, int.MaxValue, $"{path}.{property.Name}");
            if (!counts.TryAdd(property.Name, count))
            {
                throw ModelFileChecks.Damaged($"{path}.{property.Name} is given twice");
            }

            total += count;
        }

        if (total > int.MaxValue)
        {
            throw ModelFileChecks.Damaged(string.Create(CultureInfo.InvariantCulture, $"the counts of {path} sum to {total}, more than a count holds"));
        }

        return counts;
    }
}
