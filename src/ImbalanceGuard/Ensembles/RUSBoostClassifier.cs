using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Ensembles;

/// <summary>
/// RUSBoost (Seiffert et al. 2010; imbalanced-learn's <c>RUSBoostClassifier</c>, defaults of 0.12–0.14):
/// AdaBoost (SAMME) in which every round first randomly under-samples the rows, fits the weak learner on the
/// kept rows with their current boosting weights, and then — as AdaBoost — measures the error and updates
/// the weights on every row. The weak learner is a decision stump unless another trainer is given.
/// </summary>
public sealed class RUSBoostClassifier : IClassifierTrainer, ISeedableTrainer, IRebalancingTrainer
{
    private readonly int _estimators = 50;
    private readonly double _learningRate = 1.0;
    private long _seed;

    /// <summary>The weak learner (<c>estimator</c>); null for a decision stump. It must honour row weights. Default null.</summary>
    public IClassifierTrainer? Estimator { get; init; }

    /// <summary>The most boosting rounds (<c>n_estimators</c>). Default 50.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Estimators
    {
        get => _estimators;
        init => _estimators = ModelChecks.AtLeast(value, 1, "n_estimators", nameof(Estimators));
    }

    /// <summary>Shrinks each learner's weight (<c>learning_rate</c>). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double LearningRate
    {
        get => _learningRate;
        init => _learningRate = ModelChecks.Positive(value, "learning_rate", nameof(LearningRate));
    }

    /// <summary>What each round's random under-sampler balances to (<c>sampling_strategy</c>). Default <see cref="SamplingStrategy.Auto"/>.</summary>
    public SamplingStrategy SamplingStrategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>Whether the under-sampler draws with replacement (<c>replacement</c>). Default false.</summary>
    public bool Replacement { get; init; }

    /// <summary>Seeds the under-samples and the weak learners (<c>random_state</c>). Default 0.</summary>
    public long Seed
    {
        get => _seed;
        init => _seed = value;
    }

    /// <summary>Boosts on <paramref name="training"/>; its row weights are the starting weights.</summary>
    /// <returns>The boosted model; its <see cref="AdaBoostModel.RoundRows"/> are each round's under-sample.</returns>
    /// <exception cref="SamplingException">The data cannot be under-sampled (a single class).</exception>
    /// <exception cref="ArgumentException">The first learner is no better than chance, or a value is not finite.</exception>
    public AdaBoostModel Fit(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var table = training.Table;
        var sampler = new RandomUnderSampler { SamplingStrategy = SamplingStrategy, Replacement = Replacement, MaxDegreeOfParallelism = 1 };
        var input = new SamplerInput(table.Features, table.Labels, table.Schema, new Neighbors.NeighborSearchOptions { MaxDegreeOfParallelism = 1 });

        // Resolve once up front so that a strategy the data cannot meet fails before any fitting.
        _ = sampler.Run(input);
        return SammeBoosting.Run(
            training,
            Estimator ?? AdaBoostClassifier.Stump,
            Estimators,
            LearningRate,
            Seed,
            round => sampler.WithSeed(TrainerSeeds.SamplerSeed(Seed, round)).Run(input).Kept);
    }

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    IClassifierTrainer ISeedableTrainer.WithSeed(long seed)
    {
        var copy = (RUSBoostClassifier)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }
}
