namespace ImbalanceGuard;

/// <summary>
/// The storage behind a dataset, training set or holdout set: a row-major feature matrix, class indices,
/// optional weights and provenance. Never mutated once built; subsets and resampled tables are new tables.
/// </summary>
internal sealed class RowTable
{
    public RowTable(DataSchema schema, double[] features, int[] labels, double[]? weights, ProvenanceTable provenance)
    {
        var rows = labels.Length;
        if (features.Length != rows * schema.FeatureCount)
        {
            throw new DataFormatException(
                $"The feature matrix has {features.Length} values; {rows} rows of {schema.FeatureCount} features need {rows * schema.FeatureCount}.");
        }

        if (weights is not null && weights.Length != rows)
        {
            throw new DataFormatException($"{weights.Length} row weights for {rows} rows.");
        }

        if (provenance.Count != rows)
        {
            throw new DataFormatException($"{provenance.Count} provenance entries for {rows} rows.");
        }

        Schema = schema;
        Features = features;
        Labels = labels;
        Weights = weights;
        Provenance = provenance;
    }

    public DataSchema Schema { get; }

    public double[] Features { get; }

    public int[] Labels { get; }

    public double[]? Weights { get; }

    public ProvenanceTable Provenance { get; }

    public int RowCount => Labels.Length;

    public int FeatureCount => Schema.FeatureCount;

    public ReadOnlySpan<double> Row(int row) => Features.AsSpan(row * FeatureCount, FeatureCount);

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
            Array.Copy(Features, (long)r * d, features, (long)i * d, d);
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
}
