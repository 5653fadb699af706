using System.Globalization;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// The filter of a streamed over-sampling read: counts every row's class, keeps the rows of the classes to grow,
/// copies every row to the output as it goes (after the header), and for SMOTEN counts each feature's values by
/// class over every row. Holds nothing per row of a class it does not keep.
/// </summary>
internal sealed class ClassRowFilter : CsvRowFilter
{
    private readonly Func<string, bool> _keeps;
    private readonly TextWriter? _output;
    private readonly long _rowBudget;
    private readonly long _memoryLimitBytes;
    private readonly List<bool> _keptCodes = [];
    private Dictionary<string, List<long>>[]? _valueCounts;
    private CsvLayout? _layout;
    private int[]? _writtenCells;
    private long _keptRows;
    private long _row = -1;

    /// <param name="keeps">Whether a class's rows are kept in memory.</param>
    /// <param name="output">Where every row is copied, or null for a pass that only counts.</param>
    /// <param name="countValues">Count each feature's values by class over every row (SMOTEN).</param>
    /// <param name="rowBudget">The most rows that may be kept, from <paramref name="memoryLimitBytes"/>.</param>
    /// <param name="memoryLimitBytes">The memory limit, named when the budget is exceeded.</param>
    public ClassRowFilter(Func<string, bool> keeps, TextWriter? output, bool countValues, long rowBudget, long memoryLimitBytes)
    {
        _keeps = keeps;
        _output = output;
        _rowBudget = rowBudget;
        _memoryLimitBytes = memoryLimitBytes;
        CountValues = countValues;
    }

    /// <summary>While counting: each class's rows with the lowest ranks, for a sample of the classes not grown.</summary>
    public LowestRanks? Ranks { get; init; }

    /// <summary>While copying: the row ids of the classes not grown that are kept all the same (their sample).</summary>
    public IReadOnlySet<long>? SampledRows { get; init; }

    /// <summary>Rows per class, every row counted.</summary>
    public LabelTally Tally { get; } = new();

    /// <summary>The rows kept in memory.</summary>
    public long KeptRows => _keptRows;

    private bool CountValues { get; }

    /// <inheritdoc/>
    public override IEnumerable<string> Labels => Tally.Distinct;

    /// <inheritdoc/>
    public override void Begin(CsvLayout layout, IReadOnlyList<string> writtenColumns)
    {
        _layout = layout;
        if (CountValues)
        {
            _valueCounts = [.. layout.FeatureColumns.Select(_ => new Dictionary<string, List<long>>(StringComparer.Ordinal))];
        }

        if (_output is null)
        {
            return;
        }

        _output.Write(CsvDatasetWriter.Header(writtenColumns));
        _output.Write('\n');

        // A row is copied as it is written when the output has the input's columns and separator; otherwise its
        // cells are, those of the written columns, joined as the writer joins them.
        if (layout.Separator != ',' || writtenColumns.Count != layout.Columns.Count)
        {
            _writtenCells = [.. writtenColumns.Select(c => IndexOf(layout.Columns, c))];
        }
    }

    /// <inheritdoc/>
    public override bool Keep(CsvRowBatch batch, int row)
    {
        var code = Tally.Add(batch.Label(row));
        _row++;
        Ranks?.Offer(code, _row);
        while (_keptCodes.Count <= code)
        {
            _keptCodes.Add(_keeps(Tally.Distinct[_keptCodes.Count]));
        }

        if (_output is not null)
        {
            Copy(batch.Line(row), batch, row);
        }

        if (_valueCounts is not null)
        {
            for (var j = 0; j < _valueCounts.Length; j++)
            {
                var text = batch.Category(row, j);
                if (!_valueCounts[j].TryGetValue(text, out var byLabel))
                {
                    _valueCounts[j].Add(text, byLabel = []);
                }

                while (byLabel.Count <= code)
                {
                    byLabel.Add(0);
                }

                byLabel[code]++;
            }
        }

        if (!_keptCodes[code] && SampledRows?.Contains(_row) != true)
        {
            return false;
        }

        if (++_keptRows > _rowBudget)
        {
            throw new SamplingException(string.Create(
                CultureInfo.InvariantCulture,
                $"the rows to hold in memory (of the classes to grow, and any sample of the others) do not fit in the memory limit of {_memoryLimitBytes / (1024.0 * 1024.0):0.#} MB ({_rowBudget:N0} rows of this width fit); raise the memory limit."));
        }

        return true;
    }

    /// <summary>The label code of <paramref name="label"/>, or -1 if no row has it.</summary>
    public int CodeOf(string label)
    {
        for (var code = 0; code < Tally.Distinct.Count; code++)
        {
            if (Tally.Distinct[code] == label)
            {
                return code;
            }
        }

        return -1;
    }

    /// <summary>SMOTEN's counts by value and class over every row, the values as <paramref name="schema"/> reads the texts.</summary>
    public ValueClassCounts ValueCounts(DataSchema schema)
    {
        var classes = schema.ClassNames.Count;
        var classOf = Tally.Distinct.Select(schema.ClassIndex).ToArray();
        var d = _valueCounts!.Length;
        var values = new double[d][];
        var counts = new double[d][];
        for (var f = 0; f < d; f++)
        {
            var levels = schema.CategoryLevels(f);
            var levelOf = levels?.Select((level, i) => (level, i)).ToDictionary(p => p.level, p => p.i, StringComparer.Ordinal);

            // Texts that read as the same number are one value, as they are in memory.
            var byValue = new SortedDictionary<double, double[]>();
            foreach (var (text, byLabel) in _valueCounts[f])
            {
                var value = levelOf is null ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : levelOf[text];
                if (!byValue.TryGetValue(value, out var perClass))
                {
                    byValue.Add(value, perClass = new double[classes]);
                }

                for (var code = 0; code < byLabel.Count; code++)
                {
                    perClass[classOf[code]] += byLabel[code];
                }
            }

            values[f] = [.. byValue.Keys];
            counts[f] = [.. byValue.Values.SelectMany(v => v)];
        }

        return new ValueClassCounts(values, counts);
    }

    private void Copy(string line, CsvRowBatch batch, int row)
    {
        if (_writtenCells is null)
        {
            _output!.Write(line);
            _output.Write('\n');
            return;
        }

        var layout = _layout!;
        var cells = CsvLine.Split(line, layout.Separator, layout.SourceName, batch.LineNumber(row), layout.Limits);
        for (var i = 0; i < _writtenCells.Length; i++)
        {
            if (i > 0)
            {
                _output!.Write(',');
            }

            _output!.Write(CsvLine.Quote(cells[_writtenCells[i]], ','));
        }

        _output!.Write('\n');
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c] == name)
            {
                return c;
            }
        }

        throw new InvalidOperationException($"Column '{name}' is not in the header.");
    }
}
