using System.Globalization;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Scale.Tests;

public class StreamedSelectionTests
{
    private static readonly string[] Columns = ["pos", "t", "x", "label"];

    [Fact]
    public void StreamedStratifiedSplitEqualsTheDuckDbPlanTheMirrorAndTheInMemoryCounts()
    {
        using var scratch = new ScratchFolder();
        var csv = scratch.Csv("data.csv", 30_000, minorityEvery: 67);
        var outcome = StreamedSplitter.Run(csv, new StratifiedHoldout("label", 0.3, Seed: 11), "label", scratch.File("train.csv"), scratch.File("holdout.csv"), 64L << 20);

        // The DuckDB rendering of the same plan, executed: a class-count query, then the selection.
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 128L << 20, Threads = 2, TemporaryFolder = scratch.Path });
        engine.Load(csv, "src");
        var plan = new TablePlan("src", Columns, "rowid", new StratifiedHoldout("label", 0.3, Seed: 11));
        var classRows = engine.Query(plan.RenderClassCounts(SqlDialect.DuckDb, "label"))
            .ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var split = ((StratifiedHoldout)plan.Operation).WithClassCounts(classRows);
        var onEngine = engine.Query($"SELECT pos FROM ({(plan with { Operation = split }).Render(SqlDialect.DuckDb)}) WHERE ig_part = 'holdout' ORDER BY pos")
            .Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture));

        var streamed = Positions(scratch.File("holdout.csv"));
        var mirror = Enumerable.Range(0, 30_000).GroupBy(i => Label(i, 67))
            .SelectMany(g => g.OrderBy(i => PortableHash.Compute(i, 11)).ThenBy(i => i).Take((int)split.Targets![g.Key.ToString(CultureInfo.InvariantCulture)]))
            .Select(i => (long)i).Order();
        Assert.Equal(mirror, streamed);
        Assert.Equal(onEngine, streamed);
        Assert.Equal(TablePlanTests.InMemoryHoldoutCounts(csv, 0.3, 11), outcome.Holdout);
        Assert.Equal(Enumerable.Range(0, 30_000).Select(i => (long)i), streamed.Concat(Positions(scratch.File("train.csv"))).Order());
    }

    [Theory]
    [InlineData(false, 0.27)]
    [InlineData(true, 0.27)]
    [InlineData(false, 0.0001)] // one row rounded up, then the 99 others at the latest time
    public void StreamedTimeOrderedSplitHoldsOutTheRowsSplitTimeOrderedHoldsOut(bool timestamps, double share)
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("times.csv");

        // 50 distinct times out of file order, so the boundary time is shared by rows on both sides of the share.
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var times = Enumerable.Range(0, 5_000).Select(i => (double)((i * 37) % 50)).ToArray();
        File.WriteAllLines(path, ["pos,when,label", .. times.Select((t, i) => string.Create(
            CultureInfo.InvariantCulture,
            $"{i},{(timestamps ? start.AddMinutes(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : (t - 20).ToString(CultureInfo.InvariantCulture))},{i % 3}"))]);

        StreamedSplitter.Run(path, new TimeOrderedHoldout("when", share), "label", scratch.File("train.csv"), scratch.File("holdout.csv"), 64L << 20);

        var data = Dataset.LoadCsv(path, new CsvLoadOptions { LabelColumn = "label", IgnoreColumns = ["when"] });
        var expected = Split.TimeOrdered(data, share, times).HoldoutRows.Select(r => (long)r);
        Assert.Equal(expected, Positions(scratch.File("holdout.csv")));
        Assert.True(Positions(scratch.File("holdout.csv")).Length > (int)Math.Ceiling(5_000 * share), "the rows at the boundary time joined the holdout part");
    }

    [Fact]
    public void StreamedRandomUnderKeepsTheInMemoryTargetsAndTheMirrorsRows()
    {
        using var scratch = new ScratchFolder();
        var csv = scratch.Csv("data.csv", 20_000, minorityEvery: 41);
        var strategy = SamplingStrategy.Parse("auto");

        var outcome = StreamedSampler.RandomUnder(csv, "label", strategy, seed: 5, scratch.File("under.csv"), 64L << 20);

        var data = Dataset.LoadCsv(csv, new CsvLoadOptions { LabelColumn = "label" });
        var inMemory = new RandomUnderSampler { SamplingStrategy = strategy, Seed = 5 }.FitResample(Split.FromPreSplit(data)).CountsAfter;
        Assert.Equal(inMemory.ToDictionary(c => c.Key, c => (long)c.Value), outcome.After);
        var mirror = Enumerable.Range(0, 20_000).GroupBy(i => Label(i, 41))
            .SelectMany(g => g.OrderBy(i => PortableHash.Compute(i, 5)).ThenBy(i => i).Take(inMemory[g.Key.ToString(CultureInfo.InvariantCulture)]))
            .Select(i => (long)i).Order();
        Assert.Equal(mirror, Positions(scratch.File("under.csv")));
    }

    [Fact]
    public void RecordsAreCopiedAsWrittenQuotesAndLineBreaksInCellsIncluded()
    {
        using var scratch = new ScratchFolder();
        var path = scratch.File("odd.csv");
        string[] records = ["\"a, b\",1.50,x", "007,\"two\nlines\",y", "\"say \"\"hi\"\"\",NaN,x", "9,2e3,y"];
        File.WriteAllText(path, "id,v,label\n" + string.Join("\n", records) + "\n\n");

        var outcome = StreamedSplitter.Run(path, new StratifiedHoldout("label", 0.5, Seed: 1), null, scratch.File("t.csv"), scratch.File("h.csv"), 64L << 20);

        var written = string.Concat(new[] { "t.csv", "h.csv" }.Select(f => File.ReadAllText(scratch.File(f))[("id,v,label\n".Length)..]));
        Assert.Equal(records.Select(r => r + "\n").Order(StringComparer.Ordinal), SplitRecords(written).Order(StringComparer.Ordinal));
        Assert.Equal(4, outcome.Source.RowCount);
        Assert.Equal(1L, outcome.Holdout["x"]);
        Assert.Equal(1L, outcome.Holdout["y"]);
    }

    [Fact]
    public void ALabelColumnWithTooManyClassesAnEmptyLabelAndATooSmallLimitAreRefused()
    {
        using var scratch = new ScratchFolder();
        var ids = scratch.File("ids.csv");
        File.WriteAllLines(ids, ["x,label", .. Enumerable.Range(0, ClassTable.MaxClasses + 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"1,{i}"))]);
        var empty = scratch.File("empty.csv");
        File.WriteAllLines(empty, ["x,label", "1,a", "2, ", "3,b"]);
        var split = new StratifiedHoldout("label", 0.5, 0);

        var many = Assert.Throws<DataFormatException>(() => StreamedSplitter.Run(ids, split, null, scratch.File("t.csv"), scratch.File("h.csv"), 64L << 20));
        var blank = Assert.Throws<DataFormatException>(() => StreamedSplitter.Run(empty, split, null, scratch.File("t.csv"), scratch.File("h.csv"), 64L << 20));
        var small = Assert.Throws<MemoryLimitException>(() => StreamedSplitter.Run(empty, split, null, scratch.File("t.csv"), scratch.File("h.csv"), 1L << 20));

        Assert.Contains("more than 10,000 distinct values", many.Message, StringComparison.Ordinal);
        Assert.Contains("empty.csv line 3, column 'label': the label is empty.", blank.Message, StringComparison.Ordinal);
        Assert.Contains("the memory limit of 1MB is too small", small.Message, StringComparison.Ordinal);
    }

    private static int Label(int i, int minorityEvery) => i % 7 == 3 ? 2 : i % minorityEvery == 0 ? 1 : 0;

    private static long[] Positions(string csv)
        => [.. File.ReadLines(csv).Skip(1).Select(l => long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture))];

    // Records of text that ends each with a line break outside quotes.
    private static IEnumerable<string> SplitRecords(string text)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            quoted ^= text[i] == '"';
            if (text[i] == '\n' && !quoted)
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }
    }
}
