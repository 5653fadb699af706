using System.Globalization;

namespace ImbalanceGuard.Scale;

/// <summary>
/// Profiles a labelled file of any size on the engine, without loading it into a table: one pass counts the rows of
/// each class (labels read as text and trimmed, as in memory), one finds the constant feature columns (their minimum
/// equals their maximum and no cell is empty). Both are exact aggregates; nothing per row reaches the tool.
/// </summary>
public static class StreamedProfiler
{
    /// <summary>Profiles <paramref name="request"/> on <paramref name="engine"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The engine cannot read the file, a named column is missing, no feature is left, there are no rows, or a label is empty.</exception>
    /// <exception cref="MemoryLimitException">The engine's cap is too small.</exception>
    public static StreamedProfile Run(DuckDbEngine engine, ProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        var source = Path.GetFileName(request.Path);
        var columns = engine.Columns(request.Path, request.Separator);
        if (columns.Count < 2)
        {
            throw new DataFormatException($"{source}: the header has {columns.Count} column; at least one feature and a label are needed (is the separator '{request.Separator}'?).");
        }

        var label = request.LabelColumn is null ? columns[^1] : Find(columns, request.LabelColumn, "label", source);
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in request.IgnoreColumns)
        {
            var column = Find(columns, name, "ignored", source);
            if (column == label)
            {
                throw new DataFormatException($"{source}: column '{name}' is the label column and cannot be ignored.");
            }

            ignored.Add(column);
        }

        var features = columns.Where(c => c != label && !ignored.Contains(c)).ToArray();
        if (features.Length == 0)
        {
            throw new DataFormatException($"{source}: no feature column is left once the label, weight and ignored columns are set aside.");
        }

        var categorical = new HashSet<string>(request.CategoricalColumns.Select(c => Find(columns, c, "categorical", source)), StringComparer.Ordinal);
        var counts = ClassCounts(engine, request, label, source);
        return new StreamedProfile(counts.Sum(c => c.Value), label, features.Length, counts, Constants(engine, request, features, categorical));
    }

    private static string Find(IReadOnlyList<string> columns, string name, string role, string source)
        => columns.FirstOrDefault(c => string.Equals(c.Trim(), name, StringComparison.Ordinal))
            ?? throw new DataFormatException($"{source}: there is no {role} column '{name}'; the columns are {string.Join(", ", columns.Take(12))}{(columns.Count > 12 ? ", …" : string.Empty)}.");

    private static List<KeyValuePair<string, long>> ClassCounts(DuckDbEngine engine, ProfileRequest request, string label, string source)
    {
        var cell = $"trim(CAST({DuckDbEngine.Identifier(label)} AS VARCHAR))";
        var rows = engine.QueryFile(request.Path, reader => $"SELECT {cell}, count(*) FROM {reader} GROUP BY 1", request.Separator, textCells: true);
        if (rows.Count == 0)
        {
            throw new DataFormatException($"{source}: there are no data rows after the header.");
        }

        if (rows.Any(r => r[0] is not string { Length: > 0 }))
        {
            throw new DataFormatException($"{source}: column '{label}' has empty labels; every row needs one.");
        }

        var counts = rows.ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return [.. ClassNames.Order(counts.Keys).Select(c => KeyValuePair.Create(c, counts[c]))];
    }

    /// <summary>The feature columns whose minimum is their maximum with no empty cell: one aggregate pass, types as the engine detects them.</summary>
    private static List<ConstantColumn> Constants(DuckDbEngine engine, ProfileRequest request, string[] features, HashSet<string> categorical)
    {
        var aggregates = string.Join(", ", features.Select(f =>
        {
            var c = DuckDbEngine.Identifier(f);
            return $"min({c}) IS NOT DISTINCT FROM max({c}) AND count({c}) = count(*), CAST(min({c}) AS VARCHAR), typeof(min({c})) <> 'VARCHAR'";
        }));
        var row = engine.QueryFile(request.Path, reader => $"SELECT {aggregates} FROM {reader}", request.Separator).Single();
        var constants = new List<ConstantColumn>();
        for (var j = 0; j < features.Length; j++)
        {
            if (row[3 * j] is true)
            {
                var text = ((string)row[(3 * j) + 1]!).Trim();
                var number = row[(3 * j) + 2] is true && !categorical.Contains(features[j]);
                constants.Add(new ConstantColumn(
                    features[j],
                    number ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) : text));
            }
        }

        return constants;
    }
}
