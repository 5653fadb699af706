using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Models;

/// <summary>
/// A two-stage cascade, as fraud and security teams run them: a cheap first stage (logistic regression by default) that
/// lets through nearly every row of the rare class, and a precise second stage (<see cref="SecondStage"/>) trained and
/// asked only about the rows the first stage lets through. The second stage sees a far less imbalanced problem, and in
/// production only that share of rows pays its cost.
/// </summary>
/// <remarks>
/// The rare class is the smallest class of the training rows. The first stage's cut is tuned inside the training rows:
/// on out-of-fold first-stage scores over <see cref="InnerFolds"/> stratified folds, the highest threshold that keeps
/// <see cref="FirstStageRecall"/> of the rare rows. The second stage is trained on the rows whose out-of-fold score
/// passes it — the rows it will meet. The cascade's score puts every row the first stage stops below every row it lets
/// through (stopped rows in [0, ½) by their first-stage score, passed rows in [½, 1] by the second stage's); it ranks
/// but is not a probability: a pipeline calibrates it (the <c>cascade</c> strategy does).
/// </remarks>
public sealed class CascadeClassifier : IClassifierTrainer, ISeedableTrainer
{
    private readonly double _firstStageRecall = 0.95;
    private readonly int _innerFolds = 3;

    /// <summary>The cheap first stage. Default a logistic regression (give it standardised features: the strategy does).</summary>
    public IClassifierTrainer FirstStage { get; init; } = new LogisticRegression();

    /// <summary>The precise second stage. Default a 100-tree random forest.</summary>
    public IClassifierTrainer SecondStage { get; init; } = new RandomForestClassifier();

    /// <summary>The share of rare rows the first stage must let through, on out-of-fold scores of the training rows. Default 0.95.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in (0, 1].</exception>
    public double FirstStageRecall
    {
        get => _firstStageRecall;
        init => _firstStageRecall = value is > 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(FirstStageRecall), value, "The first stage's recall must be in (0, 1].");
    }

    /// <summary>The stratified folds of the training rows that give the first stage's out-of-fold scores. Default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 2.</exception>
    public int InnerFolds
    {
        get => _innerFolds;
        init => _innerFolds = ModelChecks.AtLeast(value, 2, "inner_folds", nameof(InnerFolds));
    }

    /// <summary>Seeds the inner folds and both stages (when they are seedable). Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>Fits both stages on <paramref name="training"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The rare class has fewer rows than <see cref="InnerFolds"/>, or the rows the first stage lets through hold one class
    /// only (the second stage has nothing to learn).
    /// </exception>
    public CascadeModel Fit(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var counts = training.ClassCounts;
        var rare = Enumerable.Range(0, counts.Count).Where(c => counts[c] > 0).MinBy(c => counts[c]);
        if (counts[rare] < InnerFolds)
        {
            throw new ArgumentException($"A cascade tunes its first stage on {InnerFolds} inner folds, but the rare class '{training.Schema.ClassNames[rare]}' has only {counts[rare]} rows.", nameof(training));
        }

        var first = Seeded(FirstStage, 1);
        var outOfFold = OutOfFoldScores(training, first, rare);
        var isRare = new bool[training.RowCount];
        for (var i = 0; i < isRare.Length; i++)
        {
            isRare[i] = training.Labels[i] == rare;
        }

        var cut = ThresholdTuner.Tune(BinaryScores.Create(isRare, outOfFold), ThresholdObjective.MinimumRecall(FirstStageRecall)).Threshold;
        var passed = Enumerable.Range(0, training.RowCount).Where(i => outOfFold[i] >= cut).ToArray();
        var passedRows = new TrainingSet(training.Table.Select(passed));
        if (passedRows.ClassCounts.Count(c => c > 0) < 2)
        {
            throw new ArgumentException(
                $"The first stage lets through {passed.Length} of {training.RowCount} rows, all of one class: the second stage has nothing to learn. Lower FirstStageRecall or use a single model.",
                nameof(training));
        }

        return new CascadeModel(
            first.Fit(training),
            Seeded(SecondStage, 2).Fit(passedRows),
            cut,
            rare,
            training.ClassCount,
            passed.Length / (double)training.RowCount);
    }

    /// <inheritdoc/>
    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    /// <inheritdoc/>
    IClassifierTrainer ISeedableTrainer.WithSeed(long seed) => new CascadeClassifier
    {
        FirstStage = FirstStage,
        SecondStage = SecondStage,
        FirstStageRecall = FirstStageRecall,
        InnerFolds = InnerFolds,
        Seed = seed,
    };

    private IClassifierTrainer Seeded(IClassifierTrainer trainer, long stream)
        => trainer is ISeedableTrainer seedable ? seedable.WithSeed(SeededRandom.Fork(Seed, stream).NextInt(int.MaxValue)) : trainer;

    private double[] OutOfFoldScores(TrainingSet training, IClassifierTrainer first, int rare)
    {
        var fold = StratifiedKFold.AssignFolds(training.Labels, training.ClassCount, InnerFolds, new SeededRandom(Seed));
        var scores = new double[training.RowCount];
        var probabilities = new double[training.ClassCount];
        for (var f = 0; f < InnerFolds; f++)
        {
            var inner = Enumerable.Range(0, training.RowCount).Where(i => fold[i] != f).ToArray();
            var model = first.Fit(new TrainingSet(training.Table.Select(inner)));
            for (var i = 0; i < training.RowCount; i++)
            {
                if (fold[i] == f)
                {
                    model.PredictProbabilities(training.GetRow(i), probabilities);
                    scores[i] = probabilities[rare];
                }
            }
        }

        return scores;
    }
}
