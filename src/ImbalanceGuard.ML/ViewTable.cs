using System.Globalization;
using ImbalanceGuard.Sampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML;

/// <summary>
/// An in-memory view seen as the library's data: the label column becomes class names, the feature columns (one
/// vector column or several scalar ones) a feature matrix, key-typed and Boolean features categorical (and columns
/// the caller declares categorical). It also
/// writes rows a sampler made back in the view's own column types, so a resampled view keeps the schema.
/// </summary>
internal sealed class ViewTable
{
    private static readonly Type[] NumericTypes = [typeof(float), typeof(double), typeof(int), typeof(long), typeof(uint), typeof(bool), typeof(byte), typeof(short)];

    private readonly int _label;
    private readonly int[] _features;
    private readonly int[] _widths;
    private readonly object[] _classValues; // the label value of each class, in the label column's type

    private ViewTable(InMemoryDataView view, int label, int[] features, int[] widths, Dataset dataset, object[] classValues)
    {
        View = view;
        _label = label;
        _features = features;
        _widths = widths;
        Dataset = dataset;
        _classValues = classValues;
    }

    public InMemoryDataView View { get; }

    public Dataset Dataset { get; }

    /// <summary>The labels alone, as a dataset whose one feature is the row position: what a stratified split needs.</summary>
    /// <exception cref="ArgumentException">The label column is missing or not a label type, or a label is missing.</exception>
    public static Dataset LabelsOnly(InMemoryDataView view, string labelColumnName)
    {
        var (labels, classValues) = ReadLabels(view, Find(view, labelColumnName, "label"));
        return Dataset.FromRows(
            [.. Enumerable.Range(0, view.RowCount).Select(i => new double[] { i })],
            labels,
            new DatasetOptions { FeatureNames = ["row"], LabelName = labelColumnName, ClassNames = [.. classValues.Keys] });
    }

    /// <summary>Every visible numeric, Boolean, key or numeric-vector column but the label: what a sampler sees by default.</summary>
    public static IReadOnlyList<string> DefaultFeatures(InMemoryDataView view, string labelColumnName)
        => [.. view.Schema.Where(c => c.Name != labelColumnName && !c.IsHidden
                && NumericTypes.Contains((c.Type is VectorDataViewType v ? v.ItemType : c.Type).RawType))
            .Select(c => c.Name)];

    /// <summary>
    /// The view as the library's data. Key and Boolean features are categorical, and so is every slot of a column
    /// named in <paramref name="categoricalColumnNames"/> (numbers or vectors that hold category codes).
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or of a type that cannot be a label or a feature, or a categorical column is not a feature column.</exception>
    public static ViewTable Of(InMemoryDataView view, string labelColumnName, IReadOnlyList<string> featureColumnNames, IReadOnlyCollection<string>? categoricalColumnNames = null)
    {
        var label = Find(view, labelColumnName, "label");
        if (featureColumnNames.Count == 0)
        {
            throw new ArgumentException("Name at least one feature column.", nameof(featureColumnNames));
        }

        var declared = categoricalColumnNames ?? [];
        if (declared.FirstOrDefault(c => !featureColumnNames.Contains(c, StringComparer.Ordinal)) is { } stray)
        {
            throw new ArgumentException(
                $"The categorical column '{stray}' is not among the feature columns ({string.Join(", ", featureColumnNames)}).", nameof(categoricalColumnNames));
        }

        var features = featureColumnNames.Select(n => Find(view, n, "feature")).ToArray();
        var widths = new int[features.Length];
        var names = new List<string>();
        var kinds = new List<FeatureKind>();
        for (var f = 0; f < features.Length; f++)
        {
            var column = view.Schema[features[f]];
            var itemType = column.Type is VectorDataViewType vector ? vector.ItemType : column.Type;
            var kind = declared.Contains(column.Name, StringComparer.Ordinal) ? FeatureKind.Categorical : KindOf(itemType);
            if (!NumericTypes.Contains(itemType.RawType))
            {
                throw new ArgumentException($"Feature column '{column.Name}' holds {column.Type}; features must be numeric, Boolean or key columns, or vectors of Single or Double.");
            }

            if (column.Type is VectorDataViewType vectorType)
            {
                if (!vectorType.IsKnownSize)
                {
                    throw new ArgumentException($"Feature column '{column.Name}' is a vector of unknown size; give it a fixed size (for example with a Concatenate transform).");
                }

                widths[f] = vectorType.Size;
                names.AddRange(Enumerable.Range(0, vectorType.Size).Select(i => $"{column.Name}[{i}]"));
                kinds.AddRange(Enumerable.Repeat(kind, vectorType.Size));
            }
            else
            {
                widths[f] = 1;
                names.Add(column.Name);
                kinds.Add(kind);
            }
        }

        var rows = view.RowCount;
        var matrix = new double[rows][];
        for (var i = 0; i < rows; i++)
        {
            matrix[i] = new double[widths.Sum()];
        }

        var offset = 0;
        for (var f = 0; f < features.Length; f++)
        {
            ReadFeature(view.Column(features[f]), matrix, offset, view.Schema[features[f]].Name);
            offset += widths[f];
        }

        var (labels, classValues) = ReadLabels(view, label);
        var dataset = Dataset.FromRows(matrix, labels, new DatasetOptions
        {
            FeatureNames = names,
            FeatureKinds = kinds,
            LabelName = labelColumnName,
            ClassNames = [.. classValues.Keys],
        });
        return new ViewTable(view, label, features, widths, dataset, [.. classValues.Values]);
    }

    /// <summary>
    /// The view after <paramref name="result"/>: kept rows as they were (every column), then the rows the sampler
    /// made, with their label and features from the sampler and every other column copied from their first parent.
    /// </summary>
    public InMemoryDataView Rebuild(SamplingResult result, string? syntheticColumnName)
    {
        var resampled = result.Resampled;
        var kept = result.KeptIndices;
        var rows = resampled.RowCount;
        var sources = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            if (i < kept.Count)
            {
                sources[i] = kept[i];
            }
            else
            {
                var parents = resampled.GetProvenance(i).ParentRows;
                sources[i] = parents.Length > 0 ? (int)parents[0] : 0;
            }
        }

        var columns = new ColumnValues[View.Schema.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = View.Column(c);
        }

        var synthetic = Enumerable.Range(kept.Count, rows - kept.Count).ToArray();
        columns[_label] = Override(columns[_label], sources, synthetic, i => _classValues[resampled.Labels[i]]);
        var offset = 0;
        for (var f = 0; f < _features.Length; f++)
        {
            var start = offset;
            var width = _widths[f];
            var type = View.Schema[_features[f]].Type;
            columns[_features[f]] = Override(columns[_features[f]], sources, synthetic, i => FromDoubles(resampled.GetRow(i).Slice(start, width), type));
            offset += width;
        }

        for (var c = 0; c < columns.Length; c++)
        {
            if (c != _label && !_features.Contains(c))
            {
                columns[c] = columns[c].Select(sources);
            }
        }

        var builder = new DataViewSchema.Builder();
        builder.AddColumns(View.Schema);
        if (syntheticColumnName is not null)
        {
            if (View.Schema.GetColumnOrNull(syntheticColumnName) is not null)
            {
                throw new ArgumentException($"The data already has a column '{syntheticColumnName}'; choose another name for the synthetic-row flag.", nameof(syntheticColumnName));
            }

            builder.AddColumn(syntheticColumnName, BooleanDataViewType.Instance);
            columns = [.. columns, ColumnValues.Of(Enumerable.Range(0, rows).Select(i => i >= kept.Count).ToArray())];
        }

        return new InMemoryDataView(builder.ToSchema(), columns);
    }

    private static int Find(InMemoryDataView view, string name, string role)
    {
        ArgumentNullException.ThrowIfNull(name);
        return view.Schema.GetColumnOrNull(name)?.Index
            ?? throw new ArgumentException($"There is no {role} column '{name}'; the columns are {string.Join(", ", view.Schema.Select(c => c.Name))}.");
    }

    private static FeatureKind KindOf(DataViewType type)
        => type is KeyDataViewType || type.RawType == typeof(bool) ? FeatureKind.Categorical : FeatureKind.Continuous;

    private static void ReadFeature(ColumnValues column, double[][] matrix, int offset, string name)
    {
        switch (column)
        {
            case ColumnValues.Typed<VBuffer<float>> floats:
                for (var i = 0; i < matrix.Length; i++)
                {
                    var values = floats.Values[i].DenseValues().ToArray();
                    for (var j = 0; j < values.Length; j++)
                    {
                        matrix[i][offset + j] = Finite(values[j], name, i);
                    }
                }

                break;
            case ColumnValues.Typed<VBuffer<double>> doubles:
                for (var i = 0; i < matrix.Length; i++)
                {
                    var values = doubles.Values[i].DenseValues().ToArray();
                    for (var j = 0; j < values.Length; j++)
                    {
                        matrix[i][offset + j] = Finite(values[j], name, i);
                    }
                }

                break;
            default:
                var read = ScalarReader(column);
                for (var i = 0; i < matrix.Length; i++)
                {
                    matrix[i][offset] = Finite(read(i), name, i);
                }

                break;
        }
    }

    private static Func<int, double> ScalarReader(ColumnValues column) => column switch
    {
        ColumnValues.Typed<float> c => i => c.Values[i],
        ColumnValues.Typed<double> c => i => c.Values[i],
        ColumnValues.Typed<int> c => i => c.Values[i],
        ColumnValues.Typed<long> c => i => c.Values[i],
        ColumnValues.Typed<uint> c => i => c.Values[i],
        ColumnValues.Typed<bool> c => i => c.Values[i] ? 1 : 0,
        ColumnValues.Typed<byte> c => i => c.Values[i],
        ColumnValues.Typed<short> c => i => c.Values[i],
        _ => throw new ArgumentException("A feature column holds values that are not numbers."),
    };

    private static double Finite(double value, string column, int row)
        => double.IsFinite(value) ? value : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {row} of feature column '{column}' is {value}; samplers need finite numbers (impute missing values first)."));

    private static (string[] Labels, Dictionary<string, object> ClassValues) ReadLabels(InMemoryDataView view, int label)
    {
        var column = view.Schema[label];
        var keyNames = default(VBuffer<ReadOnlyMemory<char>>);
        var hasKeyNames = column.Type is KeyDataViewType && column.HasKeyValues();
        if (hasKeyNames)
        {
            column.GetKeyValues(ref keyNames);
        }

        var names = hasKeyNames ? keyNames.DenseValues().Select(v => v.ToString()).ToArray() : [];
        var values = view.Column(label);
        Func<int, (string, object)> read = values switch
        {
            ColumnValues.Typed<bool> c => i => (c.Values[i] ? "True" : "False", c.Values[i]),
            ColumnValues.Typed<ReadOnlyMemory<char>> c => i => (c.Values[i].ToString(), c.Values[i]),
            ColumnValues.Typed<uint> c when column.Type is KeyDataViewType => i => (c.Values[i] == 0 ? throw MissingLabel(column.Name, i) : hasKeyNames ? names[c.Values[i] - 1] : c.Values[i].ToString(CultureInfo.InvariantCulture), c.Values[i]),
            ColumnValues.Typed<float> c => i => (float.IsNaN(c.Values[i]) ? throw MissingLabel(column.Name, i) : c.Values[i].ToString(CultureInfo.InvariantCulture), c.Values[i]),
            ColumnValues.Typed<double> c => i => (double.IsNaN(c.Values[i]) ? throw MissingLabel(column.Name, i) : c.Values[i].ToString(CultureInfo.InvariantCulture), c.Values[i]),
            ColumnValues.Typed<int> c => i => (c.Values[i].ToString(CultureInfo.InvariantCulture), c.Values[i]),
            ColumnValues.Typed<long> c => i => (c.Values[i].ToString(CultureInfo.InvariantCulture), c.Values[i]),
            ColumnValues.Typed<uint> c => i => (c.Values[i].ToString(CultureInfo.InvariantCulture), c.Values[i]),
            _ => throw new ArgumentException($"Label column '{column.Name}' holds {column.Type}; a label must be Boolean, text, a key or a number."),
        };

        var labels = new string[view.RowCount];
        var classValues = new SortedDictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            var (name, value) = read(i);
            labels[i] = name;
            classValues.TryAdd(name, value);
        }

        return (labels, new Dictionary<string, object>(classValues, StringComparer.Ordinal));
    }

    private static ArgumentException MissingLabel(string column, int row)
        => new(string.Create(CultureInfo.InvariantCulture, $"Row {row} of label column '{column}' is missing; drop or fill rows without a label first."));

    private static ColumnValues Override(ColumnValues column, int[] sources, int[] synthetic, Func<int, object> value)
    {
        var method = typeof(ViewTable).GetMethod(nameof(OverrideTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(column.GetType().GetGenericArguments()[0]);
        return (ColumnValues)method.Invoke(null, [column, sources, synthetic, value])!;
    }

    private static ColumnValues OverrideTyped<T>(ColumnValues.Typed<T> column, int[] sources, int[] synthetic, Func<int, object> value)
        => column.Compose(sources, synthetic.ToDictionary(i => i, i => (T)value(i)));

    /// <summary>A sampler's values for one column, in the column's type (categorical codes stay exact).</summary>
    private static object FromDoubles(ReadOnlySpan<double> values, DataViewType type)
    {
        if (type is VectorDataViewType vector)
        {
            return vector.ItemType.RawType == typeof(float)
                ? new VBuffer<float>(values.Length, [.. values.ToArray().Select(v => (float)v)])
                : new VBuffer<double>(values.Length, values.ToArray());
        }

        var v = values[0];
        return type.RawType switch
        {
            var t when t == typeof(float) => (float)v,
            var t when t == typeof(double) => v,
            var t when t == typeof(int) => (int)Math.Round(v),
            var t when t == typeof(long) => (long)Math.Round(v),
            var t when t == typeof(uint) => (uint)Math.Round(v),
            var t when t == typeof(bool) => v >= 0.5,
            var t when t == typeof(byte) => (byte)Math.Round(v),
            var t when t == typeof(short) => (short)Math.Round(v),
            _ => throw new InvalidOperationException($"Cannot write a number into a {type} column."),
        };
    }
}
