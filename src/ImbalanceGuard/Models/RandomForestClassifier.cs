using System.Buffers;

namespace ImbalanceGuard.Models;

/// <summary>
/// A random forest of CART trees (scikit-learn's <c>RandomForestClassifier</c>): each tree is grown on a
/// bootstrap sample (drawn counts multiply the row weights) looking at ⌊√features⌋ random features per split,
/// and the forest averages the trees' leaf distributions. Trees grow in parallel, each from its own random
/// stream, so the forest is the same whatever the thread count. Features are binned once for all trees.
/// </summary>
public sealed class RandomForestClassifier : IClassifierTrainer, ISeedableTrainer
{
    private const int QueryBlock = 256;

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
        var options = Options(prepared);
        var trees = new DecisionTreeModel[Trees];
        Parallel.For(
            0,
            Trees,
            parallel,
            () => new Worker(prepared),
            (t, _, worker) =>
            {
                // The tree's stream draws its bootstrap sample first, then its features.
                var random = SeededRandom.Fork(Seed, t);
                trees[t] = worker.Builder.Grow(worker.Sample(random, Bootstrap), worker.Weights, options, random);
                return worker;
            },
            worker => worker.Dispose());

        prepared.Release();
        return new RandomForestModel(trees, prepared.ClassCount, prepared.FeatureCount, MaxDegreeOfParallelism);
    }

    /// <summary>
    /// The class probabilities (row-major, one row per entry of <paramref name="queryRows"/>) of rows
    /// <paramref name="queryRows"/> of <paramref name="features"/>, by the forest <see cref="Fit"/> would grow on
    /// rows <paramref name="trainingRows"/> (whose classes are <paramref name="labels"/>) — the same numbers, bit
    /// for bit, without ever holding the forest: a few trees grow at a time, answer, and are dropped. Fully grown
    /// trees on many rows are large (a hundred of them can outweigh the data tenfold), and a caller that only
    /// wants out-of-fold answers (instance hardness) has no use for them afterwards.
    /// </summary>
    internal double[] FitAndPredict(double[] features, int dimensions, int[] trainingRows, int[] labels, int classCount, int[] queryRows)
    {
        var parallel = ModelChecks.Options(MaxDegreeOfParallelism);
        var prepared = TreeTraining.Prepare(features, dimensions, trainingRows, labels, classCount, MaxFeatures, parallel);
        var options = Options(prepared);
        var slots = MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;
        var workers = new Worker[Math.Min(slots, Trees)];
        var output = new double[queryRows.Length * classCount];
        var blocks = (queryRows.Length + QueryBlock - 1) / QueryBlock;
        for (var first = 0; first < Trees; first += workers.Length)
        {
            var wave = Math.Min(workers.Length, Trees - first);
            Parallel.For(0, wave, parallel, s =>
            {
                var worker = workers[s] ??= new Worker(prepared);
                var random = SeededRandom.Fork(Seed, first + s);
                worker.Builder.GrowInScratch(worker.Sample(random, Bootstrap), worker.Weights, options, random);
            });

            // Tree by tree in tree order, as the fitted forest adds them up.
            Parallel.For(0, blocks, parallel, block =>
            {
                var end = Math.Min((block + 1) * QueryBlock, queryRows.Length);
                for (var s = 0; s < wave; s++)
                {
                    for (var q = block * QueryBlock; q < end; q++)
                    {
                        var leaf = workers[s].Builder.Leaf(features.AsSpan(queryRows[q] * dimensions, dimensions));
                        var into = output.AsSpan(q * classCount, classCount);
                        for (var c = 0; c < classCount; c++)
                        {
                            into[c] += leaf[c];
                        }
                    }
                }
            });
        }

        foreach (var worker in workers)
        {
            worker?.Dispose();
        }

        prepared.Release();

        for (var i = 0; i < output.Length; i++)
        {
            output[i] /= Trees;
        }

        return output;
    }

    private TreeOptions Options(TreeTraining prepared)
        => new(MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures ?? Math.Max(1, (int)Math.Sqrt(prepared.FeatureCount)));

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    IClassifierTrainer ISeedableTrainer.WithSeed(long seed)
    {
        var copy = (RandomForestClassifier)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }

    /// <summary>
    /// One thread's scratch for growing trees. Its row-length arrays are rented and given back when the fit is
    /// done, so that fits one after another (instance hardness fits one forest per fold) reuse them.
    /// </summary>
    private sealed class Worker(TreeTraining prepared) : IDisposable
    {
        public TreeBuilder Builder { get; } = new(prepared.Bins, prepared.Labels, prepared.ClassCount, prepared.FeatureCount);

        public int[] Counts { get; } = ArrayPool<int>.Shared.Rent(prepared.RowCount);

        public int[] Rows { get; } = ArrayPool<int>.Shared.Rent(prepared.RowCount);

        /// <summary>The row weights of the tree last sampled.</summary>
        public double[] Weights { get; } = ArrayPool<double>.Shared.Rent(prepared.RowCount);

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(Counts);
            ArrayPool<int>.Shared.Return(Rows);
            ArrayPool<double>.Shared.Return(Weights);
        }

        /// <summary>
        /// The rows a tree grows on (in this worker's scratch), with their weights in <see cref="Weights"/>: with
        /// <paramref name="bootstrap"/>, n draws with replacement from the tree's stream <paramref name="random"/>,
        /// a row drawn k times weighing k times its weight; otherwise every row of positive weight.
        /// </summary>
        public Span<int> Sample(SeededRandom random, bool bootstrap)
        {
            var n = prepared.RowCount;
            if (!bootstrap)
            {
                prepared.UsedRows.CopyTo(Rows, 0);
                prepared.Weights.CopyTo(Weights, 0);
                return Rows.AsSpan(0, prepared.UsedRows.Length);
            }

            Array.Clear(Counts, 0, n);
            for (var k = 0; k < n; k++)
            {
                Counts[random.NextInt(n)]++;
            }

            var used = 0;
            for (var i = 0; i < n; i++)
            {
                Weights[i] = prepared.Weights[i] * Counts[i];
                if (Weights[i] > 0)
                {
                    Rows[used++] = i;
                }
            }

            return Rows.AsSpan(0, used);
        }
    }
}
