namespace ImbalanceGuard.Sampling;

/// <summary>
/// Per label code, the row ids with the lowest (rank, row id) seen so far, at most a fixed number: a bounded heap
/// whose top is the largest kept, replaced when a lower one comes.
/// </summary>
internal sealed class LowestRanks(int capacity, Func<long, long> rank)
{
    private readonly List<PriorityQueue<long, (long Rank, long Row)>> _heaps = [];
    private static readonly IComparer<(long Rank, long Row)> Largest = Comparer<(long Rank, long Row)>.Create((a, b) => b.CompareTo(a));

    public void Offer(int code, long row)
    {
        while (_heaps.Count <= code)
        {
            _heaps.Add(new PriorityQueue<long, (long Rank, long Row)>(Largest));
        }

        var heap = _heaps[code];
        var key = (rank(row), row);
        if (heap.Count < capacity)
        {
            heap.Enqueue(row, key);
        }
        else if (capacity > 0 && heap.TryPeek(out _, out var top) && key.CompareTo(top) < 0)
        {
            heap.Dequeue();
            heap.Enqueue(row, key);
        }
    }

    /// <summary>The row ids kept of label <paramref name="code"/>.</summary>
    public IEnumerable<long> Rows(int code) => code < _heaps.Count ? _heaps[code].UnorderedItems.Select(i => i.Element) : [];
}
