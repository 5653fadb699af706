using System.Numerics;
using System.Runtime.CompilerServices;

namespace ImbalanceGuard.Models;

/// <summary>
/// libsvm's <c>SVC_Q</c>: the matrix Q_ij = y_i y_j K(x_i, x_j) of one binary sub-problem, served a column at
/// a time from a <see cref="KernelCache"/>. Columns are computed vectorised over the rows (the data is kept
/// feature-major for that), in parallel chunks when long. The RBF kernel is evaluated as libsvm's training
/// does, exp(−γ(‖x_i‖² + ‖x_j‖² − 2x_i·x_j)), and stored in single precision as libsvm stores it.
/// Positions are swapped as the solver shrinks, exactly like libsvm's <c>swap_index</c>.
/// </summary>
internal sealed class SvcQMatrix
{
    private const int ParallelChunk = 8192;
    private const long ParallelWork = 1 << 18;

    private readonly int _count;
    private readonly int _dimensions;
    private readonly double[] _columns; // feature f of position i at f * count + i
    private readonly double[] _squares; // squared norm of each position's row
    private readonly double[] _signs;   // y as ±1.0, for vector loads
    private readonly SvmKernel _kernel;
    private readonly double _gamma;
    private readonly KernelCache _cache;
    private readonly ParallelOptions _parallel;
    private readonly double[] _row;
    private readonly double[] _values;

    /// <summary>The problem over rows of the row-major <paramref name="features"/>: position i is row <c>rows[i]</c> (row i when <paramref name="rows"/> is null).</summary>
    public SvcQMatrix(double[] features, int[]? rows, int count, int dimensions, sbyte[] y, SvmKernel kernel, double gamma, long cacheBytes, ParallelOptions parallel)
    {
        _count = count;
        _dimensions = dimensions;
        _kernel = kernel;
        _gamma = gamma;
        _parallel = parallel;
        _columns = new double[count * dimensions];
        _squares = new double[count];
        _signs = new double[count];
        Diagonal = new double[count];
        _row = new double[dimensions];
        _values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var square = 0.0;
            var offset = (rows is null ? i : rows[i]) * dimensions;
            for (var f = 0; f < dimensions; f++)
            {
                var value = features[offset + f];
                _columns[(f * count) + i] = value;
                square += value * value;
            }

            _squares[i] = square;
            _signs[i] = y[i];
        }

        for (var i = 0; i < count; i++)
        {
            Diagonal[i] = kernel == SvmKernel.Rbf ? Math.Exp(-gamma * ((_squares[i] + _squares[i]) - (2 * _squares[i]))) : _squares[i];
        }

        _cache = new KernelCache(count, cacheBytes);
    }

    /// <summary>Q_ii of each position (libsvm's <c>QD</c>).</summary>
    public double[] Diagonal { get; }

    /// <summary>The first <paramref name="length"/> entries of column <paramref name="i"/>.</summary>
    public float[] Column(int i, int length)
    {
        var data = _cache.Get(i, length, out var start);
        if (start < length)
        {
            Fill(i, start, length, data);
        }

        return data;
    }

    public void Swap(int i, int j)
    {
        _cache.Swap(i, j);
        for (var f = 0; f < _dimensions; f++)
        {
            var column = _columns.AsSpan(f * _count, _count);
            (column[i], column[j]) = (column[j], column[i]);
        }

        (_squares[i], _squares[j]) = (_squares[j], _squares[i]);
        (_signs[i], _signs[j]) = (_signs[j], _signs[i]);
        (Diagonal[i], Diagonal[j]) = (Diagonal[j], Diagonal[i]);
    }

    private void Fill(int i, int start, int end, float[] data)
    {
        for (var f = 0; f < _dimensions; f++)
        {
            _row[f] = _columns[(f * _count) + i];
        }

        if ((long)(end - start) * _dimensions >= ParallelWork && end - start > ParallelChunk && _parallel.MaxDegreeOfParallelism != 1)
        {
            var chunks = (end - start + ParallelChunk - 1) / ParallelChunk;
            Parallel.For(0, chunks, _parallel, c =>
            {
                var from = start + (c * ParallelChunk);
                FillRange(i, from, Math.Min(from + ParallelChunk, end), data);
            });
        }
        else
        {
            FillRange(i, start, end, data);
        }
    }

    /// <summary>
    /// x_i · x_j for j in [from, from + dots.Length), each summed over the features in order without fused
    /// multiply-add (libsvm's rounding); four vectors of j at a time stay in registers across the features.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dots(int from, Span<double> dots)
    {
        var d = _dimensions;
        var count = _count;
        var columns = _columns.AsSpan();
        var row = _row.AsSpan();
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = Vector<double>.Count;
            for (; j + (4 * w) <= dots.Length; j += 4 * w)
            {
                Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
                for (var f = 0; f < d; f++)
                {
                    var x = new Vector<double>(row[f]);
                    var column = columns.Slice((f * count) + from + j, 4 * w);
                    a0 += x * new Vector<double>(column);
                    a1 += x * new Vector<double>(column[w..]);
                    a2 += x * new Vector<double>(column[(2 * w)..]);
                    a3 += x * new Vector<double>(column[(3 * w)..]);
                }

                a0.CopyTo(dots[j..]);
                a1.CopyTo(dots[(j + w)..]);
                a2.CopyTo(dots[(j + (2 * w))..]);
                a3.CopyTo(dots[(j + (3 * w))..]);
            }
        }

        for (; j < dots.Length; j++)
        {
            var sum = 0.0;
            for (var f = 0; f < d; f++)
            {
                sum += row[f] * columns[(f * count) + from + j];
            }

            dots[j] = sum;
        }
    }

    /// <summary>Entries [from, to) of column i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillRange(int i, int from, int to, float[] data)
    {
        var dots = _values.AsSpan(from, to - from);
        Dots(from, dots);

        var sign = _signs[i];
        if (_kernel == SvmKernel.Rbf)
        {
            var square = _squares[i];
            var k = 0;
#if NET9_0_OR_GREATER
            var minusGamma = new Vector<double>(-_gamma);
            var two = new Vector<double>(2.0);
            var squareV = new Vector<double>(square);
            for (; k + Vector<double>.Count <= dots.Length; k += Vector<double>.Count)
            {
                var distance = (squareV + new Vector<double>(_squares.AsSpan(from + k))) - (two * new Vector<double>(dots[k..]));
                var kernel = Vector.Exp(minusGamma * distance);
                (kernel * (new Vector<double>(sign) * new Vector<double>(_signs.AsSpan(from + k)))).CopyTo(dots[k..]);
            }
#endif
            for (; k < dots.Length; k++)
            {
                dots[k] = sign * _signs[from + k] * Math.Exp(-_gamma * ((square + _squares[from + k]) - (2 * dots[k])));
            }
        }
        else
        {
            for (var k = 0; k < dots.Length; k++)
            {
                dots[k] *= sign * _signs[from + k];
            }
        }

        for (var k = 0; k < dots.Length; k++)
        {
            data[from + k] = (float)dots[k];
        }
    }
}
