namespace ImbalanceGuard.Models;

/// <summary>
/// A fitted <see cref="IsolationForest"/>. The anomaly score of a row, 2^(−E[h] / c(ψ)) in (0, 1) (scikit-learn's
/// <c>-score_samples</c>), is given as the probability of every class but the one the forest was grown on, shared
/// equally among them; that class gets one minus it. Calibrate it before reading it as a probability.
/// </summary>
public sealed class IsolationForestModel : IProbabilisticClassifier
{
    private readonly DecisionTreeModel[] _trees;
    private readonly double _normaliser;

    internal IsolationForestModel(DecisionTreeModel[] trees, int classCount, int normalClass, int featureCount, int samples)
    {
        _trees = trees;
        ClassCount = classCount;
        NormalClass = normalClass;
        FeatureCount = featureCount;
        Samples = samples;
        _normaliser = IsolationForest.AveragePathLength(samples);
    }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The class the forest was grown on: the largest of the training rows.</summary>
    public int NormalClass { get; }

    /// <summary>The number of features of a row.</summary>
    public int FeatureCount { get; }

    /// <summary>The rows each tree was grown on (ψ).</summary>
    public int Samples { get; }

    /// <summary>The trees, in the order they were seeded (each a one-"class" tree whose leaf value is the path length).</summary>
    public IReadOnlyList<DecisionTreeModel> Trees => _trees;

    /// <summary>The anomaly score of a row: 2^(−E[h] / c(ψ)); about 0.5 for an ordinary row, towards 1 for an anomaly.</summary>
    /// <exception cref="ArgumentException">The row has the wrong length.</exception>
    public double AnomalyScore(ReadOnlySpan<double> features)
    {
        DecisionTreeModel.CheckLengths(features.Length, 1, FeatureCount, 1);
        var path = 0.0;
        foreach (var tree in _trees)
        {
            path += tree.Leaf(features)[0];
        }

        return Math.Pow(2, -(path / _trees.Length) / _normaliser);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        DecisionTreeModel.CheckLengths(features.Length, probabilities.Length, FeatureCount, ClassCount);
        var score = AnomalyScore(features);
        probabilities.Fill(ClassCount > 1 ? score / (ClassCount - 1) : 0);
        probabilities[NormalClass] = 1 - score;
    }
}
