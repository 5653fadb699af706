using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ImbalanceGuard.Models;

/// <summary>
/// libsvm's <c>SVC_Q</c>: the matrix Q_ij = y_i y_j K(x_i, x_j) of one binary sub-problem, served a column at
/// a time from a <see cref="KernelCache"/>. Columns are computed from the rows where they are (no copy of the
/// data: it would be as large as the input), four rows at a time; a long column's chunks are shared by a
/// <see cref="WorkerTeam"/> (a solver asks for tens of thousands of columns, and <c>Parallel.For</c>'s garbage
/// per call would fill the collector's youngest generation). The RBF kernel is evaluated as libsvm's training
/// does, exp(−γ(‖x_i‖² + ‖x_j‖² − 2x_i·x_j)), and stored in single precision as libsvm stores it. Positions
/// are swapped as the solver shrinks, exactly like libsvm's <c>swap_index</c>.
/// </summary>
internal sealed class SvcQMatrix : IDisposable
{
    private const int ParallelChunk = 8192;
    private const long ParallelWork = 1 << 18;
    private const int Block = 16;
    private const int PrefetchAhead = 32;
    private const int SubBlock = 1024; // dot products held on the stack at a time

    private readonly int _count;
    private readonly int _dimensions;
    private readonly double[] _features; // row-major, shared with the caller
    private readonly int[] _offsets;     // where each position's row starts in _features
    private readonly double[] _squares;  // squared norm of each position's row
    private readonly double[] _signs;    // y as ±1.0, for vector loads
    private readonly SvmKernel _kernel;
    private readonly double _gamma;
    private readonly KernelCache _cache;
    private readonly WorkerTeam? _team; // null when one thread, or columns too short to share
    private readonly Action<int> _fillChunk;
    private readonly double[] _row;
    private int _fillColumn;
    private int _fillStart;
    private int _fillEnd;
    private float[]? _fillData;

    /// <summary>
    /// The problem over rows of the row-major <paramref name="features"/>: position i is row <c>rows[i]</c> (row i
    /// when <paramref name="rows"/> is null). Its per-row arrays are <paramref name="workspace"/>'s, begun for
    /// <paramref name="count"/> rows (<see cref="SvcWorkspace.Begin"/>), or new ones when it is null.
    /// </summary>
    public SvcQMatrix(double[] features, int[]? rows, int count, int dimensions, sbyte[] y, SvmKernel kernel, double gamma, long cacheBytes, ParallelOptions parallel, SvcWorkspace? workspace = null)
    {
        if (workspace is null)
        {
            workspace = new SvcWorkspace(count);
            workspace.Begin(count);
        }
        else if (workspace.Count != count)
        {
            throw new ArgumentException($"The workspace was begun for {workspace.Count} rows, not {count}.", nameof(workspace));
        }

        Workspace = workspace;
        _count = count;
        _dimensions = dimensions;
        _features = features;
        _kernel = kernel;
        _gamma = gamma;
        _fillChunk = FillChunk;
        _offsets = workspace.Offsets;
        _squares = workspace.Squares;
        _signs = workspace.Signs;
        Diagonal = workspace.Diagonal;
        _row = new double[dimensions];
        for (var i = 0; i < count; i++)
        {
            var square = 0.0;
            var offset = (rows is null ? i : rows[i]) * dimensions;
            for (var f = 0; f < dimensions; f++)
            {
                var value = features[offset + f];
                square += value * value;
            }

            _offsets[i] = offset;
            _squares[i] = square;
            _signs[i] = y[i];
        }

        for (var i = 0; i < count; i++)
        {
            Diagonal[i] = kernel == SvmKernel.Rbf ? Math.Exp(-gamma * ((_squares[i] + _squares[i]) - (2 * _squares[i]))) : _squares[i];
        }

        _cache = new KernelCache(count, cacheBytes, workspace.SlotOf);
        var threads = ModelChecks.ThreadCount(parallel.MaxDegreeOfParallelism);
        if (threads > 1 && Shared(count))
        {
            _team = new WorkerTeam(threads);
        }
    }

    /// <summary>Q_ii of each position (libsvm's <c>QD</c>); entries past <see cref="Count"/> are not this problem's.</summary>
    public double[] Diagonal { get; }

    /// <summary>The problem's rows.</summary>
    public int Count => _count;

    /// <summary>The per-row arrays, which the solver shares for its own.</summary>
    public SvcWorkspace Workspace { get; }

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
        (_offsets[i], _offsets[j]) = (_offsets[j], _offsets[i]);
        (_squares[i], _squares[j]) = (_squares[j], _squares[i]);
        (_signs[i], _signs[j]) = (_signs[j], _signs[i]);
        (Diagonal[i], Diagonal[j]) = (Diagonal[j], Diagonal[i]);
    }

    private void Fill(int i, int start, int end, float[] data)
    {
        Array.Copy(_features, _offsets[i], _row, 0, _dimensions);
        if (_team is not null && Shared(end - start))
        {
            (_fillColumn, _fillStart, _fillEnd, _fillData) = (i, start, end, data);
            _team.For((end - start + ParallelChunk - 1) / ParallelChunk, _fillChunk);
            _fillData = null;
        }
        else
        {
            FillRange(i, start, end, data);
        }
    }

    /// <summary>Whether a column of this many entries is worth sharing among threads.</summary>
    private bool Shared(int length) => (long)length * _dimensions >= ParallelWork && length > ParallelChunk;

    /// <summary>Chunk <paramref name="c"/> of the column <see cref="Fill"/> is computing.</summary>
    private void FillChunk(int c)
    {
        var from = _fillStart + (c * ParallelChunk);
        FillRange(_fillColumn, from, Math.Min(from + ParallelChunk, _fillEnd), _fillData!);
    }

    /// <summary>Stops the threads that share the columns.</summary>
    public void Dispose() => _team?.Dispose();

    /// <summary>
    /// x_i · x_j for j in [from, from + dots.Length), each summed over the features in order without fused
    /// multiply-add (libsvm's rounding). With AVX, sixteen rows at a time: each four features of four rows are
    /// loaded and transposed in registers, so one vector holds one feature of four rows and the sums run
    /// across. Shrinking scatters the positions' rows over the input, so the rows a few blocks ahead are
    /// prefetched: the scan is bound by memory, not arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Dots(int from, Span<double> dots)
    {
        var d = _dimensions;
        var length = dots.Length;
        var positionsLeft = _count - from; // rows past this span may be prefetched too: the next span starts there
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        offsets = ref Unsafe.Add(ref offsets, from);
        ref var row = ref MemoryMarshal.GetArrayDataReference(_row);
        ref var data = ref MemoryMarshal.GetArrayDataReference(_features);
        ref var output = ref MemoryMarshal.GetReference(dots);
        var j = 0;
        if (Avx.IsSupported)
        {
            var whole = d & ~3;
            for (; j + Block <= length; j += Block)
            {
                for (var k = j + PrefetchAhead; k < Math.Min(j + PrefetchAhead + Block, positionsLeft); k++)
                {
                    RowPrefetch.Row(ref Unsafe.Add(ref data, Unsafe.Add(ref offsets, k)), d);
                }

                Vector256<double> s0 = default, s1 = default, s2 = default, s3 = default;
                var f = 0;
                for (; f < whole; f += 4)
                {
                    var x0 = Vector256.Create(Unsafe.Add(ref row, f));
                    var x1 = Vector256.Create(Unsafe.Add(ref row, f + 1));
                    var x2 = Vector256.Create(Unsafe.Add(ref row, f + 2));
                    var x3 = Vector256.Create(Unsafe.Add(ref row, f + 3));
                    ref var at = ref Unsafe.Add(ref data, f);
                    s0 = AddFourFeatures(s0, ref at, ref Unsafe.Add(ref offsets, j), x0, x1, x2, x3);
                    s1 = AddFourFeatures(s1, ref at, ref Unsafe.Add(ref offsets, j + 4), x0, x1, x2, x3);
                    s2 = AddFourFeatures(s2, ref at, ref Unsafe.Add(ref offsets, j + 8), x0, x1, x2, x3);
                    s3 = AddFourFeatures(s3, ref at, ref Unsafe.Add(ref offsets, j + 12), x0, x1, x2, x3);
                }

                for (; f < d; f++)
                {
                    var x = Vector256.Create(Unsafe.Add(ref row, f));
                    ref var at = ref Unsafe.Add(ref data, f);
                    s0 += x * OneFeature(ref at, ref Unsafe.Add(ref offsets, j));
                    s1 += x * OneFeature(ref at, ref Unsafe.Add(ref offsets, j + 4));
                    s2 += x * OneFeature(ref at, ref Unsafe.Add(ref offsets, j + 8));
                    s3 += x * OneFeature(ref at, ref Unsafe.Add(ref offsets, j + 12));
                }

                s0.StoreUnsafe(ref output, (nuint)j);
                s1.StoreUnsafe(ref output, (nuint)(j + 4));
                s2.StoreUnsafe(ref output, (nuint)(j + 8));
                s3.StoreUnsafe(ref output, (nuint)(j + 12));
            }
        }

        for (; j < length; j++)
        {
            ref var x = ref Unsafe.Add(ref data, Unsafe.Add(ref offsets, j));
            var sum = 0.0;
            for (var f = 0; f < d; f++)
            {
                sum += Unsafe.Add(ref row, f) * Unsafe.Add(ref x, f);
            }

            Unsafe.Add(ref output, j) = sum;
        }
    }

    /// <summary>
    /// <paramref name="sum"/> plus x_f·(feature f of four rows) for four features in order; <paramref name="at"/>
    /// is feature f of the data's start, <paramref name="offsets"/> the four rows' offsets.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> AddFourFeatures(
        Vector256<double> sum, ref double at, ref int offsets, Vector256<double> x0, Vector256<double> x1, Vector256<double> x2, Vector256<double> x3)
    {
        var a = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, offsets));
        var b = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, Unsafe.Add(ref offsets, 1)));
        var c = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, Unsafe.Add(ref offsets, 2)));
        var e = Vector256.LoadUnsafe(ref Unsafe.Add(ref at, Unsafe.Add(ref offsets, 3)));
        var ab0 = Avx.UnpackLow(a, b);  // a0 b0 a2 b2
        var ab1 = Avx.UnpackHigh(a, b); // a1 b1 a3 b3
        var ce0 = Avx.UnpackLow(c, e);
        var ce1 = Avx.UnpackHigh(c, e);
        sum += x0 * Avx.Permute2x128(ab0, ce0, 0x20);
        sum += x1 * Avx.Permute2x128(ab1, ce1, 0x20);
        sum += x2 * Avx.Permute2x128(ab0, ce0, 0x31);
        sum += x3 * Avx.Permute2x128(ab1, ce1, 0x31);
        return sum;
    }

    /// <summary>One feature of four rows, <paramref name="at"/> being that feature of the data's start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> OneFeature(ref double at, ref int offsets) => Vector256.Create(
        Unsafe.Add(ref at, offsets),
        Unsafe.Add(ref at, Unsafe.Add(ref offsets, 1)),
        Unsafe.Add(ref at, Unsafe.Add(ref offsets, 2)),
        Unsafe.Add(ref at, Unsafe.Add(ref offsets, 3)));

    /// <summary>Entries [from, to) of column i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillRange(int i, int from, int to, float[] data)
    {
        Span<double> values = stackalloc double[SubBlock];
        for (var start = from; start < to; start += SubBlock)
        {
            var dots = values[..Math.Min(SubBlock, to - start)];
            Dots(start, dots);
            Kernel(i, start, dots);
            for (var k = 0; k < dots.Length; k++)
            {
                data[start + k] = (float)dots[k];
            }
        }
    }

    /// <summary>Turns x_i · x_j into Q_ij in place, for j from <paramref name="from"/> on.</summary>
    private void Kernel(int i, int from, Span<double> dots)
    {
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
    }
}
