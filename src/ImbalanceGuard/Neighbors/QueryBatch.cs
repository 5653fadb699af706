namespace ImbalanceGuard.Neighbors;

/// <summary>
/// The queries of one search: rows of the indexed points themselves (each excluded from its own answer by
/// identity), outside points given row-major, or outside points given as rows of some matrix.
/// </summary>
internal readonly struct QueryBatch
{
    private readonly double[] _points;
    private readonly int[]? _positions;    // per query, a position in _points (or in _map), from _first on
    private readonly int _first;
    private readonly int[]? _map;          // the indexed points' rows in _points, when the index maps rows
    private readonly bool _indexed;        // the positions are indexed points, which must not find themselves
    private readonly int _dimensions;

    private QueryBatch(double[] points, int[]? positions, int first, int count, int[]? map, bool indexed, int dimensions)
    {
        _points = points;
        _positions = positions;
        _first = first;
        Count = count;
        _map = map;
        _indexed = indexed;
        _dimensions = dimensions;
    }

    public int Count { get; }

    /// <summary>Indexed points <paramref name="rows"/> of an index over all of <paramref name="points"/>.</summary>
    public static QueryBatch IndexedRows(double[] points, int[] rows, int dimensions)
        => new(points, rows, 0, rows.Length, null, indexed: true, dimensions);

    /// <summary>Indexed points <c>rows[first .. first + count)</c>; <paramref name="map"/> gives each indexed point's row in <paramref name="points"/>.</summary>
    public static QueryBatch IndexedRows(double[] points, int[]? map, int[] rows, int first, int count, int dimensions)
        => new(points, rows, first, count, map, indexed: true, dimensions);

    /// <summary>Outside points, row-major.</summary>
    public static QueryBatch Outside(double[] points, int dimensions)
        => new(points, null, 0, dimensions == 0 ? 0 : points.Length / dimensions, null, indexed: false, dimensions);

    /// <summary>Outside points: rows <c>rows[first .. first + count)</c> of <paramref name="matrix"/>.</summary>
    public static QueryBatch OutsideRows(double[] matrix, int[] rows, int first, int count, int dimensions)
        => new(matrix, rows, first, count, null, indexed: false, dimensions);

    /// <summary>The coordinates of query <paramref name="query"/>.</summary>
    public ReadOnlySpan<double> Point(int query)
    {
        var row = query;
        if (_positions is not null)
        {
            row = _positions[_first + query];
            if (_map is not null)
            {
                row = _map[row];
            }
        }

        return _points.AsSpan(row * _dimensions, _dimensions);
    }

    /// <summary>The indexed point that query <paramref name="query"/> is, or -1 for an outside point.</summary>
    public int Self(int query) => _indexed ? _positions![_first + query] : -1;
}
