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

    public static FeatureTransform Read(JsonElement element, DataSchema input)
    {
        var name = element.GetProperty("name").GetString();
        return name switch
        {
            "standard-scaler" or "min-max-scaler" => new AffineTransform(
                name, input, PipelineJson.ReadDoubles(element.GetProperty("shift")), PipelineJson.ReadDoubles(element.GetProperty("scale"))),
            "one-hot-encoder" => new OneHotTransform(
                input, [.. element.GetProperty("levels").EnumerateArray().Select(PipelineJson.ReadDoubles)]),
            _ => throw new DataFormatException($"Unknown preprocessing step '{name}' in the saved pipeline."),
        };
    }
}
