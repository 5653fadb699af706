using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Evaluation;

/// <summary>
/// The reductions scikit-learn's metrics end in (<c>np.sum</c>, <c>np.mean</c>, <c>np.average</c>), with
/// NumPy's order of additions, so parity-tested numbers agree to the last bit rather than to a tolerance.
/// </summary>
internal static class NumpyReduce
{
    // NumPy reduces through its iterator in buffers of 8192 elements: pairwise within a buffer, the
    // buffers added one after another.
    private const int BufferSize = 8192;

    public static double Sum(ReadOnlySpan<double> values)
    {
        var total = 0.0;
        for (var start = 0; start < values.Length; start += BufferSize)
        {
            total += NumpySum.Pairwise(values.Slice(start, Math.Min(BufferSize, values.Length - start)));
        }

        return total;
    }

    /// <summary><c>np.mean</c>: the NumPy sum over the count.</summary>
    public static double Mean(ReadOnlySpan<double> values) => Sum(values) / values.Length;

    /// <summary><c>np.average(values, weights=weights)</c>: sum of products over the sum of weights.</summary>
    public static double WeightedAverage(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        var products = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            products[i] = values[i] * weights[i];
        }

        return Sum(products) / Sum(weights);
    }

    /// <summary><c>np.average(values, weights)</c> when weights are given, <c>np.mean</c> otherwise.</summary>
    public static double Average(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
        => weights.IsEmpty ? Mean(values) : WeightedAverage(values, weights);

    /// <summary><c>np.linspace(0, 1, count + 1)</c>: <c>i · (1/count)</c>, the last edge exactly 1.</summary>
    public static double[] UnitEdges(int count)
    {
        var edges = new double[count + 1];
        var step = 1.0 / count;
        for (var i = 0; i < count; i++)
        {
            edges[i] = i * step;
        }

        edges[count] = 1.0;
        return edges;
    }

    /// <summary>NumPy's default (linear) percentile, computed the way NumPy does it; sorts <paramref name="values"/> in place.</summary>
    public static double Percentile(double[] values, double percent)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values;
        Array.Sort(sorted);
        var position = (sorted.Length - 1) * (percent / 100.0);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var gamma = position - below;
        var a = sorted[below];
        var b = sorted[above];
        var difference = b - a;

        // NumPy's _lerp: from below for t < 0.5, from above otherwise (it is then exact at the ends).
        return gamma >= 0.5 ? b - (difference * (1 - gamma)) : a + (difference * gamma);
    }
}
