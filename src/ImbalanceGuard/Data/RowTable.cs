namespace ImbalanceGuard;

/// <summary>
/// The storage behind a dataset, training set or holdout set: a row-major feature matrix, class indices,
/// optional weights and provenance. Never mutated once built; subsets and resampled tables are new tables.
/// </summary>
/// <remarks>
/// An over-sampler keeps every input row and adds its own after them. Its table shares the input's matrix for
/// the kept rows and holds only the made rows (<see cref="Appended"/>): copying the input would be the largest
/// allocation and most of the time of a resampling. Rows that are exact copies of input rows (random
/// over-sampling) are not even copied: such a table holds which row each one repeats (<see cref="WithCopies"/>).
/// A cleaner keeps most of its input: its table reads the kept rows through their positions (<see cref="Selected"/>).
/// Rows are read in place (<see cref="Row"/>); the contiguous <see cref="Features"/> of such a table is built on
/// first use, for the readers that need one array.
/// </remarks>
internal sealed class RowTable
{
    private Matrix _matrix;

    public RowTable(DataSchema schema, double[] features, int[] labels, double[]? weights, ProvenanceTable provenance)
        : this(schema, new Matrix(features, labels.Length), labels, weights, provenance)
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
    /// Every row of <paramref name="front"/>, in order, followed by the leading rows of <paramref name="appended"/>
    /// (a buffer that may have room for more, such as the one a cleaner after an over-sampler compacted); the
    /// front rows are read from <paramref name="front"/>'s matrix, not copied.
    /// </summary>
    public static RowTable Appended(RowTable front, double[] appended, int[] labels, double[]? weights, ProvenanceTable provenance)
        => Sharing(front, null, front.RowCount, appended, labels, weights, provenance);

    /// <summary>
    /// The rows <paramref name="kept"/> of <paramref name="front"/> (ascending), followed by the leading rows of
    /// <paramref name="appended"/>, if any: the kept rows are read from <paramref name="front"/>'s matrix through
    /// their positions, not copied. For outputs that keep most of their input (a cleaner's): a small selection
    /// would keep a large matrix alive.
    /// </summary>
    public static RowTable Selected(RowTable front, int[] kept, double[]? appended, int[] labels, double[]? weights, ProvenanceTable provenance)
    {
        for (var i = 0; i < kept.Length; i++)
        {
            if ((uint)kept[i] >= (uint)front.RowCount || (i > 0 && kept[i] <= kept[i - 1]))
            {
                throw new DataFormatException($"Kept rows must be ascending rows of a table of {front.RowCount}; row {kept[i]} at position {i} is not.");
            }
        }

        return Sharing(front, kept, kept.Length, appended, labels, weights, provenance);
    }

    /// <summary>
    /// <paramref name="frontRows"/> rows of <paramref name="front"/>'s matrix (rows <paramref name="frontMap"/>, or
    /// the leading ones), followed by the leading rows of <paramref name="appended"/>.
    /// </summary>
    private static RowTable Sharing(
        RowTable front, int[]? frontMap, int frontRows, double[]? appended, int[] labels, double[]? weights, ProvenanceTable provenance)
    {
        var d = front.FeatureCount;
        var made = labels.Length - frontRows;
        if (made < 0 || (long)made * d > (appended?.LongLength ?? 0))
        {
            throw new DataFormatException(
                $"{frontRows} shared rows and {appended?.Length ?? 0} appended values do not make {labels.Length} rows of {d} features.");
        }

        var matrix = new Matrix(front.Features, frontRows) { FrontMap = frontMap, Back = appended };
        return new RowTable(front.Schema, matrix, labels, weights, provenance);
    }

    /// <summary>
    /// Every row of <paramref name="front"/>, in order, followed by copies of its rows <paramref name="copyOf"/>;
    /// all are read from <paramref name="front"/>'s matrix, nothing is copied.
    /// </summary>
    public static RowTable WithCopies(RowTable front, int[] copyOf, int[] labels, double[]? weights, ProvenanceTable provenance)
    {
        if (front.RowCount + copyOf.Length != labels.Length)
        {
            throw new DataFormatException($"{front.RowCount} shared rows and {copyOf.Length} copies do not make {labels.Length} rows.");
        }

        foreach (var row in copyOf)
        {
            if ((uint)row >= (uint)front.RowCount)
            {
                throw new DataFormatException($"A copy of row {row} of a table of {front.RowCount} rows.");
            }
        }

        return new RowTable(front.Schema, new Matrix(front.Features, front.RowCount) { CopyOf = copyOf }, labels, weights, provenance);
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
            if (matrix.IsWhole)
            {
                return matrix.Front;
            }

            var d = FeatureCount;
            var whole = GC.AllocateUninitializedArray<double>(RowCount * d);
            RowCopying.InBlocks(RowCount, d, new ParallelOptions(), (start, end) =>
            {
                for (var i = start; i < end; i++)
                {
                    RowOf(matrix, i).CopyTo(whole.AsSpan(i * d, d));
                }
            });

            var joined = new Matrix(whole, RowCount);
            return (Interlocked.CompareExchange(ref _matrix, joined, matrix) == matrix ? joined : _matrix).Front;
        }
    }

    /// <summary>The bytes of the rows this table holds itself, not counting those it reads from another table's matrix.</summary>
    public long OwnFeatureBytes
    {
        get
        {
            var matrix = _matrix;
            return matrix.IsWhole
                ? matrix.Front.LongLength * sizeof(double)
                : ((matrix.Back?.LongLength ?? 0) * sizeof(double)) + ((matrix.CopyOf?.LongLength ?? 0) * sizeof(int))
                    + ((matrix.FrontMap?.LongLength ?? 0) * sizeof(int));
        }
    }

    public int[] Labels { get; }

    public double[]? Weights { get; }

    public ProvenanceTable Provenance { get; }

    public int RowCount => Labels.Length;

    public int FeatureCount => Schema.FeatureCount;

    public ReadOnlySpan<double> Row(int row) => RowOf(_matrix, row);

    private ReadOnlySpan<double> RowOf(Matrix matrix, int row)
    {
        var d = FeatureCount;
        if (row < matrix.FrontRows)
        {
            return matrix.Front.AsSpan((matrix.FrontMap is null ? row : matrix.FrontMap[row]) * d, d);
        }

        return matrix.Back is not null
            ? matrix.Back.AsSpan((row - matrix.FrontRows) * d, d)
            : matrix.Front.AsSpan(matrix.CopyOf![row - matrix.FrontRows] * d, d);
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

    /// <summary>
    /// Rows 0 … <c>FrontRows - 1</c> in <c>Front</c> (row i, or row <c>FrontMap[i]</c>); the rest (if any) in
    /// <c>Back</c>, or copies of the front rows <c>CopyOf</c>.
    /// </summary>
    private sealed record Matrix(double[] Front, int FrontRows)
    {
        public int[]? FrontMap { get; init; }

        public double[]? Back { get; init; }

        public int[]? CopyOf { get; init; }

        public bool IsWhole => FrontMap is null && Back is null && CopyOf is null;
    }
}
