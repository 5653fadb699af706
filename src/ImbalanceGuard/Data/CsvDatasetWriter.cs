using System.Globalization;

namespace ImbalanceGuard;

/// <summary>Writes labelled rows as CSV with the source's header and column order.</summary>
internal static class CsvDatasetWriter
{
    public static void Write(LabeledData data, TextWriter writer, char separator = ',')
    {
        var schema = data.Schema;
        var columns = schema.SourceColumns;
        var layout = new int[columns.Count]; // >= 0: feature index; -1: label; -2: weight
        for (var c = 0; c < columns.Count; c++)
        {
            layout[c] = columns[c] == schema.LabelName ? -1
                : columns[c] == schema.WeightName ? -2
                : schema.FeatureIndex(columns[c]);
        }

        writer.Write(string.Join(separator, columns.Select(c => CsvLine.Quote(c, separator))));
        writer.Write('\n');
        var d = data.FeatureCount;
        var features = data.Table.Features;
        var weights = data.Table.Weights;
        Span<char> number = stackalloc char[32];
        for (var i = 0; i < data.RowCount; i++)
        {
            for (var c = 0; c < layout.Length; c++)
            {
                if (c > 0)
                {
                    writer.Write(separator);
                }

                var what = layout[c];
                if (what == -1)
                {
                    writer.Write(CsvLine.Quote(schema.ClassNames[data.Table.Labels[i]], separator));
                }
                else if (what == -2)
                {
                    WriteNumber(writer, weights![i], number);
                }
                else
                {
                    var value = features[(i * d) + what];
                    var levels = schema.CategoryLevels(what);
                    if (levels is null)
                    {
                        WriteNumber(writer, value, number);
                    }
                    else
                    {
                        writer.Write(CsvLine.Quote(levels[(int)value], separator));
                    }
                }
            }

            writer.Write('\n');
        }
    }

    private static void WriteNumber(TextWriter writer, double value, Span<char> buffer)
    {
        // Shortest text that reads back to the same double.
        value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }
}
