using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ImbalanceGuard.Models;

/// <summary>
/// Cluster centres stored feature-major in panels of <see cref="Width"/> lanes, so the squared distances
/// from one point to a run of centres come out of a vector loop. Each lane's sum runs over the features in
/// order without fused multiply-add, so it equals the scalar <see cref="Distance"/> bit for bit: a centre
/// reached through a panel and the same centre reached directly never disagree.
/// </summary>
internal sealed class CenterPanels
{
    private readonly double[] _data; // panel p, feature f, lane l at ((p * d) + f) * Width + l
    private readonly int _dimensions;

    public CenterPanels(int panelCount, int dimensions)
    {
        _dimensions = dimensions;
        PanelCount = panelCount;
        _data = new double[panelCount * dimensions * Width];

        // An unused lane is infinitely far from everything, so it never wins a minimum.
        Array.Fill(_data, double.PositiveInfinity);
    }

    public static int Width => Vector<double>.Count;

    public int PanelCount { get; }

    public static int PanelsFor(int centers) => (centers + Width - 1) / Width;

    /// <summary>The squared Euclidean distance, summed in feature order without fused multiply-add.</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var f = 0; f < a.Length; f++)
        {
            var t = a[f] - b[f];
            sum += t * t;
        }

        return sum;
    }

    /// <summary>Copies a point into per-feature broadcast vectors, the form <see cref="Distances"/> reads.</summary>
    public static void Broadcast(ReadOnlySpan<double> point, Span<Vector<double>> into)
    {
        for (var f = 0; f < point.Length; f++)
        {
            into[f] = new Vector<double>(point[f]);
        }
    }

    public void Set(int slot, ReadOnlySpan<double> center)
    {
        var panel = slot / Width;
        var lane = slot % Width;
        for (var f = 0; f < _dimensions; f++)
        {
            _data[(((panel * _dimensions) + f) * Width) + lane] = center[f];
        }
    }

    /// <summary>Squared distances from a broadcast point to every lane of panels [first, first + count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Distances(ReadOnlySpan<Vector<double>> point, int firstPanel, int panelCount, Span<double> squared)
    {
        var d = _dimensions;
        var w = Width;
        ref var data = ref MemoryMarshal.GetArrayDataReference(_data);
        ref var x = ref MemoryMarshal.GetReference(point);
        ref var output = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetReference(squared));
        var p = 0;
        for (; p + 2 <= panelCount; p += 2)
        {
            ref var panel0 = ref Unsafe.Add(ref data, (firstPanel + p) * d * w);
            ref var panel1 = ref Unsafe.Add(ref panel0, d * w);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            for (var f = 0; f < d; f++)
            {
                var xf = Unsafe.Add(ref x, f);
                var t0 = Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref panel0, f * w)) - xf;
                var t1 = Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref panel1, f * w)) - xf;
                acc0 += t0 * t0;
                acc1 += t1 * t1;
            }

            Unsafe.Add(ref output, p) = acc0;
            Unsafe.Add(ref output, p + 1) = acc1;
        }

        if (p < panelCount)
        {
            ref var panel = ref Unsafe.Add(ref data, (firstPanel + p) * d * w);
            var acc = Vector<double>.Zero;
            for (var f = 0; f < d; f++)
            {
                var t = Unsafe.As<double, Vector<double>>(ref Unsafe.Add(ref panel, f * w)) - Unsafe.Add(ref x, f);
                acc += t * t;
            }

            Unsafe.Add(ref output, p) = acc;
        }
    }
}
