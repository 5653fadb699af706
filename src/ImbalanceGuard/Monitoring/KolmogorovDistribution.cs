namespace ImbalanceGuard.Monitoring;

/// <summary>
/// The survival function P(D_n ≥ x) of the two-sided one-sample Kolmogorov statistic — SciPy's <c>kstwo.sf</c>, which
/// <c>ks_2samp</c> uses for large samples. The method depends on where (n, x) lies, as in Simard and L'Ecuyer (2011)
/// and SciPy's <c>kolmogn</c>: the closed forms of Ruben and Gambino at the ends, twice the one-sided Smirnov tail where
/// the two one-sided events cannot both happen (x ≥ 0.5) or the tail is small, the Durbin matrix (Marsaglia, Tsang and
/// Wang 2003) and Pomeranz's recursion for small n, and the Pelz–Good expansion for large n.
/// </summary>
internal static class KolmogorovDistribution
{
    private const int Exponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, Exponent);
    private static readonly double Small = Math.ScaleB(1.0, -Exponent);

    /// <summary>P(D_n ≥ x), clipped to [0, 1].</summary>
    public static double Survival(int n, double x)
    {
        if (x >= 1.0)
        {
            return 0.0;
        }

        if (x <= 0.0)
        {
            return 1.0;
        }

        var t = n * x;
        if (t <= 1.0)
        {
            if (t <= 0.5)
            {
                return 1.0;
            }

            // Ruben–Gambino: P(D_n ≤ x) = n!/n^n · (2t − 1)^n for 1/(2n) ≤ x ≤ 1/n.
            double cdf;
            if (n <= 140)
            {
                cdf = 1.0;
                for (var i = 1; i <= n; i++)
                {
                    cdf *= i * (1.0 / n) * ((2 * t) - 1);
                }
            }
            else
            {
                cdf = Math.Exp(LogFactorialOverPower(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Clip(1.0 - cdf);
        }

        if (t >= n - 1)
        {
            return Clip(2 * Math.Pow(1.0 - x, n));
        }

        if (x >= 0.5)
        {
            return Clip(2 * SmirnovSurvival(n, x));
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                return Clip(1.0 - DurbinMatrix(n, x));
            }

            return nxSquared <= 4 ? Clip(1.0 - Pomeranz(n, x)) : Clip(2 * SmirnovSurvival(n, x));
        }

        if (nxSquared >= 370.0)
        {
            return 0.0;
        }

        if (nxSquared >= 2.2)
        {
            return Clip(2 * SmirnovSurvival(n, x));
        }

        var lower = n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4 ? DurbinMatrix(n, x) : PelzGood(n, x);
        return Clip(1.0 - lower);
    }

    /// <summary>
    /// The one-sided tail P(D_n⁺ ≥ x) by the Birnbaum–Tingey sum
    /// x · Σ_{j ≤ n(1−x)} C(n, j) (1 − x − j/n)^(n−j) (x + j/n)^(j−1); every term is positive, so the sum keeps its
    /// relative precision however small it is. Terms are formed in logarithms so none overflows.
    /// </summary>
    internal static double SmirnovSurvival(int n, double x)
    {
        if (n == 1)
        {
            return x;
        }

        if (x <= 0.0)
        {
            return 1.0;
        }

        if (x >= 1.0)
        {
            return 0.0;
        }

        var last = (int)Math.Floor(n * (1.0 - x));
        var logFactorialN = GammaFunctions.LogGamma(n + 1.0);
        var logX = Math.Log(x);
        var sum = 0.0;
        for (var j = 0; j <= last; j++)
        {
            var upper = 1.0 - x - (j / (double)n);
            if (upper <= 0.0 && j < n)
            {
                continue;
            }

            var logTerm = logFactorialN - GammaFunctions.LogGamma(j + 1.0) - GammaFunctions.LogGamma(n - j + 1.0)
                + (j < n ? (n - j) * Math.Log(upper) : 0.0)
                + ((j - 1) * Math.Log(x + (j / (double)n)))
                + logX;
            sum += Math.Exp(logTerm);
        }

        return sum;
    }

    /// <summary>log(n!/n^n) by Stirling's series.</summary>
    private static double LogFactorialOverPower(int n)
    {
        ReadOnlySpan<double> coefficients =
        [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
            -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ];
        var r = 1.0 / n;
        var u = r / n;
        var series = 0.0;
        foreach (var c in coefficients)
        {
            series = (series * u) + c;
        }

        return (Math.Log(n) / 2) - n + (Math.Log(2 * Math.PI) / 2) + (r * series);
    }

    /// <summary>
    /// P(D_n &lt; x) as n!/n^n times the (k, k) entry of H^n (Durbin 1968), H the (2k−1)-square matrix of Marsaglia,
    /// Tsang and Wang with k = ⌈nx⌉. Powers are rescaled by 2^128 and the scale kept as an exponent, since H^n
    /// overflows long before n!/n^n brings it back.
    /// </summary>
    internal static double DurbinMatrix(int n, double x)
    {
        if (x >= 1.0)
        {
            return 1.0;
        }

        var nd = n * x;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = (2 * k) - 1;
        var v = new double[m];
        var w = new double[m];
        var factorial = 1.0;
        for (var j = 1; j <= m; j++)
        {
            w[j - 1] = factorial;
            factorial /= j;
            v[j - 1] = (1.0 - Math.Pow(h, j)) * factorial;
        }

        v[m - 1] = (1.0 + Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m))) * factorial;

        var matrix = new double[m, m];
        for (var row = 0; row < m; row++)
        {
            matrix[row, 0] = v[row];
            for (var column = 1; column < m; column++)
            {
                if (row >= column - 1)
                {
                    matrix[row, column] = w[row - column + 1];
                }
            }
        }

        for (var column = 0; column < m; column++)
        {
            matrix[m - 1, column] = v[m - 1 - column];
        }

        var power = new double[m, m];
        for (var d = 0; d < m; d++)
        {
            power[d, d] = 1.0;
        }

        var exponent = 0;
        var matrixExponent = 0;
        for (var remaining = n; remaining > 0; remaining /= 2)
        {
            if (remaining % 2 == 1)
            {
                power = Multiply(power, matrix);
                exponent += matrixExponent;
            }

            matrix = Multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.Abs(matrix[k - 1, k - 1]) > Big)
            {
                Scale(matrix, Small);
                matrixExponent += Exponent;
            }
        }

        var p = power[k - 1, k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Small)
            {
                p *= Big;
                exponent -= Exponent;
            }
        }

        return Clip(Math.ScaleB(p, exponent));
    }

    /// <summary>
    /// P(D_n ≤ x) by Pomeranz's (1974) recursion over the 2n + 1 intervals cut by the points j/n ± x, with the
    /// transition terms (g/n)^m/m!, (2g/n)^m/m! and ((1−2g)/n)^m/m!, g the distance of nx to the nearer integer.
    /// </summary>
    internal static double Pomeranz(int n, double x)
    {
        var t = n * x;
        var whole = (int)Math.Floor(t);
        var fraction = t - whole;
        var g = Math.Min(fraction, 1.0 - fraction);
        var ceilingFraction = fraction > 0 ? 1 : 0;
        var roundFraction = fraction > 0.5 ? 1 : 0;
        var powers = 2 * (whole + 1);
        var gPower = new double[powers];
        var twoGPower = new double[powers];
        var oneMinusTwoGPower = new double[powers];
        gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1.0;
        for (var m = 1; m < powers; m++)
        {
            gPower[m] = gPower[m - 1] * (g / n) / m;
            twoGPower[m] = twoGPower[m - 1] * (2 * g / n) / m;
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * ((1 - (2 * g)) / n) / m;
        }

        var previous = new double[powers];
        var current = new double[powers];
        current[0] = 1;
        int previousStart = 0, currentStart = 0;
        var exponent = 0;
        var (low, high) = PomeranzRow(0, n, whole, ceilingFraction, roundFraction);
        for (var i = 1; i <= (2 * n) + 1; i++)
        {
            var firstUsed = low;
            (previous, current) = (current, previous);
            (previousStart, currentStart) = (currentStart, previousStart);
            Array.Clear(current);
            (low, high) = PomeranzRow(i, n, whole, ceilingFraction, roundFraction);
            var weights = i == 1 || i == (2 * n) + 1 ? gPower : i % 2 == 1 ? twoGPower : oneMinusTwoGPower;
            var length = high - firstUsed + 1;
            if (length <= 0)
            {
                continue;
            }

            // current[q] = Σ_a previous[firstUsed + a] · weights[(low − firstUsed + q) − a], a full convolution cut to the row.
            var offset = firstUsed - previousStart;
            var largest = 0.0;
            for (var q = 0; q <= high - low; q++)
            {
                var index = low - firstUsed + q;
                var sum = 0.0;
                for (var a = Math.Max(0, index - length + 1); a <= Math.Min(index, length - 1); a++)
                {
                    var at = offset + a;
                    if (at >= 0 && at < powers)
                    {
                        sum += previous[at] * weights[index - a];
                    }
                }

                current[q] = sum;
                largest = Math.Max(largest, sum);
            }

            if (largest > 0 && largest < Small)
            {
                for (var q = 0; q < powers; q++)
                {
                    current[q] *= Big;
                }

                exponent -= Exponent;
            }

            currentStart = previousStart + low - firstUsed;
        }

        var answer = current[n - currentStart];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > Big)
            {
                answer *= Small;
                exponent += Exponent;
            }

            answer *= m;
        }

        return Clip(Math.ScaleB(answer, exponent));
    }

    private static (int Low, int High) PomeranzRow(int i, int n, int whole, int ceilingFraction, int roundFraction)
    {
        int low, high;
        if (i == 0)
        {
            (low, high) = (-whole - ceilingFraction - 1, whole + ceilingFraction - 1);
        }
        else
        {
            var half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                (low, high) = half == n + 1
                    ? (n - whole - ceilingFraction - 1, n + whole + ceilingFraction - 1)
                    : (half - 1 - whole - roundFraction - 1, half + whole - 1 + ceilingFraction - 1);
            }
            else
            {
                (low, high) = (half - 1 - whole - 1, half + whole + roundFraction - 1);
            }
        }

        return (Math.Max(low + 2, 0), Math.Min(high, n));
    }

    /// <summary>
    /// The Pelz–Good (1976) expansion of P(D_n ≤ x) in powers of 1/√n, its terms written with Jacobi theta functions
    /// so they converge for small z = x√n.
    /// </summary>
    internal static double PelzGood(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        var z = Math.Sqrt(n) * x;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
        const double pi2 = Math.PI * Math.PI;
        const double pi4 = pi2 * pi2;
        const double pi6 = pi4 * pi2;
        var qLog = -pi2 / 8 / z2;
        if (qLog < -708)
        {
            return 0.0;
        }

        var q = Math.Exp(qLog);
        var k1a = -z2;
        var k1b = pi2 / 4;
        var k2a = (6 * z6) + (2 * z4);
        var k2b = ((2 * z4) - (5 * z2)) * pi2 / 4;
        var k2c = pi4 * (1 - (2 * z2)) / 16;
        var k3d = pi6 * (5 - (30 * z2)) / 64;
        var k3c = pi4 * ((-60 * z2) + (212 * z4)) / 16;
        var k3b = pi2 * ((135 * z4) - (96 * z6)) / 4;
        var k3a = (-30 * z6) - (90 * z4 * z4);
        var terms = new double[4];
        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxK; k > 0; k--)
        {
            double odd = (2 * k) - 1, odd2 = odd * odd, odd4 = odd2 * odd2, odd6 = odd4 * odd2;
            var qPower = Math.Pow(q, 8 * k);
            terms[0] = (terms[0] * qPower) + 1.0;
            terms[1] = (terms[1] * qPower) + k1a + (k1b * odd2);
            terms[2] = (terms[2] * qPower) + k2a + (k2b * odd2) + (k2c * odd4);
            terms[3] = (terms[3] * qPower) + k3a + (k3b * odd2) + (k3c * odd4) + (k3d * odd6);
        }

        var root2Pi = Math.Sqrt(2 * Math.PI);
        ReadOnlySpan<double> divisors = [z, 6 * z4, 72 * z6 * z, 6480 * z6 * z4];
        for (var r = 0; r < 4; r++)
        {
            terms[r] = terms[r] * q * root2Pi / divisors[r];
        }

        var q2 = Math.Exp(-pi2 / 2 / z2);
        double extra2 = 0, extra3 = 0;
        var root3Z = Math.Sqrt(3) * z;
        for (var k = maxK; k > 0; k--)
        {
            var k2 = (double)k * k;
            var qPower = Math.Pow(q2, k2);
            extra2 += k2 * qPower;
            var kPi = Math.PI * k;
            extra3 += (root3Z + kPi) * (root3Z - kPi) * k2 * qPower;
        }

        terms[2] += extra2 * pi2 * root2Pi / (-36 * z3);
        terms[3] += extra3 * pi2 * root2Pi / (216 * z6);
        var sum = 0.0;
        for (var r = 0; r < 4; r++)
        {
            sum += terms[r] / Math.Pow(n, r / 2.0);
        }

        return sum;
    }

    private static double[,] Multiply(double[,] left, double[,] right)
    {
        var m = left.GetLength(0);
        var product = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var k = 0; k < m; k++)
            {
                var a = left[i, k];
                if (a == 0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    product[i, j] += a * right[k, j];
                }
            }
        }

        return product;
    }

    private static void Scale(double[,] matrix, double factor)
    {
        var m = matrix.GetLength(0);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                matrix[i, j] *= factor;
            }
        }
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);
}
