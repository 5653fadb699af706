using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Ensembles;

/// <summary>
/// EasyEnsemble (Liu, Wu and Zhou 2009; imbalanced-learn's <c>EasyEnsembleClassifier</c>, defaults of
/// 0.12–0.14): each member is an AdaBoost learner (SAMME, 50 decision stumps) trained on its own random
/// under-sample of every row, so every member sees balanced data and together they see most of the majority
/// class. The ensemble averages the members' probabilities. Members are fitted in parallel, each from its own
/// random stream, so the model is the same for any thread count.
/// </summary>
public sealed class EasyEnsembleClassifier : IClassifierTrainer, ISeedableTrainer, IRebalancingTrainer
{
    private readonly int _estimators = 10;
    private readonly int _maxDegreeOfParallelism = -1;
    private long _seed;

    /// <summary>The number of members (<c>n_estimators</c>). Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Estimators
    {
        get => _estimators;
        init => _estimators = ModelChecks.AtLeast(value, 1, "n_estimators", nameof(Estimators));
    }

    /// <summary>The learner of each member (<c>estimator</c>); null for <see cref="AdaBoostClassifier"/> with its defaults. Default null.</summary>
    public IClassifierTrainer? Estimator { get; init; }

    /// <summary>What each member's random under-sampler balances to (<c>sampling_strategy</c>). Default <see cref="SamplingStrategy.Auto"/>.</summary>
    public SamplingStrategy SamplingStrategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>Whether the under-sampler draws with replacement (<c>replacement</c>). Default false.</summary>
    public bool Replacement { get; init; }

    /// <summary>Seeds the under-samples and the members (<c>random_state</c>). Default 0.</summary>
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

    /// <summary>Fits the members on random under-samples of <paramref name="training"/>; row weights go to the members.</summary>
    /// <exception cref="SamplingException">The data cannot be under-sampled (a single class).</exception>
    public BalancedEnsembleModel Fit(TrainingSet training) => new BaggingEngine
    {
        Estimators = Estimators,
        MaxSamples = 1.0,
        MaxFeatures = 1.0,
        Bootstrap = false,
        BootstrapFeatures = false,
        Sampler = new RandomUnderSampler { SamplingStrategy = SamplingStrategy, Replacement = Replacement, MaxDegreeOfParallelism = 1 },
        Trainer = Estimator ?? new AdaBoostClassifier(),
        Seed = Seed,
        MaxDegreeOfParallelism = MaxDegreeOfParallelism,
    }.Fit(training);

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    IClassifierTrainer ISeedableTrainer.WithSeed(long seed)
    {
        var copy = (EasyEnsembleClassifier)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }
}
