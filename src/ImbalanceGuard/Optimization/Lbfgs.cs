namespace ImbalanceGuard.Optimization;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980; Liu and Nocedal 1989) for smooth unconstrained problems, with the
/// Moré–Thuente line search and the stopping rules of SciPy's <c>L-BFGS-B</c> as scikit-learn calls it:
/// stop when the largest gradient component is at most <c>gtol</c> (the projected gradient, without bounds)
/// or when an iteration lowers the objective by a relative <c>ftol</c> or less. The first step has length 1
/// along the steepest descent, as L-BFGS-B's; later steps start at 1, where the two-loop recursion has
/// already scaled the direction.
/// </summary>
internal static class Lbfgs
{
    /// <summary>The minimiser found and how the search ended.</summary>
    internal readonly record struct Result(double[] Point, double Value, int Iterations, bool Converged);

    /// <summary>The spacing of doubles at 1 (NumPy's <c>finfo(float).eps</c>).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <param name="objective">The function and its gradient (written into the span) at a point.</param>
    /// <param name="start">The starting point.</param>
    /// <param name="gradientTolerance">Stop when every gradient component is at most this (scikit-learn's <c>tol</c>).</param>
    /// <param name="maxIterations">The most iterations (scikit-learn's <c>max_iter</c>).</param>
    /// <param name="relativeReduction">Stop when an iteration lowers the value by at most this, relatively (SciPy's <c>ftol</c>).</param>
    /// <param name="memory">The number of correction pairs kept (SciPy's <c>maxcor</c>, 10).</param>
    public static Result Minimize(
        Func<double[], double[], double> objective,
        double[] start,
        double gradientTolerance,
        int maxIterations,
        double relativeReduction = 64 * MachineEpsilon,
        int memory = 10)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var gradient = new double[n];
        var value = objective(x, gradient);
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        for (var k = 0; k < memory; k++)
        {
            s[k] = new double[n];
            y[k] = new double[n];
        }

        var stored = 0;
        var newest = -1;
        var direction = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var iteration = 0;
        if (NormInf(gradient) <= gradientTolerance)
        {
            return new Result(x, value, 0, true);
        }

        while (iteration < maxIterations)
        {
            // Two-loop recursion: direction = -H·g with H the limited-memory inverse Hessian.
            for (var i = 0; i < n; i++)
            {
                direction[i] = -gradient[i];
            }

            for (var k = 0; k < stored; k++)
            {
                var j = (newest - k + memory) % memory;
                alpha[j] = rho[j] * Dot(s[j], direction);
                Axpy(-alpha[j], y[j], direction);
            }

            if (stored > 0)
            {
                // Scale by s'y / y'y, the usual estimate of the Hessian's inverse size.
                var gamma = Dot(s[newest], y[newest]) / Dot(y[newest], y[newest]);
                for (var i = 0; i < n; i++)
                {
                    direction[i] *= gamma;
                }
            }

            for (var k = stored - 1; k >= 0; k--)
            {
                var j = (newest - k + memory) % memory;
                var beta = rho[j] * Dot(y[j], direction);
                Axpy(alpha[j] - beta, s[j], direction);
            }

            var slope = Dot(gradient, direction);
            if (!(slope < 0))
            {
                // Not a descent direction (rounding): restart from steepest descent.
                stored = 0;
                for (var i = 0; i < n; i++)
                {
                    direction[i] = -gradient[i];
                }

                slope = Dot(gradient, direction);
                if (!(slope < 0))
                {
                    return new Result(x, value, iteration, NormInf(gradient) <= gradientTolerance);
                }
            }

            var step = stored == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(Dot(direction, direction))) : 1.0;
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
                c1: 1e-3,
                c2: 0.9,
                xtol: 0.1,
                minStep: 0,
                maxStep: 1e10,
                maxEvaluations: 50);
            if (!search.Found)
            {
                return new Result(x, value, iteration, NormInf(gradient) <= gradientTolerance);
            }

            // The gradient of the search's last evaluation may belong to another step: evaluate at the accepted one.
            var next = newest + 1 == memory ? 0 : newest + 1;
            for (var i = 0; i < n; i++)
            {
                s[next][i] = search.Step * direction[i];
                trial[i] = x[i] + s[next][i];
            }

            var newValue = objective(trial, trialGradient);
            for (var i = 0; i < n; i++)
            {
                y[next][i] = trialGradient[i] - gradient[i];
            }

            var sy = Dot(s[next], y[next]);
            var previousValue = value;
            Array.Copy(trial, x, n);
            Array.Copy(trialGradient, gradient, n);
            value = newValue;
            iteration++;
            if (sy > 1e-10 * Dot(y[next], y[next]))
            {
                // Keep only pairs of positive curvature, which keep the update positive definite.
                rho[next] = 1 / sy;
                newest = next;
                stored = Math.Min(stored + 1, memory);
            }

            if (NormInf(gradient) <= gradientTolerance)
            {
                return new Result(x, value, iteration, true);
            }

            if ((previousValue - value) <= relativeReduction * Math.Max(Math.Max(Math.Abs(previousValue), Math.Abs(value)), 1))
            {
                return new Result(x, value, iteration, true);
            }
        }

        return new Result(x, value, iteration, NormInf(gradient) <= gradientTolerance);
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

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static double NormInf(double[] v)
    {
        var max = 0.0;
        foreach (var value in v)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        return max;
    }
}
