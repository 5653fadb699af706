namespace ImbalanceGuard.Sampling;

/// <summary>
/// The rows a sampler makes: features, class, the input rows each was made from, and the sampler's name.
/// </summary>
internal sealed class SyntheticRows
{
    private readonly int _dimensions;
    private double[] _features;
    private int[] _labels;
    private readonly List<int> _parentStart = [0];
    private readonly List<int> _parents = [];
    private readonly List<string> _makers = [];

    public SyntheticRows(int dimensions, int capacity = 16)
    {
        _dimensions = dimensions;
        _features = new double[Math.Max(capacity, 1) * dimensions];
        _labels = new int[Math.Max(capacity, 1)];
    }

    public static SyntheticRows None(int dimensions) => new(dimensions, 0);

    public int Count { get; private set; }

    public int Dimensions => _dimensions;

    public ReadOnlySpan<double> Features => _features.AsSpan(0, Count * _dimensions);

    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, Count);

    public ReadOnlySpan<double> Row(int row) => _features.AsSpan(row * _dimensions, _dimensions);

    public int Label(int row) => _labels[row];

    public string Maker(int row) => _makers[row];

    public ReadOnlySpan<int> Parents(int row)
    {
        var start = _parentStart[row];
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_parents).Slice(start, _parentStart[row + 1] - start);
    }

    /// <summary>Reserves a row and returns its feature slot to fill.</summary>
    public Span<double> Add(int label, string maker, ReadOnlySpan<int> parents)
    {
        if (Count == _labels.Length)
        {
            Array.Resize(ref _labels, Count * 2);
            Array.Resize(ref _features, _labels.Length * _dimensions);
        }

        _labels[Count] = label;
        _makers.Add(maker);
        foreach (var parent in parents)
        {
            _parents.Add(parent);
        }

        _parentStart.Add(_parents.Count);
        return _features.AsSpan(Count++ * _dimensions, _dimensions);
    }

    public void Add(ReadOnlySpan<double> features, int label, string maker, ReadOnlySpan<int> parents)
        => features.CopyTo(Add(label, maker, parents));
}
