namespace ImbalanceGuard.Models;

/// <summary>
/// Grows one isolation tree in the layout of <see cref="DecisionTreeModel"/> (preorder nodes, the left child next): a
/// single "class" whose leaf value is the path length there, the leaf's depth plus the average path length of the rows
/// left in it, so a forest's mean leaf value is E[h].
/// </summary>
internal sealed class IsolationTreeBuilder(double[] features, int dimensions, int depthLimit, SeededRandom random)
{
    private readonly List<TreeNode> _nodes = [];
    private readonly List<double> _leaves = [];
    private int _depth;

    /// <summary>The tree grown on <paramref name="rows"/> (which it reorders).</summary>
    public DecisionTreeModel Grow(int[] rows)
    {
        Split(rows, 0, rows.Length, 0);
        return new DecisionTreeModel([.. _nodes], [.. _leaves], 1, dimensions, _depth);
    }

    private void Split(int[] rows, int start, int end, int depth)
    {
        var count = end - start;
        if (depth >= depthLimit || count <= 1 || Cut(rows, start, end) is not var (feature, threshold))
        {
            _depth = Math.Max(_depth, depth);
            _nodes.Add(new TreeNode(0, -1, _leaves.Count));
            _leaves.Add(depth + IsolationForest.AveragePathLength(count));
            return;
        }

        // Rows at most the threshold go left, as in every tree of the library (and scikit-learn's).
        var middle = start;
        for (var i = start; i < end; i++)
        {
            if (features[(rows[i] * dimensions) + feature] <= threshold)
            {
                (rows[i], rows[middle]) = (rows[middle], rows[i]);
                middle++;
            }
        }

        var node = _nodes.Count;
        _nodes.Add(default);
        Split(rows, start, middle, depth + 1);
        _nodes[node] = new TreeNode(threshold, feature, _nodes.Count);
        Split(rows, middle, end, depth + 1);
    }

    /// <summary>A random non-constant feature and a uniform cut between its extremes in the node; null when every feature is constant.</summary>
    private (int Feature, double Threshold)? Cut(int[] rows, int start, int end)
    {
        Span<double> low = dimensions <= 256 ? stackalloc double[dimensions] : new double[dimensions];
        Span<double> high = dimensions <= 256 ? stackalloc double[dimensions] : new double[dimensions];
        low.Fill(double.PositiveInfinity);
        high.Fill(double.NegativeInfinity);
        for (var i = start; i < end; i++)
        {
            var row = features.AsSpan(rows[i] * dimensions, dimensions);
            for (var j = 0; j < dimensions; j++)
            {
                low[j] = Math.Min(low[j], row[j]);
                high[j] = Math.Max(high[j], row[j]);
            }
        }

        var varying = 0;
        for (var j = 0; j < dimensions; j++)
        {
            varying += high[j] > low[j] ? 1 : 0;
        }

        if (varying == 0)
        {
            return null;
        }

        // The k-th varying feature, k uniform: scikit-learn's draw skips constant features the same way.
        var pick = random.NextInt(varying);
        var feature = 0;
        for (; ; feature++)
        {
            if (high[feature] > low[feature] && pick-- == 0)
            {
                break;
            }
        }

        var threshold = low[feature] + (random.NextDouble() * (high[feature] - low[feature]));

        // A cut at the largest value would leave the right side empty (scikit-learn moves it to the smallest).
        return (feature, threshold >= high[feature] ? low[feature] : threshold);
    }
}
