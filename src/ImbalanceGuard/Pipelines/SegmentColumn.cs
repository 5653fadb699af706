using System.Globalization;

namespace ImbalanceGuard.Pipelines;

/// <summary>How a raw row's value of the segment feature names its segment, the same at fit, scoring and after loading.</summary>
internal static class SegmentColumn
{
    /// <summary>The feature index of <paramref name="column"/>.</summary>
    /// <exception cref="ArgumentException">The column is not a feature of the schema.</exception>
    public static int Resolve(DataSchema schema, string column, string parameterName)
    {
        var index = schema.FeatureIndex(column);
        return index >= 0
            ? index
            : throw new ArgumentException(
                $"The segment column '{column}' is not a feature of the data ({string.Join(", ", schema.FeatureNames)}); per-segment thresholds read it from each row.",
                parameterName);
    }

    /// <summary>A category's name for a categorical feature with levels, otherwise the number in its shortest round-trip form.</summary>
    public static string Key(DataSchema schema, int feature, double value)
    {
        if (schema.CategoryLevels(feature) is { } levels && value >= 0 && value < levels.Count && value == Math.Floor(value))
        {
            return levels[(int)value];
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
