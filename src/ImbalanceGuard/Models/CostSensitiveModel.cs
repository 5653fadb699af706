namespace ImbalanceGuard.Models;

/// <summary>
/// A learner fitted for cost-sensitive decisions: <see cref="Predict"/> gives the class of least expected cost
/// under the learner's probabilities, or — after MetaCost's relabelling — the refitted learner's most probable
/// class, which already is the least-cost one.
/// </summary>
public sealed class CostSensitiveModel : IProbabilisticClassifier
{
    private readonly double[][] _costs;

    internal CostSensitiveModel(IProbabilisticClassifier model, double[][] costs, bool relabelled, int changedLabels)
    {
        Model = model;
        _costs = costs;
        Relabelled = relabelled;
        ChangedLabels = changedLabels;
    }

    /// <summary>The cost matrix, <c>costs[actual][predicted]</c>, for saving the model.</summary>
    internal double[][] Costs => _costs;

    /// <summary>The fitted learner.</summary>
    public IProbabilisticClassifier Model { get; }

    /// <inheritdoc/>
    public int ClassCount => Model.ClassCount;

    /// <summary>Whether the learner was refitted on MetaCost's relabelled rows.</summary>
    public bool Relabelled { get; }

    /// <summary>How many training rows MetaCost gave another class (0 without MetaCost).</summary>
    public int ChangedLabels { get; }

    /// <summary>
    /// The learner's probabilities. After MetaCost they are the probabilities of each row's least-cost class,
    /// not of its true class.
    /// </summary>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities) => Model.PredictProbabilities(features, probabilities);

    /// <summary>The expected cost of predicting each class for a row, Σᵢ P(i | x)·C(i, j), under the learner's probabilities.</summary>
    /// <exception cref="ArgumentException">The output does not have one entry per class.</exception>
    public void ExpectedCosts(ReadOnlySpan<double> features, Span<double> costs)
    {
        if (costs.Length != ClassCount)
        {
            throw new ArgumentException($"The output has room for {costs.Length} costs; there are {ClassCount} classes.", nameof(costs));
        }

        Span<double> p = stackalloc double[ClassCount];
        Model.PredictProbabilities(features, p);
        ExpectedCosts(p, _costs, costs);
    }

    /// <summary>The decision for a row: the least expected cost class (lowest class on ties), or after MetaCost the most probable class.</summary>
    public int Predict(ReadOnlySpan<double> features)
    {
        Span<double> p = stackalloc double[ClassCount];
        Model.PredictProbabilities(features, p);
        if (!Relabelled)
        {
            return LeastCostClass(p, _costs);
        }

        var best = 0;
        for (var c = 1; c < p.Length; c++)
        {
            if (p[c] > p[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>
    /// The class j of least expected cost Σᵢ pᵢ·C(i, j) for probabilities (or any non-negative class scores)
    /// <paramref name="probabilities"/>; the lowest class on ties.
    /// </summary>
    /// <exception cref="ArgumentException">The cost matrix does not match the number of classes.</exception>
    public static int LeastCostClass(ReadOnlySpan<double> probabilities, IReadOnlyList<IReadOnlyList<double>> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var k = probabilities.Length;
        if (costs.Count != k || costs.Any(row => row.Count != k))
        {
            throw new ArgumentException($"The cost matrix must be {probabilities.Length}×{probabilities.Length}, one row and column per class.", nameof(costs));
        }

        Span<double> expected = stackalloc double[probabilities.Length];
        ExpectedCosts(probabilities, costs, expected);
        var best = 0;
        for (var j = 1; j < expected.Length; j++)
        {
            if (expected[j] < expected[best])
            {
                best = j;
            }
        }

        return best;
    }

    private static void ExpectedCosts(ReadOnlySpan<double> probabilities, IReadOnlyList<IReadOnlyList<double>> costs, Span<double> expected)
    {
        for (var j = 0; j < expected.Length; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < probabilities.Length; i++)
            {
                sum += probabilities[i] * costs[i][j];
            }

            expected[j] = sum;
        }
    }
}
