using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// Puts two tables whose categorical columns were coded separately on one coding. Each CSV file numbers
/// its category texts in order of first appearance, so code 0 of a training file and code 0 of a test
/// file may be different categories; before rows of the two are compared or scored together, a code must
/// mean the same category on both sides.
/// </summary>
internal static class CategoryAlignment
{
    /// <summary>
    /// The two tables with every categorical column coded alike: the first table's categories keep their
    /// codes, and categories only the second table has are numbered after them. A column coded by number
    /// on one side and by text on the other is put on text on both (a number reads as its shortest
    /// round-trip text, as it is written). Tables that already agree are returned as they are.
    /// </summary>
    public static (RowTable First, RowTable Second) Align(RowTable first, RowTable second)
    {
        var d = first.FeatureCount;
        string[]?[]? firstLevels = null;
        string[]?[]? secondLevels = null;
        double[]? firstFeatures = null;
        double[]? secondFeatures = null;
        for (var j = 0; j < d; j++)
        {
            if (first.Schema.FeatureKinds[j] != FeatureKind.Categorical)
            {
                continue;
            }

            var a = first.Schema.CategoryLevels(j);
            var b = second.Schema.CategoryLevels(j);
            if ((a is null && b is null) || (a is not null && b is not null && a.SequenceEqual(b, StringComparer.Ordinal)))
            {
                continue;
            }

            firstLevels ??= LevelsOf(first.Schema);
            secondLevels ??= LevelsOf(second.Schema);
            var merged = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var level in a ?? [])
            {
                merged.TryAdd(level, merged.Count);
            }

            Recode(first, j, a, merged, ref firstFeatures);
            Recode(second, j, b, merged, ref secondFeatures);
            firstLevels[j] = secondLevels[j] = [.. merged.Keys];
        }

        return firstLevels is null
            ? (first, second)
            : (WithLevels(first, firstLevels!, firstFeatures), WithLevels(second, secondLevels!, secondFeatures));
    }

    /// <summary>Rewrites column <paramref name="feature"/> of <paramref name="table"/> as indices into <paramref name="merged"/>, adding its new categories.</summary>
    private static void Recode(RowTable table, int feature, IReadOnlyList<string>? levels, Dictionary<string, int> merged, ref double[]? features)
    {
        var d = table.FeatureCount;
        var source = table.Features;
        for (var i = 0; i < table.RowCount; i++)
        {
            var value = source[(i * d) + feature];
            var text = levels is null ? value.ToString("R", CultureInfo.InvariantCulture) : levels[(int)value];
            if (!merged.TryGetValue(text, out var code))
            {
                code = merged.Count;
                merged.Add(text, code);
            }

            if (code != value)
            {
                features ??= (double[])source.Clone();
                features[(i * d) + feature] = code;
            }
        }
    }

    private static string[]?[] LevelsOf(DataSchema schema)
        => [.. Enumerable.Range(0, schema.FeatureCount).Select(j => schema.CategoryLevels(j)?.ToArray())];

    private static RowTable WithLevels(RowTable table, string[]?[] levels, double[]? features)
    {
        var schema = table.Schema;
        var aligned = new DataSchema(
            [.. schema.FeatureNames],
            [.. schema.FeatureKinds],
            schema.LabelName,
            [.. schema.ClassNames],
            schema.WeightName,
            levels,
            [.. schema.SourceColumns]);
        return features is null ? table.With(schema: aligned) : new RowTable(aligned, features, table.Labels, table.Weights, table.Provenance);
    }
}
