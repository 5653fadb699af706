namespace ImbalanceGuard;

/// <summary>
/// The provenance of every row of a table, stored compactly: one source row number per row, and for
/// synthetic rows a slice of a shared parent pool and the index of the sampler that made them.
/// </summary>
internal sealed class ProvenanceTable
{
    // _source[i] >= 0: original row; _source[i] < 0: synthetic row number ~_source[i].
    private readonly long[] _source;
    private readonly int[] _parentStart;
    private readonly long[] _parents;
    private readonly int[] _samplerOf;
    private readonly string[] _samplers;

    private ProvenanceTable(long sourceKey, long[] source, int[] parentStart, long[] parents, int[] samplerOf, string[] samplers)
    {
        SourceKey = sourceKey;
        _source = source;
        _parentStart = parentStart;
        _parents = parents;
        _samplerOf = samplerOf;
        _samplers = samplers;
    }

    /// <summary>Identifies the source the row numbers refer to; row numbers of different sources are unrelated.</summary>
    public long SourceKey { get; }

    public int Count => _source.Length;

    public int SyntheticCount => _samplerOf.Length;

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

    public bool IsSynthetic(int row) => _source[row] < 0;

    /// <summary>The source row of an original row, or -1.</summary>
    public long SourceRow(int row) => _source[row] >= 0 ? _source[row] : -1;

    public ReadOnlySpan<long> Parents(int row)
    {
        if (_source[row] >= 0)
        {
            return [];
        }

        var s = (int)~_source[row];
        return _parents.AsSpan(_parentStart[s], _parentStart[s + 1] - _parentStart[s]);
    }

    public string? Sampler(int row) => _source[row] >= 0 ? null : _samplers[_samplerOf[(int)~_source[row]]];

    public RowProvenance Get(int row)
    {
        if (_source[row] >= 0)
        {
            return RowProvenance.Original(_source[row]);
        }

        var s = (int)~_source[row];
        var parents = new ReadOnlyMemory<long>(_parents, _parentStart[s], _parentStart[s + 1] - _parentStart[s]);
        return RowProvenance.SyntheticShared(_samplers[_samplerOf[s]], parents);
    }

    /// <summary>
    /// The source rows a row stands on: itself for an original row, its parents for a synthetic one.
    /// </summary>
    public void AppendRoots(int row, List<long> into)
    {
        if (_source[row] >= 0)
        {
            into.Add(_source[row]);
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
            var source = new long[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                source[i] = _source[rows[i]];
            }

            return new ProvenanceTable(SourceKey, source, [0], [], [], []);
        }

        var builder = new Builder(SourceKey, rows.Length);
        foreach (var row in rows)
        {
            builder.CopyFrom(this, row);
        }

        return builder.Build();
    }

    /// <summary>Builds a table row by row, keeping the source key.</summary>
    internal sealed class Builder
    {
        private readonly long _sourceKey;
        private readonly List<long> _source;
        private readonly List<int> _parentStart;
        private readonly List<long> _parents;
        private readonly List<int> _samplerOf;
        private readonly List<string> _samplers = [];

        /// <param name="sourceKey">The source the row numbers refer to.</param>
        /// <param name="capacity">The rows expected.</param>
        /// <param name="syntheticCapacity">The synthetic rows expected.</param>
        /// <param name="parentCapacity">The parents of synthetic rows expected in all.</param>
        public Builder(long sourceKey, int capacity, int syntheticCapacity = 0, int parentCapacity = 0)
        {
            _sourceKey = sourceKey;
            _source = new List<long>(capacity);
            _parentStart = new List<int>(syntheticCapacity + 1) { 0 };
            _parents = new List<long>(parentCapacity);
            _samplerOf = new List<int>(syntheticCapacity);
        }

        public void AddOriginal(long sourceRow) => _source.Add(sourceRow);

        public void AddSynthetic(string sampler, ReadOnlySpan<long> parents)
        {
            var samplerIndex = _samplers.IndexOf(sampler);
            if (samplerIndex < 0)
            {
                samplerIndex = _samplers.Count;
                _samplers.Add(sampler);
            }

            _source.Add(~(long)_samplerOf.Count);
            _samplerOf.Add(samplerIndex);
            foreach (var parent in parents)
            {
                _parents.Add(parent);
            }

            _parentStart.Add(_parents.Count);
        }

        public void CopyFrom(ProvenanceTable table, int row)
        {
            if (table.IsSynthetic(row))
            {
                AddSynthetic(table.Sampler(row)!, table.Parents(row));
            }
            else
            {
                AddOriginal(table._source[row]);
            }
        }

        public ProvenanceTable Build()
            => new(_sourceKey, [.. _source], [.. _parentStart], [.. _parents], [.. _samplerOf], [.. _samplers]);
    }
}
