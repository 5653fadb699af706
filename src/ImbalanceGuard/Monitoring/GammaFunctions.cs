namespace ImbalanceGuard.Monitoring;

/// <summary>The log-gamma function and the regularized upper incomplete gamma function (the chi-square tail).</summary>
internal static class GammaFunctions
{
    // Lanczos (g = 7, 9 terms): about 15 significant digits for x ≥ 0.5 (Godfrey's coefficients).
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    private const int MaxIterations = 100_000;
    private const double Epsilon = 1e-16;

    /// <summary>log Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        if (x >= 20)
        {
            // Stirling's series: exact to rounding for large x, where the Lanczos sum loses digits to its size.
            var r = 1.0 / x;
            var r2 = r * r;
            var series = r * (1.0 / 12 - (r2 * (1.0 / 360 - (r2 * (1.0 / 1260 - (r2 * (1.0 / 1680 - (r2 / 1188))))))));
            return ((x - 0.5) * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI)) + series;
        }

        x -= 1;
        var sum = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>
    /// Q(a, x) = Γ(a, x)/Γ(a), the share of the gamma(a) distribution above x: the series for P = 1 − Q below
    /// x = a + 1, where Q is not small, and the continued fraction for Q itself above, so small tails keep their
    /// relative precision (Numerical Recipes §6.2, with Lentz's evaluation).
    /// </summary>
    public static double UpperRegularized(double a, double x)
    {
        if (x <= 0)
        {
            return 1.0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        var logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            // P(a, x) = e^{−x} x^a / Γ(a + 1) · Σ x^k / ((a + 1)…(a + k)).
            var term = 1.0 / a;
            var sum = term;
            for (var k = 1; k < MaxIterations; k++)
            {
                term *= x / (a + k);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
                {
                    break;
                }
            }

            return Math.Clamp(1.0 - (sum * Math.Exp(logPrefix)), 0.0, 1.0);
        }

        const double tiny = 1e-300;
        var b = x + 1 - a;
        var c = 1.0 / tiny;
        var d = 1.0 / b;
        var fraction = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < tiny)
            {
                d = tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }

            d = 1.0 / d;
            var delta = d * c;
            fraction *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon)
            {
                break;
            }
        }

        return Math.Clamp(Math.Exp(logPrefix) * fraction, 0.0, 1.0);
    }
}
