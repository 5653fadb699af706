namespace ImbalanceGuard.Neighbors;

/// <summary>
/// Where each point of an index lives, so that an index never needs its points copied together: the rows of
/// one row-major matrix in order, chosen rows of it (a row map), the rows of one matrix followed by those of
/// another (an over-sampler's input and the rows it made, searched as one set), or chosen rows of two matrices —
/// a map entry <c>r ≥ 0</c> is row r of the first, <c>~r</c> (negative) row r of the second, as when a sampler's
/// kept input rows and the rows it made are searched as one set.
/// </summary>
internal readonly struct PointRows
{
    private readonly double[] _first;
    private readonly double[]? _second;
    private readonly int[]? _map;
    private readonly int _dimensions;

    // Point i is the matrix row (or map entry) _start + i.
    private readonly int _start;

    // With a second matrix and no map: rows below this are the first matrix's, the rest the second's.
    private readonly int _firstRows;

    private PointRows(double[] first, double[]? second, int[]? map, int count, int dimensions, int start = 0, int firstRows = 0)
    {
        _first = first;
        _second = second;
        _map = map;
        Count = count;
        _dimensions = dimensions;
        _start = start;
        _firstRows = firstRows;
    }

    public int Count { get; }

    /// <summary>The first <paramref name="count"/> rows of <paramref name="matrix"/>.</summary>
    public static PointRows Leading(double[] matrix, int count, int dimensions) => new(matrix, null, null, count, dimensions);

    /// <summary>Rows <paramref name="rows"/> of <paramref name="matrix"/>.</summary>
    public static PointRows Mapped(double[] matrix, int[] rows, int dimensions) => new(matrix, null, rows, rows.Length, dimensions);

    /// <summary>Rows of two matrices: entry <c>r ≥ 0</c> of <paramref name="map"/> is row r of <paramref name="first"/>, <c>~r</c> row r of <paramref name="second"/>.</summary>
    public static PointRows Mapped(double[] first, double[] second, int[] map, int dimensions) => new(first, second, map, map.Length, dimensions);

    /// <summary>The <paramref name="firstRows"/> rows of <paramref name="first"/>, then the <paramref name="secondRows"/> rows of <paramref name="second"/>, without a map.</summary>
    public static PointRows Joined(double[] first, int firstRows, double[] second, int secondRows, int dimensions)
        => new(first, second, null, firstRows + secondRows, dimensions, 0, firstRows);

    /// <summary>The points <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of these, without a copy or a map.</summary>
    public PointRows Range(int start, int count) => new(_first, _second, _map, count, _dimensions, _start + start, _firstRows);

    /// <summary>The points <paramref name="positions"/> of these, where they live.</summary>
    public PointRows Select(int[] positions) => Select(positions, positions.Length);

    /// <summary>
    /// The points at the first <paramref name="count"/> of <paramref name="positions"/>, where they live; rows of
    /// a matrix read through the array itself, which must then not change while they are used.
    /// </summary>
    public PointRows Select(int[] positions, int count)
    {
        if (_map is null && _second is null && _start == 0)
        {
            return new(_first, null, positions, count, _dimensions);
        }

        var map = new int[count];
        for (var i = 0; i < count; i++)
        {
            map[i] = MapEntry(positions[i]);
        }

        return new(_first, _second, map, count, _dimensions);
    }

    /// <summary>The coordinates of point <paramref name="i"/>.</summary>
    public ReadOnlySpan<double> Row(int i)
    {
        var row = MapEntry(i);
        return row >= 0 ? _first.AsSpan(row * _dimensions, _dimensions) : _second.AsSpan(~row * _dimensions, _dimensions);
    }

    /// <summary>Point <paramref name="i"/> as a map entry: its row of the first matrix, or the complement of its row of the second.</summary>
    private int MapEntry(int i)
    {
        var row = _start + i;
        if (_map is not null)
        {
            return _map[row];
        }

        return _second is null || row < _firstRows ? row : ~(row - _firstRows);
    }

    /// <summary>The points row-major: the matrix itself when the points are its leading rows, else a copy.</summary>
    public ReadOnlySpan<double> Contiguous()
    {
        if (_map is null && _second is null)
        {
            return _first.AsSpan(_start * _dimensions, Count * _dimensions);
        }

        var points = new double[Count * _dimensions];
        for (var i = 0; i < Count; i++)
        {
            Row(i).CopyTo(points.AsSpan(i * _dimensions));
        }

        return points;
    }
}
