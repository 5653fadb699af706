namespace ImbalanceGuard.Models;

/// <summary>
/// A random forest of CART trees (scikit-learn's <c>RandomForestClassifier</c>): each tree is grown on a
/// bootstrap sample (drawn counts multiply the row weights) looking at ⌊√features⌋ random features per split,
/// and the forest averages the trees' leaf distributions. Trees grow in parallel, each from its own random
/// stream, so the forest is the same whatever the thread count. Features are binned once for all trees.
/// </summary>
public sealed class RandomForestClassifier : IClassifierTrainer, ISeedableTrainer
{
    private long _seed;
    private readonly int _trees = 100;
    private readonly int? _maxDepth;
    private readonly int _minSamplesSplit = 2;
    private readonly int _minSamplesLeaf = 1;
    private readonly int? _maxFeatures;
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>The number of trees (scikit-learn's <c>n_estimators</c>). Default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Trees
    {
        get => _trees;
        init => _trees = ModelChecks.AtLeast(value, 1, "n_estimators", nameof(Trees));
    }

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
    /// How many non-constant features a split looks at (scikit-learn's <c>max_features</c>); null for
    /// ⌊√features⌋ (scikit-learn's "sqrt"). Default null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxFeatures
    {
        get => _maxFeatures;
        init => _maxFeatures = ModelChecks.AtLeast(value, 1, "max_features", nameof(MaxFeatures));
    }

    /// <summary>Whether each tree sees a bootstrap sample rather than every row (scikit-learn's <c>bootstrap</c>). Default true.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Seeds the bootstrap samples and feature draws; tree t uses its own stream. Default 0.</summary>
    public long Seed
    {
        get => _seed;
        init => _seed = value;
    }

    /// <summary>The most threads to use; -1 for every core. The forest never depends on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = ModelChecks.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Fits the forest on <paramref name="training"/>, honouring its row weights.</summary>
    /// <exception cref="ArgumentException">
    /// No row has a positive weight, a value is not finite, or <see cref="MaxFeatures"/> exceeds the feature count.
    /// </exception>
    public RandomForestModel Fit(TrainingSet training)
    {
        var parallel = ModelChecks.Options(MaxDegreeOfParallelism);
        var prepared = TreeTraining.Prepare(training, MaxFeatures, parallel);
        var d = prepared.FeatureCount;
        var options = new TreeOptions(MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures ?? Math.Max(1, (int)Math.Sqrt(d)));
        var n = prepared.RowCount;
        var trees = new DecisionTreeModel[Trees];
        Parallel.For(
            0,
            Trees,
            parallel,
            () => new Worker(prepared),
            (t, _, worker) =>
            {
                var random = SeededRandom.Fork(Seed, t);
                int[] rows;
                double[] weights;
                if (Bootstrap)
                {
                    // n draws with replacement; a row drawn k times weighs k times its weight.
                    var counts = worker.Counts;
                    Array.Clear(counts);
                    for (var k = 0; k < n; k++)
                    {
                        counts[random.NextInt(n)]++;
                    }

                    var used = 0;
                    weights = worker.Weights;
                    rows = worker.Rows;
                    for (var i = 0; i < n; i++)
                    {
                        weights[i] = prepared.Weights[i] * counts[i];
                        if (weights[i] > 0)
                        {
                            rows[used++] = i;
                        }
                    }

                    rows = rows[..used];
                }
                else
                {
                    rows = [.. prepared.UsedRows];
                    weights = prepared.Weights;
                }

                trees[t] = worker.Builder.Grow(rows, weights, options, random);
                return worker;
            },
            _ => { });

        return new RandomForestModel(trees, prepared.ClassCount, d, MaxDegreeOfParallelism);
    }

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    IClassifierTrainer ISeedableTrainer.WithSeed(long seed)
    {
        var copy = (RandomForestClassifier)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }

    /// <summary>One thread's scratch, reused from tree to tree.</summary>
    private sealed class Worker(TreeTraining prepared)
    {
        public TreeBuilder Builder { get; } = new(prepared.Bins, prepared.Labels, prepared.ClassCount, prepared.FeatureCount);

        public int[] Counts { get; } = new int[prepared.RowCount];

        public int[] Rows { get; } = new int[prepared.RowCount];

        public double[] Weights { get; } = new double[prepared.RowCount];
    }
}
