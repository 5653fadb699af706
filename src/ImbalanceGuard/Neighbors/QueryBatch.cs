namespace ImbalanceGuard.Neighbors;

/// <summary>
/// The queries of one search: either rows of the indexed points themselves (each excluded from its own
/// answer by identity) or outside points, row-major.
/// </summary>
internal readonly struct QueryBatch
{
    private readonly double[] _points;
    private readonly int[]? _rows;
    private readonly int _dimensions;

    private QueryBatch(double[] points, int[]? rows, int count, int dimensions)
    {
        _points = points;
        _rows = rows;
        Count = count;
        _dimensions = dimensions;
    }

    public int Count { get; }

    public static QueryBatch IndexedRows(double[] indexedPoints, int[] rows, int dimensions)
        => new(indexedPoints, rows, rows.Length, dimensions);

    public static QueryBatch Outside(double[] points, int dimensions)
        => new(points, null, dimensions == 0 ? 0 : points.Length / dimensions, dimensions);

    /// <summary>The coordinates of query <paramref name="query"/>.</summary>
    public ReadOnlySpan<double> Point(int query)
    {
        var row = _rows is null ? query : _rows[query];
        return _points.AsSpan(row * _dimensions, _dimensions);
    }

    /// <summary>The indexed point that query <paramref name="query"/> is, or -1 for an outside point.</summary>
    public int Self(int query) => _rows is null ? -1 : _rows[query];
}
