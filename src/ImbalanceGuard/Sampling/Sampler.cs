using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// The base of every sampler. A sampler takes a <see cref="TrainingSet"/> and returns a
/// <see cref="TrainingSet"/>: nothing else can be resampled, so evaluation data and unsplit data stay as
/// they are. It validates the data and resolves the <see cref="SamplingStrategy"/> before the sampler's
/// own rule runs.
/// </summary>
public abstract class Sampler
{
    private int _maxDegreeOfParallelism = -1;
    private IProgress<SamplingProgress>? _progress;

    private protected Sampler()
    {
    }

    /// <summary>The short name used on the command line and in provenance, for example <c>smote</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the sampler adds rows, keeps a chosen number, or cleans by a rule.</summary>
    public abstract SamplingKind Kind { get; }

    /// <summary>
    /// Receives how far the sampler is, on the thread that runs it: the start and end of the run, and each chunk
    /// of a long neighbour search (the cleaners', NearMiss's, over large data). Null for none; the result never depends on it.
    /// </summary>
    public IProgress<SamplingProgress>? Progress
    {
        get => _progress;
        init => _progress = value;
    }

    /// <summary>This sampler, fresh from a factory, told to report to <paramref name="progress"/>.</summary>
    internal Sampler ReportingTo(IProgress<SamplingProgress>? progress)
    {
        _progress = progress;
        return this;
    }

    /// <summary>Which classes to resample and to what size (<c>sampling_strategy</c>); default <see cref="SamplingStrategy.Auto"/>.</summary>
    public SamplingStrategy SamplingStrategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>The most threads to use (<c>n_jobs</c>); -1 for every core. The result never depends on it.</summary>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value == 0 || value < -1
            ? throw new ArgumentOutOfRangeException("n_jobs", value, "n_jobs must be -1 (every core) or a positive thread count.")
            : value;
    }

    /// <summary>
    /// Whether the rows it makes mix the feature values of several rows (SMOTE's interpolation, cluster centroids)
    /// or perturb them (a smoothed bootstrap): on a categorical feature that makes codes that name no category.
    /// <see cref="SmoteNc"/> and <see cref="Smoten"/> are the over-samplers for categorical features. Such a sampler
    /// refuses data with categorical features (<see cref="CategoricalFeaturesException"/>).
    /// </summary>
    public virtual bool InterpolatesFeatures => false;

    /// <summary>How the sampler mixes feature values, for the refusal's message.</summary>
    private protected virtual string MixesFeatures => "interpolates between rows";

    /// <summary>
    /// The refusal this sampler owes data of <paramref name="schema"/>: it mixes feature values
    /// (<see cref="InterpolatesFeatures"/>) and the data has categorical features. Null when nothing stands in the way.
    /// Every sampler checks here, before its strategy or its rule, so no run ever makes a code between two categories.
    /// </summary>
    internal CategoricalFeaturesException? CategoricalRefusal(DataSchema schema)
    {
        if (!InterpolatesFeatures || !schema.HasCategoricalFeatures)
        {
            return null;
        }

        string[] columns = [.. schema.FeatureNames.Where((_, j) => schema.FeatureKinds[j] == FeatureKind.Categorical)];
        var (alternative, advice) = CategoricalAlternative(columns.Length == schema.FeatureCount);
        var listed = string.Join(", ", columns.Select(c => $"'{c}'"));
        return new CategoricalFeaturesException(
            Name,
            columns,
            alternative,
            $"{Name} {MixesFeatures} and would turn the codes of the categorical column{(columns.Length == 1 ? string.Empty : "s")} {listed} into values that name no category; {advice}.");
    }

    /// <summary>What to use instead on categorical features (a sampler's short name or a setting), and the advice that says so.</summary>
    private protected virtual (string Alternative, string Advice) CategoricalAlternative(bool everyFeatureCategorical) => everyFeatureCategorical
        ? ("smoten", "every feature is categorical: use smoten (Smoten), whose new rows take the most common category among a row and its neighbours")
        : ("smote-nc", "use smote-nc (SmoteNc), which interpolates the continuous features and samples categories from the neighbours");

    /// <summary>
    /// A copy of this sampler that draws its random choices from <paramref name="seed"/>; samplers without
    /// randomness return themselves. Ensembles give each member its own stream this way, as imbalanced-learn
    /// sets each member's <c>random_state</c>.
    /// </summary>
    internal virtual Sampler WithSeed(int seed) => this;

    /// <summary>Resamples <paramref name="training"/>.</summary>
    /// <exception cref="CategoricalFeaturesException">The sampler mixes feature values (<see cref="InterpolatesFeatures"/>) and the data has categorical features.</exception>
    /// <exception cref="SamplingException">The sampler cannot run on this data with these settings.</exception>
    public TrainingSet Resample(TrainingSet training) => FitResample(training).Resampled;

    /// <summary>Resamples <paramref name="training"/> and reports what was kept and made.</summary>
    /// <exception cref="CategoricalFeaturesException">The sampler mixes feature values (<see cref="InterpolatesFeatures"/>) and the data has categorical features.</exception>
    /// <exception cref="SamplingException">The sampler cannot run on this data with these settings.</exception>
    public SamplingResult FitResample(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var table = training.Table;
        var progress = _progress;
        var input = new SamplerInput(
            table.Features,
            table.Labels,
            table.Schema,
            new NeighborSearchOptions
            {
                MaxDegreeOfParallelism = MaxDegreeOfParallelism,
                QueriesAnswered = progress is null ? null : (done, total) => progress.Report(new SamplingProgress($"{Name}: neighbour search", done, total)),
            });
        RefuseCategorical(table.Schema);
        var targets = SamplingStrategy.Resolve(input.ClassCounts, input.ClassNames, Kind);
        progress?.Report(new SamplingProgress(Name, 0, 1));
        var output = Run(input, targets);
        input.ReleaseIndex();
        progress?.Report(new SamplingProgress(Name, 1, 1));
        return SamplingResult.Build(Name, training, output, targets, input.Parallel);
    }

    /// <summary>Runs the sampler on matrix-level input, resolving the strategy (used by combined samplers).</summary>
    internal SamplerOutput Run(SamplerInput input)
        => Run(input, SamplingStrategy.Resolve(input.ClassCounts, input.ClassNames, Kind));

    internal SamplerOutput Run(SamplerInput input, SamplingTargets targets)
    {
        RefuseCategorical(input.Schema);
        if (input.Dimensions == 0)
        {
            throw new SamplingException($"{Name}: the data has no feature columns.");
        }

        foreach (var need in RowNeeds(targets))
        {
            if (input.ClassCounts[need.Class] < need.Rows)
            {
                throw new SamplingException(need.Shortfall(Name, input.ClassNames[need.Class], input.ClassCounts[need.Class]));
            }
        }

        return ResampleCore(input, targets);
    }

    /// <exception cref="CategoricalFeaturesException">See <see cref="CategoricalRefusal"/>.</exception>
    private void RefuseCategorical(DataSchema schema)
    {
        if (CategoricalRefusal(schema) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>
    /// The rows each class needs for the sampler's neighbour searches, once the strategy is resolved: checked
    /// before the rule runs, and from class counts alone (<see cref="RowNeedsFor"/>) before any work at all.
    /// </summary>
    internal virtual IEnumerable<RowNeed> RowNeeds(SamplingTargets targets) => [];

    /// <summary>The row needs on data with these class counts.</summary>
    /// <exception cref="SamplingException">The strategy cannot be met with these counts.</exception>
    internal IEnumerable<RowNeed> RowNeedsFor(IReadOnlyList<int> classCounts, IReadOnlyList<string> classNames)
    {
        try
        {
            return RowNeeds(SamplingStrategy.Resolve(classCounts, classNames, Kind));
        }
        catch (ArgumentException e)
        {
            throw new SamplingException($"{Name}: {e.Message}");
        }
    }

    /// <summary>One need of <paramref name="rows"/> rows for every class the targets grow (SMOTE's family: k_neighbors + 1).</summary>
    private protected static IEnumerable<RowNeed> PerGrownClass(SamplingTargets targets, int rows, string parameter, int value)
        => targets.TargetedClasses.Where(c => targets[c] != 0).Select(c => new RowNeed(c, rows, parameter, value));

    /// <summary>The sampler's own rule, on validated input with the strategy resolved.</summary>
    private protected abstract SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets);
}
