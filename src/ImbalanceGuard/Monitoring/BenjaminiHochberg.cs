namespace ImbalanceGuard.Monitoring;

/// <summary>
/// Benjamini–Hochberg adjusted p-values, which control the false discovery rate across many tests (as statsmodels'
/// <c>multipletests(method='fdr_bh')</c>): the i-th smallest of m p-values becomes min over k ≥ i of p_(k)·m/k, capped
/// at 1, so the adjusted values keep the order of the raw ones.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>The adjusted p-value of each of <paramref name="pValues"/>, in the same order; a NaN stays NaN and is not counted among the tests.</summary>
    /// <exception cref="ArgumentException">A p-value lies outside [0, 1].</exception>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var adjusted = new double[pValues.Count];
        var order = new List<int>(pValues.Count);
        for (var i = 0; i < pValues.Count; i++)
        {
            var p = pValues[i];
            if (double.IsNaN(p))
            {
                adjusted[i] = double.NaN;
                continue;
            }

            if (p < 0 || p > 1)
            {
                throw new ArgumentException($"P-value {i} is {p}, outside [0, 1].", nameof(pValues));
            }

            order.Add(i);
        }

        // Stable, so tied p-values keep their input order (ties get the same adjusted value either way).
        var sorted = order.OrderBy(i => pValues[i]).ToArray();
        var m = sorted.Length;
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = sorted[rank - 1];
            running = Math.Min(running, pValues[index] * m / rank);
            adjusted[index] = running;
        }

        return adjusted;
    }
}
