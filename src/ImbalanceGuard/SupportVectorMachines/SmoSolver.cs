using System.Numerics;
using System.Runtime.CompilerServices;

namespace ImbalanceGuard.Models;

/// <summary>
/// libsvm's SMO solver for the C-SVC dual (Fan, Chen and Lin, JMLR 6, 2005), as scikit-learn ships it
/// (per-row upper bounds C_i for sample weights, an optional iteration limit):
/// <code>
///   min ½ αᵀQα − eᵀα   subject to   yᵀα = 0,   0 ≤ α_i ≤ C_i
/// </code>
/// Each step updates the pair chosen by second-order working-set selection (WSS3); variables stuck at a
/// bound are shrunk away every min(l, 1000) steps and brought back for a final check. The arithmetic
/// follows libsvm step for step, so the iterates are libsvm's up to the rounding of the kernel values.
/// </summary>
internal sealed class SmoSolver
{
    private const double Tau = 1e-12;
    private const double P = -1.0; // libsvm's linear term p_i, the same for every row of a C-SVC
    private const byte LowerBound = 0;
    private const byte UpperBound = 1;
    private const byte Free = 2;

    private readonly int _count;
    private readonly SvcQMatrix _q;
    private readonly double[] _diagonal;
    private readonly double _eps;
    private readonly sbyte[] _y;
    private readonly double[] _gradient;
    private readonly double[] _gradientBar; // the gradient part of variables at their upper bound
    private readonly byte[] _status;
    private readonly double[] _alpha;
    private readonly double[] _c;
    private readonly int[] _activeSet;
    private int _activeSize;
    private bool _unshrink;

    private SmoSolver(SvcQMatrix q, sbyte[] y, double[] c, double eps)
    {
        _count = q.Count;
        if (y.Length < _count || c.Length < _count)
        {
            throw new ArgumentException($"{y.Length} labels and {c.Length} bounds for a problem of {_count} rows.");
        }

        _q = q;
        _diagonal = q.Diagonal;
        _eps = eps;
        _y = y;
        _c = c;

        // α and Ḡ start at zero (the workspace clears them); the rest is written before it is read.
        var workspace = q.Workspace;
        _alpha = workspace.Alpha;
        _status = workspace.Status;
        _gradient = workspace.Gradient;
        _gradientBar = workspace.GradientBar;
        _activeSet = workspace.ActiveSet;
    }

    /// <summary>
    /// Solves the C-SVC dual of one binary problem. Returns the rows with a non-zero y_i α_i (positions in the
    /// given order, ascending) and those values, ρ, the number of iterations and whether the iteration limit
    /// stopped it. Only the support vectors are returned: a dense array per problem took as much room as the
    /// solver's own per-row arrays on SVM-SMOTE's 200 000 rows, for a tenth of its entries. <paramref name="y"/> and
    /// <paramref name="c"/> become the solver's own (it permutes them as it shrinks): one copy less of each
    /// per-row array on problems of hundreds of thousands of rows. Their first <see cref="SvcQMatrix.Count"/>
    /// entries are the problem's; the solver's own per-row arrays are <paramref name="q"/>'s workspace.
    /// </summary>
    public static (int[] Support, double[] Coefficients, double Rho, int Iterations, bool HitLimit) Solve(
        SvcQMatrix q, sbyte[] y, double[] c, double eps, bool shrinking, int maxIterations)
    {
        var solver = new SmoSolver(q, y, c, eps);
        var (iterations, hitLimit) = solver.Run(shrinking, maxIterations);
        var rho = solver.CalculateRho();
        var count = 0;
        for (var i = 0; i < solver._count; i++)
        {
            count += solver._alpha[i] != 0 ? 1 : 0; // y_i is ±1: the coefficient is non-zero where α_i is
        }

        var support = new int[count];
        var coefficients = new double[count];
        var next = 0;
        for (var i = 0; i < solver._count; i++)
        {
            if (solver._alpha[i] != 0)
            {
                support[next] = solver._activeSet[i];
                coefficients[next++] = solver._alpha[i] * solver._y[i];
            }
        }

        Array.Sort(support, coefficients);
        return (support, coefficients, rho, iterations, hitLimit);
    }

    private (int Iterations, bool HitLimit) Run(bool shrinking, int maxIterations)
    {
        var l = _count;
        for (var i = 0; i < l; i++)
        {
            UpdateStatus(i);
            _activeSet[i] = i;
            _gradient[i] = P;
        }

        _activeSize = l;

        // Every α starts at 0 (the lower bound), so the initial gradient is p and Ḡ is 0.
        var iteration = 0;
        var counter = Math.Min(l, 1000) + 1;
        while (true)
        {
            if (maxIterations != -1 && iteration >= maxIterations)
            {
                return (iteration, true);
            }

            if (--counter == 0)
            {
                counter = Math.Min(l, 1000);
                if (shrinking)
                {
                    Shrink();
                }
            }

            if (!SelectWorkingSet(out var i, out var j))
            {
                // Optimal on the active set: rebuild the whole gradient and check every variable.
                ReconstructGradient();
                _activeSize = l;
                if (!SelectWorkingSet(out i, out j))
                {
                    break;
                }

                counter = 1;
            }

            iteration++;
            Step(i, j);
        }

        return (iteration, false);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Step(int i, int j)
    {
        var qi = _q.Column(i, _activeSize);
        var qj = _q.Column(j, _activeSize);
        var ci = _c[i];
        var cj = _c[j];
        var oldI = _alpha[i];
        var oldJ = _alpha[j];

        if (_y[i] != _y[j])
        {
            var quadratic = _diagonal[i] + _diagonal[j] + (2 * qi[j]);
            if (quadratic <= 0)
            {
                quadratic = Tau;
            }

            var delta = (-_gradient[i] - _gradient[j]) / quadratic;
            var diff = _alpha[i] - _alpha[j];
            _alpha[i] += delta;
            _alpha[j] += delta;
            if (diff > 0)
            {
                if (_alpha[j] < 0)
                {
                    _alpha[j] = 0;
                    _alpha[i] = diff;
                }
            }
            else if (_alpha[i] < 0)
            {
                _alpha[i] = 0;
                _alpha[j] = -diff;
            }

            if (diff > ci - cj)
            {
                if (_alpha[i] > ci)
                {
                    _alpha[i] = ci;
                    _alpha[j] = ci - diff;
                }
            }
            else if (_alpha[j] > cj)
            {
                _alpha[j] = cj;
                _alpha[i] = cj + diff;
            }
        }
        else
        {
            var quadratic = _diagonal[i] + _diagonal[j] - (2 * qi[j]);
            if (quadratic <= 0)
            {
                quadratic = Tau;
            }

            var delta = (_gradient[i] - _gradient[j]) / quadratic;
            var sum = _alpha[i] + _alpha[j];
            _alpha[i] -= delta;
            _alpha[j] += delta;
            if (sum > ci)
            {
                if (_alpha[i] > ci)
                {
                    _alpha[i] = ci;
                    _alpha[j] = sum - ci;
                }
            }
            else if (_alpha[j] < 0)
            {
                _alpha[j] = 0;
                _alpha[i] = sum;
            }

            if (sum > cj)
            {
                if (_alpha[j] > cj)
                {
                    _alpha[j] = cj;
                    _alpha[i] = sum - cj;
                }
            }
            else if (_alpha[i] < 0)
            {
                _alpha[i] = 0;
                _alpha[j] = sum;
            }
        }

        var deltaI = _alpha[i] - oldI;
        var deltaJ = _alpha[j] - oldJ;
        AddColumns(_gradient.AsSpan(0, _activeSize), qi, deltaI, qj, deltaJ);

        var wasUpperI = _status[i] == UpperBound;
        var wasUpperJ = _status[j] == UpperBound;
        UpdateStatus(i);
        UpdateStatus(j);
        if (wasUpperI != (_status[i] == UpperBound))
        {
            AddColumn(_gradientBar.AsSpan(0, _count), _q.Column(i, _count), wasUpperI ? -ci : ci);
        }

        if (wasUpperJ != (_status[j] == UpperBound))
        {
            AddColumn(_gradientBar.AsSpan(0, _count), _q.Column(j, _count), wasUpperJ ? -cj : cj);
        }
    }

    /// <summary>WSS3: i maximises −y_i∇f_i over I_up; j gives the largest second-order decrease. False when optimal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        var gmax = double.NegativeInfinity;
        var gmax2 = double.NegativeInfinity;
        var gmaxIndex = -1;
        var gminIndex = -1;
        var objectiveMin = double.PositiveInfinity;
        for (var t = 0; t < _activeSize; t++)
        {
            if (_y[t] == 1)
            {
                if (_status[t] != UpperBound && -_gradient[t] >= gmax)
                {
                    gmax = -_gradient[t];
                    gmaxIndex = t;
                }
            }
            else if (_status[t] != LowerBound && _gradient[t] >= gmax)
            {
                gmax = _gradient[t];
                gmaxIndex = t;
            }
        }

        var i = gmaxIndex;
        float[]? qi = i != -1 ? _q.Column(i, _activeSize) : null;
        for (var j = 0; j < _activeSize; j++)
        {
            if (_y[j] == 1)
            {
                if (_status[j] != LowerBound)
                {
                    var gradientDiff = gmax + _gradient[j];
                    if (_gradient[j] >= gmax2)
                    {
                        gmax2 = _gradient[j];
                    }

                    if (gradientDiff > 0)
                    {
                        var quadratic = _diagonal[i] + _diagonal[j] - (2.0 * _y[i] * qi![j]);
                        var objective = -(gradientDiff * gradientDiff) / (quadratic > 0 ? quadratic : Tau);
                        if (objective <= objectiveMin)
                        {
                            gminIndex = j;
                            objectiveMin = objective;
                        }
                    }
                }
            }
            else if (_status[j] != UpperBound)
            {
                var gradientDiff = gmax - _gradient[j];
                if (-_gradient[j] >= gmax2)
                {
                    gmax2 = -_gradient[j];
                }

                if (gradientDiff > 0)
                {
                    var quadratic = _diagonal[i] + _diagonal[j] + (2.0 * _y[i] * qi![j]);
                    var objective = -(gradientDiff * gradientDiff) / (quadratic > 0 ? quadratic : Tau);
                    if (objective <= objectiveMin)
                    {
                        gminIndex = j;
                        objectiveMin = objective;
                    }
                }
            }
        }

        outI = gmaxIndex;
        outJ = gminIndex;
        return !(gmax + gmax2 < _eps || gminIndex == -1);
    }

    private bool BeShrunk(int i, double gmax1, double gmax2)
    {
        if (_status[i] == UpperBound)
        {
            return _y[i] == 1 ? -_gradient[i] > gmax1 : -_gradient[i] > gmax2;
        }

        if (_status[i] == LowerBound)
        {
            return _y[i] == 1 ? _gradient[i] > gmax2 : _gradient[i] > gmax1;
        }

        return false;
    }

    private void Shrink()
    {
        var gmax1 = double.NegativeInfinity; // max { −y_i ∇f_i | i ∈ I_up }
        var gmax2 = double.NegativeInfinity; // max { y_i ∇f_i | i ∈ I_low }
        for (var i = 0; i < _activeSize; i++)
        {
            if (_y[i] == 1)
            {
                if (_status[i] != UpperBound && -_gradient[i] >= gmax1)
                {
                    gmax1 = -_gradient[i];
                }

                if (_status[i] != LowerBound && _gradient[i] >= gmax2)
                {
                    gmax2 = _gradient[i];
                }
            }
            else
            {
                if (_status[i] != UpperBound && -_gradient[i] >= gmax2)
                {
                    gmax2 = -_gradient[i];
                }

                if (_status[i] != LowerBound && _gradient[i] >= gmax1)
                {
                    gmax1 = _gradient[i];
                }
            }
        }

        if (!_unshrink && gmax1 + gmax2 <= _eps * 10)
        {
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _count;
        }

        for (var i = 0; i < _activeSize; i++)
        {
            if (!BeShrunk(i, gmax1, gmax2))
            {
                continue;
            }

            _activeSize--;
            while (_activeSize > i)
            {
                if (!BeShrunk(_activeSize, gmax1, gmax2))
                {
                    SwapIndex(i, _activeSize);
                    break;
                }

                _activeSize--;
            }
        }
    }

    /// <summary>Rebuilds the gradient of the shrunk variables from Ḡ and the free variables.</summary>
    private void ReconstructGradient()
    {
        var l = _count;
        if (_activeSize == l)
        {
            return;
        }

        for (var j = _activeSize; j < l; j++)
        {
            _gradient[j] = _gradientBar[j] + P;
        }

        var free = 0;
        for (var j = 0; j < _activeSize; j++)
        {
            if (_status[j] == Free)
            {
                free++;
            }
        }

        // Whichever way reads fewer kernel entries, as libsvm chooses.
        if ((long)free * l > 2L * _activeSize * (l - _activeSize))
        {
            for (var i = _activeSize; i < l; i++)
            {
                var qi = _q.Column(i, _activeSize);
                for (var j = 0; j < _activeSize; j++)
                {
                    if (_status[j] == Free)
                    {
                        _gradient[i] += _alpha[j] * qi[j];
                    }
                }
            }
        }
        else
        {
            for (var i = 0; i < _activeSize; i++)
            {
                if (_status[i] == Free)
                {
                    var qi = _q.Column(i, l);
                    var alpha = _alpha[i];
                    for (var j = _activeSize; j < l; j++)
                    {
                        _gradient[j] += alpha * qi[j];
                    }
                }
            }
        }
    }

    private double CalculateRho()
    {
        var free = 0;
        var upper = double.PositiveInfinity;
        var lower = double.NegativeInfinity;
        var sumFree = 0.0;
        for (var i = 0; i < _activeSize; i++)
        {
            var yg = _y[i] * _gradient[i];
            if (_status[i] == UpperBound)
            {
                if (_y[i] == -1)
                {
                    upper = Math.Min(upper, yg);
                }
                else
                {
                    lower = Math.Max(lower, yg);
                }
            }
            else if (_status[i] == LowerBound)
            {
                if (_y[i] == 1)
                {
                    upper = Math.Min(upper, yg);
                }
                else
                {
                    lower = Math.Max(lower, yg);
                }
            }
            else
            {
                free++;
                sumFree += yg;
            }
        }

        return free > 0 ? sumFree / free : (upper + lower) / 2;
    }

    private void UpdateStatus(int i)
        => _status[i] = _alpha[i] >= _c[i] ? UpperBound : _alpha[i] <= 0 ? LowerBound : Free;

    private void SwapIndex(int i, int j)
    {
        _q.Swap(i, j);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_gradient[i], _gradient[j]) = (_gradient[j], _gradient[i]);
        (_status[i], _status[j]) = (_status[j], _status[i]);
        (_alpha[i], _alpha[j]) = (_alpha[j], _alpha[i]);
        (_activeSet[i], _activeSet[j]) = (_activeSet[j], _activeSet[i]);
        (_gradientBar[i], _gradientBar[j]) = (_gradientBar[j], _gradientBar[i]);
        (_c[i], _c[j]) = (_c[j], _c[i]);
    }

    /// <summary>g[k] += a[k]·da + b[k]·db, widening the single-precision columns; same rounding as the scalar loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddColumns(Span<double> g, float[] a, double da, float[] b, double db)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = Vector<float>.Count;
            var vda = new Vector<double>(da);
            var vdb = new Vector<double>(db);
            var half = Vector<double>.Count;
            for (; k + w <= g.Length; k += w)
            {
                Vector.Widen(new Vector<float>(a.AsSpan(k)), out var aLow, out var aHigh);
                Vector.Widen(new Vector<float>(b.AsSpan(k)), out var bLow, out var bHigh);
                var low = g.Slice(k, half);
                var high = g.Slice(k + half, half);
                (new Vector<double>(low) + ((aLow * vda) + (bLow * vdb))).CopyTo(low);
                (new Vector<double>(high) + ((aHigh * vda) + (bHigh * vdb))).CopyTo(high);
            }
        }

        for (; k < g.Length; k++)
        {
            g[k] += (a[k] * da) + (b[k] * db);
        }
    }

    private static void AddColumn(Span<double> g, float[] a, double scale)
    {
        for (var k = 0; k < g.Length; k++)
        {
            g[k] += scale * a[k];
        }
    }
}
