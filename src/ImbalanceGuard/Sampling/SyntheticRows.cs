namespace ImbalanceGuard.Sampling;

/// <summary>
/// The rows a sampler makes: features, class, the input rows each was made from, and the sampler's name.
/// When the buffer is exactly full it becomes the resampled table's own part as it is (<see cref="TryTakeMatrix"/>),
/// behind the input rows it shares; a cleaner run after the over-sampler reads the made rows where they are.
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

    /// <param name="dimensions">Features per row.</param>
    /// <param name="capacity">The rows expected; more are accepted.</param>
    public SyntheticRows(int dimensions, int capacity = 16)
    {
        _dimensions = dimensions;
        capacity = Math.Max(capacity, 1);

        // Every row is written before it is read, so the largest allocation of a resampling need not be cleared first.
        _features = GC.AllocateUninitializedArray<double>(capacity * dimensions);
        _labels = new int[capacity];
        _makerOf = new byte[capacity];
        _parentStart = new int[capacity + 1];
        _parents = new int[2 * capacity];
    }

    public static SyntheticRows None(int dimensions) => new(dimensions, 0);

    /// <summary>The buffer the rows are in, row 0 first (it may have room for more).</summary>
    public double[] Buffer => _features;

    public int Count { get; private set; }

    public int Dimensions => _dimensions;

    public int ParentCount => _parentCount;

    public ReadOnlySpan<double> Features => _features.AsSpan(0, Count * _dimensions);

    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Count);

    public ReadOnlySpan<double> Row(int row) => _features.AsSpan(row * _dimensions, _dimensions);

    public int Label(int row) => _labels[row];

    public string Maker(int row) => _makerNames[_makerOf[row]];

    public ReadOnlySpan<int> Parents(int row)
    {
        var start = _parentStart[row];
        return _parents.AsSpan(start, _parentStart[row + 1] - start);
    }

    /// <summary>
    /// The rows' matrix, when it can be handed over as it is: the buffer is exactly full. Afterwards this object
    /// must not be used.
    /// </summary>
    public bool TryTakeMatrix(out double[] matrix)
    {
        matrix = _features;
        return _features.Length == Count * _dimensions;
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
                Array.Copy(_features, row * d, _features, i * d, d);
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
        var features = GC.AllocateUninitializedArray<double>(capacity * _dimensions);
        _features.AsSpan(0, Count * _dimensions).CopyTo(features);
        _features = features;
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

        var d = _dimensions;
        var features = _features;
        var from = _parents;
        RowCopying.InBlocks(count, d, parallel, (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                input.Row(from[firstParent + i]).CopyTo(features.AsSpan((first + i) * d, d));
            }
        });
    }
}
