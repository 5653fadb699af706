using System.Runtime.InteropServices;

namespace ImbalanceGuard.Models;

/// <summary>
/// Grows one CART tree with Gini impurity on binned features, depth first, as scikit-learn's
/// <c>DepthFirstTreeBuilder</c> with the <c>best</c> splitter does: a node splits unless it is pure, too small
/// (<c>min_samples_split</c>, twice <c>min_samples_leaf</c>) or at <c>max_depth</c>; each split looks at
/// random features until <c>max_features</c> non-constant ones were tried; the split with the lowest weighted
/// child impurity wins, even when it does not improve (that is how CART gets XOR right). Row weights enter
/// impurities and leaf distributions; leaf sizes count rows. A builder is reused from tree to tree on one
/// thread; a tree depends only on its inputs and its random generator.
/// </summary>
internal sealed class TreeBuilder
{
    private readonly FeatureBins _bins;
    private readonly int[] _labels;
    private readonly int _classes;
    private readonly int _features;
    private readonly double[] _histogram; // bin b, class c at b * classes + c
    private readonly int[] _binRows;
    private readonly double[] _left;
    private readonly double[] _bestLeft;
    private readonly int[] _featureOrder;
    private readonly List<TreeNode> _nodes = [];
    private readonly List<double> _leafValues = [];
    private readonly Stack<Pending> _stack = new();
    private readonly List<double[]> _spareWeights = [];

    public TreeBuilder(FeatureBins bins, int[] labels, int classes, int features)
    {
        _bins = bins;
        _labels = labels;
        _classes = classes;
        _features = features;
        _histogram = new double[FeatureBins.MaxBins * classes];
        _binRows = new int[FeatureBins.MaxBins];
        _left = new double[classes];
        _bestLeft = new double[classes];
        _featureOrder = new int[features];
    }

    /// <summary>
    /// Grows a tree on <paramref name="rows"/> (reordered in place) with the given row weights (indexed by row,
    /// all positive for the rows given).
    /// </summary>
    public DecisionTreeModel Grow(Span<int> rows, double[] weights, TreeOptions options, SeededRandom random)
    {
        var depth = GrowInScratch(rows, weights, options, random);
        return new DecisionTreeModel([.. _nodes], [.. _leafValues], _classes, _features, depth);
    }

    /// <summary>
    /// The class distribution of the leaf a row reaches in the tree last grown by <see cref="GrowInScratch"/>,
    /// which stays in this builder's scratch until the next tree.
    /// </summary>
    public ReadOnlySpan<double> Leaf(ReadOnlySpan<double> features)
        => DecisionTreeModel.Leaf(CollectionsMarshal.AsSpan(_nodes), CollectionsMarshal.AsSpan(_leafValues), _classes, _nodes.Count, features);

    /// <summary>
    /// Grows a tree as <see cref="Grow"/> does but leaves it in this builder's scratch (read it with
    /// <see cref="Leaf"/>), for callers that only need its answers and would otherwise copy it; returns its depth.
    /// </summary>
    public int GrowInScratch(Span<int> rows, double[] weights, TreeOptions options, SeededRandom random)
    {
        _nodes.Clear();
        _leafValues.Clear();
        for (var f = 0; f < _features; f++)
        {
            _featureOrder[f] = f;
        }

        var rootWeights = Rent();
        foreach (var row in rows)
        {
            rootWeights[_labels[row]] += weights[row];
        }

        _stack.Push(new Pending(0, rows.Length, 0, -1, false, rootWeights));
        var depth = 0;
        while (_stack.Count > 0)
        {
            var node = _stack.Pop();
            var index = _nodes.Count;
            _nodes.Add(default);
            if (node.Parent >= 0 && !node.IsLeft)
            {
                // A left child is always the node right after its parent; only right children are linked.
                _nodes[node.Parent] = _nodes[node.Parent] with { Next = index };
            }

            depth = Math.Max(depth, node.Depth);
            var count = node.End - node.Start;
            var split = IsLeafBySize(node, count, options) ? Split.None : FindSplit(rows, weights, node, count, options, random);
            if (split.Feature < 0)
            {
                _nodes[index] = new TreeNode(0, -1, _leafValues.Count / _classes);
                var total = 0.0;
                for (var c = 0; c < _classes; c++)
                {
                    total += node.ClassWeights[c];
                }

                for (var c = 0; c < _classes; c++)
                {
                    _leafValues.Add(node.ClassWeights[c] / total);
                }

                Return(node.ClassWeights);
                continue;
            }

            var middle = Partition(rows, node.Start, node.End, split.Feature, split.Bin);
            var leftWeights = Rent();
            var rightWeights = Rent();
            for (var c = 0; c < _classes; c++)
            {
                leftWeights[c] = split.LeftWeights[c];
                rightWeights[c] = node.ClassWeights[c] - split.LeftWeights[c];
            }

            Return(node.ClassWeights);
            Return(split.LeftWeights);
            _nodes[index] = new TreeNode(_bins.Thresholds[split.Feature][split.Bin], split.Feature, -1);

            // Right first, so the left child is built next (scikit-learn's order).
            _stack.Push(new Pending(middle, node.End, node.Depth + 1, index, false, rightWeights));
            _stack.Push(new Pending(node.Start, middle, node.Depth + 1, index, true, leftWeights));
        }

        return depth;
    }

    private bool IsLeafBySize(Pending node, int count, TreeOptions options)
    {
        if (count < options.MinSamplesSplit || count < 2 * options.MinSamplesLeaf || (options.MaxDepth is { } max && node.Depth >= max))
        {
            return true;
        }

        // A pure node is a leaf: impurity 0.
        var present = 0;
        for (var c = 0; c < _classes; c++)
        {
            if (node.ClassWeights[c] > 0)
            {
                present++;
            }
        }

        return present <= 1;
    }

    private Split FindSplit(Span<int> rows, double[] weights, Pending node, int count, TreeOptions options, SeededRandom random)
    {
        var best = Split.None;
        var total = 0.0;
        for (var c = 0; c < _classes; c++)
        {
            total += node.ClassWeights[c];
        }

        var drawn = 0;
        var tried = 0;
        while (drawn < _features && tried < options.MaxFeatures)
        {
            // Draw features without replacement; constant ones do not count towards max_features.
            var pick = drawn + random.NextInt(_features - drawn);
            (_featureOrder[drawn], _featureOrder[pick]) = (_featureOrder[pick], _featureOrder[drawn]);
            var f = _featureOrder[drawn++];
            var (low, high) = Histogram(rows, weights, node.Start, node.End, f);
            if (low == high)
            {
                Clear(low, high);
                continue;
            }

            tried++;
            Array.Clear(_left);
            var leftCount = 0;
            var leftTotal = 0.0;
            for (var b = low; b < high; b++)
            {
                if (_binRows[b] == 0)
                {
                    continue;
                }

                leftCount += _binRows[b];
                for (var c = 0; c < _classes; c++)
                {
                    var w = _histogram[(b * _classes) + c];
                    _left[c] += w;
                    leftTotal += w;
                }

                if (leftCount < options.MinSamplesLeaf)
                {
                    continue;
                }

                if (count - leftCount < options.MinSamplesLeaf)
                {
                    break;
                }

                // Minimising the weighted child Gini is maximising Σ left²/left total + Σ right²/right total.
                var rightTotal = total - leftTotal;
                var leftSquares = 0.0;
                var rightSquares = 0.0;
                for (var c = 0; c < _classes; c++)
                {
                    leftSquares += _left[c] * _left[c];
                    var right = node.ClassWeights[c] - _left[c];
                    rightSquares += right * right;
                }

                var proxy = (leftSquares / leftTotal) + (rightSquares / rightTotal);
                if (proxy > best.Proxy)
                {
                    best = new Split(f, b, proxy, _bestLeft);
                    Array.Copy(_left, _bestLeft, _classes);
                }
            }

            Clear(low, high);
        }

        if (best.Feature < 0)
        {
            return best;
        }

        var leftWeights = Rent();
        Array.Copy(_bestLeft, leftWeights, _classes);
        return best with { LeftWeights = leftWeights };
    }

    /// <summary>Fills the histogram of feature f over the node's rows; returns the lowest and highest bin used.</summary>
    private (int Low, int High) Histogram(Span<int> rows, double[] weights, int start, int end, int f)
    {
        var codes = _bins.Feature(f);
        var classes = _classes;
        var low = FeatureBins.MaxBins;
        var high = -1;
        for (var k = start; k < end; k++)
        {
            var row = rows[k];
            int b = codes[row];
            _histogram[(b * classes) + _labels[row]] += weights[row];
            _binRows[b]++;
            low = Math.Min(low, b);
            high = Math.Max(high, b);
        }

        return (low, high);
    }

    private void Clear(int low, int high)
    {
        Array.Clear(_histogram, low * _classes, (high - low + 1) * _classes);
        Array.Clear(_binRows, low, high - low + 1);
    }

    /// <summary>Moves the rows going left (bin at most <paramref name="bin"/>) before the others; returns the boundary.</summary>
    private int Partition(Span<int> rows, int start, int end, int feature, int bin)
    {
        var codes = _bins.Feature(feature);
        int i = start, j = end - 1;
        while (true)
        {
            while (i <= j && codes[rows[i]] <= bin)
            {
                i++;
            }

            while (i <= j && codes[rows[j]] > bin)
            {
                j--;
            }

            if (i >= j)
            {
                return i;
            }

            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
    }

    private double[] Rent()
    {
        if (_spareWeights.Count == 0)
        {
            return new double[_classes];
        }

        var array = _spareWeights[^1];
        _spareWeights.RemoveAt(_spareWeights.Count - 1);
        Array.Clear(array);
        return array;
    }

    private void Return(double[] array) => _spareWeights.Add(array);

    private readonly record struct Pending(int Start, int End, int Depth, int Parent, bool IsLeft, double[] ClassWeights);

    private readonly record struct Split(int Feature, int Bin, double Proxy, double[] LeftWeights)
    {
        public static Split None => new(-1, 0, double.NegativeInfinity, []);
    }
}
