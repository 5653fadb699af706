using ImbalanceGuard.Models;

namespace ImbalanceGuard.Ensembles;

/// <summary>
/// A fitted bagging-style ensemble (balanced bagging, easy ensemble, balanced random forest): the probability
/// of a class is the mean of the members' probabilities, each member seeing only its own features. What each
/// member was trained on is kept, so the balancing can be checked.
/// </summary>
public sealed class BalancedEnsembleModel : IProbabilisticClassifier
{
    private const int StackFeatures = 256;
    private readonly IProbabilisticClassifier[] _estimators;
    private readonly int[]?[] _features; // null: every feature, in order

    internal BalancedEnsembleModel(IProbabilisticClassifier[] estimators, int[]?[] features, int[][] samples, int[][] trainingRows, int[][] classCounts, int classCount, int featureCount)
    {
        _estimators = estimators;
        _features = features;
        ClassCount = classCount;
        FeatureCount = featureCount;
        var all = Enumerable.Range(0, featureCount).ToArray();
        Estimators = Array.AsReadOnly(estimators);
        EstimatorFeatures = ReadOnly(features.Select(f => f ?? all));
        EstimatorSamples = ReadOnly(samples);
        EstimatorTrainingRows = ReadOnly(trainingRows);
        EstimatorClassCounts = ReadOnly(classCounts);
    }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The feature columns of each member, null for all of them in order, for saving the model.</summary>
    internal int[]?[] MemberFeatures => _features;

    /// <summary>The number of features of a row.</summary>
    public int FeatureCount { get; }

    /// <summary>The fitted members, in the order they were seeded (scikit-learn's <c>estimators_</c>).</summary>
    public IReadOnlyList<IProbabilisticClassifier> Estimators { get; }

    /// <summary>The feature columns each member sees, in the order it sees them (scikit-learn's <c>estimators_features_</c>).</summary>
    public IReadOnlyList<IReadOnlyList<int>> EstimatorFeatures { get; }

    /// <summary>
    /// The training rows drawn for each member before its sampler ran, ascending, a row repeated as often as it
    /// was drawn (scikit-learn's <c>estimators_samples_</c>): the bootstrap of balanced bagging, every row
    /// for the easy ensemble and the balanced random forest.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> EstimatorSamples { get; }

    /// <summary>
    /// The training rows each member was finally fitted on, ascending, with repeats: the rows its sampler kept
    /// (rows a sampler made are not training rows and are not listed), then for the balanced random forest
    /// the tree's bootstrap of them.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> EstimatorTrainingRows { get; }

    /// <summary>The rows of each class each member was fitted on (made rows included), indexed by class.</summary>
    public IReadOnlyList<IReadOnlyList<int>> EstimatorClassCounts { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        DecisionTreeModel.CheckLengths(features.Length, probabilities.Length, FeatureCount, ClassCount);
        probabilities.Clear();
        Span<double> member = stackalloc double[ClassCount];
        var buffer = FeatureCount <= StackFeatures ? stackalloc double[FeatureCount] : new double[FeatureCount];
        for (var m = 0; m < _estimators.Length; m++)
        {
            var columns = _features[m];
            if (columns is null)
            {
                _estimators[m].PredictProbabilities(features, member);
            }
            else
            {
                var view = buffer[..columns.Length];
                for (var f = 0; f < columns.Length; f++)
                {
                    view[f] = features[columns[f]];
                }

                _estimators[m].PredictProbabilities(view, member);
            }

            for (var c = 0; c < member.Length; c++)
            {
                probabilities[c] += member[c];
            }
        }

        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] /= _estimators.Length;
        }
    }

    private static IReadOnlyList<IReadOnlyList<int>> ReadOnly(IEnumerable<int[]> lists)
        => Array.AsReadOnly(lists.Select(l => (IReadOnlyList<int>)Array.AsReadOnly(l)).ToArray());
}
