namespace ImbalanceGuard.Models;

/// <summary>A fitted classifier that scores a row with a probability for every class.</summary>
public interface IProbabilisticClassifier
{
    /// <summary>The number of classes (the schema's), the length of a probability vector.</summary>
    int ClassCount { get; }

    /// <summary>Writes the probability of each class for one row of features; they sum to 1.</summary>
    void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities);
}
