namespace ImbalanceGuard.Models;

/// <summary>
/// libsvm's kernel cache: columns of the Q matrix, each holding its first <c>len</c> entries, evicted least
/// recently used first when the byte budget runs out. Shrinking asks for shorter columns, so a column is
/// extended in place rather than recomputed. Single-threaded: one cache per solver.
/// </summary>
internal sealed class KernelCache
{
    private readonly Entry[] _entries; // one per column, plus the list head at index Count
    private readonly int _head;
    private readonly List<float[]> _spare = []; // evicted columns' arrays, reused before anything is allocated
    private long _free;                // floats not yet allocated, by array capacity

    public KernelCache(int count, long bytes)
    {
        _entries = new Entry[count + 1];
        _head = count;
        _entries[_head].Previous = _head;
        _entries[_head].Next = _head;

        // Like libsvm: the budget covers the bookkeeping too, and always leaves room for two full columns.
        _free = Math.Max((bytes / sizeof(float)) - (count * 24L / sizeof(float)), 2L * count);
    }

    /// <summary>
    /// The storage of column <paramref name="index"/> with room for <paramref name="length"/> entries, and the
    /// position from which entries still have to be filled (at least <paramref name="length"/> when none).
    /// </summary>
    public float[] Get(int index, int length, out int start)
    {
        ref var entry = ref _entries[index];
        if (entry.Length > 0)
        {
            Unlink(index);
        }

        if (length > entry.Length)
        {
            if (entry.Data is null || entry.Data.Length < length)
            {
                var grown = Take(length, index);
                if (entry.Data is not null)
                {
                    Array.Copy(entry.Data, grown, entry.Length);
                    _spare.Add(entry.Data);
                }

                entry.Data = grown;
            }

            start = entry.Length;
            entry.Length = length;
        }
        else
        {
            start = length;
        }

        Append(index);
        return entry.Data!;
    }

    /// <summary>
    /// An array of at least <paramref name="length"/> floats: a spare one that fits, or a new one once the budget
    /// allows (dropping spares, then evicting the least recently used columns). Reusing evicted columns keeps the
    /// memory the cache really holds within its budget; fresh arrays for every column would leave the garbage
    /// collector a trail of evicted ones, many times the budget, on large problems.
    /// </summary>
    private float[] Take(int length, int index)
    {
        while (true)
        {
            var fit = -1;
            for (var s = 0; s < _spare.Count; s++)
            {
                if (_spare[s].Length >= length && (fit < 0 || _spare[s].Length < _spare[fit].Length))
                {
                    fit = s;
                }
            }

            if (fit >= 0)
            {
                var reused = _spare[fit];
                _spare[fit] = _spare[^1];
                _spare.RemoveAt(_spare.Count - 1);
                return reused;
            }

            // Full-length arrays fit any later request, so an evicted one is always reusable and the cache stops
            // allocating once its budget is spent.
            var capacity = Math.Max(length, _entries.Length - 1);
            if (_free >= capacity)
            {
                _free -= capacity;
                return GC.AllocateUninitializedArray<float>(capacity);
            }

            if (_spare.Count > 0)
            {
                _free += _spare[^1].Length; // too short for this column: let it go
                _spare.RemoveAt(_spare.Count - 1);
                continue;
            }

            var lru = _entries[_head].Next;
            if (lru == _head || lru == index)
            {
                _free -= capacity; // nothing left to evict: the two-column floor of the budget
                return GC.AllocateUninitializedArray<float>(capacity);
            }

            Evict(lru); // its array becomes a spare, taken on the next pass
        }
    }

    public void Swap(int i, int j)
    {
        if (i == j)
        {
            return;
        }

        if (_entries[i].Length > 0)
        {
            Unlink(i);
        }

        if (_entries[j].Length > 0)
        {
            Unlink(j);
        }

        (_entries[i].Data, _entries[j].Data) = (_entries[j].Data, _entries[i].Data);
        (_entries[i].Length, _entries[j].Length) = (_entries[j].Length, _entries[i].Length);
        if (_entries[i].Length > 0)
        {
            Append(i);
        }

        if (_entries[j].Length > 0)
        {
            Append(j);
        }

        if (i > j)
        {
            (i, j) = (j, i);
        }

        // Columns covering both rows swap the two entries; columns covering only the first are dropped.
        var h = _entries[_head].Next;
        while (h != _head)
        {
            var next = _entries[h].Next;
            ref var entry = ref _entries[h];
            if (entry.Length > i)
            {
                if (entry.Length > j)
                {
                    (entry.Data![i], entry.Data[j]) = (entry.Data[j], entry.Data[i]);
                }
                else
                {
                    Evict(h);
                }
            }

            h = next;
        }
    }

    private void Evict(int index)
    {
        Unlink(index);
        ref var entry = ref _entries[index];
        _spare.Add(entry.Data!);
        entry.Data = null;
        entry.Length = 0;
    }

    private void Unlink(int index)
    {
        ref var entry = ref _entries[index];
        _entries[entry.Previous].Next = entry.Next;
        _entries[entry.Next].Previous = entry.Previous;
    }

    private void Append(int index)
    {
        ref var entry = ref _entries[index];
        entry.Next = _head;
        entry.Previous = _entries[_head].Previous;
        _entries[entry.Previous].Next = index;
        _entries[_head].Previous = index;
    }

    private struct Entry
    {
        public int Previous;
        public int Next;
        public float[]? Data;
        public int Length;
    }
}
