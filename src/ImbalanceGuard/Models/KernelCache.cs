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
    private long _free;                // floats still available

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

        var more = length - entry.Length;
        if (more > 0)
        {
            while (_free < more)
            {
                Evict(_entries[_head].Next);
            }

            var grown = GC.AllocateUninitializedArray<float>(length);
            if (entry.Data is not null)
            {
                Array.Copy(entry.Data, grown, entry.Length);
            }

            entry.Data = grown;
            _free -= more;
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

    /// <summary>Follows the solver swapping positions <paramref name="i"/> and <paramref name="j"/>.</summary>
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
        _free += entry.Length;
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
