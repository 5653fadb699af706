using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// What a sampler works on: the rows of a training set as a row-major matrix with class indices, plus
/// the per-class row lists and neighbour indexes that several samplers share. A view (<see cref="View"/>)
/// reads its rows where they live, in one or two larger matrices, instead of copying them;
/// it has no <see cref="Features"/> matrix of its own.
/// </summary>
internal sealed class SamplerInput
{
    private readonly double[]? _features;
    private readonly PointRows _points;
    private int[][]? _rowsOfClass;
    private NeighborIndex? _allRows;

    public SamplerInput(double[] features, int[] labels, DataSchema schema, NeighborSearchOptions neighborOptions)
        : this(features, PointRows.Leading(features, labels.Length, schema.FeatureCount), labels, schema, neighborOptions)
    {
    }

    private SamplerInput(double[]? features, PointRows points, int[] labels, DataSchema schema, NeighborSearchOptions neighborOptions)
    {
        _features = features;
        _points = points;
        Labels = labels;
        Schema = schema;
        Dimensions = schema.FeatureCount;
        ClassNames = schema.ClassNames;
        Kinds = [.. schema.FeatureKinds];
        NeighborOptions = neighborOptions;
        ClassCounts = new int[schema.ClassCount];
        foreach (var label in labels)
        {
            ClassCounts[label]++;
        }
    }

    /// <summary>The rows as one row-major matrix; a view has none (read its rows with <see cref="Row"/>).</summary>
    /// <exception cref="InvalidOperationException">This input is a view.</exception>
    public double[] Features => _features
        ?? throw new InvalidOperationException("This sampler input is a view of rows that live in other matrices; it has no feature matrix of its own.");

    public DataSchema Schema { get; }

    public int[] Labels { get; }

    public int Dimensions { get; }

    public int RowCount => Labels.Length;

    public IReadOnlyList<string> ClassNames { get; }

    public int ClassCount => ClassNames.Count;

    public int[] ClassCounts { get; }

    public FeatureKind[] Kinds { get; }

    public NeighborSearchOptions NeighborOptions { get; }

    public ParallelOptions Parallel => NeighborOptions.ParallelOptions;

    /// <summary>The smallest class with rows (the first in class order on equal counts).</summary>
    public int MinorityClass => Enumerable.Range(0, ClassCount).Where(c => ClassCounts[c] > 0).MinBy(c => ClassCounts[c]);

    /// <summary>
    /// The smallest class, ties broken by first appearance in the rows — what imbalanced-learn's samplers
    /// that count with <c>Counter(y)</c> (NearMiss, CNN, OSS, RENN, AllKNN, NCR) call the minority.
    /// </summary>
    public int MinorityByFirstAppearance
    {
        get
        {
            var best = -1;
            var seen = new bool[ClassCount];
            foreach (var label in Labels)
            {
                if (!seen[label])
                {
                    seen[label] = true;
                    if (best < 0 || ClassCounts[label] < ClassCounts[best])
                    {
                        best = label;
                    }
                }
            }

            return best;
        }
    }

    /// <summary>The number of classes with rows.</summary>
    public int PresentClassCount => ClassCounts.Count(c => c > 0);

    /// <summary>The largest class (the first in class order on equal counts).</summary>
    public int MajorityClass => Enumerable.Range(0, ClassCount).MaxBy(c => ClassCounts[c]);

    public ReadOnlySpan<double> Row(int row) => _points.Row(row);

    /// <summary>The rows of class <paramref name="classIndex"/>, ascending.</summary>
    public int[] RowsOfClass(int classIndex) => (_rowsOfClass ??= Split.RowsByClass(Labels, ClassCount))[classIndex];

    /// <summary>The rows <paramref name="rows"/> copied into a new row-major matrix.</summary>
    public double[] Gather(ReadOnlySpan<int> rows)
    {
        var d = Dimensions;
        var matrix = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(matrix.AsSpan(i * d, d));
        }

        return matrix;
    }

    /// <summary>A neighbour index over every row (built once, shared).</summary>
    public NeighborIndex IndexAll() => _allRows ??= new NeighborIndex(_points, Dimensions, NeighborOptions);

    /// <summary>Returns the shared index's search buffers to the pool, for a later round to reuse.</summary>
    public void ReleaseIndex() => _allRows?.ReleaseSearchBuffers();

    /// <summary>
    /// A neighbour index over the rows <paramref name="rows"/>; its point i is row <c>rows[i]</c>. The index reads
    /// the rows through the array, which it keeps rather than copies: do not change it while the index is used.
    /// </summary>
    public NeighborIndex IndexOf(int[] rows) => IndexOf(rows, rows.Length);

    /// <summary><see cref="IndexOf(int[])"/> over the first <paramref name="count"/> of <paramref name="rows"/>.</summary>
    public NeighborIndex IndexOf(int[] rows, int count) => new(_points.Select(rows, count), Dimensions, NeighborOptions);

    /// <summary>An input whose rows live in other matrices (<paramref name="points"/>), read there.</summary>
    public static SamplerInput View(PointRows points, int[] labels, DataSchema schema, NeighborSearchOptions neighborOptions)
        => new(null, points, labels, schema, neighborOptions);

    /// <summary>The rows <paramref name="rows"/> as a training set of their own (for learners fitted inside a sampler).</summary>
    public TrainingSet TrainingSubset(ReadOnlySpan<int> rows)
    {
        var labels = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            labels[i] = Labels[rows[i]];
        }

        return new TrainingSet(new RowTable(Schema, Gather(rows), labels, null, ProvenanceTable.Original(rows.Length)));
    }

    /// <summary>Fails with a clear message when a class has too few rows for the neighbours asked for.</summary>
    public void RequireRows(int classIndex, int needed, string sampler, string parameter, int value)
    {
        if (ClassCounts[classIndex] < needed)
        {
            throw new SamplingException(new RowNeed(classIndex, needed, parameter, value).Shortfall(sampler, ClassNames[classIndex], ClassCounts[classIndex]));
        }
    }
}
