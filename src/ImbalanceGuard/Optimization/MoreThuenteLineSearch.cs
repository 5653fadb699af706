namespace ImbalanceGuard.Optimization;

/// <summary>
/// The Moré–Thuente line search (MINPACK-2's <c>dcsrch</c>/<c>dcstep</c>, the search SciPy's BFGS uses
/// first): finds a step along a descent direction that satisfies the strong Wolfe conditions, by safeguarded
/// cubic and quadratic interpolation inside a bracket that shrinks. Written from the published algorithm
/// (Moré and Thuente 1994) so that fits that SciPy computes this way come out the same.
/// </summary>
internal static class MoreThuenteLineSearch
{
    private const double ExtrapolateLower = 1.1;
    private const double ExtrapolateUpper = 4.0;

    /// <summary>The result of a search: the step, the function and derivative there, or failure.</summary>
    internal readonly record struct Outcome(bool Found, double Step, double Value, double Derivative);

    /// <param name="function">φ(step) and φ'(step) along the search direction.</param>
    /// <param name="initialStep">The first step to try.</param>
    /// <param name="value0">φ(0).</param>
    /// <param name="derivative0">φ'(0), negative.</param>
    /// <param name="c1">The sufficient-decrease constant (ftol).</param>
    /// <param name="c2">The curvature constant (gtol).</param>
    /// <param name="xtol">The relative width at which the bracket is considered closed.</param>
    /// <param name="minStep">The smallest step allowed.</param>
    /// <param name="maxStep">The largest step allowed.</param>
    /// <param name="maxEvaluations">The most function evaluations.</param>
    public static Outcome Search(
        Func<double, (double Value, double Derivative)> function,
        double initialStep,
        double value0,
        double derivative0,
        double c1,
        double c2,
        double xtol,
        double minStep,
        double maxStep,
        int maxEvaluations)
    {
        var stp = initialStep;
        if (stp < minStep || stp > maxStep || derivative0 >= 0 || c1 < 0 || c2 < 0 || xtol < 0 || minStep < 0 || maxStep < minStep)
        {
            return default;
        }

        var bracketed = false;
        var stage = 1;
        var finit = value0;
        var ginit = derivative0;
        var gtest = c1 * ginit;
        var width = maxStep - minStep;
        var width1 = width / 0.5;
        double stx = 0, fx = finit, gx = ginit;
        double sty = 0, fy = finit, gy = ginit;
        double stmin = 0, stmax = stp + (ExtrapolateUpper * stp);

        for (var evaluation = 0; evaluation < maxEvaluations; evaluation++)
        {
            var (f, g) = function(stp);
            var ftest = finit + (stp * gtest);
            if (stage == 1 && f <= ftest && g >= 0)
            {
                stage = 2;
            }

            // Warnings end the search without a step (SciPy then treats it as a failure).
            if ((bracketed && (stp <= stmin || stp >= stmax))
                || (bracketed && stmax - stmin <= xtol * stmax)
                || (stp == maxStep && f <= ftest && g <= gtest)
                || (stp == minStep && (f > ftest || g >= gtest)))
            {
                return f <= ftest && Math.Abs(g) <= c2 * -ginit ? new Outcome(true, stp, f, g) : default;
            }

            if (f <= ftest && Math.Abs(g) <= c2 * -ginit)
            {
                return new Outcome(true, stp, f, g);
            }

            if (stage == 1 && f <= fx && f > ftest)
            {
                // A modified function predicts the step while the decrease is not yet sufficient.
                var fm = f - (stp * gtest);
                var fxm = fx - (stx * gtest);
                var fym = fy - (sty * gtest);
                var gm = g - gtest;
                var gxm = gx - gtest;
                var gym = gy - gtest;
                Step(ref stx, ref fxm, ref gxm, ref sty, ref fym, ref gym, ref stp, fm, gm, ref bracketed, stmin, stmax);
                fx = fxm + (stx * gtest);
                fy = fym + (sty * gtest);
                gx = gxm + gtest;
                gy = gym + gtest;
            }
            else
            {
                Step(ref stx, ref fx, ref gx, ref sty, ref fy, ref gy, ref stp, f, g, ref bracketed, stmin, stmax);
            }

            if (bracketed)
            {
                // Bisect when the bracket does not shrink fast enough.
                if (Math.Abs(sty - stx) >= 0.66 * width1)
                {
                    stp = stx + (0.5 * (sty - stx));
                }

                width1 = width;
                width = Math.Abs(sty - stx);
                stmin = Math.Min(stx, sty);
                stmax = Math.Max(stx, sty);
            }
            else
            {
                stmin = stp + (ExtrapolateLower * (stp - stx));
                stmax = stp + (ExtrapolateUpper * (stp - stx));
            }

            stp = Math.Min(Math.Max(stp, minStep), maxStep);
            if ((bracketed && (stp <= stmin || stp >= stmax)) || (bracketed && stmax - stmin <= xtol * stmax))
            {
                stp = stx;
            }
        }

        return default;
    }

    /// <summary>One safeguarded step (MINPACK-2's <c>dcstep</c>): updates the bracket and proposes the next step.</summary>
    private static void Step(
        ref double stx, ref double fx, ref double dx,
        ref double sty, ref double fy, ref double dy,
        ref double stp, double fp, double dp,
        ref bool bracketed, double stpmin, double stpmax)
    {
        var sgnd = dp * (dx / Math.Abs(dx));
        double stpf;
        if (fp > fx)
        {
            // A higher value: the minimum is bracketed.
            var theta = (3 * (fx - fp) / (stp - stx)) + dx + dp;
            var s = Max3(Math.Abs(theta), Math.Abs(dx), Math.Abs(dp));
            var gamma = s * Math.Sqrt(((theta / s) * (theta / s)) - ((dx / s) * (dp / s)));
            if (stp < stx)
            {
                gamma = -gamma;
            }

            var p = (gamma - dx) + theta;
            var q = ((gamma - dx) + gamma) + dp;
            var r = p / q;
            var stpc = stx + (r * (stp - stx));
            var stpq = stx + ((dx / (((fx - fp) / (stp - stx)) + dx)) / 2 * (stp - stx));
            stpf = Math.Abs(stpc - stx) < Math.Abs(stpq - stx) ? stpc : stpc + ((stpq - stpc) / 2);
            bracketed = true;
        }
        else if (sgnd < 0)
        {
            // A lower value and derivatives of opposite sign: bracketed.
            var theta = (3 * (fx - fp) / (stp - stx)) + dx + dp;
            var s = Max3(Math.Abs(theta), Math.Abs(dx), Math.Abs(dp));
            var gamma = s * Math.Sqrt(((theta / s) * (theta / s)) - ((dx / s) * (dp / s)));
            if (stp > stx)
            {
                gamma = -gamma;
            }

            var p = (gamma - dp) + theta;
            var q = ((gamma - dp) + gamma) + dx;
            var r = p / q;
            var stpc = stp + (r * (stx - stp));
            var stpq = stp + (dp / (dp - dx) * (stx - stp));
            stpf = Math.Abs(stpc - stp) > Math.Abs(stpq - stp) ? stpc : stpq;
            bracketed = true;
        }
        else if (Math.Abs(dp) < Math.Abs(dx))
        {
            // A lower value, derivatives of the same sign, and the derivative's magnitude decreases.
            var theta = (3 * (fx - fp) / (stp - stx)) + dx + dp;
            var s = Max3(Math.Abs(theta), Math.Abs(dx), Math.Abs(dp));
            var gamma = s * Math.Sqrt(Math.Max(0, ((theta / s) * (theta / s)) - ((dx / s) * (dp / s))));
            if (stp > stx)
            {
                gamma = -gamma;
            }

            var p = (gamma - dp) + theta;
            var q = (gamma + (dx - dp)) + gamma;
            var r = p / q;
            double stpc;
            if (r < 0 && gamma != 0)
            {
                stpc = stp + (r * (stx - stp));
            }
            else if (stp > stx)
            {
                stpc = stpmax;
            }
            else
            {
                stpc = stpmin;
            }

            var stpq = stp + (dp / (dp - dx) * (stx - stp));
            if (bracketed)
            {
                stpf = Math.Abs(stpc - stp) < Math.Abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.Min(stp + (0.66 * (sty - stp)), stpf) : Math.Max(stp + (0.66 * (sty - stp)), stpf);
            }
            else
            {
                stpf = Math.Abs(stpc - stp) > Math.Abs(stpq - stp) ? stpc : stpq;
                stpf = Math.Min(stpmax, stpf);
                stpf = Math.Max(stpmin, stpf);
            }
        }
        else if (bracketed)
        {
            // A lower value, same-sign derivatives that do not shrink, bracketed: the cubic step.
            var theta = (3 * (fp - fy) / (sty - stp)) + dy + dp;
            var s = Max3(Math.Abs(theta), Math.Abs(dy), Math.Abs(dp));
            var gamma = s * Math.Sqrt(((theta / s) * (theta / s)) - ((dy / s) * (dp / s)));
            if (stp > sty)
            {
                gamma = -gamma;
            }

            var p = (gamma - dp) + theta;
            var q = ((gamma - dp) + gamma) + dy;
            var r = p / q;
            stpf = stp + (r * (sty - stp));
        }
        else
        {
            stpf = stp > stx ? stpmax : stpmin;
        }

        if (fp > fx)
        {
            sty = stp;
            fy = fp;
            dy = dp;
        }
        else
        {
            if (sgnd < 0)
            {
                sty = stx;
                fy = fx;
                dy = dx;
            }

            stx = stp;
            fx = fp;
            dx = dp;
        }

        stp = stpf;
    }

    private static double Max3(double a, double b, double c) => Math.Max(a, Math.Max(b, c));
}
