namespace ImbalanceGuard.Sampling;

/// <summary>
/// The rows a sampler makes: features, class, the input rows each was made from, and the sampler's name.
/// The buffer becomes the resampled table's own part as it is (<see cref="TakeMatrix"/>), behind the input rows
/// it shares; a cleaner run after the over-sampler reads the made rows where they are.
/// Rows that are plain copies of input rows (random over-sampling) need not be copied at all: made with
/// <see cref="CopiesOf"/>, each row is read from its parent until something needs them in one buffer.
/// </summary>
internal sealed class SyntheticRows
{
    private readonly int _dimensions;
    private double[] _features;
    private int[] _labels;
    private int[] _parentStart;
    private int[] _parents;
    private int _parentCount;

    // Each row's maker as an index into _makerNames: a sampler makes all its rows under one name, so a
    // name per row would be a reference per row for nothing.
    private byte[] _makerOf;
    private readonly List<string> _makerNames = [];

    // While set, every row is a copy of its one parent in this input and _features holds nothing yet.
    private SamplerInput? _copiesOf;

    /// <param name="dimensions">Features per row.</param>
    /// <param name="capacity">The rows expected; more are accepted.</param>
    public SyntheticRows(int dimensions, int capacity = 16)
        : this(dimensions, capacity, copiesOf: null)
    {
    }

    private SyntheticRows(int dimensions, int capacity, SamplerInput? copiesOf)
    {
        _dimensions = dimensions;
        _copiesOf = copiesOf;
        capacity = Math.Max(capacity, 1);

        // Every row is written before it is read, so the largest allocation of a resampling need not be cleared
        // first; copies not written yet need no room at all.
        _features = copiesOf is null ? GC.AllocateUninitializedArray<double>(capacity * dimensions) : [];
        _labels = new int[capacity];
        _makerOf = new byte[capacity];
        _parentStart = new int[capacity + 1];

        // SMOTE's rows have two parents, a copy has one.
        _parents = new int[(copiesOf is null ? 2 : 1) * capacity];
    }

    public static SyntheticRows None(int dimensions) => new(dimensions, 0);

    /// <summary>
    /// Room for <paramref name="capacity"/> copies of rows of <paramref name="input"/>, added with
    /// <see cref="AddCopies"/> and read from <paramref name="input"/> until they are needed in a buffer.
    /// </summary>
    public static SyntheticRows CopiesOf(SamplerInput input, int capacity) => new(input.Dimensions, capacity, input);

    /// <summary>The buffer the rows are in, row 0 first (it may have room for more).</summary>
    public double[] Buffer => Written()._features;

    public int Count { get; private set; }

    public int Dimensions => _dimensions;

    public int ParentCount => _parentCount;

    public ReadOnlySpan<double> Features => Written()._features.AsSpan(0, Count * _dimensions);

    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Count);

    public ReadOnlySpan<double> Row(int row)
        => _copiesOf is { } input ? input.Row(_parents[_parentStart[row]]) : _features.AsSpan(row * _dimensions, _dimensions);

    public int Label(int row) => _labels[row];

    public string Maker(int row) => _makerNames[_makerOf[row]];

    /// <summary>Where each row's parents start in <see cref="AllParents"/>, and where the last row's end.</summary>
    public ReadOnlySpan<int> ParentStarts => _parentStart.AsSpan(0, Count + 1);

    /// <summary>Every row's parents, row after row.</summary>
    public ReadOnlySpan<int> AllParents => _parents.AsSpan(0, _parentCount);

    /// <summary>Each row's maker, as an index into <see cref="MakerNames"/>.</summary>
    public ReadOnlySpan<byte> MakerIndices => _makerOf.AsSpan(0, Count);

    public IReadOnlyList<string> MakerNames => _makerNames;

    public ReadOnlySpan<int> Parents(int row)
    {
        var start = _parentStart[row];
        return _parents.AsSpan(start, _parentStart[row + 1] - start);
    }

    /// <summary>
    /// The rows' matrix, row 0 first: the buffer itself when the rows fill at least half of it (a cleaner after
    /// the over-sampler may have removed a few), else a copy of just the rows, so a buffer far larger than its
    /// rows is not kept alive. Afterwards this object must not be used.
    /// </summary>
    public double[] TakeMatrix()
    {
        var used = Count * _dimensions;
        var buffer = Written()._features;
        return 2L * used >= buffer.Length ? buffer : buffer[..used];
    }

    /// <summary>
    /// The input row each row copies, when every row is a copy not yet written (<see cref="CopiesOf"/>);
    /// exactly <see cref="Count"/> long.
    /// </summary>
    public bool TryGetCopiedRows(out int[] sources)
    {
        if (_copiesOf is null)
        {
            sources = [];
            return false;
        }

        // One parent per row: the parent list is the list of copied rows.
        sources = _parentCount == _parents.Length ? _parents : _parents[.._parentCount];
        return true;
    }

    /// <summary>Keeps only the rows <paramref name="rows"/> (ascending positions), moved to the front in place.</summary>
    public void KeepOnly(ReadOnlySpan<int> rows)
    {
        var d = _dimensions;
        var parentsWritten = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            // Rows only move forward, so nothing is overwritten before it is read.
            var row = rows[i];
            var start = _parentStart[row];
            var end = _parentStart[row + 1];
            if (row != i)
            {
                if (_copiesOf is null)
                {
                    Array.Copy(_features, row * d, _features, i * d, d);
                }

                _labels[i] = _labels[row];
                _makerOf[i] = _makerOf[row];
            }

            _parentStart[i] = parentsWritten;
            for (var p = start; p < end; p++)
            {
                _parents[parentsWritten++] = _parents[p];
            }
        }

        _parentStart[rows.Length] = parentsWritten;
        _parentCount = parentsWritten;
        Count = rows.Length;
    }

    /// <summary>Reserves a row and returns its feature slot to fill.</summary>
    public Span<double> Add(int label, string maker, ReadOnlySpan<int> parents)
    {
        Written();
        EnsureRoom(1, parents.Length);
        _labels[Count] = label;
        _makerOf[Count] = MakerIndex(maker);
        parents.CopyTo(_parents.AsSpan(_parentCount));
        _parentCount += parents.Length;
        _parentStart[Count + 1] = _parentCount;
        return _features.AsSpan(Count++ * _dimensions, _dimensions);
    }

    /// <summary>Makes room for <paramref name="rows"/> more rows with <paramref name="parents"/> more parents between them.</summary>
    private void EnsureRoom(int rows, int parents)
    {
        if (_parentCount + parents > _parents.Length)
        {
            Array.Resize(ref _parents, Math.Max(2 * _parents.Length, _parentCount + parents));
        }

        if (Count + rows <= _labels.Length)
        {
            return;
        }

        var capacity = Math.Max(2 * _labels.Length, Count + rows);
        if (_copiesOf is null)
        {
            var features = GC.AllocateUninitializedArray<double>(capacity * _dimensions);
            _features.AsSpan(0, Count * _dimensions).CopyTo(features);
            _features = features;
        }

        Array.Resize(ref _labels, capacity);
        Array.Resize(ref _makerOf, capacity);
        Array.Resize(ref _parentStart, capacity + 1);
    }

    private byte MakerIndex(string maker)
    {
        for (var i = _makerNames.Count - 1; i >= 0; i--)
        {
            if (_makerNames[i] == maker)
            {
                return (byte)i;
            }
        }

        if (_makerNames.Count == byte.MaxValue + 1)
        {
            throw new InvalidOperationException("More than 256 samplers made rows of one resampling.");
        }

        _makerNames.Add(maker);
        return (byte)(_makerNames.Count - 1);
    }

    public void Add(ReadOnlySpan<double> features, int label, string maker, ReadOnlySpan<int> parents)
        => features.CopyTo(Add(label, maker, parents));

    /// <summary>
    /// Adds a copy of each row of <paramref name="input"/> in <paramref name="parents"/>, all of class
    /// <paramref name="label"/>, copied block by block over threads when there are many (<see cref="RowCopying"/>).
    /// </summary>
    public void AddCopies(SamplerInput input, int label, string maker, ReadOnlySpan<int> parents, ParallelOptions parallel)
    {
        if (_copiesOf is not null && !ReferenceEquals(_copiesOf, input))
        {
            Written();
        }

        var first = Count;
        var firstParent = _parentCount;
        var count = parents.Length;
        EnsureRoom(count, count);
        _labels.AsSpan(first, count).Fill(label);
        _makerOf.AsSpan(first, count).Fill(MakerIndex(maker));
        parents.CopyTo(_parents.AsSpan(firstParent));
        for (var i = 1; i <= count; i++)
        {
            _parentStart[first + i] = firstParent + i;
        }

        _parentCount += count;
        Count += count;
        if (_copiesOf is null)
        {
            CopyParents(input, _parents, firstParent, _features, first, count, parallel);
        }
    }

    /// <summary>Writes copies not written yet (<see cref="CopiesOf"/>) into a buffer; from then on rows live there.</summary>
    private SyntheticRows Written()
    {
        if (_copiesOf is { } input)
        {
            var features = GC.AllocateUninitializedArray<double>(_labels.Length * _dimensions);

            // A copy has one parent, so row i's parent is parent i.
            CopyParents(input, _parents, 0, features, 0, Count, input.Parallel);
            _features = features;
            _copiesOf = null;
        }

        return this;
    }

    /// <summary>Copies input row <c>parents[firstParent + i]</c> to row <c>first + i</c> of <paramref name="features"/>, for i below <paramref name="count"/>.</summary>
    private void CopyParents(SamplerInput input, int[] parents, int firstParent, double[] features, int first, int count, ParallelOptions parallel)
    {
        var d = _dimensions;
        RowCopying.InBlocks(count, d, parallel, (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                input.Row(parents[firstParent + i]).CopyTo(features.AsSpan((first + i) * d, d));
            }
        });
    }
}
