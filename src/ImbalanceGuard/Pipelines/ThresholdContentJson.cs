using System.Globalization;
using System.Text.Json;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// The JSON form of what format version 2 of a saved pipeline adds: per-segment thresholds and severity tiers.
/// Reading validates what a scorer relies on (finite thresholds, unique names, growing budgets, thresholds that do
/// not rise from one tier to the next) and names what is wrong.
/// </summary>
internal static class ThresholdContentJson
{
    public const string SegmentsProperty = "segment_thresholds";

    public const string TiersProperty = "tiers";

    public static void WriteSegments(Utf8JsonWriter writer, SegmentThresholds segments, ThresholdObjective objective)
    {
        writer.WriteStartObject(SegmentsProperty);
        writer.WriteString("column", segments.Column);
        writer.WriteString("objective", objective.ToString());
        writer.WriteNumber("minimum_class_rows", segments.MinimumClassRows);
        writer.WriteNumber("global", segments.GlobalThreshold);
        writer.WriteStartArray("segments");
        foreach (var segment in segments.Segments)
        {
            writer.WriteStartObject();
            writer.WriteString("segment", segment.Segment);
            writer.WriteNumber("rows", segment.Rows);
            writer.WriteNumber("positive_weight", segment.PositiveWeight);
            writer.WriteNumber("negative_weight", segment.NegativeWeight);
            writer.WriteNumber("threshold", segment.Threshold);
            writer.WriteBoolean("tuned", segment.IsTuned);
            if (segment.Note is { } note)
            {
                writer.WriteString("note", note);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The per-segment thresholds and the policy that made them.</summary>
    /// <exception cref="DataFormatException">Something a scorer relies on is missing or wrong.</exception>
    public static (SegmentThresholds Segments, ThresholdPolicy Policy) ReadSegments(JsonElement element, DataSchema schema, double? threshold)
    {
        var column = element.GetProperty("column").GetString() ?? string.Empty;
        if (schema.FeatureIndex(column) < 0)
        {
            throw new DataFormatException($"The saved per-segment thresholds read the column '{column}', which is not a feature of the saved schema.");
        }

        var global = Finite(element.GetProperty("global"), "the global per-segment threshold");
        if (threshold != global)
        {
            throw new DataFormatException(
                string.Create(CultureInfo.InvariantCulture, $"The saved threshold ({threshold?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}) is not the per-segment thresholds' global one ({global:R})."));
        }

        var minimum = element.GetProperty("minimum_class_rows").GetInt32();
        if (minimum < 1)
        {
            throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"The saved per-segment thresholds need {minimum} rows of each class; it must be at least 1."));
        }

        var objectiveText = element.GetProperty("objective").GetString() ?? string.Empty;
        ThresholdObjective objective;
        try
        {
            objective = ThresholdObjective.Parse(objectiveText);
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException($"The saved per-segment objective '{objectiveText}' is not valid: {e.Message}", e);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var segments = new List<SegmentThreshold>();
        foreach (var item in element.GetProperty("segments").EnumerateArray())
        {
            var name = item.GetProperty("segment").GetString() ?? throw new DataFormatException("A saved segment has no name.");
            if (!names.Add(name))
            {
                throw new DataFormatException($"The segment '{name}' is saved twice.");
            }

            var rows = item.GetProperty("rows").GetInt32();
            var positives = item.GetProperty("positive_weight").GetDouble();
            var negatives = item.GetProperty("negative_weight").GetDouble();
            if (rows < 0 || !(positives >= 0 && double.IsFinite(positives)) || !(negatives >= 0 && double.IsFinite(negatives)))
            {
                throw new DataFormatException($"The saved segment '{name}' has a negative or non-finite row count.");
            }

            var tuned = item.GetProperty("tuned").GetBoolean();
            var segmentThreshold = Finite(item.GetProperty("threshold"), $"the threshold of segment '{name}'");
            if (!tuned && segmentThreshold != global)
            {
                throw new DataFormatException($"The saved segment '{name}' falls back to the global threshold but holds another one.");
            }

            var note = item.TryGetProperty("note", out var saved) ? saved.GetString() : null;
            segments.Add(new SegmentThreshold(name, rows, positives, negatives, segmentThreshold, tuned, note));
        }

        return (new SegmentThresholds(column, global, minimum, segments), ThresholdPolicy.TunedBySegment(objective, column, minimum));
    }

    public static void WriteTiers(Utf8JsonWriter writer, TierThresholds tiers)
    {
        writer.WriteStartArray(TiersProperty);
        foreach (var tier in tiers.Tiers)
        {
            writer.WriteStartObject();
            writer.WriteString("name", tier.Name);
            writer.WriteNumber("budget", tier.Budget);
            writer.WriteNumber("threshold", tier.Threshold);
            writer.WriteNumber("tuning_share", tier.TuningShare);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The severity tiers with their thresholds.</summary>
    /// <exception cref="DataFormatException">A name, a budget or a threshold is wrong.</exception>
    public static TierThresholds ReadTiers(JsonElement element)
    {
        var items = element.EnumerateArray().ToArray();
        try
        {
            // The definition's own checks first: at least one tier, names present and unique, budgets in (0, 1] and growing.
            _ = new SeverityTiers(items.Select(t => new SeverityTier(t.GetProperty("name").GetString() ?? string.Empty, t.GetProperty("budget").GetDouble())));
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException($"The saved severity tiers are not valid: {e.Message}", e);
        }

        var fitted = new List<FittedSeverityTier>();
        foreach (var item in items)
        {
            var name = item.GetProperty("name").GetString()!;
            var budget = item.GetProperty("budget").GetDouble();
            var threshold = Finite(item.GetProperty("threshold"), $"the threshold of tier '{name}'");
            var share = item.GetProperty("tuning_share").GetDouble();
            if (!(share >= 0 && share <= budget))
            {
                throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"The saved tier '{name}' flagged a share {share} of its tuning rows, outside [0, its budget {budget}]."));
            }

            if (fitted.Count > 0 && threshold > fitted[^1].Threshold)
            {
                throw new DataFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"The saved tier '{name}' has threshold {threshold:R}, above the {fitted[^1].Threshold:R} of the more severe tier '{fitted[^1].Name}'."));
            }

            fitted.Add(new FittedSeverityTier(name, budget, threshold, share));
        }

        return new TierThresholds(fitted);
    }

    /// <summary>A finite number; JSON has no NaN, but a number too large for a double reads as infinite.</summary>
    private static double Finite(JsonElement element, string what)
        => element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new DataFormatException($"The saved pipeline's {what} is {element.GetRawText()}, not a finite number.");
}
