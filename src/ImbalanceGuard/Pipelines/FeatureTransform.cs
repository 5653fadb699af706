using System.Text.Json;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// A fitted preprocessing step: maps a row of its input schema to a row of its output schema. Labels,
/// weights and provenance pass through, so a transformed training set is still the same training set.
/// </summary>
internal abstract class FeatureTransform(string name, DataSchema input, DataSchema output)
{
    public string Name { get; } = name;

    public DataSchema Input { get; } = input;

    public DataSchema Output { get; } = output;

    public abstract void Transform(ReadOnlySpan<double> row, Span<double> output);

    /// <summary>The same rows, mapped.</summary>
    public RowTable Apply(RowTable table)
    {
        var din = Input.FeatureCount;
        var dout = Output.FeatureCount;
        var features = new double[table.RowCount * dout];
        for (var i = 0; i < table.RowCount; i++)
        {
            Transform(table.Row(i), features.AsSpan(i * dout, dout));
        }

        return new RowTable(Output, features, table.Labels, table.Weights, table.Provenance);
    }

    /// <summary>Writes the fitted state (not the schemas, which a reader rebuilds from the input schema).</summary>
    public abstract void Write(Utf8JsonWriter writer);

    /// <summary>Reads a step saved at <paramref name="path"/> that follows <paramref name="input"/>.</summary>
    /// <exception cref="DataFormatException">The step is damaged or does not fit its input.</exception>
    public static FeatureTransform Read(JsonElement element, DataSchema input, string path)
    {
        var name = ModelFileChecks.Text(element, "name", path);
        switch (name)
        {
            case "standard-scaler" or "min-max-scaler":
                var shift = ModelFileChecks.Numbers(element, "shift", path);
                var scale = ModelFileChecks.Numbers(element, "scale", path);
                ModelFileChecks.Count(shift.Length, input.FeatureCount, $"{path}.shift", "one per feature");
                ModelFileChecks.Count(scale.Length, input.FeatureCount, $"{path}.scale", "one per feature");
                return new AffineTransform(name, input, shift, scale);
            case "one-hot-encoder":
                var lists = ModelFileChecks.Array(element, "levels", path);
                ModelFileChecks.Count(lists.Length, input.FeatureCount, $"{path}.levels", "one list per feature, empty for one passed through");
                var levels = new double[lists.Length][];
                for (var j = 0; j < lists.Length; j++)
                {
                    // The encoder finds a value's column by binary search.
                    levels[j] = ModelFileChecks.Ascending(lists[j], $"{path}.levels[{j}]");
                }

                return new OneHotTransform(input, levels);
            default:
                throw new DataFormatException($"Unknown preprocessing step '{name}' at {path} in the saved pipeline.");
        }
    }
}
