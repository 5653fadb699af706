namespace ImbalanceGuard.Models;

/// <summary>
/// A fitted <see cref="CascadeClassifier"/>. The rare class's score is ½ · p₁/cut for a row the first stage stops
/// (p₁ below <see cref="FirstStageThreshold"/>) and ½ + ½ · p₂ for a row it lets through, p₂ being the second stage's
/// probability; the other classes share the rest in the proportions of the stage that answered.
/// </summary>
public sealed class CascadeModel : IProbabilisticClassifier
{
    internal CascadeModel(IProbabilisticClassifier firstStage, IProbabilisticClassifier secondStage, double firstStageThreshold, int rareClass, int classCount, double trainingSecondStageShare)
    {
        FirstStage = firstStage;
        SecondStage = secondStage;
        FirstStageThreshold = firstStageThreshold;
        RareClass = rareClass;
        ClassCount = classCount;
        TrainingSecondStageShare = trainingSecondStageShare;
    }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The cheap first stage.</summary>
    public IProbabilisticClassifier FirstStage { get; }

    /// <summary>The precise second stage, trained on the rows the first stage lets through.</summary>
    public IProbabilisticClassifier SecondStage { get; }

    /// <summary>The first stage's probability of <see cref="RareClass"/> at which a row goes on to the second stage.</summary>
    public double FirstStageThreshold { get; }

    /// <summary>The class the first stage must not lose: the smallest of the training rows.</summary>
    public int RareClass { get; }

    /// <summary>The share of training rows whose out-of-fold first-stage score reached the second stage.</summary>
    public double TrainingSecondStageShare { get; }

    /// <summary>Whether the first stage lets <paramref name="features"/> through to the second.</summary>
    /// <exception cref="ArgumentException">The row has the wrong length for the first stage.</exception>
    public bool ReachesSecondStage(ReadOnlySpan<double> features)
    {
        Span<double> probabilities = stackalloc double[ClassCount];
        FirstStage.PredictProbabilities(features, probabilities);
        return probabilities[RareClass] >= FirstStageThreshold;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        if (probabilities.Length != ClassCount)
        {
            throw new ArgumentException($"The output has room for {probabilities.Length} probabilities; there are {ClassCount} classes.", nameof(probabilities));
        }

        FirstStage.PredictProbabilities(features, probabilities);
        var first = probabilities[RareClass];
        double score;
        if (first < FirstStageThreshold)
        {
            score = FirstStageThreshold > 0 ? 0.5 * first / FirstStageThreshold : 0;
        }
        else
        {
            SecondStage.PredictProbabilities(features, probabilities);
            score = 0.5 + (0.5 * probabilities[RareClass]);
        }

        // The other classes keep their proportions from the stage that answered.
        var rest = 1 - probabilities[RareClass];
        for (var c = 0; c < probabilities.Length; c++)
        {
            if (c != RareClass)
            {
                probabilities[c] = rest > 0 ? probabilities[c] / rest * (1 - score) : (1 - score) / (ClassCount - 1);
            }
        }

        probabilities[RareClass] = score;
    }
}
