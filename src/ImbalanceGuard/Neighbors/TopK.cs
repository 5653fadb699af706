namespace ImbalanceGuard.Neighbors;

/// <summary>
/// The k best (distance, index) pairs seen so far, ordered by distance then index, in caller-owned
/// storage. Small k keeps a sorted array; large k keeps a max-heap and sorts at the end.
/// </summary>
internal ref struct TopK
{
    private const int HeapThreshold = 24;
    private readonly Span<double> _distances;
    private readonly Span<int> _indices;
    private readonly bool _useHeap;
    private int _count;

    public TopK(Span<double> distances, Span<int> indices)
        : this(distances, indices, 0)
    {
    }

    /// <summary>Resumes a selection whose first <paramref name="count"/> pairs this type left in the storage.</summary>
    public TopK(Span<double> distances, Span<int> indices, int count)
    {
        _distances = distances;
        _indices = indices;
        _useHeap = distances.Length > HeapThreshold;
        _count = count;
    }

    public readonly int Count => _count;

    public readonly bool IsFull => _count == _distances.Length;

    /// <summary>The distance a newcomer must beat (or tie with a lower index); +∞ until full.</summary>
    public readonly double WorstDistance => IsFull ? _distances[_useHeap ? 0 : _count - 1] : double.PositiveInfinity;

    private readonly int WorstIndex => _indices[_useHeap ? 0 : _count - 1];

    public void Add(double distance, int index)
    {
        if (IsFull)
        {
            var worst = WorstDistance;
            if (distance > worst || (distance == worst && index > WorstIndex))
            {
                return;
            }
        }

        if (_useHeap)
        {
            AddToHeap(distance, index);
        }
        else
        {
            AddSorted(distance, index);
        }
    }

    /// <summary>Leaves the pairs in ascending order and returns how many there are.</summary>
    public int Finish()
    {
        if (_useHeap)
        {
            var n = _count;
            var distances = _distances[..n];
            var indices = _indices[..n];
            var keys = new (double, int)[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = (distances[i], indices[i]);
            }

            Array.Sort(keys);
            for (var i = 0; i < n; i++)
            {
                (distances[i], indices[i]) = keys[i];
            }
        }

        return _count;
    }

    private void AddSorted(double distance, int index)
    {
        var position = _count < _distances.Length ? _count : _count - 1;
        while (position > 0 && Before(distance, index, _distances[position - 1], _indices[position - 1]))
        {
            _distances[position] = _distances[position - 1];
            _indices[position] = _indices[position - 1];
            position--;
        }

        _distances[position] = distance;
        _indices[position] = index;
        if (_count < _distances.Length)
        {
            _count++;
        }
    }

    private void AddToHeap(double distance, int index)
    {
        int i;
        if (_count < _distances.Length)
        {
            // Sift up.
            i = _count++;
            while (i > 0)
            {
                var parent = (i - 1) >> 1;
                if (!Before(_distances[parent], _indices[parent], distance, index))
                {
                    break;
                }

                _distances[i] = _distances[parent];
                _indices[i] = _indices[parent];
                i = parent;
            }

            _distances[i] = distance;
            _indices[i] = index;
            return;
        }

        // Replace the root (the worst) and sift down.
        i = 0;
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= _count)
            {
                break;
            }

            var child = left;
            if (left + 1 < _count && Before(_distances[left], _indices[left], _distances[left + 1], _indices[left + 1]))
            {
                child = left + 1;
            }

            if (!Before(distance, index, _distances[child], _indices[child]))
            {
                break;
            }

            _distances[i] = _distances[child];
            _indices[i] = _indices[child];
            i = child;
        }

        _distances[i] = distance;
        _indices[i] = index;
    }

    private static bool Before(double d1, int i1, double d2, int i2) => d1 < d2 || (d1 == d2 && i1 < i2);
}
