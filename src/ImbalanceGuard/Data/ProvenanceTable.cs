namespace ImbalanceGuard;

/// <summary>
/// The provenance of every row of a table, stored compactly: one source row number per row, and for
/// synthetic rows a slice of a shared parent pool and the index of the sampler that made them.
/// </summary>
internal sealed class ProvenanceTable
{
    // Source(i) >= 0: original row; Source(i) < 0: synthetic row number ~Source(i).
    private readonly long[] _source;
    private readonly int[] _parentStart;
    private readonly long[] _parents;
    private readonly int[] _samplerOf;
    private readonly string[] _samplers;

    // Rows picked from a table of original rows only (a split side, a cleaner's output): row i is row
    // _picked[i] of _source, so the table shares its source's numbers instead of copying them.
    private readonly int[]? _picked;

    // Rows 0.._frontCount-1 are the rows of _front, a table of original rows only (an over-sampler's whole input,
    // or the rows a combined sampler kept, picked from it); the rows after them are this table's own, all
    // synthetic, in order (so _source is not needed for them).
    private readonly ProvenanceTable? _front;
    private readonly int _frontCount;

    private ProvenanceTable(long sourceKey, long[] source, int[] parentStart, long[] parents, int[] samplerOf, string[] samplers, int[]? picked = null)
    {
        SourceKey = sourceKey;
        _source = source;
        _parentStart = parentStart;
        _parents = parents;
        _samplerOf = samplerOf;
        _samplers = samplers;
        _picked = picked;
    }

    private ProvenanceTable(ProvenanceTable front, int[] parentStart, long[] parents, int[] samplerOf, string[] samplers)
        : this(front.SourceKey, [], parentStart, parents, samplerOf, samplers)
    {
        _front = front;
        _frontCount = front.Count;
    }

    /// <summary>Identifies the source the row numbers refer to; row numbers of different sources are unrelated.</summary>
    public long SourceKey { get; }

    public int Count => _picked?.Length ?? (_front is null ? _source.Length : _frontCount + _samplerOf.Length);

    public int SyntheticCount => _samplerOf.Length;

    /// <summary>
    /// Every row of <paramref name="front"/> (original rows only: an over-sampler's whole input, or the rows a
    /// combined sampler kept, picked from it), followed by synthetic rows: row s has the parents
    /// <c>parentRows[parentStart[s] .. parentStart[s + 1])</c> (rows of <paramref name="parentsOf"/>, original
    /// rows only) and was made by <c>samplers[samplerOf[s]]</c>. The front's numbers are shared, not copied; the
    /// arrays are kept.
    /// </summary>
    public static ProvenanceTable Appended(
        ProvenanceTable front, ProvenanceTable parentsOf, int[] parentStart, ReadOnlySpan<int> parentRows, int[] samplerOf, string[] samplers)
    {
        if (front.SyntheticCount != 0 || parentsOf.SyntheticCount != 0 || front.SourceKey != parentsOf.SourceKey)
        {
            throw new InvalidOperationException("Only synthetic rows of the same source can follow a table of original rows without a copy.");
        }

        var parents = new long[parentRows.Length];
        for (var i = 0; i < parents.Length; i++)
        {
            parents[i] = parentsOf.Source(parentRows[i]);
        }

        return new ProvenanceTable(front, parentStart, parents, samplerOf, samplers);
    }

    private static long s_nextSourceKey;

    public static long NewSourceKey() => Interlocked.Increment(ref s_nextSourceKey);

    /// <summary>Rows 0..count-1 of a fresh source.</summary>
    public static ProvenanceTable Original(int count)
    {
        var source = new long[count];
        for (var i = 0; i < count; i++)
        {
            source[i] = i;
        }

        return new ProvenanceTable(NewSourceKey(), source, [0], [], [], []);
    }

    public static ProvenanceTable FromRows(IReadOnlyList<RowProvenance> rows)
    {
        var builder = new Builder(NewSourceKey(), rows.Count);
        foreach (var row in rows)
        {
            if (row.IsSynthetic)
            {
                builder.AddSynthetic(row.Sampler!, row.ParentRows);
            }
            else
            {
                builder.AddOriginal(row.SourceRow);
            }
        }

        return builder.Build();
    }

    public bool IsSynthetic(int row) => Source(row) < 0;

    /// <summary>The source row of an original row, or -1.</summary>
    public long SourceRow(int row) => Math.Max(Source(row), -1);

    public ReadOnlySpan<long> Parents(int row)
    {
        if (Source(row) >= 0)
        {
            return [];
        }

        var s = (int)~Source(row);
        return _parents.AsSpan(_parentStart[s], _parentStart[s + 1] - _parentStart[s]);
    }

    public string? Sampler(int row) => Source(row) >= 0 ? null : _samplers[_samplerOf[(int)~Source(row)]];

    public RowProvenance Get(int row)
    {
        if (Source(row) >= 0)
        {
            return RowProvenance.Original(Source(row));
        }

        var s = (int)~Source(row);
        var parents = new ReadOnlyMemory<long>(_parents, _parentStart[s], _parentStart[s + 1] - _parentStart[s]);
        return RowProvenance.SyntheticShared(_samplers[_samplerOf[s]], parents);
    }

    /// <summary>
    /// The source rows a row stands on: itself for an original row, its parents for a synthetic one.
    /// </summary>
    public void AppendRoots(int row, List<long> into)
    {
        if (Source(row) >= 0)
        {
            into.Add(Source(row));
        }
        else
        {
            foreach (var parent in Parents(row))
            {
                into.Add(parent);
            }
        }
    }

    /// <summary>The provenance of the rows <paramref name="rows"/>, in that order.</summary>
    public ProvenanceTable Select(ReadOnlySpan<int> rows)
    {
        if (SyntheticCount == 0)
        {
            return Pick(rows.ToArray());
        }

        var builder = new Builder(SourceKey, rows.Length);
        foreach (var row in rows)
        {
            builder.CopyFrom(this, row);
        }

        return builder.Build();
    }

    /// <summary>
    /// The provenance of the rows <paramref name="rows"/> of a table of original rows only, sharing this table's
    /// numbers and keeping <paramref name="rows"/> (which must then not change) instead of copying them.
    /// </summary>
    public ProvenanceTable Pick(int[] rows)
    {
        if (SyntheticCount != 0)
        {
            throw new InvalidOperationException("Only rows of a table of original rows can be picked without a copy.");
        }

        if (_front is not null)
        {
            // No synthetic rows after the front: every row is one of the front's.
            return _front.Pick(rows);
        }

        if (_picked is not null)
        {
            var composed = new int[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                composed[i] = _picked[rows[i]];
            }

            rows = composed;
        }

        return new ProvenanceTable(SourceKey, _source, [0], [], [], [], rows);
    }

    private long Source(int row)
        => _picked is not null ? _source[_picked[row]]
        : _front is null ? _source[row]
        : row < _frontCount ? _front.Source(row)
        : ~(long)(row - _frontCount);

    /// <summary>Builds a table row by row, keeping the source key.</summary>
    /// <summary>
    /// Builds a table row by row into arrays sized from the counts given up front (they grow if those were
    /// low), handed over without a copy when the counts were exact.
    /// </summary>
    internal sealed class Builder
    {
        private readonly long _sourceKey;
        private readonly List<string> _samplers = [];
        private long[] _source;
        private int[] _parentStart;
        private long[] _parents;
        private int[] _samplerOf;
        private int _count;
        private int _syntheticCount;
        private int _parentCount;

        public Builder(long sourceKey, int capacity, int syntheticCapacity = 0, int parentCapacity = 0)
        {
            _sourceKey = sourceKey;
            _source = new long[capacity];
            _parentStart = new int[syntheticCapacity + 1];
            _parents = new long[parentCapacity];
            _samplerOf = new int[syntheticCapacity];
        }

        public void AddOriginal(long sourceRow)
        {
            EnsureRows(1);
            _source[_count++] = sourceRow;
        }

        public void AddSynthetic(string sampler, ReadOnlySpan<long> parents)
        {
            BeginSynthetic(sampler, parents.Length);
            parents.CopyTo(_parents.AsSpan(_parentCount));
            EndSynthetic(parents.Length);
        }

        /// <summary>A synthetic row grown from rows of <paramref name="table"/>: its parents are their original rows.</summary>
        public void AddSynthetic(string sampler, ProvenanceTable table, ReadOnlySpan<int> parentRows)
        {
            if (table.SyntheticCount != 0)
            {
                var roots = new List<long>();
                foreach (var row in parentRows)
                {
                    table.AppendRoots(row, roots);
                }

                AddSynthetic(sampler, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(roots));
                return;
            }

            BeginSynthetic(sampler, parentRows.Length);
            for (var i = 0; i < parentRows.Length; i++)
            {
                _parents[_parentCount + i] = table.Source(parentRows[i]);
            }

            EndSynthetic(parentRows.Length);
        }

        public void CopyFrom(ProvenanceTable table, int row)
        {
            if (table.IsSynthetic(row))
            {
                AddSynthetic(table.Sampler(row)!, table.Parents(row));
            }
            else
            {
                AddOriginal(table.Source(row));
            }
        }

        /// <summary>Copies the rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of <paramref name="table"/>.</summary>
        public void CopyRange(ProvenanceTable table, int start, int count)
        {
            if (table.SyntheticCount != 0)
            {
                for (var row = start; row < start + count; row++)
                {
                    CopyFrom(table, row);
                }

                return;
            }

            EnsureRows(count);
            for (var row = start; row < start + count; row++)
            {
                _source[_count++] = table.Source(row);
            }
        }

        public ProvenanceTable Build()
            => new(_sourceKey, Exact(_source, _count), Exact(_parentStart, _syntheticCount + 1), Exact(_parents, _parentCount),
                Exact(_samplerOf, _syntheticCount), [.. _samplers]);

        private void BeginSynthetic(string sampler, int parentCount)
        {
            EnsureRows(1);
            if (_syntheticCount == _samplerOf.Length)
            {
                Array.Resize(ref _samplerOf, Math.Max(16, 2 * _samplerOf.Length));
                Array.Resize(ref _parentStart, _samplerOf.Length + 1);
            }

            if (_parentCount + parentCount > _parents.Length)
            {
                Array.Resize(ref _parents, Math.Max(2 * _parents.Length, _parentCount + parentCount));
            }

            _source[_count++] = ~(long)_syntheticCount;
            _samplerOf[_syntheticCount] = SamplerIndex(sampler);
        }

        private void EndSynthetic(int parentCount)
        {
            _parentCount += parentCount;
            _parentStart[++_syntheticCount] = _parentCount;
        }

        private int SamplerIndex(string sampler)
        {
            for (var i = _samplers.Count - 1; i >= 0; i--)
            {
                if (_samplers[i] == sampler)
                {
                    return i;
                }
            }

            _samplers.Add(sampler);
            return _samplers.Count - 1;
        }

        private void EnsureRows(int count)
        {
            if (_count + count > _source.Length)
            {
                Array.Resize(ref _source, Math.Max(2 * _source.Length, _count + count));
            }
        }

        private static T[] Exact<T>(T[] array, int count) => array.Length == count ? array : array[..count];
    }
}
