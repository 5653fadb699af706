using System.Globalization;
using System.Text.Json;

namespace ImbalanceGuard.Pipelines;

/// <summary>A fitted one-hot encoder: each categorical feature becomes one 0/1 column per training level.</summary>
internal sealed class OneHotTransform : FeatureTransform
{
    private readonly double[][] _levels; // per input feature; empty for a continuous one

    public OneHotTransform(DataSchema input, double[][] levels)
        : base("one-hot-encoder", input, OutputSchema(input, levels))
    {
        _levels = levels;
    }

    public override void Transform(ReadOnlySpan<double> row, Span<double> output)
    {
        var o = 0;
        for (var j = 0; j < row.Length; j++)
        {
            var levels = _levels[j];
            if (levels.Length == 0)
            {
                output[o++] = row[j];
                continue;
            }

            var block = output.Slice(o, levels.Length);
            block.Clear();
            var at = Array.BinarySearch(levels, row[j]);
            if (at >= 0)
            {
                block[at] = 1;
            }

            o += levels.Length;
        }
    }

    public override void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteStartArray("levels");
        foreach (var levels in _levels)
        {
            PipelineJson.WriteDoubles(writer, null, levels);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static DataSchema OutputSchema(DataSchema input, double[][] levels)
    {
        if (levels.Length != input.FeatureCount)
        {
            throw new DataFormatException($"The one-hot step has levels for {levels.Length} features; the data has {input.FeatureCount}.");
        }

        var names = new List<string>();
        for (var j = 0; j < input.FeatureCount; j++)
        {
            if (levels[j].Length == 0)
            {
                names.Add(input.FeatureNames[j]);
                continue;
            }

            var text = input.CategoryLevels(j);
            foreach (var level in levels[j])
            {
                var label = text is not null && level >= 0 && level < text.Count && level == Math.Floor(level)
                    ? text[(int)level]
                    : level.ToString("R", CultureInfo.InvariantCulture);
                names.Add($"{input.FeatureNames[j]}={label}");
            }
        }

        return new DataSchema(
            [.. names],
            [.. names.Select(_ => FeatureKind.Continuous)],
            input.LabelName,
            [.. input.ClassNames],
            input.WeightName);
    }
}
