namespace ImbalanceGuard.Models;

/// <summary>
/// The per-row arrays of one binary C-SVC problem (<see cref="SvcQMatrix"/>'s and <see cref="SmoSolver"/>'s), kept
/// for the next problem a thread solves. A one-vs-one fit over k classes solves k(k−1)/2 problems; with fresh
/// arrays for each, a 7-class fit on 58 000 rows allocated 70 bytes per row for every problem a row is in (six)
/// and the collector handed little of it back before the fit ended. Arrays may be longer than the problem: only
/// the first <see cref="Count"/> entries are its own.
/// </summary>
internal sealed class SvcWorkspace
{
    /// <summary>Room for problems of up to <paramref name="capacity"/> rows.</summary>
    public SvcWorkspace(int capacity)
    {
        Capacity = capacity;
        Rows = new int[capacity];
        Labels = new sbyte[capacity];
        UpperBounds = new double[capacity];
        Offsets = new int[capacity];
        Squares = new double[capacity];
        Signs = new double[capacity];
        Diagonal = new double[capacity];
        SlotOf = new int[capacity];
        Alpha = new double[capacity];
        Status = new byte[capacity];
        Gradient = new double[capacity];
        GradientBar = new double[capacity];
        ActiveSet = new int[capacity];
    }

    /// <summary>The most rows a problem may have.</summary>
    public int Capacity { get; }

    /// <summary>The rows of the problem being solved (set by <see cref="Begin"/>).</summary>
    public int Count { get; private set; }

    /// <summary>The data rows of the problem, its first class's then its second's (filled by the caller).</summary>
    public int[] Rows { get; }

    /// <summary>y_i = ±1, permuted by the solver as it shrinks.</summary>
    public sbyte[] Labels { get; }

    /// <summary>C_i, permuted by the solver as it shrinks.</summary>
    public double[] UpperBounds { get; }

    internal int[] Offsets { get; }

    internal double[] Squares { get; }

    internal double[] Signs { get; }

    internal double[] Diagonal { get; }

    internal int[] SlotOf { get; }

    internal double[] Alpha { get; }

    internal byte[] Status { get; }

    internal double[] Gradient { get; }

    internal double[] GradientBar { get; }

    internal int[] ActiveSet { get; }

    /// <summary>
    /// Starts a problem of <paramref name="count"/> rows: clears what its users read before writing (the cache's
    /// slots, α and Ḡ, which start at zero); the caller then fills <see cref="Rows"/>, <see cref="Labels"/> and <see cref="UpperBounds"/>.
    /// </summary>
    public void Begin(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Capacity);
        Count = count;
        Array.Clear(SlotOf, 0, count);
        Array.Clear(Alpha, 0, count);
        Array.Clear(GradientBar, 0, count);
    }
}
