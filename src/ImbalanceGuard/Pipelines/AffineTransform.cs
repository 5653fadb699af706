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

    /// <summary>
    /// A scaler fitted column by column: <paramref name="fit"/> gets each continuous feature's training values and
    /// returns its shift and scale; categorical features keep shift 0 and scale 1.
    /// </summary>
    public static AffineTransform FitColumns(string name, LabeledData training, Func<double[], (double Shift, double Scale)> fit)
    {
        ArgumentNullException.ThrowIfNull(training);
        var d = training.FeatureCount;
        var n = training.RowCount;
        var features = training.Features;
        var shift = new double[d];
        var scale = new double[d];
        var column = new double[n];
        for (var j = 0; j < d; j++)
        {
            scale[j] = 1;
            if (training.Schema.FeatureKinds[j] == FeatureKind.Categorical || n == 0)
            {
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                column[i] = features[(i * d) + j];
            }

            (shift[j], scale[j]) = fit(column);
        }

        return new AffineTransform(name, training.Schema, shift, scale);
    }

    public override void Transform(ReadOnlySpan<double> row, Span<double> output)
    {
        for (var j = 0; j < row.Length; j++)
        {
            // Saturate rather than overflow: a value past the largest double would reach the model as ±∞, and
            // ∞ − ∞ or 0 · ∞ further on is NaN. A NaN in the row stays NaN.
            var centred = Math.Clamp(row[j] - _shift[j], -double.MaxValue, double.MaxValue);
            output[j] = Math.Clamp(centred * _scale[j], -double.MaxValue, double.MaxValue);
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
