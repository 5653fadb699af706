namespace ImbalanceGuard.Monitoring;

/// <summary>
/// The chi-square test of homogeneity on the 2 × k table of reference and current counts per category, with SciPy's
/// <c>chi2_contingency(table, correction=True)</c> (1.10) as the reference.
/// </summary>
/// <remarks>
/// Categories that neither row has are dropped (they carry no information and would make an expected count 0); a
/// category only one row has is kept — it is drift. The expected count of a cell is its row total times its column
/// total over the grand total. With one degree of freedom (two categories) every observed count moves half a unit
/// towards its expected count, or all the way when it is closer (Yates). The p-value is the chi-square tail,
/// Q(df/2, statistic/2).
/// </remarks>
public static class ChiSquareTest
{
    /// <summary>Tests whether the <paramref name="reference"/> and <paramref name="current"/> counts, category by category, share one distribution.</summary>
    /// <exception cref="ArgumentException">The rows differ in length, a count is negative, or a row has no counts at all.</exception>
    public static ChiSquareResult Homogeneity(IReadOnlyList<long> reference, IReadOnlyList<long> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Count != current.Count)
        {
            throw new ArgumentException($"The two rows of counts must cover the same categories; they have {reference.Count} and {current.Count}.");
        }

        var kept = new List<(long Reference, long Current)>(reference.Count);
        for (var c = 0; c < reference.Count; c++)
        {
            if (reference[c] < 0 || current[c] < 0)
            {
                throw new ArgumentException($"Category {c} has a negative count.");
            }

            if (reference[c] + current[c] > 0)
            {
                kept.Add((reference[c], current[c]));
            }
        }

        double referenceTotal = kept.Sum(k => k.Reference);
        double currentTotal = kept.Sum(k => k.Current);
        if (referenceTotal == 0 || currentTotal == 0)
        {
            throw new ArgumentException($"The chi-square test needs counts in both rows; the {(referenceTotal == 0 ? "reference" : "current")} row has none.");
        }

        var degrees = kept.Count - 1;
        if (degrees == 0)
        {
            return new ChiSquareResult(0.0, 1.0, 0);
        }

        var total = referenceTotal + currentTotal;
        var statistic = 0.0;
        foreach (var (r, c) in kept)
        {
            double column = r + c;
            statistic += Term(r, referenceTotal * column / total, degrees == 1);
            statistic += Term(c, currentTotal * column / total, degrees == 1);
        }

        return new ChiSquareResult(statistic, GammaFunctions.UpperRegularized(degrees / 2.0, statistic / 2.0), degrees);
    }

    private static double Term(double observed, double expected, bool yates)
    {
        if (yates)
        {
            var gap = expected - observed;
            observed += Math.Sign(gap) * Math.Min(0.5, Math.Abs(gap));
        }

        var difference = observed - expected;
        return difference * difference / expected;
    }
}
