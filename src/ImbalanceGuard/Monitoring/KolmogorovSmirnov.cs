namespace ImbalanceGuard.Monitoring;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test, with SciPy's <c>ks_2samp</c> (1.10, <c>method='auto'</c>, two-sided) as the
/// reference: the exact p-value when neither sample has more than 10 000 values, else the asymptotic one.
/// </summary>
/// <remarks>
/// Exact: the statistic is a count <c>h</c> of steps of 1/lcm(n1, n2) (computed in integers, so ties cannot misround
/// it); the p-value is the share of monotone lattice paths from (0, 0) to (n1, n2) that touch |i/n1 − j/n2| ≥ d. For
/// equal sizes that share has a closed alternating sum (evaluated as a nested product, so nothing cancels); otherwise
/// it is the recursion of Viehmann (2021), which carries, per lattice point, the probability that a uniformly random
/// path to it has already left the band — every value stays in [0, 1], so p-values near 0 and near 1 both keep their
/// precision. It costs one pass over the band: columns × (2h / (max(n1, n2) / gcd) + 1) cells.
/// Asymptotic: the two-sided one-sample distribution of the statistic at n = round(n1·n2 / (n1 + n2)) (SciPy's
/// <c>kstwo</c>; see <see cref="KolmogorovDistribution"/>). Missing values (NaN) are left out of both samples.
/// </remarks>
public static class KolmogorovSmirnov
{
    /// <summary>The largest size at which both samples get the exact p-value (SciPy's <c>MAX_AUTO_N</c>).</summary>
    public const int MaxExactSize = 10_000;

    /// <summary>Tests whether <paramref name="x"/> and <paramref name="y"/> come from the same distribution.</summary>
    /// <exception cref="ArgumentException">A sample has no values (after leaving out NaN).</exception>
    public static KolmogorovSmirnovResult TwoSample(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var a = SortedWithoutNaN(x);
        var b = SortedWithoutNaN(y);
        if (a.Length == 0 || b.Length == 0)
        {
            throw new ArgumentException(
                $"The Kolmogorov–Smirnov test needs values in both samples; the {(a.Length == 0 ? "first" : "second")} has none.");
        }

        return TwoSampleSorted(a, b);
    }

    /// <summary>The test on two sorted samples without NaN, both non-empty.</summary>
    internal static KolmogorovSmirnovResult TwoSampleSorted(double[] a, double[] b)
    {
        long n1 = a.Length;
        long n2 = b.Length;

        // Walk the merged order; after each run of equal values the step functions are i/n1 and j/n2. The distance
        // in units of 1/lcm is |i·n2 − j·n1| / gcd, an integer.
        long largest = 0;
        double largestDifference = 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var value = i < a.Length && (j >= b.Length || a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.Length && a[i] == value)
            {
                i++;
            }

            while (j < b.Length && b[j] == value)
            {
                j++;
            }

            var gap = Math.Abs((i * n2) - (j * n1));
            if (gap > largest)
            {
                largest = gap;
                largestDifference = Math.Abs((i / (double)n1) - (j / (double)n2));
            }
        }

        var g = GreatestCommonDivisor(n1, n2);
        if (Math.Max(n1, n2) <= MaxExactSize)
        {
            var lcm = n1 / g * n2;
            var h = largest / g;
            var d = h / (double)lcm;
            var p = h == 0 ? 1.0 : n1 == n2 ? OutsideSquare(n1, h) : OutsideBand(n1, n2, g, h);
            return new KolmogorovSmirnovResult(d, Math.Clamp(p, 0.0, 1.0), Exact: true);
        }

        // SciPy passes the floating-point difference and rounds half to even (as Math.Round does).
        double larger = Math.Max(n1, n2), smaller = Math.Min(n1, n2);
        var en = (int)Math.Round(larger * smaller / (larger + smaller));
        return new KolmogorovSmirnovResult(largestDifference, KolmogorovDistribution.Survival(en, largestDifference), Exact: false);
    }

    /// <summary>
    /// P(D ≥ h/n) for two samples of n: 2·(A0 − A0·A1 + A0·A1·A2 − …) with A_k the ratio of binomials
    /// C(2n, n − (k+1)h)/C(2n, n − kh), evaluated from the innermost term out so nothing cancels.
    /// </summary>
    internal static double OutsideSquare(long n, long h)
    {
        var p = 0.0;
        for (var k = n / h; k >= 0; k--)
        {
            var term = 1.0;
            for (long step = 0; step < h; step++)
            {
                term = (n - (k * h) - step) * term / (n + (k * h) + step + 1);
            }

            p = term * (1.0 - p);
        }

        return 2 * p;
    }

    /// <summary>
    /// P(D ≥ h/lcm) for samples of n1 ≠ n2: the probability that a uniformly random lattice path from (0, 0) to
    /// (m, n) touches |i·(n/g) − j·(m/g)| ≥ h. Column by column, a point inside the band inherits it from its two
    /// predecessors weighted by their share of the paths (i/(i+j) from the left, j/(i+j) from below); a point
    /// outside is 1.
    /// </summary>
    internal static double OutsideBand(long n1, long n2, long g, long h)
    {
        var m = Math.Max(n1, n2);
        var n = Math.Min(n1, n2);
        var mg = m / g;
        var ng = n / g;

        // Column 0: (0, j) is inside while j·mg < h, and the only path there stays inside.
        var previousLow = 0L;
        var previousHigh = Math.Min(CeilingDivide(h, mg), n + 1);
        // 1/(i + j) for every i + j on the lattice, so the inner loop does not divide.
        var reciprocals = new double[m + n + 1];
        for (var k = 1; k < reciprocals.Length; k++)
        {
            reciprocals[k] = 1.0 / k;
        }

        var previous = new double[n + 1];
        var current = new double[n + 1];
        var low = previousLow;
        var high = previousHigh;
        for (long i = 1; i <= m; i++)
        {
            low = Math.Min(Math.Max(FloorDivide((ng * i) - h, mg) + 1, 0), n);
            high = Math.Min(CeilingDivide((ng * i) + h, mg), n + 1);
            if (high <= low)
            {
                return 1.0;
            }

            // below(j) = (i·left(j) + j·below(j − 1)) / (i + j): the weights are formed off the dependency chain, so
            // each step of the chain is one fused multiply-add. Rows above the previous column's band read left = 1.
            double column = i;
            var inherited = (int)Math.Max(Math.Min(high, previousHigh) - low, 0);
            var count = (int)(high - low);
            var from = previous.AsSpan((int)(low - previousLow));
            var into = current.AsSpan(0, count);
            var shares = reciprocals.AsSpan((int)(i + low));
            var below = 1.0;
            for (var q = 0; q < inherited; q++)
            {
                var share = shares[q];
                below = Math.FusedMultiplyAdd(below, (low + q) * share, from[q] * column * share);
                into[q] = below;
            }

            for (var q = inherited; q < count; q++)
            {
                var share = shares[q];
                below = Math.FusedMultiplyAdd(below, (low + q) * share, column * share);
                into[q] = below;
            }

            (previous, current) = (current, previous);
            previousLow = low;
            previousHigh = high;
        }

        return previous[n - low];
    }

    private static double[] SortedWithoutNaN(ReadOnlySpan<double> values)
    {
        var kept = new double[values.Length];
        var count = 0;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                kept[count++] = value;
            }
        }

        Array.Resize(ref kept, count);
        Array.Sort(kept);
        return kept;
    }

    private static long GreatestCommonDivisor(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static long FloorDivide(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilingDivide(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}
