namespace ImbalanceGuard;

/// <summary>
/// A growing run of numbers kept in fixed blocks, for reading a file whose length is unknown: growing never
/// copies what is there, and the values are copied once, into an array of exactly their number, at the end.
/// A doubling list would copy them about twice and leave its outgrown arrays, together larger than the data,
/// to the garbage collector.
/// </summary>
internal sealed class ValueBlocks
{
    // 1 MB: large-object blocks are never moved by the collector, and there are few of them.
    private const int BlockLength = 1 << 17;

    private readonly List<double[]> _blocks = [];
    private double[] _current = [];
    private int _used;

    /// <summary>The number of values added.</summary>
    public long Count => _blocks.Count == 0 ? 0 : ((long)(_blocks.Count - 1) * BlockLength) + _used;

    public void Add(ReadOnlySpan<double> values)
    {
        while (!values.IsEmpty)
        {
            if (_used == _current.Length)
            {
                NewBlock();
            }

            var length = Math.Min(values.Length, _current.Length - _used);
            values[..length].CopyTo(_current.AsSpan(_used));
            _used += length;
            values = values[length..];
        }
    }

    private void NewBlock()
    {
        _current = GC.AllocateUninitializedArray<double>(BlockLength);
        _blocks.Add(_current);
        _used = 0;
    }

    /// <summary>The values, in the order added.</summary>
    /// <exception cref="DataFormatException">There are more values than one array can hold.</exception>
    public double[] ToArray()
    {
        if (_blocks.Count == 0)
        {
            return [];
        }

        if (Count > Array.MaxLength)
        {
            throw new DataFormatException($"{Count} feature values are more than one array can hold ({Array.MaxLength}).");
        }

        var values = GC.AllocateUninitializedArray<double>((int)Count);
        for (var b = 0; b < _blocks.Count; b++)
        {
            var length = b == _blocks.Count - 1 ? _used : BlockLength;
            _blocks[b].AsSpan(0, length).CopyTo(values.AsSpan(b * BlockLength));
        }

        return values;
    }
}
