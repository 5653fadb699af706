namespace ImbalanceGuard.Optimization;

/// <summary>
/// BFGS minimisation with the dense inverse-Hessian update and the Moré–Thuente line search, following the
/// algorithm of SciPy's <c>fmin_bfgs</c> step for step (initial step guess, stopping on the largest gradient
/// component) so that a model SciPy fits this way is reproduced to many digits. For the small problems it is
/// used on (a few parameters); large models use L-BFGS.
/// </summary>
internal static class Bfgs
{
    /// <param name="objective">The function and its gradient (written into the span) at a point.</param>
    /// <param name="start">The starting point.</param>
    /// <param name="gradientTolerance">Stop when every gradient component is at most this (SciPy's <c>gtol</c>, 1e-5).</param>
    /// <param name="maxIterations">The most iterations; default 200 per parameter, as SciPy.</param>
    /// <returns>The minimiser found (the last accepted point if the line search gives up).</returns>
    public static double[] Minimize(Func<double[], double[], double> objective, double[] start, double gradientTolerance = 1e-5, int maxIterations = 0)
    {
        var n = start.Length;
        maxIterations = maxIterations > 0 ? maxIterations : 200 * n;
        var x = (double[])start.Clone();
        var gradient = new double[n];
        var value = objective(x, gradient);
        var inverseHessian = Identity(n);

        // SciPy's guess of the previous value makes the first step about 1 in size.
        var previousValue = value + (Norm2(gradient) / 2);
        var trial = new double[n];
        var trialGradient = new double[n];
        for (var iteration = 0; iteration < maxIterations && NormInf(gradient) > gradientTolerance; iteration++)
        {
            var direction = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    direction[i] -= inverseHessian[i, j] * gradient[j];
                }
            }

            var slope = Dot(gradient, direction);
            var step = slope != 0 ? Math.Min(1.0, 1.01 * 2 * (value - previousValue) / slope) : 1.0;
            if (step < 0)
            {
                step = 1.0;
            }

            var pointValue = value;
            var search = MoreThuenteLineSearch.Search(
                t =>
                {
                    for (var i = 0; i < n; i++)
                    {
                        trial[i] = x[i] + (t * direction[i]);
                    }

                    var f = objective(trial, trialGradient);
                    return (f, Dot(trialGradient, direction));
                },
                step,
                value,
                slope,
                c1: 1e-4,
                c2: 0.9,
                xtol: 1e-14,
                minStep: 1e-100,
                maxStep: 1e100,
                maxEvaluations: 100);
            if (!search.Found)
            {
                break;
            }

            // Re-evaluate at the accepted step so the gradient belongs to it.
            var s = new double[n];
            for (var i = 0; i < n; i++)
            {
                s[i] = search.Step * direction[i];
                trial[i] = x[i] + s[i];
            }

            var newValue = objective(trial, trialGradient);
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                y[i] = trialGradient[i] - gradient[i];
                x[i] = trial[i];
                gradient[i] = trialGradient[i];
            }

            previousValue = pointValue;
            value = newValue;
            if (NormInf(gradient) <= gradientTolerance || !double.IsFinite(value))
            {
                break;
            }

            var curvature = Dot(y, s);
            var rho = curvature == 0 ? 1000.0 : 1.0 / curvature;
            inverseHessian = Update(inverseHessian, s, y, rho);
        }

        return x;
    }

    /// <summary>H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ.</summary>
    private static double[,] Update(double[,] h, double[] s, double[] y, double rho)
    {
        var n = s.Length;
        var a1 = new double[n, n];
        var a2 = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a1[i, j] = (i == j ? 1 : 0) - (s[i] * y[j] * rho);
                a2[i, j] = (i == j ? 1 : 0) - (y[i] * s[j] * rho);
            }
        }

        var result = Multiply(a1, Multiply(h, a2));
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i, j] += rho * s[i] * s[j];
            }
        }

        return result;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var n = a.GetLength(0);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += a[i, k] * b[k, j];
                }

                result[i, j] = sum;
            }
        }

        return result;
    }

    private static double[,] Identity(int n)
    {
        var identity = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            identity[i, i] = 1;
        }

        return identity;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm2(double[] a) => Math.Sqrt(Dot(a, a));

    private static double NormInf(double[] a) => a.Max(Math.Abs);
}
