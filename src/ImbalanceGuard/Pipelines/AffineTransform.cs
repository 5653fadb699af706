using System.Text.Json;

namespace ImbalanceGuard.Pipelines;

/// <summary>A fitted scaler: feature j becomes <c>(x − shift[j]) · scale[j]</c>; the schema is unchanged.</summary>
internal sealed class AffineTransform : FeatureTransform
{
    private readonly double[] _shift;
    private readonly double[] _scale;

    public AffineTransform(string name, DataSchema schema, double[] shift, double[] scale)
        : base(name, schema, schema)
    {
        if (shift.Length != schema.FeatureCount || scale.Length != schema.FeatureCount)
        {
            throw new DataFormatException($"The {name} step has {shift.Length} shifts and {scale.Length} scales for {schema.FeatureCount} features.");
        }

        _shift = shift;
        _scale = scale;
    }

    public override void Transform(ReadOnlySpan<double> row, Span<double> output)
    {
        for (var j = 0; j < row.Length; j++)
        {
            output[j] = (row[j] - _shift[j]) * _scale[j];
        }
    }

    public override void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        PipelineJson.WriteDoubles(writer, "shift", _shift);
        PipelineJson.WriteDoubles(writer, "scale", _scale);
        writer.WriteEndObject();
    }
}
