namespace ImbalanceGuard;

/// <summary>
/// Read-only labelled rows: the common view of a <see cref="Dataset"/>, a <see cref="TrainingSet"/> and a
/// <see cref="HoldoutSet"/>. Which of the three a value is decides what may be done with it: only a
/// dataset can be split, only a training set can be resampled, and a holdout set can only be evaluated on.
/// </summary>
public abstract class LabeledData
{
    private int[]? _classCounts;

    private protected LabeledData(RowTable table)
    {
        Table = table;
    }

    internal RowTable Table { get; }

    /// <summary>What the columns mean.</summary>
    public DataSchema Schema => Table.Schema;

    /// <summary>The number of rows.</summary>
    public int RowCount => Table.RowCount;

    /// <summary>The number of feature columns.</summary>
    public int FeatureCount => Table.FeatureCount;

    /// <summary>The number of classes of the schema (some may have no rows here).</summary>
    public int ClassCount => Table.Schema.ClassCount;

    /// <summary>
    /// The feature matrix, row-major: row <c>i</c> is <c>Features[i*FeatureCount .. (i+1)*FeatureCount]</c>.
    /// A resampled training set may read the rows it kept from its input's matrix (an over-sampler's holds only
    /// the rows it made, a cleaner's only the positions of the rows it kept); its first read of
    /// <see cref="Features"/> joins them into one matrix, which it keeps. To read rows without that copy, use
    /// <see cref="GetRow"/>.
    /// </summary>
    public ReadOnlySpan<double> Features => Table.Features;

    /// <summary>The class of each row, as an index into <see cref="DataSchema.ClassNames"/>.</summary>
    public ReadOnlySpan<int> Labels => Table.Labels;

    /// <summary>Whether rows carry weights.</summary>
    public bool HasWeights => Table.Weights is not null;

    /// <summary>The weight of each row; empty when <see cref="HasWeights"/> is false.</summary>
    public ReadOnlySpan<double> Weights => Table.Weights;

    /// <summary>The number of rows a sampler made.</summary>
    public int SyntheticRowCount => Table.Provenance.SyntheticCount;

    /// <summary>The features of one row.</summary>
    public ReadOnlySpan<double> GetRow(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return Table.Row(row);
    }

    /// <summary>The class name of one row.</summary>
    public string GetClassName(int row) => Schema.ClassNames[Labels[row]];

    /// <summary>Where one row came from.</summary>
    public RowProvenance GetProvenance(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        return Table.Provenance.Get(row);
    }

    /// <summary>The number of rows of each class, indexed like <see cref="DataSchema.ClassNames"/>.</summary>
    public IReadOnlyList<int> ClassCounts => _classCounts ??= Table.CountByClass();

    /// <summary>The number of rows of each class with rows, by class name, in class order.</summary>
    public IReadOnlyDictionary<string, int> ClassCountsByName()
    {
        // A dictionary filled without removals enumerates in insertion order: class order here.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = Schema.ClassNames;
        for (var c = 0; c < names.Count; c++)
        {
            if (ClassCounts[c] > 0)
            {
                counts[names[c]] = ClassCounts[c];
            }
        }

        return counts;
    }

    /// <summary>
    /// Writes the rows as CSV with the source's header and column order (kept rows first, as they are
    /// stored). Reading the file back gives a <see cref="Dataset"/> without provenance: keep resampled
    /// files away from splitting and evaluation.
    /// </summary>
    public void WriteCsv(TextWriter writer, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(writer);
        CsvDatasetWriter.Write(this, writer, separator);
    }
}
