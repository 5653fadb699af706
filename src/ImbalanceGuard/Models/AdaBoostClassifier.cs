namespace ImbalanceGuard.Models;

/// <summary>
/// AdaBoost with the SAMME algorithm (scikit-learn's <c>AdaBoostClassifier</c>, whose only algorithm it is
/// from scikit-learn 1.6): weak learners fitted in turn on re-weighted rows, the rows the last one got wrong
/// weighing more each round. The weak learner is a decision stump unless another trainer is given; it must
/// honour row weights. Row weights of the training set are the starting weights.
/// </summary>
public sealed class AdaBoostClassifier : IClassifierTrainer, ISeedableTrainer
{
    private readonly int _estimators = 50;
    private readonly double _learningRate = 1.0;
    private long _seed;

    /// <summary>The weak learner (scikit-learn's <c>estimator</c>); null for a decision stump (a tree of depth 1). Default null.</summary>
    public IClassifierTrainer? Estimator { get; init; }

    /// <summary>The most boosting rounds (scikit-learn's <c>n_estimators</c>). Default 50.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int Estimators
    {
        get => _estimators;
        init => _estimators = ModelChecks.AtLeast(value, 1, "n_estimators", nameof(Estimators));
    }

    /// <summary>Shrinks each learner's weight (scikit-learn's <c>learning_rate</c>). Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and finite.</exception>
    public double LearningRate
    {
        get => _learningRate;
        init => _learningRate = ModelChecks.Positive(value, "learning_rate", nameof(LearningRate));
    }

    /// <summary>Seeds the weak learners' random choices (scikit-learn's <c>random_state</c>). Default 0.</summary>
    public long Seed
    {
        get => _seed;
        init => _seed = value;
    }

    /// <summary>Boosts on <paramref name="training"/>, its row weights being the starting weights.</summary>
    /// <exception cref="ArgumentException">
    /// Fewer than two classes have rows of positive weight, a value is not finite, or the first learner is no
    /// better than chance.
    /// </exception>
    public AdaBoostModel Fit(TrainingSet training)
        => SammeBoosting.Run(training, Estimator ?? Stump, Estimators, LearningRate, Seed, selectRows: null);

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    IClassifierTrainer ISeedableTrainer.WithSeed(long seed)
    {
        var copy = (AdaBoostClassifier)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }

    /// <summary>scikit-learn's default weak learner, <c>DecisionTreeClassifier(max_depth=1)</c>.</summary>
    internal static DecisionTreeClassifier Stump { get; } = new() { MaxDepth = 1 };
}
