using System.Globalization;

namespace ImbalanceGuard;

/// <summary>Writes labelled rows as CSV with the source's header and column order.</summary>
internal static class CsvDatasetWriter
{
    private const int ChunkRows = 1024;
    private const long ParallelCells = 1 << 18;

    /// <summary>Writes <paramref name="data"/>; without <paramref name="header"/>, only its rows (to follow rows already written).</summary>
    public static void Write(LabeledData data, TextWriter writer, char separator = ',', bool header = true)
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

        if (header)
        {
            writer.Write(Header(columns, separator));
            writer.Write('\n');
        }

        // The text of every label and category level, quoted once, not once per row.
        var classTexts = schema.ClassNames.Select(name => CsvLine.Quote(name, separator)).ToArray();
        var levelTexts = new string[]?[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            if (layout[c] >= 0 && schema.CategoryLevels(layout[c]) is { } levels)
            {
                levelTexts[c] = [.. levels.Select(level => CsvLine.Quote(level, separator))];
            }
        }

        // Formatting numbers is most of the time: chunks of rows of a large table are formatted side by side, a
        // batch at a time so only a few chunks' text exists at once, and written in order.
        var rows = new RowFormatter(data, layout, classTexts, levelTexts, separator);
        var chunks = (data.RowCount + ChunkRows - 1) / ChunkRows;
        var parallel = (long)data.RowCount * layout.Length >= ParallelCells;
        var texts = new TextBuffer[parallel ? Math.Min(chunks, 4 * Environment.ProcessorCount) : 1];
        for (var t = 0; t < texts.Length; t++)
        {
            texts[t] = new TextBuffer();
        }

        void FormatChunk(int chunk, TextBuffer text)
        {
            var start = chunk * ChunkRows;
            text.Clear();
            rows.Format(start, Math.Min(start + ChunkRows, data.RowCount), text);
        }

        for (var first = 0; first < chunks; first += texts.Length)
        {
            var count = Math.Min(texts.Length, chunks - first);
            if (parallel)
            {
                Parallel.For(0, count, k => FormatChunk(first + k, texts[k]));
            }
            else
            {
                FormatChunk(first, texts[0]);
            }

            for (var k = 0; k < count; k++)
            {
                texts[k].WriteTo(writer);
            }
        }
    }

    /// <summary>The header line's text (without its line break).</summary>
    public static string Header(IEnumerable<string> columns, char separator = ',')
        => string.Join(separator, columns.Select(c => CsvLine.Quote(c, separator)));

    /// <summary>Formats rows of one table as CSV lines; safe to use from several threads at once.</summary>
    private sealed class RowFormatter(LabeledData data, int[] layout, string[] classTexts, string[]?[] levelTexts, char separator)
    {
        public void Format(int from, int to, TextBuffer text)
        {
            var table = data.Table;
            var labels = data.Labels;
            var weights = data.Weights;
            for (var i = from; i < to; i++)
            {
                var row = table.Row(i);
                for (var c = 0; c < layout.Length; c++)
                {
                    if (c > 0)
                    {
                        text.Append(separator);
                    }

                    var what = layout[c];
                    if (what == -1)
                    {
                        text.Append(classTexts[labels[i]]);
                    }
                    else if (what == -2)
                    {
                        text.Append(weights[i]);
                    }
                    else if (levelTexts[c] is { } levels)
                    {
                        text.Append(levels[(int)row[what]]);
                    }
                    else
                    {
                        text.Append(row[what]);
                    }
                }

                text.Append('\n');
            }
        }
    }

    /// <summary>Text built in a reused buffer and written with one call.</summary>
    private sealed class TextBuffer
    {
        private char[] _buffer = new char[1024];
        private int _length;

        public void Clear() => _length = 0;

        public void Append(char value)
        {
            Reserve(1);
            _buffer[_length++] = value;
        }

        public void Append(string value)
        {
            Reserve(value.Length);
            value.CopyTo(_buffer.AsSpan(_length));
            _length += value.Length;
        }

        /// <summary>The shortest text that reads back to the same double.</summary>
        public void Append(double value)
        {
            int written;
            while (!value.TryFormat(_buffer.AsSpan(_length), out written, "R", CultureInfo.InvariantCulture))
            {
                Reserve(_buffer.Length);
            }

            _length += written;
        }

        public void WriteTo(TextWriter writer) => writer.Write(_buffer, 0, _length);

        private void Reserve(int more)
        {
            if (_length + more > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(2 * _buffer.Length, _length + more));
            }
        }
    }
}
