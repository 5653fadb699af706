using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Scale;

/// <summary>
/// The metrics of a scored file computed on the engine from its counts of positives and negatives per distinct score:
/// the counts and the decision exact, ROC-AUC from an exact integer sum, average precision, Brier score and log loss
/// summed with compensation (equal to the in-memory <see cref="EvaluationReport"/> within 1e-12 relative).
/// </summary>
public sealed record StreamedEvaluation
{
    /// <summary>The number of rows.</summary>
    public required long Rows { get; init; }

    /// <summary>The positive rows.</summary>
    public required long Positives { get; init; }

    /// <summary>The negative rows.</summary>
    public required long Negatives { get; init; }

    /// <summary>The class treated as positive.</summary>
    public required string PositiveClass { get; init; }

    /// <summary>The other class.</summary>
    public required string NegativeClass { get; init; }

    /// <summary>The number of distinct scores: the thresholds the exact walk went through.</summary>
    public required long DistinctScores { get; init; }

    /// <summary>The area under the ROC curve, ties counting half.</summary>
    public required double RocAuc { get; init; }

    /// <summary>Average precision, scikit-learn's step-wise sum over every distinct score.</summary>
    public required double AveragePrecision { get; init; }

    /// <summary>Whether every score is in [0, 1], so the probability metrics apply.</summary>
    public required bool ScoresAreProbabilities { get; init; }

    /// <summary>The Brier score, or null when the scores are not probabilities.</summary>
    public double? BrierScore { get; init; }

    /// <summary>The log loss (probabilities clipped to machine epsilon, as in memory), or null when the scores are not probabilities.</summary>
    public double? LogLoss { get; init; }

    /// <summary>The threshold of the decision, or null when none was given.</summary>
    public double? Threshold { get; init; }

    /// <summary>The exact counts of the decision at <see cref="Threshold"/>; null without a threshold.</summary>
    public BinaryConfusion? Confusion { get; init; }

    /// <summary>The share of positives.</summary>
    public double PositiveShare => (double)Positives / Rows;

    /// <summary>The Brier score of predicting <see cref="PositiveShare"/> for every row.</summary>
    public double BaselineBrierScore => PositiveShare * (1 - PositiveShare);
}
