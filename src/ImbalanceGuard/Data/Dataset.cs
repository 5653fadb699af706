using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// Labelled data before any split: the only kind of data a splitter accepts. Immutable. Load it from a
/// CSV file (<see cref="LoadCsv"/>) or build it from arrays (<see cref="FromArrays(double[,], IReadOnlyList{string}, DatasetOptions?)"/>);
/// then split it into a <see cref="TrainingSet"/> and a <see cref="HoldoutSet"/> with <see cref="Split"/> or
/// <see cref="StratifiedKFold"/>.
/// </summary>
public sealed class Dataset : LabeledData
{
    internal Dataset(RowTable table)
        : base(table)
    {
    }

    /// <summary>Reads a CSV file with a header row; the label is the last column unless the options name another.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not usable (including text beyond <see cref="CsvLoadOptions.Limits"/>, a NUL character, bytes that are not UTF-8); the message says where and why.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <see cref="CsvLoadOptions.Limits"/> is below 1.</exception>
    public static Dataset LoadCsv(string path, CsvLoadOptions? options = null)
    {
        options ??= new CsvLoadOptions();
        using var reader = CsvRecordReader.Open(path, options.Limits);
        return CsvDatasetReader.Read(reader, options, Path.GetFileName(path));
    }

    /// <summary>The column names of a CSV file's header row, read as <see cref="LoadCsv"/> reads them, without reading the rows.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is empty, or its header is not readable or beyond <see cref="CsvLoadOptions.Limits"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <see cref="CsvLoadOptions.Limits"/> is below 1.</exception>
    public static IReadOnlyList<string> CsvColumns(string path, CsvLoadOptions? options = null)
    {
        options ??= new CsvLoadOptions();
        using var reader = CsvRecordReader.Open(path, options.Limits);
        return reader.ReadHeader(options.Separator);
    }

    /// <summary>Reads CSV text with a header row; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="DataFormatException">The text is not usable; the message says where and why.</exception>
    public static Dataset ReadCsv(TextReader reader, CsvLoadOptions? options = null, string sourceName = "csv")
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new CsvLoadOptions();
        options.Limits.Validate();
        return CsvDatasetReader.Read(new CsvRecordReader(reader, sourceName, options.Limits), options, sourceName);
    }

    /// <summary>A dataset from a feature matrix and a class label per row.</summary>
    /// <exception cref="DataFormatException">Shapes disagree, a value is NaN or infinite, or a label is unknown.</exception>
    public static Dataset FromArrays(double[,] features, IReadOnlyList<string> labels, DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        var rows = features.GetLength(0);
        var columns = features.GetLength(1);
        var flat = new double[rows * columns];
        Buffer.BlockCopy(features, 0, flat, 0, flat.Length * sizeof(double));
        return FromFlat(flat, rows, columns, labels, options);
    }

    /// <summary>A dataset from a feature matrix and an integer class label per row.</summary>
    /// <exception cref="DataFormatException">Shapes disagree, a value is NaN or infinite, or a label is unknown.</exception>
    public static Dataset FromArrays(double[,] features, IReadOnlyList<int> labels, DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return FromArrays(features, labels.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToArray(), options);
    }

    /// <summary>A dataset from rows of features (all of one length) and a class label per row.</summary>
    /// <exception cref="DataFormatException">Shapes disagree, a value is NaN or infinite, or a label is unknown.</exception>
    public static Dataset FromRows(IReadOnlyList<double[]> rows, IReadOnlyList<string> labels, DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        var columns = rows.Count == 0 ? options?.FeatureNames?.Count ?? 0 : rows[0].Length;
        var flat = new double[rows.Count * columns];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new DataFormatException($"Row {i} has {rows[i].Length} features; row 0 has {columns}.");
            }

            rows[i].CopyTo(flat, i * columns);
        }

        return FromFlat(flat, rows.Count, columns, labels, options);
    }

    /// <summary>A dataset from rows of features and an integer class label per row.</summary>
    /// <exception cref="DataFormatException">Shapes disagree, a value is NaN or infinite, or a label is unknown.</exception>
    public static Dataset FromRows(IReadOnlyList<double[]> rows, IReadOnlyList<int> labels, DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return FromRows(rows, labels.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToArray(), options);
    }

    private static Dataset FromFlat(double[] flat, int rows, int columns, IReadOnlyList<string> labels, DatasetOptions? options)
    {
        options ??= new DatasetOptions();
        if (labels.Count != rows)
        {
            throw new DataFormatException($"{rows} rows of features but {labels.Count} labels.");
        }

        for (var i = 0; i < flat.Length; i++)
        {
            if (!double.IsFinite(flat[i]))
            {
                throw new DataFormatException(
                    $"Row {i / columns}, feature {i % columns}: {flat[i].ToString(CultureInfo.InvariantCulture)} is not allowed; features must be finite numbers (impute missing values first).");
            }
        }

        var featureNames = options.FeatureNames?.ToArray()
            ?? Enumerable.Range(0, columns).Select(j => "x" + j.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (featureNames.Length != columns)
        {
            throw new DataFormatException($"{featureNames.Length} feature names for {columns} feature columns.");
        }

        var kinds = options.FeatureKinds?.ToArray() ?? new FeatureKind[columns];
        var classNames = options.ClassNames?.ToArray() ?? ClassOrder.Sort(labels);
        var schema = new DataSchema(featureNames, kinds, options.LabelName, classNames);
        var classIndices = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            if (!schema.TryGetClassIndex(labels[i], out classIndices[i]))
            {
                throw new DataFormatException($"Row {i}: label '{labels[i]}' is not one of the classes {string.Join(", ", classNames)}.");
            }
        }

        double[]? weights = null;
        if (options.Weights is not null)
        {
            if (options.Weights.Count != rows)
            {
                throw new DataFormatException($"{options.Weights.Count} weights for {rows} rows.");
            }

            weights = [.. options.Weights];
            for (var i = 0; i < rows; i++)
            {
                if (!double.IsFinite(weights[i]) || weights[i] < 0)
                {
                    throw new DataFormatException($"Row {i}: weight {weights[i].ToString(CultureInfo.InvariantCulture)} must be a finite, non-negative number.");
                }
            }
        }

        ProvenanceTable provenance;
        if (options.Provenance is null)
        {
            provenance = ProvenanceTable.Original(rows);
        }
        else if (options.Provenance.Count != rows)
        {
            throw new DataFormatException($"{options.Provenance.Count} provenance entries for {rows} rows.");
        }
        else
        {
            provenance = ProvenanceTable.FromRows(options.Provenance);
        }

        return new Dataset(new RowTable(schema, flat, classIndices, weights, provenance));
    }
}
