using System.Numerics;

namespace ImbalanceGuard.Neighbors;

/// <summary>
/// A growable set of points stored feature-major in panels of <see cref="Vector{T}"/> width, so that one
/// query's exact distances to a whole panel come out of one vector loop. Each lane sums its squared
/// differences in feature order without fused multiply-add, so the values equal
/// <see cref="SquaredEuclidean.Distance"/> bit for bit.
/// </summary>
internal sealed class PointPanels
{
    private static readonly int Width = Vector<double>.Count;

    private readonly int _dimensions;
    private double[] _panels;
    private int[] _ids;

    public PointPanels(int dimensions, int capacity = 64)
    {
        _dimensions = dimensions;
        var panels = Math.Max(1, (capacity + Width - 1) / Width);
        _panels = new double[panels * dimensions * Width];
        _ids = new int[panels * Width];
    }

    public int Count { get; private set; }

    /// <summary>The caller's identifier of point <paramref name="position"/>.</summary>
    public int Id(int position) => _ids[position];

    public void Add(ReadOnlySpan<double> point, int id)
    {
        if (Count == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
            Array.Resize(ref _panels, _panels.Length * 2);
        }

        var panel = Count / Width;
        var lane = Count % Width;
        var offset = panel * _dimensions * Width;
        for (var f = 0; f < _dimensions; f++)
        {
            _panels[offset + (f * Width) + lane] = point[f];
        }

        _ids[Count++] = id;
    }

    /// <summary>
    /// Offers the points at positions [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="top"/>
    /// as (exact squared distance, id), skipping the point whose id is <paramref name="excludeId"/>.
    /// </summary>
    public void Nearest(ReadOnlySpan<double> query, int from, int to, int excludeId, ref TopK top)
    {
        Span<double> distances = stackalloc double[Width];
        var position = from;
        while (position < to)
        {
            var panel = position / Width;
            var first = panel * Width;
            PanelDistances(query, panel, distances);
            var end = Math.Min(to, first + Width);
            for (var p = position; p < end; p++)
            {
                var distance = distances[p - first];
                if (distance <= top.WorstDistance && _ids[p] != excludeId)
                {
                    top.Add(distance, _ids[p]);
                }
            }

            position = end;
        }
    }

    /// <summary>Exact squared distances from <paramref name="query"/> to every lane of one panel.</summary>
    public void PanelDistances(ReadOnlySpan<double> query, int panel, Span<double> into)
    {
        var offset = panel * _dimensions * Width;
        var sum = Vector<double>.Zero;
        for (var f = 0; f < _dimensions; f++)
        {
            var lanes = new Vector<double>(_panels, offset + (f * Width));
            var difference = new Vector<double>(query[f]) - lanes;
            sum += difference * difference;
        }

        sum.CopyTo(into);
    }
}
