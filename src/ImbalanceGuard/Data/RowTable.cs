namespace ImbalanceGuard;

/// <summary>
/// The storage behind a dataset, training set or holdout set: a row-major feature matrix, class indices,
/// optional weights and provenance. Never mutated once built; subsets and resampled tables are new tables.
/// </summary>
/// <remarks>
/// An over-sampler keeps every input row and adds its own after them. Its table shares the input's matrix for
/// the kept rows and holds only the made rows (<see cref="Appended"/>): copying the input would be the largest
/// allocation and most of the time of a resampling. Rows are read in place (<see cref="Row"/>); the contiguous
/// <see cref="Features"/> of such a table is built on first use, for the readers that need one array.
/// </remarks>
internal sealed class RowTable
{
    private Matrix _matrix;

    public RowTable(DataSchema schema, double[] features, int[] labels, double[]? weights, ProvenanceTable provenance)
        : this(schema, new Matrix(features, labels.Length, null), labels, weights, provenance)
    {
        if (features.Length != labels.Length * schema.FeatureCount)
        {
            throw new DataFormatException(
                $"The feature matrix has {features.Length} values; {labels.Length} rows of {schema.FeatureCount} features need {labels.Length * schema.FeatureCount}.");
        }
    }

    private RowTable(DataSchema schema, Matrix matrix, int[] labels, double[]? weights, ProvenanceTable provenance)
    {
        var rows = labels.Length;
        if (weights is not null && weights.Length != rows)
        {
            throw new DataFormatException($"{weights.Length} row weights for {rows} rows.");
        }

        if (provenance.Count != rows)
        {
            throw new DataFormatException($"{provenance.Count} provenance entries for {rows} rows.");
        }

        Schema = schema;
        _matrix = matrix;
        Labels = labels;
        Weights = weights;
        Provenance = provenance;
    }

    /// <summary>
    /// Every row of <paramref name="front"/>, in order, followed by the rows of <paramref name="appended"/>; the
    /// front rows are read from <paramref name="front"/>'s matrix, not copied.
    /// </summary>
    public static RowTable Appended(RowTable front, double[] appended, int[] labels, double[]? weights, ProvenanceTable provenance)
    {
        var d = front.FeatureCount;
        if ((long)front.RowCount * d + appended.Length != (long)labels.Length * d)
        {
            throw new DataFormatException(
                $"{front.RowCount} shared rows and {appended.Length} appended values do not make {labels.Length} rows of {d} features.");
        }

        return new RowTable(front.Schema, new Matrix(front.Features, front.RowCount, appended), labels, weights, provenance);
    }

    public DataSchema Schema { get; }

    /// <summary>
    /// The whole matrix as one array. For a table that shares its front rows with another, the first read
    /// copies both parts into one array, which the table keeps from then on.
    /// </summary>
    public double[] Features
    {
        get
        {
            var matrix = _matrix;
            if (matrix.Back is null)
            {
                return matrix.Front;
            }

            var whole = GC.AllocateUninitializedArray<double>(matrix.Front.Length + matrix.Back.Length);
            matrix.Front.CopyTo(whole, 0);
            matrix.Back.CopyTo(whole, matrix.Front.Length);
            var joined = new Matrix(whole, RowCount, null);
            return (Interlocked.CompareExchange(ref _matrix, joined, matrix) == matrix ? joined : _matrix).Front;
        }
    }

    /// <summary>The feature values this table holds itself, not counting rows it reads from another table's matrix.</summary>
    public long OwnValueCount
    {
        get
        {
            var matrix = _matrix;
            return matrix.Back is null ? matrix.Front.LongLength : matrix.Back.LongLength;
        }
    }

    public int[] Labels { get; }

    public double[]? Weights { get; }

    public ProvenanceTable Provenance { get; }

    public int RowCount => Labels.Length;

    public int FeatureCount => Schema.FeatureCount;

    public ReadOnlySpan<double> Row(int row)
    {
        var matrix = _matrix;
        var d = FeatureCount;
        return row < matrix.FrontRows
            ? matrix.Front.AsSpan(row * d, d)
            : matrix.Back.AsSpan((row - matrix.FrontRows) * d, d);
    }

    /// <summary>The same rows with other labels, weights or schema; the matrix is shared, not copied.</summary>
    public RowTable With(DataSchema? schema = null, int[]? labels = null, double[]? weights = null)
        => new(schema ?? Schema, _matrix, labels ?? Labels, weights ?? Weights, Provenance);

    /// <summary>The rows <paramref name="rows"/>, in that order.</summary>
    public RowTable Select(ReadOnlySpan<int> rows)
    {
        var d = FeatureCount;
        var features = new double[rows.Length * d];
        var labels = new int[rows.Length];
        var weights = Weights is null ? null : new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            Row(r).CopyTo(features.AsSpan(i * d, d));
            labels[i] = Labels[r];
            if (weights is not null)
            {
                weights[i] = Weights![r];
            }
        }

        return new RowTable(Schema, features, labels, weights, Provenance.Select(rows));
    }

    public int[] CountByClass()
    {
        var counts = new int[Schema.ClassCount];
        foreach (var label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>Rows 0 … <c>FrontRows - 1</c> in <c>Front</c>, the rest (if any) in <c>Back</c>.</summary>
    private sealed record Matrix(double[] Front, int FrontRows, double[]? Back);
}
