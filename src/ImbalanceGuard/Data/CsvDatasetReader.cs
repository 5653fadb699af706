using System.Globalization;

namespace ImbalanceGuard;

/// <summary>Reads CSV text (header row, RFC 4180 quoting) into a <see cref="Dataset"/>, naming every problem it meets.</summary>
internal static class CsvDatasetReader
{
    public static Dataset Read(CsvRecordReader reader, CsvLoadOptions options, string sourceName)
        => ReadTable(reader, options, sourceName, null).Data;

    /// <summary>
    /// Reads the file; with <paramref name="unlabeled"/>, a file without a label column (every row gets its one class)
    /// whose score column, if named, is taken aside as numbers. With <paramref name="filter"/>, every row is checked
    /// and shown to it, but only the rows it keeps are in the table; the classes and category levels are still those
    /// of every row, so a kept row has the values reading the whole file gives it.
    /// </summary>
    public static CsvTable ReadTable(CsvRecordReader reader, CsvLoadOptions options, string sourceName, UnlabeledColumns? unlabeled, CsvRowFilter? filter = null)
    {
        var columns = reader.ReadHeader(options.Separator);
        if (unlabeled is null && columns.Count < 2)
        {
            throw new DataFormatException(
                $"{sourceName}: the header has {columns.Count} column; at least one feature and a label are needed (is the separator '{options.Separator}'?).");
        }

        CheckUniqueColumns(columns, sourceName);

        var labelColumn = unlabeled is not null ? -1
            : options.LabelColumn is null ? columns.Count - 1 : FindColumn(columns, options.LabelColumn, "label", sourceName);
        var scoreColumn = unlabeled?.ScoreColumn is { } score ? FindColumn(columns, score, "score", sourceName) : -1;
        var weightColumn = options.WeightColumn is null ? -1 : FindColumn(columns, options.WeightColumn, "weight", sourceName);
        if (weightColumn >= 0 && (weightColumn == labelColumn || weightColumn == scoreColumn))
        {
            throw new DataFormatException($"{sourceName}: column '{columns[weightColumn]}' cannot be both the {(weightColumn == labelColumn ? "label" : "score")} and the weights.");
        }

        var ignored = new HashSet<int>();
        foreach (var name in options.IgnoreColumns ?? [])
        {
            var column = FindColumn(columns, name, "ignored", sourceName);
            if (column == labelColumn || column == weightColumn)
            {
                throw new DataFormatException($"{sourceName}: column '{name}' is the {(column == labelColumn ? "label" : "weight")} column and cannot be ignored.");
            }

            ignored.Add(column);
        }

        var featureColumns = Enumerable.Range(0, columns.Count)
            .Where(c => c != labelColumn && c != weightColumn && c != scoreColumn && !ignored.Contains(c)).ToArray();
        if (featureColumns.Length == 0)
        {
            throw new DataFormatException($"{sourceName}: no feature column is left once the label, weight and ignored columns are set aside.");
        }

        var categorical = new bool[featureColumns.Length];
        foreach (var name in options.CategoricalColumns ?? [])
        {
            var column = FindColumn(columns, name, "categorical", sourceName);
            var feature = Array.IndexOf(featureColumns, column);
            if (feature < 0)
            {
                throw new DataFormatException($"{sourceName}: column '{name}' is the label, weight or an ignored column and cannot be a categorical feature.");
            }

            categorical[feature] = true;
        }

        if (options.AllFeaturesCategorical)
        {
            Array.Fill(categorical, true);
        }

        // The first data line decides which text columns are categories; it is then read like any other.
        string? first = null;
        while ((first = reader.Read()) is not null)
        {
            if (first.Length > 0)
            {
                break;
            }
        }

        if (first is not null && options.TextColumnsAsCategorical)
        {
            var cells = CsvLine.Split(first, options.Separator, sourceName, reader.LineNumber, options.Limits);
            for (var j = 0; j < featureColumns.Length && cells.Count == columns.Count; j++)
            {
                var text = cells[featureColumns[j]].Trim();
                categorical[j] |= text.Length > 0 && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            }
        }

        var d = featureColumns.Length;
        var features = new ValueBlocks();
        var categoryText = new List<string>[d];
        for (var j = 0; j < d; j++)
        {
            categoryText[j] = categorical[j] ? [] : null!;
        }

        var labels = new LabelCodes();

        // Filtered: the levels of every row, in order of first appearance, whether or not the row is kept.
        var allLevels = filter is null ? null : categorical.Select(c => c ? new Dictionary<string, int>(StringComparer.Ordinal) : null).ToArray();
        var weights = weightColumn >= 0 ? new List<double>() : null;
        var scores = scoreColumn >= 0 ? new List<double>() : null;
        var layout = new CsvLayout(
            sourceName, options.Separator, columns, featureColumns, categorical, labelColumn, weightColumn, options.CategoricalHint, options.Limits, unlabeled?.ClassName, scoreColumn);
        var batch = new CsvRowBatch(layout);
        filter?.Begin(layout, [.. columns.Where((_, c) => !ignored.Contains(c) && c != scoreColumn)]);
        void Take()
        {
            batch.Parse();
            if (filter is not null)
            {
                TakeFiltered();
                return;
            }

            features.Add(batch.Values);
            for (var row = 0; row < batch.Count; row++)
            {
                for (var j = 0; j < d; j++)
                {
                    if (categorical[j])
                    {
                        categoryText[j].Add(batch.Category(row, j));
                    }
                }

                labels.Add(batch.Label(row));
                weights?.Add(batch.Weight(row));
                scores?.Add(batch.Score(row));
            }

            batch.Clear();
        }

        void TakeFiltered()
        {
            var values = batch.Values;
            for (var row = 0; row < batch.Count; row++)
            {
                for (var j = 0; j < d; j++)
                {
                    if (allLevels![j] is { } seen)
                    {
                        seen.TryAdd(batch.Category(row, j), seen.Count);
                    }
                }

                if (!filter.Keep(batch, row))
                {
                    continue;
                }

                features.Add(values.Slice(row * d, d));
                for (var j = 0; j < d; j++)
                {
                    if (categorical[j])
                    {
                        categoryText[j].Add(batch.Category(row, j));
                    }
                }

                labels.Add(batch.Label(row));
                weights?.Add(batch.Weight(row));
                scores?.Add(batch.Score(row));
            }

            batch.Clear();
        }

        if (first is not null)
        {
            batch.Add(first, reader.LineNumber);
        }

        string? line;
        while ((line = reader.Read()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            batch.Add(line, reader.LineNumber);
            if (batch.IsFull)
            {
                Take();
            }
        }

        Take();
        if (labels.Count == 0 && (filter is null || !filter.Labels.Any()))
        {
            throw new DataFormatException($"{sourceName}: there are no data rows after the header.");
        }

        var matrix = features.ToArray();
        var levels = new string[]?[d];
        for (var j = 0; j < d; j++)
        {
            if (categorical[j])
            {
                levels[j] = EncodeCategories(categoryText[j], allLevels?[j]?.OrderBy(l => l.Value).Select(l => l.Key), matrix, j, d);
            }
        }

        var classNames = ClassOrder.Sort(filter is null ? labels.Distinct : filter.Labels);
        var schema = new DataSchema(
            featureColumns.Select(c => columns[c]).ToArray(),
            categorical.Select(c => c ? FeatureKind.Categorical : FeatureKind.Continuous).ToArray(),
            unlabeled?.LabelName ?? columns[labelColumn],
            classNames,
            weightColumn >= 0 ? columns[weightColumn] : null,
            levels,
            [.. columns.Where((_, c) => !ignored.Contains(c) && c != scoreColumn)]);
        var classIndex = labels.ToClassIndices(schema);
        var data = new Dataset(new RowTable(schema, matrix, classIndex, weights?.ToArray(), ProvenanceTable.Original(labels.Count)));
        return new CsvTable(data, scores?.ToArray());
    }

    /// <summary>
    /// Numbers stay numbers; when any cell of the column is text, every distinct text becomes a level and
    /// the matrix holds its index (first appearance order). <paramref name="allLevels"/>, when the table holds only
    /// some of the rows, is the distinct texts of every row in order of first appearance: they decide instead.
    /// </summary>
    private static string[]? EncodeCategories(List<string> cells, IEnumerable<string>? allLevels, double[] matrix, int feature, int d)
    {
        var numbers = new double[cells.Count];
        var allNumeric = allLevels?.All(IsFiniteNumber) ?? true;
        for (var i = 0; i < cells.Count && allNumeric; i++)
        {
            allNumeric = double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])
                && double.IsFinite(numbers[i]);
        }

        if (allNumeric)
        {
            for (var i = 0; i < cells.Count; i++)
            {
                matrix[(i * d) + feature] = numbers[i];
            }

            return null;
        }

        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var level in allLevels ?? [])
        {
            levels.Add(level, levels.Count);
        }

        for (var i = 0; i < cells.Count; i++)
        {
            if (!levels.TryGetValue(cells[i], out var code))
            {
                code = levels.Count;
                levels.Add(cells[i], code);
            }

            matrix[(i * d) + feature] = code;
        }

        return [.. levels.Keys];
    }

    private static bool IsFiniteNumber(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);

    /// <summary>
    /// Column names find the label, weight and categorical columns and name the columns written back, so
    /// each must be unique; the message says which name, where.
    /// </summary>
    private static void CheckUniqueColumns(List<string> columns, string sourceName)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!first.TryAdd(columns[i], i))
            {
                throw new DataFormatException(
                    $"{sourceName} line 1, column '{columns[i]}': the name is used twice (columns {first[columns[i]] + 1} and {i + 1}); column names must be unique.");
            }
        }
    }

    private static int FindColumn(IReadOnlyList<string> columns, string name, string role, string sourceName)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new DataFormatException(
            $"{sourceName}: there is no {role} column '{name}'; the columns are {string.Join(", ", columns)}.");
    }
}
