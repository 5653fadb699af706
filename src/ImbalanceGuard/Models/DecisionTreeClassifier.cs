namespace ImbalanceGuard.Models;

/// <summary>
/// A CART decision tree with Gini impurity (scikit-learn's <c>DecisionTreeClassifier</c> with its defaults
/// otherwise): grown depth first until leaves are pure or a limit stops them, splits that may not improve
/// included. Row weights count in impurities and leaf distributions; a row of weight 0 is the same as no row.
/// Features are cut once into at most 256 bins: exact CART splits for features with at most 256 distinct
/// values, quantile thresholds beyond.
/// </summary>
public sealed class DecisionTreeClassifier : IClassifierTrainer, ISeedableTrainer
{
    private long _seed;
    private readonly int? _maxDepth;
    private readonly int _minSamplesSplit = 2;
    private readonly int _minSamplesLeaf = 1;
    private readonly int? _maxFeatures;

    /// <summary>The deepest a leaf may be (scikit-learn's <c>max_depth</c>); null for no limit. Default null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = ModelChecks.AtLeast(value, 1, "max_depth", nameof(MaxDepth));
    }

    /// <summary>The fewest rows a node needs to be split (scikit-learn's <c>min_samples_split</c>). Default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int MinSamplesSplit
    {
        get => _minSamplesSplit;
        init => _minSamplesSplit = ModelChecks.AtLeast(value, 2, "min_samples_split", nameof(MinSamplesSplit));
    }

    /// <summary>The fewest rows a leaf may have (scikit-learn's <c>min_samples_leaf</c>). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MinSamplesLeaf
    {
        get => _minSamplesLeaf;
        init => _minSamplesLeaf = ModelChecks.AtLeast(value, 1, "min_samples_leaf", nameof(MinSamplesLeaf));
    }

    /// <summary>
    /// How many non-constant features a split looks at, drawn at random per node (scikit-learn's
    /// <c>max_features</c>); null for every feature. Default null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxFeatures
    {
        get => _maxFeatures;
        init => _maxFeatures = ModelChecks.AtLeast(value, 1, "max_features", nameof(MaxFeatures));
    }

    /// <summary>Seeds the feature draws (which matter for ties, and with <see cref="MaxFeatures"/>). Default 0.</summary>
    public long Seed
    {
        get => _seed;
        init => _seed = value;
    }

    /// <summary>Fits a tree on <paramref name="training"/>, honouring its row weights.</summary>
    /// <exception cref="ArgumentException">
    /// No row has a positive weight, a value is not finite, or <see cref="MaxFeatures"/> exceeds the feature count.
    /// </exception>
    public DecisionTreeModel Fit(TrainingSet training)
    {
        var prepared = TreeTraining.Prepare(training, MaxFeatures, new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var options = Options(prepared.FeatureCount);
        var builder = new TreeBuilder(prepared.Bins, prepared.Labels, prepared.ClassCount, prepared.FeatureCount);
        return builder.Grow([.. prepared.UsedRows], prepared.Weights, options, new SeededRandom(Seed));
    }

    /// <summary>The growth limits for data with <paramref name="featureCount"/> features.</summary>
    internal TreeOptions Options(int featureCount) => new(MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures ?? featureCount);

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    IClassifierTrainer ISeedableTrainer.WithSeed(long seed)
    {
        var copy = (DecisionTreeClassifier)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }
}
