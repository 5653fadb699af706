using System.Globalization;

namespace ImbalanceGuard.Models;

/// <summary>
/// A fitted CART tree. A row goes left at a node when its feature value is at most the node's threshold,
/// and gets the class distribution of the (weighted) training rows of the leaf it reaches.
/// </summary>
public sealed class DecisionTreeModel : IProbabilisticClassifier
{
    private readonly TreeNode[] _nodes;
    private readonly double[] _leafValues; // leaf l, class c at l * ClassCount + c

    internal DecisionTreeModel(TreeNode[] nodes, double[] leafValues, int classCount, int featureCount, int depth)
    {
        _nodes = nodes;
        _leafValues = leafValues;
        ClassCount = classCount;
        FeatureCount = featureCount;
        Depth = depth;
    }

    /// <inheritdoc/>
    public int ClassCount { get; }

    /// <summary>The nodes in preorder, for saving the tree.</summary>
    internal ReadOnlySpan<TreeNode> Nodes => _nodes;

    /// <summary>The leaves' class distributions, for saving the tree.</summary>
    internal ReadOnlySpan<double> LeafValues => _leafValues;

    /// <summary>The number of features of a row.</summary>
    public int FeatureCount { get; }

    /// <summary>The number of nodes, splits and leaves.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>The number of leaves.</summary>
    public int LeafCount => _leafValues.Length / ClassCount;

    /// <summary>The depth of the deepest leaf (a single leaf has depth 0).</summary>
    public int Depth { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The row or the output has the wrong length.</exception>
    public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        CheckLengths(features.Length, probabilities.Length, FeatureCount, ClassCount);
        Leaf(features).CopyTo(probabilities);
    }

    /// <summary>The class probabilities of every row of <paramref name="data"/>, row-major (row i at <c>i * ClassCount</c>).</summary>
    /// <exception cref="ArgumentException">The data has the wrong number of features.</exception>
    public double[] PredictProbabilities(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckLengths(data.FeatureCount, ClassCount, FeatureCount, ClassCount);
        var features = data.Table.Features;
        var output = new double[data.RowCount * ClassCount];
        for (var i = 0; i < data.RowCount; i++)
        {
            Leaf(features.AsSpan(i * FeatureCount, FeatureCount)).CopyTo(output.AsSpan(i * ClassCount, ClassCount));
        }

        return output;
    }

    /// <summary>The most probable class of a row (the lowest class on a tie).</summary>
    /// <exception cref="ArgumentException">The row has the wrong length.</exception>
    public int Predict(ReadOnlySpan<double> features)
    {
        CheckLengths(features.Length, ClassCount, FeatureCount, ClassCount);
        var leaf = Leaf(features);
        var best = 0;
        for (var c = 1; c < leaf.Length; c++)
        {
            if (leaf[c] > leaf[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The class distribution of the leaf a row reaches.</summary>
    internal ReadOnlySpan<double> Leaf(ReadOnlySpan<double> features) => Leaf(_nodes, _leafValues, ClassCount, Depth, features);

    /// <summary>
    /// The class distribution of the leaf a row reaches in the tree given by its nodes and leaf values, in at most
    /// <paramref name="depth"/> steps below the root. Every index is bounds-checked and the walk is bounded, so even a
    /// tree that escaped the checks of loading cannot read outside it or loop.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tree is deeper than <paramref name="depth"/> (damaged).</exception>
    internal static ReadOnlySpan<double> Leaf(ReadOnlySpan<TreeNode> nodes, ReadOnlySpan<double> leafValues, int classCount, int depth, ReadOnlySpan<double> features)
    {
        var index = 0;
        for (var level = 0; level <= depth; level++)
        {
            ref readonly var node = ref nodes[index];
            if (node.Feature < 0)
            {
                return leafValues.Slice(node.Next * classCount, classCount);
            }

            index = features[node.Feature] <= node.Threshold ? index + 1 : node.Next;
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The tree reaches no leaf within its depth of {depth}: it is damaged."));
    }

    internal static void CheckLengths(int features, int probabilities, int featureCount, int classCount)
    {
        if (features != featureCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The row has {features} features; the model was fitted on {featureCount}."),
                nameof(features));
        }

        if (probabilities != classCount)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The output has room for {probabilities} probabilities; there are {classCount} classes."),
                nameof(probabilities));
        }
    }
}
