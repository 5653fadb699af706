using ImbalanceGuard.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML;

/// <summary>
/// Learns a weight per class from the training rows (balanced: n / (k · n_c), or custom) and adds it as a Single
/// column for trainers' <c>exampleWeightColumnName</c>. The fitted transformer is ML.NET's own value-mapping
/// transformer, so it is saved and loaded with the model.
/// </summary>
public sealed class ClassWeightsEstimator : IEstimator<ITransformer>
{
    private readonly TransformsCatalog.ConversionTransforms _conversion;
    private readonly string _labelColumnName;
    private readonly string _outputColumnName;
    private readonly ClassWeights _weights;

    internal ClassWeightsEstimator(TransformsCatalog.ConversionTransforms conversion, string labelColumnName, string outputColumnName, ClassWeights weights)
    {
        _conversion = conversion;
        _labelColumnName = labelColumnName;
        _outputColumnName = outputColumnName;
        _weights = weights;
    }

    /// <summary>Computes the class weights from <paramref name="input"/>'s labels.</summary>
    /// <exception cref="ArgumentException">The label column is missing or not a label type.</exception>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var view = InMemoryDataView.Read(input);
        var labels = ViewTable.LabelsOnly(view, _labelColumnName);
        var perClass = _weights.ForClasses(labels);
        return Mapping(view.Schema[_labelColumnName].Type, labels.Schema.ClassNames, perClass).Fit(input);
    }

    /// <summary>The input schema plus the Single weight column.</summary>
    /// <exception cref="ArgumentException">The label column is missing or not a label type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var matches = inputSchema.Where(c => c.Name == _labelColumnName).ToArray();
        if (matches.Length == 0)
        {
            throw new ArgumentException($"There is no label column '{_labelColumnName}'.", nameof(inputSchema));
        }

        // The weights are only known after Fit; the shape is the same for any, so map one placeholder class.
        var label = matches[0];
        var placeholder = label.ItemType.RawType == typeof(bool) ? "True" : label.ItemType.RawType == typeof(ReadOnlyMemory<char>) ? "class" : "0";
        return Mapping(label.ItemType, [placeholder], [1.0]).GetOutputSchema(inputSchema);
    }

    private IEstimator<ITransformer> Mapping(DataViewType labelType, IReadOnlyList<string> classNames, double[] perClass)
    {
        var weights = perClass.Select(w => (float)w).ToArray();
        return labelType.RawType switch
        {
            var t when t == typeof(bool) => Map(classNames.Select(n => n == "True").ToArray(), weights),
            var t when t == typeof(ReadOnlyMemory<char>) => Map(classNames.ToArray(), weights),
            var t when t == typeof(float) => Map(classNames.Select(n => float.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), weights),
            var t when t == typeof(double) => Map(classNames.Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), weights),
            var t when t == typeof(int) => Map(classNames.Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), weights),
            _ => throw new ArgumentException($"Class weights need a Boolean, text or numeric label column; '{_labelColumnName}' holds {labelType}."),
        };
    }

    private IEstimator<ITransformer> Map<TKey>(TKey[] keys, float[] values)
        => _conversion.MapValue(
            _outputColumnName,
            keys.Zip(values, (k, v) => new KeyValuePair<TKey, float>(k, v)),
            _labelColumnName);
}
