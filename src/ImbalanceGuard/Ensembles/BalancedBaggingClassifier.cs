using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Ensembles;

/// <summary>
/// Balanced bagging (imbalanced-learn's <c>BalancedBaggingClassifier</c>, defaults of 0.12–0.14): each member
/// draws a bootstrap of the rows (and optionally of the features), a random under-sampler (or the
/// <see cref="Sampler"/> given) balances that sample, and the base learner — a decision tree unless told
/// otherwise — fits the balanced rows. The ensemble averages the members' probabilities. Members are fitted
/// in parallel, each from its own random stream, so the model is the same for any thread count.
/// </summary>
public sealed class BalancedBaggingClassifier : IClassifierTrainer, ISeedableTrainer, IRebalancingTrainer
{
    private readonly int _estimators = 10;
    private readonly double _maxSamples = 1.0;
    private readonly double _maxFeatures = 1.0;
    private readonly int _maxDegreeOfParallelism = -1;
    private long _seed;

    /// <summary>The base learner (imbalanced-learn's <c>estimator</c>); null for a fully grown decision tree. Default null.</summary>
    public IClassifierTrainer? Estimator { get; init; }

    /// <summary>The number of members (<c>n_estimators</c>). Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Estimators
    {
        get => _estimators;
        init => _estimators = ModelChecks.AtLeast(value, 1, "n_estimators", nameof(Estimators));
    }

    /// <summary>The share of the rows each member draws (<c>max_samples</c>, a float), in (0, 1]. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double MaxSamples
    {
        get => _maxSamples;
        init => _maxSamples = EnsembleChecks.Fraction(value, "max_samples", nameof(MaxSamples));
    }

    /// <summary>The share of the features each member sees (<c>max_features</c>, a float), in (0, 1]. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double MaxFeatures
    {
        get => _maxFeatures;
        init => _maxFeatures = EnsembleChecks.Fraction(value, "max_features", nameof(MaxFeatures));
    }

    /// <summary>Whether rows are drawn with replacement (<c>bootstrap</c>). Default true.</summary>
    public bool Bootstrap { get; init; } = true;

    /// <summary>Whether features are drawn with replacement (<c>bootstrap_features</c>). Default false.</summary>
    public bool BootstrapFeatures { get; init; }

    /// <summary>
    /// What the default random under-sampler balances to (<c>sampling_strategy</c>). Default
    /// <see cref="SamplingStrategy.Auto"/>: every class but the minority down to the minority's size. Ignored
    /// when a <see cref="Sampler"/> is given, which keeps its own strategy.
    /// </summary>
    public SamplingStrategy SamplingStrategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>Whether the default random under-sampler draws with replacement (<c>replacement</c>). Default false.</summary>
    public bool Replacement { get; init; }

    /// <summary>
    /// The sampler run on each member's rows (imbalanced-learn's <c>sampler</c>); null for a
    /// <see cref="RandomUnderSampler"/> with <see cref="SamplingStrategy"/> and <see cref="Replacement"/>. Each
    /// member runs a copy reseeded for it. Default null.
    /// </summary>
    public Sampler? Sampler { get; init; }

    /// <summary>Seeds the draws, the samplers and the members (<c>random_state</c>). Default 0.</summary>
    public long Seed
    {
        get => _seed;
        init => _seed = value;
    }

    /// <summary>The most threads (<c>n_jobs</c>); -1 for every core. The model never depends on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = ModelChecks.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Fits the members on balanced samples of <paramref name="training"/>; row weights go to the base learner.</summary>
    /// <exception cref="ArgumentException">The shares leave no row or feature, or the base learner refuses a sample.</exception>
    /// <exception cref="SamplingException">A member's sample cannot be balanced (for example it holds a single class).</exception>
    public BalancedEnsembleModel Fit(TrainingSet training) => new BaggingEngine
    {
        Estimators = Estimators,
        MaxSamples = MaxSamples,
        MaxFeatures = MaxFeatures,
        Bootstrap = Bootstrap,
        BootstrapFeatures = BootstrapFeatures,
        Sampler = Sampler ?? new RandomUnderSampler { SamplingStrategy = SamplingStrategy, Replacement = Replacement, MaxDegreeOfParallelism = 1 },
        Trainer = Estimator ?? new DecisionTreeClassifier(),
        Seed = Seed,
        MaxDegreeOfParallelism = MaxDegreeOfParallelism,
    }.Fit(training);

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    IClassifierTrainer ISeedableTrainer.WithSeed(long seed)
    {
        var copy = (BalancedBaggingClassifier)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }
}
