using System.Runtime.InteropServices;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// The rows a sampler makes: features, class, the input rows each was made from, and the sampler's name.
/// An over-sampler that keeps every input row can reserve room for them in front of its rows, so the
/// resampled matrix is built in place instead of copied (the largest allocation of a resampling). The room
/// is only written when the output is built there; a cleaner run after the over-sampler reads the made rows
/// where they are and the kept rows in the input.
/// </summary>
internal sealed class SyntheticRows
{
    private readonly int _dimensions;
    private readonly int _leadingRows;
    private double[] _features;
    private int[] _labels;
    private readonly List<int> _parentStart = [0];
    private readonly List<int> _parents;
    private readonly List<string> _makers;

    /// <param name="dimensions">Features per row.</param>
    /// <param name="capacity">The rows expected; more are accepted.</param>
    /// <param name="leadingRows">Rows to leave free in front of the synthetic rows, for the kept input rows.</param>
    public SyntheticRows(int dimensions, int capacity = 16, int leadingRows = 0)
    {
        _dimensions = dimensions;
        _leadingRows = leadingRows;
        capacity = Math.Max(capacity, 1);
        _features = new double[(leadingRows + capacity) * dimensions];
        _labels = new int[capacity];
        _parents = new List<int>(2 * capacity);
        _makers = new List<string>(capacity);
    }

    public static SyntheticRows None(int dimensions) => new(dimensions, 0);

    /// <summary>Room for every row an over-sampler that keeps all of <paramref name="input"/> will make.</summary>
    public static SyntheticRows AfterAllOf(SamplerInput input, int capacity) => new(input.Dimensions, capacity, input.RowCount);

    /// <summary>The buffer the rows are in, and the buffer row that holds row 0.</summary>
    public double[] Buffer(out int firstRow)
    {
        firstRow = _leadingRows;
        return _features;
    }

    public int Count { get; private set; }

    public int Dimensions => _dimensions;

    public int ParentCount => _parents.Count;

    public ReadOnlySpan<double> Features => _features.AsSpan(_leadingRows * _dimensions, Count * _dimensions);

    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Count);

    public ReadOnlySpan<double> Row(int row) => _features.AsSpan((_leadingRows + row) * _dimensions, _dimensions);

    public int Label(int row) => _labels[row];

    public string Maker(int row) => _makers[row];

    public ReadOnlySpan<int> Parents(int row)
    {
        var start = _parentStart[row];
        return CollectionsMarshal.AsSpan(_parents).Slice(start, _parentStart[row + 1] - start);
    }

    /// <summary>
    /// The matrix of <paramref name="keptRows"/> kept rows followed by these rows, when it can be handed over
    /// as it is: room was reserved for exactly that many kept rows and the buffer is exactly full. The caller
    /// fills the leading rows. Afterwards this object must not be used.
    /// </summary>
    public bool TryTakeMatrix(int keptRows, out double[] matrix)
    {
        matrix = _features;
        return _leadingRows == keptRows && _features.Length == (_leadingRows + Count) * _dimensions;
    }

    /// <summary>Keeps only the rows <paramref name="rows"/> (ascending positions), moved to the front in place.</summary>
    public void KeepOnly(IReadOnlyList<int> rows)
    {
        var d = _dimensions;
        var parentsWritten = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            // Rows only move forward, so nothing is overwritten before it is read.
            var row = rows[i];
            var start = _parentStart[row];
            var end = _parentStart[row + 1];
            if (row != i)
            {
                Array.Copy(_features, (_leadingRows + row) * d, _features, (_leadingRows + i) * d, d);
                _labels[i] = _labels[row];
                _makers[i] = _makers[row];
            }

            _parentStart[i] = parentsWritten;
            for (var p = start; p < end; p++)
            {
                _parents[parentsWritten++] = _parents[p];
            }
        }

        _parentStart[rows.Count] = parentsWritten;
        _parentStart.RemoveRange(rows.Count + 1, _parentStart.Count - rows.Count - 1);
        _parents.RemoveRange(parentsWritten, _parents.Count - parentsWritten);
        _makers.RemoveRange(rows.Count, _makers.Count - rows.Count);
        Count = rows.Count;
    }

    /// <summary>Reserves a row and returns its feature slot to fill.</summary>
    public Span<double> Add(int label, string maker, ReadOnlySpan<int> parents)
    {
        if (Count == _labels.Length)
        {
            Array.Resize(ref _labels, Count * 2);
            Array.Resize(ref _features, (_leadingRows + _labels.Length) * _dimensions);
        }

        _labels[Count] = label;
        _makers.Add(maker);
        foreach (var parent in parents)
        {
            _parents.Add(parent);
        }

        _parentStart.Add(_parents.Count);
        return _features.AsSpan((_leadingRows + Count++) * _dimensions, _dimensions);
    }

    public void Add(ReadOnlySpan<double> features, int label, string maker, ReadOnlySpan<int> parents)
        => features.CopyTo(Add(label, maker, parents));
}
