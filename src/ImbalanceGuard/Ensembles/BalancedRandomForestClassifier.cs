using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Ensembles;

/// <summary>
/// A balanced random forest (Chen, Liaw and Breiman 2004; imbalanced-learn's
/// <c>BalancedRandomForestClassifier</c> with the defaults of imbalanced-learn 0.13 and later): every tree is
/// grown on its own random under-sample of the rows — by default every class drawn with replacement to the
/// minority's size (<c>sampling_strategy="all"</c>, <c>replacement=True</c>), a balanced bootstrap as the paper
/// proposes — with no further bootstrap (<c>bootstrap=False</c>), looking at ⌊√features⌋ random features per
/// split. The forest averages the trees' leaf distributions. Features are binned once for all trees; trees grow
/// in parallel, each from its own random stream, so the forest is the same for any thread count.
/// </summary>
public sealed class BalancedRandomForestClassifier : IClassifierTrainer, ISeedableTrainer, IRebalancingTrainer
{
    private readonly int _trees = 100;
    private readonly int? _maxDepth;
    private readonly int _minSamplesSplit = 2;
    private readonly int _minSamplesLeaf = 1;
    private readonly int? _maxFeatures;
    private readonly int _maxDegreeOfParallelism = -1;
    private long _seed;

    /// <summary>The number of trees (<c>n_estimators</c>). Default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Trees
    {
        get => _trees;
        init => _trees = ModelChecks.AtLeast(value, 1, "n_estimators", nameof(Trees));
    }

    /// <summary>The deepest a leaf may be (<c>max_depth</c>); null for no limit. Default null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = ModelChecks.AtLeast(value, 1, "max_depth", nameof(MaxDepth));
    }

    /// <summary>The fewest rows a node needs to be split (<c>min_samples_split</c>). Default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int MinSamplesSplit
    {
        get => _minSamplesSplit;
        init => _minSamplesSplit = ModelChecks.AtLeast(value, 2, "min_samples_split", nameof(MinSamplesSplit));
    }

    /// <summary>The fewest rows a leaf may have (<c>min_samples_leaf</c>). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MinSamplesLeaf
    {
        get => _minSamplesLeaf;
        init => _minSamplesLeaf = ModelChecks.AtLeast(value, 1, "min_samples_leaf", nameof(MinSamplesLeaf));
    }

    /// <summary>How many features a split looks at (<c>max_features</c>); null for ⌊√features⌋ ("sqrt"). Default null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int? MaxFeatures
    {
        get => _maxFeatures;
        init => _maxFeatures = ModelChecks.AtLeast(value, 1, "max_features", nameof(MaxFeatures));
    }

    /// <summary>
    /// Whether each tree also draws a bootstrap of its under-sample (<c>bootstrap</c>). Default false, as since
    /// imbalanced-learn 0.13 (the under-sample with replacement already is a bootstrap).
    /// </summary>
    public bool Bootstrap { get; init; }

    /// <summary>
    /// What each tree's under-sample keeps (<c>sampling_strategy</c>). Default <see cref="SamplingStrategy.All"/>,
    /// as since imbalanced-learn 0.13: every class, the minority included, drawn to the minority's size.
    /// </summary>
    public SamplingStrategy SamplingStrategy { get; init; } = SamplingStrategy.All;

    /// <summary>Whether the under-sample draws with replacement (<c>replacement</c>). Default true, as since imbalanced-learn 0.13.</summary>
    public bool Replacement { get; init; } = true;

    /// <summary>Seeds the under-samples and the trees (<c>random_state</c>). Default 0.</summary>
    public long Seed
    {
        get => _seed;
        init => _seed = value;
    }

    /// <summary>The most threads (<c>n_jobs</c>); -1 for every core. The forest never depends on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = ModelChecks.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Grows the forest on balanced under-samples of <paramref name="training"/>, honouring its row weights.</summary>
    /// <exception cref="SamplingException">The strategy cannot be met on this data (a single class, an impossible count).</exception>
    /// <exception cref="ArgumentException">
    /// No row has a positive weight, a value is not finite, or <see cref="MaxFeatures"/> exceeds the feature count.
    /// </exception>
    public BalancedEnsembleModel Fit(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var parallel = ModelChecks.Options(MaxDegreeOfParallelism);
        var table = training.Table;
        var targets = SamplingStrategy.Resolve(training.ClassCounts, table.Schema.ClassNames, SamplingKind.UnderSampling);
        var prepared = TreeTraining.Prepare(training, MaxFeatures, parallel);
        var d = prepared.FeatureCount;
        var n = prepared.RowCount;
        var options = new TreeOptions(MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures ?? Math.Max(1, (int)Math.Sqrt(d)));
        var rowsOfClass = Split.RowsByClass(table.Labels, prepared.ClassCount);
        var all = Enumerable.Range(0, n).ToArray();
        var trees = new IProbabilisticClassifier[Trees];
        var trainingRows = new int[Trees][];
        var classCounts = new int[Trees][];
        Parallel.For(
            0,
            Trees,
            parallel,
            () => new Worker(prepared),
            (t, _, worker) =>
            {
                var random = SeededRandom.Fork(Seed, t);
                var counts = worker.Counts;
                Array.Clear(counts);
                var drawn = UnderSample(random, rowsOfClass, targets, worker.Drawn);
                if (Bootstrap)
                {
                    // A bootstrap of the under-sample, of its size, as scikit-learn's forest draws it.
                    for (var k = 0; k < drawn.Count; k++)
                    {
                        counts[drawn[random.NextInt(drawn.Count)]]++;
                    }
                }
                else
                {
                    foreach (var row in drawn)
                    {
                        counts[row]++;
                    }
                }

                var weights = worker.Weights;
                var used = new List<int>(drawn.Count);
                var fedRows = new List<int>(drawn.Count);
                var perClass = new int[prepared.ClassCount];
                for (var i = 0; i < n; i++)
                {
                    weights[i] = prepared.Weights[i] * counts[i];
                    for (var k = 0; k < counts[i]; k++)
                    {
                        fedRows.Add(i);
                    }

                    perClass[prepared.Labels[i]] += counts[i];
                    if (weights[i] > 0)
                    {
                        used.Add(i);
                    }
                }

                trees[t] = worker.Builder.Grow([.. used], weights, options, random);
                trainingRows[t] = [.. fedRows];
                classCounts[t] = perClass;
                return worker;
            },
            _ => { });

        var samples = Enumerable.Repeat(all, Trees).ToArray();
        return new BalancedEnsembleModel(trees, new int[]?[Trees], samples, trainingRows, classCounts, prepared.ClassCount, d);
    }

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    IClassifierTrainer ISeedableTrainer.WithSeed(long seed)
    {
        var copy = (BalancedRandomForestClassifier)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }

    /// <summary>The rows of one tree's under-sample (a class not targeted keeps every row), with repeats.</summary>
    private List<int> UnderSample(SeededRandom random, int[][] rowsOfClass, SamplingTargets targets, List<int> drawn)
    {
        drawn.Clear();
        for (var c = 0; c < rowsOfClass.Length; c++)
        {
            var rows = rowsOfClass[c];
            if (!targets.Targets(c))
            {
                drawn.AddRange(rows);
            }
            else if (Replacement)
            {
                for (var k = 0; k < targets[c]; k++)
                {
                    drawn.Add(rows[random.NextInt(rows.Length)]);
                }
            }
            else
            {
                foreach (var position in random.SampleWithoutReplacement(rows.Length, targets[c]))
                {
                    drawn.Add(rows[position]);
                }
            }
        }

        return drawn;
    }

    /// <summary>One thread's scratch, reused from tree to tree.</summary>
    private sealed class Worker(TreeTraining prepared)
    {
        public TreeBuilder Builder { get; } = new(prepared.Bins, prepared.Labels, prepared.ClassCount, prepared.FeatureCount);

        public int[] Counts { get; } = new int[prepared.RowCount];

        public double[] Weights { get; } = new double[prepared.RowCount];

        public List<int> Drawn { get; } = [];
    }
}
