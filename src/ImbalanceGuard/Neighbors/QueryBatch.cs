namespace ImbalanceGuard.Neighbors;

/// <summary>
/// The queries of one search: indexed points themselves (each excluded from its own answer by identity),
/// chosen by position or all of them in order, outside points given row-major, or outside points given as rows
/// of some matrix.
/// </summary>
internal readonly struct QueryBatch
{
    private readonly PointRows _indexed;   // the index's points, when the queries are some of them
    private readonly double[]? _points;    // outside points: row-major, or the matrix holding them
    private readonly int[]? _positions;    // per query from _first on: an indexed point, or a row of _points; null: in order
    private readonly int _first;
    private readonly int _dimensions;

    // Searched against the indexed points [_pointsStart, _pointsStart + _pointsCount) only, numbered from 0 there.
    private readonly int _pointsStart;
    private readonly int _pointsCount;

    private QueryBatch(PointRows indexed, double[]? points, int[]? positions, int first, int count, int dimensions, int pointsStart = 0, int pointsCount = int.MaxValue)
    {
        _indexed = indexed;
        _points = points;
        _positions = positions;
        _first = first;
        Count = count;
        _dimensions = dimensions;
        _pointsStart = pointsStart;
        _pointsCount = pointsCount;
    }

    public int Count { get; }

    /// <summary>Indexed points <paramref name="rows"/> of an index over all of <paramref name="points"/>.</summary>
    public static QueryBatch IndexedRows(double[] points, int[] rows, int dimensions)
        => IndexedRows(PointRows.Leading(points, points.Length / dimensions, dimensions), rows, 0, rows.Length);

    /// <summary>Indexed points <c>rows[first .. first + count)</c>.</summary>
    public static QueryBatch IndexedRows(PointRows points, int[] rows, int first, int count)
        => new(points, null, rows, first, count, 0);

    /// <summary>Indexed points <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/>, in order (no array of their positions).</summary>
    public static QueryBatch IndexedInOrder(PointRows points, int first, int count)
        => new(points, null, null, first, count, 0);

    /// <summary>Outside points, row-major.</summary>
    public static QueryBatch Outside(double[] points, int dimensions)
        => new(default, points, null, 0, dimensions == 0 ? 0 : points.Length / dimensions, dimensions);

    /// <summary>Outside points: rows <c>rows[first .. first + count)</c> of <paramref name="matrix"/>.</summary>
    public static QueryBatch OutsideRows(double[] matrix, int[] rows, int first, int count, int dimensions)
        => new(default, matrix, rows, first, count, dimensions);

    /// <summary>The coordinates of query <paramref name="query"/>.</summary>
    public ReadOnlySpan<double> Point(int query)
    {
        if (_points is null)
        {
            return _indexed.Row(_positions is null ? _first + query : _positions[_first + query]);
        }

        var row = _positions is null ? query : _positions[_first + query];
        return _points.AsSpan(row * _dimensions, _dimensions);
    }

    /// <summary>
    /// The same queries, to be searched against the indexed points <paramref name="start"/> to
    /// <paramref name="start"/> + <paramref name="count"/> only, numbered from 0 there (<see cref="Self"/> follows).
    /// </summary>
    public QueryBatch AgainstPoints(int start, int count)
        => new(_indexed, _points, _positions, _first, Count, _dimensions, start, count);

    /// <summary>The indexed point that query <paramref name="query"/> is, or -1 for an outside point (or one outside the points searched).</summary>
    public int Self(int query)
    {
        if (_points is not null)
        {
            return -1;
        }

        var self = (_positions is null ? _first + query : _positions[_first + query]) - _pointsStart;
        return (uint)self < (uint)_pointsCount ? self : -1;
    }
}
