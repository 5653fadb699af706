namespace ImbalanceGuard.Models;

/// <summary>
/// libsvm's kernel cache: columns of the Q matrix, each holding its first <c>len</c> entries, evicted least
/// recently used first when the byte budget runs out. Shrinking asks for shorter columns, so a column is
/// extended in place rather than recomputed. Single-threaded: one cache per solver.
/// </summary>
/// <remarks>
/// The budget buys slots, each with one full-length array that is reused when its column is evicted (fresh
/// arrays for every column would leave the collector a trail of evicted ones, many times the budget). A column
/// costs only the number of its slot: libsvm keeps 24 bytes of list links for every column, which on a problem
/// of 200 000 rows, where the budget holds a few columns, were most of the cache.
/// </remarks>
internal sealed class KernelCache
{
    private const int Head = 0;       // slot 0 heads the list of slots in use, least recently used first
    private const int SlotBytes = 24; // a slot's bookkeeping beside its array

    private readonly int _count;
    private readonly int[] _slotOf;  // per column: its slot, 0 when not cached
    private readonly Slot[] _slots;
    private int _created = 1;        // slots made so far, the head included
    private int _freeSlot;           // a slot holding no column (its array kept), 0 when none

    /// <summary>A cache for columns of <paramref name="count"/> entries within <paramref name="bytes"/>.</summary>
    /// <param name="count">The problem's rows.</param>
    /// <param name="bytes">The budget.</param>
    /// <param name="slotOf">Zeroed storage for the column-to-slot map (at least <paramref name="count"/> long); null for a new array.</param>
    public KernelCache(int count, long bytes, int[]? slotOf = null)
    {
        _count = count;
        _slotOf = slotOf ?? new int[count];

        // Like libsvm: the budget covers the bookkeeping too, and always leaves room for two full columns.
        var columnBytes = ((long)count * sizeof(float)) + SlotBytes;
        var columns = (bytes - ((long)count * sizeof(int))) / columnBytes;
        _slots = new Slot[1 + (int)Math.Clamp(columns, 2, Math.Max(count, 2))];
        _slots[Head].Previous = Head;
        _slots[Head].Next = Head;
    }

    /// <summary>
    /// The storage of column <paramref name="index"/> with room for <paramref name="length"/> entries, and the
    /// position from which entries still have to be filled (at least <paramref name="length"/> when none).
    /// </summary>
    public float[] Get(int index, int length, out int start)
    {
        var s = _slotOf[index];
        if (s != 0)
        {
            Unlink(s);
        }
        else
        {
            s = Take();
            _slotOf[index] = s;
            _slots[s].Column = index;
            _slots[s].Length = 0;
        }

        ref var slot = ref _slots[s];
        if (length > slot.Length)
        {
            start = slot.Length;
            slot.Length = length;
        }
        else
        {
            start = length;
        }

        Append(s);
        return slot.Data!;
    }

    /// <summary>Exchanges positions <paramref name="i"/> and <paramref name="j"/>, as libsvm's <c>swap_index</c> does.</summary>
    public void Swap(int i, int j)
    {
        if (i == j)
        {
            return;
        }

        var si = _slotOf[i];
        var sj = _slotOf[j];
        if (si != 0)
        {
            Unlink(si);
        }

        if (sj != 0)
        {
            Unlink(sj);
        }

        (_slotOf[i], _slotOf[j]) = (sj, si);
        if (sj != 0)
        {
            _slots[sj].Column = i;
            Append(sj);
        }

        if (si != 0)
        {
            _slots[si].Column = j;
            Append(si);
        }

        if (i > j)
        {
            (i, j) = (j, i);
        }

        // Columns covering both rows swap the two entries; columns covering only the first are dropped.
        var s = _slots[Head].Next;
        while (s != Head)
        {
            var next = _slots[s].Next;
            ref var slot = ref _slots[s];
            if (slot.Length > i)
            {
                if (slot.Length > j)
                {
                    (slot.Data![i], slot.Data[j]) = (slot.Data[j], slot.Data[i]);
                }
                else
                {
                    Evict(s);
                }
            }

            s = next;
        }
    }

    /// <summary>A slot for a column not cached: a free one, a new one while the budget allows, else the least recently used.</summary>
    private int Take()
    {
        if (_freeSlot != 0)
        {
            var free = _freeSlot;
            _freeSlot = _slots[free].Next;
            return free;
        }

        if (_created < _slots.Length)
        {
            var made = _created++;
            _slots[made].Data = GC.AllocateUninitializedArray<float>(_count);
            return made;
        }

        var lru = _slots[Head].Next;
        _slotOf[_slots[lru].Column] = 0;
        Unlink(lru);
        return lru;
    }

    private void Evict(int s)
    {
        Unlink(s);
        _slotOf[_slots[s].Column] = 0;
        _slots[s].Length = 0;
        _slots[s].Next = _freeSlot;
        _freeSlot = s;
    }

    private void Unlink(int s)
    {
        ref var slot = ref _slots[s];
        _slots[slot.Previous].Next = slot.Next;
        _slots[slot.Next].Previous = slot.Previous;
    }

    private void Append(int s)
    {
        ref var slot = ref _slots[s];
        slot.Next = Head;
        slot.Previous = _slots[Head].Previous;
        _slots[slot.Previous].Next = s;
        _slots[Head].Previous = s;
    }

    private struct Slot
    {
        public float[]? Data;   // a full column's room, kept when the column is evicted
        public int Column;
        public int Length;      // entries filled
        public int Previous;
        public int Next;        // in the list of slots in use; in the free chain when free
    }
}
