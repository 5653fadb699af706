namespace ImbalanceGuard.Models;

/// <summary>
/// An isolation forest (Liu, Ting and Zhou 2008; scikit-learn's <c>IsolationForest</c> with its defaults: 100 trees, each
/// grown on min(256, n) rows drawn without replacement, to depth ⌈log₂ of that⌉, every split a random non-constant
/// feature cut at a uniform point between its smallest and largest value in the node). A row that short paths isolate
/// is an anomaly: its score is 2^(−E[h] / c(ψ)), where h is the path length (the depth of the leaf, plus the average
/// path length c(m) of the m rows left in it) and c(ψ) the average path length of a tree of ψ rows.
/// </summary>
/// <remarks>
/// For the anomaly-detection framing of a rare class (below about 0.1 % positives, where a classifier sees too few
/// of them): the forest is grown on the rows of the largest class only, and the score of any row is given as the
/// probability of not belonging to it. The score is not a calibrated probability — a pipeline calibrates it on inner
/// folds (the <c>isolation-forest</c> strategy does). Row weights are not used.
/// </remarks>
public sealed class IsolationForest : IClassifierTrainer, ISeedableTrainer
{
    private readonly int _trees = 100;
    private readonly int? _maxSamples;
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>The number of trees (scikit-learn's <c>n_estimators</c>). Default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Trees
    {
        get => _trees;
        init => _trees = ModelChecks.AtLeast(value, 1, "n_estimators", nameof(Trees));
    }

    /// <summary>The rows each tree is grown on (scikit-learn's <c>max_samples</c>); null for min(256, rows of the largest class). Default null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int? MaxSamples
    {
        get => _maxSamples;
        init => _maxSamples = ModelChecks.AtLeast(value, 2, "max_samples", nameof(MaxSamples));
    }

    /// <summary>Seeds the row draws and the splits; tree t uses its own stream. Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>The most threads to use; -1 for every core. The forest never depends on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = ModelChecks.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Grows the forest on the rows of the largest class of <paramref name="training"/> (the first such class on a tie).</summary>
    /// <exception cref="ArgumentException">The largest class has fewer than two rows, a value is not finite, or <see cref="MaxSamples"/> exceeds its rows.</exception>
    public IsolationForestModel Fit(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var d = training.FeatureCount;
        var features = training.Table.Features;
        ModelChecks.Finite(features, d, nameof(training));
        var counts = training.ClassCounts;
        var normal = 0;
        for (var c = 1; c < counts.Count; c++)
        {
            normal = counts[c] > counts[normal] ? c : normal;
        }

        var labels = training.Labels;
        var rows = new int[counts[normal]];
        for (int i = 0, next = 0; i < labels.Length; i++)
        {
            if (labels[i] == normal)
            {
                rows[next++] = i;
            }
        }

        if (rows.Length < 2)
        {
            throw new ArgumentException($"An isolation forest needs at least 2 rows of the largest class; it has {rows.Length}.", nameof(training));
        }

        if (MaxSamples > rows.Length)
        {
            throw new ArgumentException($"max_samples={MaxSamples} exceeds the {rows.Length} rows of the largest class.", nameof(training));
        }

        var samples = MaxSamples ?? Math.Min(256, rows.Length);
        var depthLimit = (int)Math.Ceiling(Math.Log2(Math.Max(samples, 2)));
        var trees = new DecisionTreeModel[Trees];
        ModelChecks.ParallelFor(Trees, MaxDegreeOfParallelism, t =>
        {
            // The tree's stream draws its rows first, then its splits.
            var random = SeededRandom.Fork(Seed, t);
            var drawn = random.SampleWithoutReplacement(rows.Length, samples);
            var sample = new int[samples];
            for (var i = 0; i < samples; i++)
            {
                sample[i] = rows[drawn[i]];
            }

            trees[t] = new IsolationTreeBuilder(features, d, depthLimit, random).Grow(sample);
        });

        return new IsolationForestModel(trees, training.ClassCount, normal, d, samples);
    }

    /// <inheritdoc/>
    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    /// <inheritdoc/>
    IClassifierTrainer ISeedableTrainer.WithSeed(long seed) => new IsolationForest
    {
        Trees = Trees,
        MaxSamples = MaxSamples,
        MaxDegreeOfParallelism = MaxDegreeOfParallelism,
        Seed = seed,
    };

    /// <summary>The average path length of an unsuccessful search in a binary search tree of <paramref name="rows"/> rows: c(m) of the paper.</summary>
    internal static double AveragePathLength(int rows)
        => rows switch
        {
            <= 1 => 0,
            2 => 1,
            _ => (2 * (Math.Log(rows - 1) + 0.5772156649015329)) - (2.0 * (rows - 1) / rows),
        };
}
