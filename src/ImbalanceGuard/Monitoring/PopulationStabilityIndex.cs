using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Monitoring;

/// <summary>
/// The population stability index Σ (c_b − r_b) · ln(c_b / r_b) over bins b, r_b and c_b the shares of the reference
/// and current values in the bin: 0 when nothing moved; by the usual rule of thumb under 0.1 is stable, 0.1–0.25 a
/// moderate shift and above 0.25 a major one.
/// </summary>
/// <remarks>
/// Numeric values are binned at the reference's deciles (NumPy's linear percentiles 10, 20, …, 90), equal edges merged
/// into one, each bin closed on the right: (−∞, e1], (e1, e2], …, (e_last, ∞). A feature with many equal values (say,
/// mostly zeros) therefore gets fewer, wider bins instead of empty ones. Categorical values are binned by category.
/// An empty bin's share is taken as <see cref="EmptyBinShare"/> so that its term is large but finite. Missing values
/// (NaN) are left out.
/// </remarks>
public static class PopulationStabilityIndex
{
    /// <summary>The share given to a bin with no values on one side (0.0001).</summary>
    public const double EmptyBinShare = 1e-4;

    /// <summary>The index of numeric <paramref name="current"/> values against the deciles of <paramref name="reference"/>.</summary>
    /// <exception cref="ArgumentException">A side has no values (after leaving out NaN).</exception>
    public static double Numeric(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var edges = DecileEdges(reference);
        var referenceCounts = BinCounts(reference, edges);
        var currentCounts = BinCounts(current, edges);
        return FromCounts(referenceCounts, currentCounts);
    }

    /// <summary>The edges of the numeric bins: the reference's deciles, equal ones merged (see the remarks).</summary>
    /// <exception cref="ArgumentException">The reference has no values (after leaving out NaN).</exception>
    public static double[] DecileEdges(ReadOnlySpan<double> reference)
    {
        var values = new List<double>(reference.Length);
        foreach (var value in reference)
        {
            if (!double.IsNaN(value))
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            throw new ArgumentException("The population stability index needs reference values; there are none.", nameof(reference));
        }

        var sorted = values.ToArray();
        var edges = new List<double>(9);
        for (var decile = 1; decile <= 9; decile++)
        {
            var edge = NumpyReduce.Percentile(sorted, decile * 10.0);
            if (edges.Count == 0 || edge > edges[^1])
            {
                edges.Add(edge);
            }
        }

        return edges.ToArray();
    }

    /// <summary>The index from counts per bin (or per category), the two lists aligned bin by bin.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, a count is negative, or a side has no counts.</exception>
    public static double FromCounts(IReadOnlyList<long> reference, IReadOnlyList<long> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Count != current.Count)
        {
            throw new ArgumentException($"The two lists of counts must cover the same bins; they have {reference.Count} and {current.Count}.");
        }

        if (reference.Any(c => c < 0) || current.Any(c => c < 0))
        {
            throw new ArgumentException("A bin has a negative count.");
        }

        double referenceTotal = reference.Sum();
        double currentTotal = current.Sum();
        if (referenceTotal == 0 || currentTotal == 0)
        {
            throw new ArgumentException($"The population stability index needs values on both sides; the {(referenceTotal == 0 ? "reference" : "current")} has none.");
        }

        var index = 0.0;
        for (var b = 0; b < reference.Count; b++)
        {
            if (reference[b] == 0 && current[b] == 0)
            {
                continue;
            }

            var r = reference[b] == 0 ? EmptyBinShare : reference[b] / referenceTotal;
            var c = current[b] == 0 ? EmptyBinShare : current[b] / currentTotal;

            index += (c - r) * Math.Log(c / r);
        }

        return index;
    }

    private static long[] BinCounts(ReadOnlySpan<double> values, double[] edges)
    {
        var counts = new long[edges.Length + 1];
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            // The first edge at or above the value closes its bin.
            var at = Array.BinarySearch(edges, value);
            counts[at >= 0 ? at : ~at]++;
        }

        return counts;
    }
}
