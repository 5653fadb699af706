namespace ImbalanceGuard.Models;

/// <summary>
/// A fitted SAMME ensemble. A class's score is the weight share of the learners voting for it; the
/// probabilities are the softmax of the scores divided by K - 1 (for two classes, of ±(score₁ - score₀)/2),
/// as scikit-learn's <c>AdaBoostClassifier.predict_proba</c> computes them.
/// </summary>
public sealed class AdaBoostModel : IProbabilisticClassifier
{
    private readonly IProbabilisticClassifier[] _estimators;
    private readonly double[] _weights;
    private readonly int[] _classes;
    private readonly double _weightSum;

    internal AdaBoostModel(IProbabilisticClassifier[] estimators, double[] weights, double[] errors, int[][] roundRows, int[] classes, int classCount, int featureCount)
    {
        _estimators = estimators;
        _weights = weights;
        _classes = classes;
        _weightSum = weights.Sum();
        ClassCount = classCount;
        FeatureCount = featureCount;
        Estimators = Array.AsReadOnly(estimators);
        EstimatorWeights = Array.AsReadOnly(weights);
        EstimatorErrors = Array.AsReadOnly(errors);
        RoundRows = Array.AsReadOnly(roundRows.Select(r => (IReadOnlyList<int>)Array.AsReadOnly(r)).ToArray());
    }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The classes that had training rows, ascending, for saving the model.</summary>
    internal ReadOnlySpan<int> TrainedClasses => _classes;

    /// <summary>The number of features of a row.</summary>
    public int FeatureCount { get; }

    /// <summary>The weak learners kept, in boosting order (fewer than asked when boosting stopped early).</summary>
    public IReadOnlyList<IProbabilisticClassifier> Estimators { get; }

    /// <summary>Each learner's vote weight α (scikit-learn's <c>estimator_weights_</c>).</summary>
    public IReadOnlyList<double> EstimatorWeights { get; }

    /// <summary>Each learner's weighted training error ε (scikit-learn's <c>estimator_errors_</c>).</summary>
    public IReadOnlyList<double> EstimatorErrors { get; }

    /// <summary>
    /// The training rows each learner was fitted on (a row repeats when drawn twice): every row for AdaBoost,
    /// the round's random under-sample for RUSBoost (imbalanced-learn's <c>samplers_[i].sample_indices_</c>).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> RoundRows { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        DecisionTreeModel.CheckLengths(features.Length, probabilities.Length, FeatureCount, ClassCount);
        Span<double> votes = stackalloc double[ClassCount];
        Votes(features, votes);
        probabilities.Clear();
        var k = _classes.Length;
        if (k == 2)
        {
            var decision = (votes[_classes[1]] - votes[_classes[0]]) / 2;
            var p = LogisticObjective.Sigmoid(2 * decision);
            probabilities[_classes[0]] = 1 - p;
            probabilities[_classes[1]] = p;
            return;
        }

        var max = double.NegativeInfinity;
        foreach (var c in _classes)
        {
            max = Math.Max(max, votes[c] / (k - 1));
        }

        var sum = 0.0;
        foreach (var c in _classes)
        {
            probabilities[c] = Math.Exp((votes[c] / (k - 1)) - max);
            sum += probabilities[c];
        }

        foreach (var c in _classes)
        {
            probabilities[c] /= sum;
        }
    }

    /// <summary>
    /// The SAMME scores of a row (scikit-learn's <c>decision_function</c> before the binary fold): per class,
    /// the summed weight of the learners that predict it over the summed weight of all learners.
    /// </summary>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void Votes(ReadOnlySpan<double> features, Span<double> votes)
    {
        DecisionTreeModel.CheckLengths(features.Length, votes.Length, FeatureCount, ClassCount);
        votes.Clear();
        Span<double> scratch = stackalloc double[ClassCount];
        for (var m = 0; m < _estimators.Length; m++)
        {
            int predicted;
            if (_estimators[m] is DecisionTreeModel tree)
            {
                predicted = tree.Predict(features);
            }
            else
            {
                _estimators[m].PredictProbabilities(features, scratch);
                predicted = 0;
                for (var c = 1; c < scratch.Length; c++)
                {
                    if (scratch[c] > scratch[predicted])
                    {
                        predicted = c;
                    }
                }
            }

            votes[predicted] += _weights[m];
        }

        for (var c = 0; c < votes.Length; c++)
        {
            votes[c] /= _weightSum;
        }
    }
}
