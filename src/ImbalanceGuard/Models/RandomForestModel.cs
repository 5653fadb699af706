namespace ImbalanceGuard.Models;

/// <summary>
/// A fitted random forest: the probability of a class is the mean over the trees of the class distribution
/// of the leaf each tree sends the row to (scikit-learn's <c>predict_proba</c>).
/// </summary>
public sealed class RandomForestModel : IProbabilisticClassifier
{
    private readonly DecisionTreeModel[] _trees;

    private const int RowBlock = 256;

    private readonly int _maxDegreeOfParallelism;

    internal RandomForestModel(DecisionTreeModel[] trees, int classCount, int featureCount, int maxDegreeOfParallelism)
    {
        _trees = trees;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        ClassCount = classCount;
        FeatureCount = featureCount;
    }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The number of features of a row.</summary>
    public int FeatureCount { get; }

    /// <summary>The trees, in the order they were seeded.</summary>
    public IReadOnlyList<DecisionTreeModel> Trees => _trees;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        DecisionTreeModel.CheckLengths(features.Length, probabilities.Length, FeatureCount, ClassCount);
        probabilities.Clear();
        foreach (var tree in _trees)
        {
            var leaf = tree.Leaf(features);
            for (var c = 0; c < probabilities.Length; c++)
            {
                probabilities[c] += leaf[c];
            }
        }

        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] /= _trees.Length;
        }
    }

    /// <summary>
    /// The class probabilities of every row of <paramref name="data"/>, row-major (row i at
    /// <c>i * ClassCount</c>): the same numbers as <see cref="PredictProbabilities(ReadOnlySpan{double}, Span{double})"/>
    /// row by row, computed tree by tree over blocks of rows (which keeps each tree in cache) on the
    /// forest's threads.
    /// </summary>
    /// <exception cref="ArgumentException">The data has the wrong number of features.</exception>
    public double[] PredictProbabilities(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        DecisionTreeModel.CheckLengths(data.FeatureCount, ClassCount, FeatureCount, ClassCount);
        var features = data.Table.Features;
        var rows = data.RowCount;
        var d = FeatureCount;
        var k = ClassCount;
        var output = new double[rows * k];
        var blocks = (rows + RowBlock - 1) / RowBlock;
        Parallel.For(0, blocks, ModelChecks.Options(_maxDegreeOfParallelism), block =>
        {
            var end = Math.Min((block + 1) * RowBlock, rows);
            foreach (var tree in _trees)
            {
                for (var i = block * RowBlock; i < end; i++)
                {
                    var leaf = tree.Leaf(features.AsSpan(i * d, d));
                    var into = output.AsSpan(i * k, k);
                    for (var c = 0; c < k; c++)
                    {
                        into[c] += leaf[c];
                    }
                }
            }

            for (var i = block * RowBlock * k; i < end * k; i++)
            {
                output[i] /= _trees.Length;
            }
        });

        return output;
    }
}
