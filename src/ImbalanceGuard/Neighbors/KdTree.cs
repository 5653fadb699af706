namespace ImbalanceGuard.Neighbors;

/// <summary>
/// An exact k-d tree: nodes split at the median of their widest dimension; each node keeps its bounding
/// box, and a subtree is skipped only when its box is strictly farther than the current k-th neighbour,
/// so equally distant points with lower indices are never missed. It holds its boxes and, when they take at most
/// <see cref="MaxCopyBytes"/>, a copy of the points in tree order (its boxes take about a sixth of that copy).
/// </summary>
internal sealed class KdTree
{
    private const int LeafSize = 24;

    /// <summary>
    /// The largest copy of the points in tree order (for locality in the leaves) the tree makes; a larger set is
    /// read where it lives. SMOTE+Tomek on UCI Shuttle searches the 319 000 rows it made and kept (7 classes grown
    /// to 45 586 each): their 23 MB copy, five times the input, took the sampler past its memory allowance.
    /// </summary>
    internal const long MaxCopyBytes = 8L << 20;

    private readonly int _dimensions;
    private readonly PointRows _points;
    private readonly int[] _order;          // tree position -> point index
    private double[]? _sorted;              // points in tree order, row-major; null when read in place
    private readonly Node[] _nodes;
    private readonly double[] _boxes; // per node: d lower bounds then d upper bounds
    private int _nodeCount;

    /// <summary>
    /// Builds the tree over <paramref name="points"/>, copied in tree order when the copy takes at most
    /// <paramref name="maxCopyBytes"/> (0 for a tree searched only a few times, as the neighbour probe's), else
    /// read where they live.
    /// </summary>
    public KdTree(PointRows points, int dimensions, long maxCopyBytes = MaxCopyBytes)
    {
        var count = points.Count;
        _dimensions = dimensions;
        _points = points;
        _order = new int[count];
        for (var i = 0; i < count; i++)
        {
            _order[i] = i;
        }

        _nodes = new Node[NodeBound(count)];
        _boxes = new double[_nodes.Length * 2 * dimensions];
        Build(points, 0, count);
        CopyPoints(maxCopyBytes);
    }

    /// <summary>
    /// Copies the points in tree order, for locality in the leaves, when the copy takes at most
    /// <paramref name="maxCopyBytes"/> and none exists yet; a tree probed before it is kept is copied only then.
    /// </summary>
    public void CopyPoints(long maxCopyBytes = MaxCopyBytes)
    {
        var count = _order.Length;
        if (_sorted is not null || (long)count * _dimensions * sizeof(double) > maxCopyBytes)
        {
            return;
        }

        var sorted = new double[count * _dimensions];
        for (var i = 0; i < count; i++)
        {
            _points.Row(_order[i]).CopyTo(sorted.AsSpan(i * _dimensions, _dimensions));
        }

        _sorted = sorted;
    }

    /// <summary>How many nodes the tree has (at most <see cref="NodeBound"/> of its point count).</summary>
    internal int NodeCount => _nodeCount;

    /// <summary>Whether the leaves read a copy of the points in tree order (false: the points where they live).</summary>
    internal bool CopiesPoints => _sorted is not null;

    /// <summary>
    /// Adds the neighbours of <paramref name="query"/> to <paramref name="top"/>, skipping point
    /// <paramref name="exclude"/>. Returns the work done, in coordinates read: every box and every point the
    /// search looked at counts its dimension (what <see cref="NeighborIndex"/> weighs against a brute-force scan).
    /// </summary>
    public long Search(ReadOnlySpan<double> query, int exclude, ref TopK top)
    {
        Span<int> stack = stackalloc int[128];
        var depth = 0;
        stack[depth++] = 0;
        var visited = 0L;
        while (depth > 0)
        {
            var id = stack[--depth];
            var node = _nodes[id];
            visited++;
            if (BoxDistance(id, query, top.WorstDistance) > top.WorstDistance)
            {
                continue;
            }

            if (node.Left < 0)
            {
                ScanLeaf(node, query, exclude, ref top);
                visited += node.End - node.Start;
                continue;
            }

            // Visit the nearer child first: push it last.
            var goLeftFirst = query[node.SplitDimension] <= node.SplitValue;
            var (first, second) = goLeftFirst ? (node.Left, node.Right) : (node.Right, node.Left);
            if (depth + 2 > stack.Length)
            {
                throw new InvalidOperationException("k-d tree deeper than expected.");
            }

            stack[depth++] = second;
            stack[depth++] = first;
        }

        return visited * _dimensions;
    }

    private void ScanLeaf(Node node, ReadOnlySpan<double> query, int exclude, ref TopK top)
    {
        var d = _dimensions;
        for (var p = node.Start; p < node.End; p++)
        {
            var index = _order[p];
            if (index == exclude)
            {
                continue;
            }

            var row = _sorted is null ? _points.Row(index) : _sorted.AsSpan(p * d, d);
            var worst = top.WorstDistance;
            var sum = 0.0;
            var f = 0;
            for (; f < d; f++)
            {
                var t = row[f] - query[f];
                sum += t * t;

                // Sums only grow, so a partial sum beyond the worst can never come back.
                if (sum > worst)
                {
                    break;
                }
            }

            if (f == d)
            {
                top.Add(sum, index);
            }
        }
    }

    private double BoxDistance(int id, ReadOnlySpan<double> query, double stopAbove)
    {
        // Same operations as the point distance on values no farther than any point in the box, so the
        // result never exceeds the distance of a point inside it.
        var d = _dimensions;
        var offset = id * 2 * d;
        var sum = 0.0;
        for (var f = 0; f < d; f++)
        {
            var lower = _boxes[offset + f];
            var upper = _boxes[offset + d + f];
            var q = query[f];
            var gap = q < lower ? lower - q : q > upper ? q - upper : 0.0;
            sum += gap * gap;
            if (sum > stopAbove)
            {
                return sum;
            }
        }

        return sum;
    }

    /// <summary>
    /// The most nodes a tree over <paramref name="count"/> points can have, so its arrays are made once at their
    /// final size. A node splits exactly at its middle and only above <see cref="LeafSize"/> points (equal points
    /// end a split early, giving fewer nodes), so the count follows from the sizes alone: at each depth they are
    /// one or two neighbouring values. Sized from leaves of at least <see cref="LeafSize"/> / 2 points instead,
    /// the arrays were twice as large (5 MB of boxes for nothing in the probe of a 380 000 × 20 set).
    /// </summary>
    internal static int NodeBound(int count)
    {
        var nodes = 0L;
        var level = new Dictionary<int, long> { [count] = 1 };
        while (level.Count > 0)
        {
            var next = new Dictionary<int, long>();
            foreach (var (size, many) in level)
            {
                nodes += many;
                if (size > LeafSize)
                {
                    next[size / 2] = next.GetValueOrDefault(size / 2) + many;
                    next[size - (size / 2)] = next.GetValueOrDefault(size - (size / 2)) + many;
                }
            }

            level = next;
        }

        return (int)nodes;
    }

    private int Build(PointRows points, int start, int end)
    {
        var d = _dimensions;
        var id = _nodeCount++;
        var lower = _boxes.AsSpan(id * 2 * d, d);
        var upper = _boxes.AsSpan((id * 2 * d) + d, d);
        lower.Fill(double.PositiveInfinity);
        upper.Fill(double.NegativeInfinity);
        for (var p = start; p < end; p++)
        {
            var row = points.Row(_order[p]);
            for (var f = 0; f < d; f++)
            {
                lower[f] = Math.Min(lower[f], row[f]);
                upper[f] = Math.Max(upper[f], row[f]);
            }
        }

        var widest = 0;
        for (var f = 1; f < d; f++)
        {
            if (upper[f] - lower[f] > upper[widest] - lower[widest])
            {
                widest = f;
            }
        }

        if (end - start <= LeafSize || upper[widest] == lower[widest])
        {
            _nodes[id] = new Node(start, end, -1, -1, 0, 0);
            return id;
        }

        var middle = start + ((end - start) / 2);
        SelectNth(points, start, end, middle, widest);
        var splitValue = points.Row(_order[middle])[widest];
        var left = Build(points, start, middle);
        var right = Build(points, middle, end);
        _nodes[id] = new Node(start, end, left, right, widest, splitValue);
        return id;
    }

    /// <summary>Quickselect on <see cref="_order"/> so position <paramref name="nth"/> holds the median along <paramref name="dimension"/>.</summary>
    private void SelectNth(PointRows points, int start, int end, int nth, int dimension)
    {
        var lo = start;
        var hi = end - 1;
        while (lo < hi)
        {
            var pivot = points.Row(_order[lo + ((hi - lo) / 2)])[dimension];
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (points.Row(_order[i])[dimension] < pivot)
                {
                    i++;
                }

                while (points.Row(_order[j])[dimension] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (_order[i], _order[j]) = (_order[j], _order[i]);
                    i++;
                    j--;
                }
            }

            if (nth <= j)
            {
                hi = j;
            }
            else if (nth >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private readonly record struct Node(int Start, int End, int Left, int Right, int SplitDimension, double SplitValue);
}
