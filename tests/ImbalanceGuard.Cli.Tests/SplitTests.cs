using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

public class SplitTests
{
    /// <summary>pos (the row's position), t (a time out of file order), x, label (1 every 10th row, 2 every 7th from 3, else 0).</summary>
    private static string Data(TempFolder folder, int rows, string name = "data.csv")
    {
        var text = new StringBuilder("pos,t,x,label\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{(i * 7919L) % 100_003},{(i % 97) * 0.5},{Label(i)}\n");
        }

        var path = folder.File(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static int Label(int i) => i % 7 == 3 ? 2 : i % 10 == 0 ? 1 : 0;

    private static long[] Positions(string csv) => [.. CsvFile.Rows(csv).Select(r => long.Parse(r[0], CultureInfo.InvariantCulture))];

    private static CliResult Split(string data, string train, string holdout, params string[] more)
        => Cli.Run(["split", data, "--holdout", "0.25", "--train", train, "--holdout-out", holdout, .. more]);

    [Fact]
    public void Stratified_split_has_exact_counts_per_class_disjoint_parts_in_file_order_and_records_beside_them()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 20_000);
        var (train, holdout) = (folder.File("train.csv"), folder.File("holdout.csv"));

        var result = Split(data, train, holdout, "--seed", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("pos,t,x,label", CsvFile.Header(train));
        var (trainRows, holdoutRows) = (Positions(train), Positions(holdout));
        Assert.Equal(trainRows.Order(), trainRows);
        Assert.Equal(holdoutRows.Order(), holdoutRows);
        Assert.Empty(trainRows.Intersect(holdoutRows));
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (long)i), trainRows.Concat(holdoutRows).Order());
        // Per class, as many rows as Split.Stratified holds out of the same file in memory.
        var inMemory = ImbalanceGuard.Split.Stratified(Dataset.LoadCsv(data, new CsvLoadOptions { LabelColumn = "label" }), 0.25, 5).Holdout.ClassCountsByName();
        foreach (var group in Enumerable.Range(0, 20_000).GroupBy(Label))
        {
            Assert.Equal(inMemory[group.Key.ToString(CultureInfo.InvariantCulture)], holdoutRows.Count(p => Label((int)p) == group.Key));
        }

        using var record = JsonDocument.Parse(File.ReadAllText(holdout + ".ig.json"));
        var root = record.RootElement;
        Assert.Equal("imbalance-guard-split", root.GetProperty("format").GetString());
        Assert.Equal("holdout", root.GetProperty("role").GetString());
        Assert.Equal("train.csv", root.GetProperty("other").GetString());
        Assert.Equal(holdoutRows.Length, root.GetProperty("file").GetProperty("rows").GetInt64());
        Assert.Equal(new FileInfo(holdout).Length, root.GetProperty("file").GetProperty("bytes").GetInt64());
        Assert.Equal(20_000, root.GetProperty("source").GetProperty("rows").GetInt64());
        Assert.Equal(new FileInfo(data).Length, root.GetProperty("source").GetProperty("bytes").GetInt64());
        Assert.Equal(5, root.GetProperty("split").GetProperty("seed").GetInt32());
        Assert.Equal("label", root.GetProperty("split").GetProperty("label").GetString());
        Assert.Equal(holdoutRows.Count(p => Label((int)p) == 1), root.GetProperty("classCounts").GetProperty("1").GetInt64());
        using var trainRecord = JsonDocument.Parse(File.ReadAllText(train + ".ig.json"));
        Assert.Equal("training", trainRecord.RootElement.GetProperty("role").GetString());
        Assert.Equal(trainRows.Length, trainRecord.RootElement.GetProperty("file").GetProperty("rows").GetInt64());
    }

    [Fact]
    public void The_same_seed_keeps_the_same_rows_whatever_the_threads_and_the_memory_limit()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 100_000);
        var one = Split(data, folder.File("t1.csv"), folder.File("h1.csv"), "--seed", "9", "--threads", "1", "--memory-limit", "64MB");
        var two = Split(data, folder.File("t2.csv"), folder.File("h2.csv"), "--seed", "9", "--threads", "2", "--memory-limit", "1GB");
        var other = Split(data, folder.File("t3.csv"), folder.File("h3.csv"), "--seed", "10");

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(two.ExitCode == 0, two.ToString());
        Assert.True(other.ExitCode == 0, other.ToString());
        Assert.Equal(File.ReadAllBytes(folder.File("h1.csv")), File.ReadAllBytes(folder.File("h2.csv")));
        Assert.Equal(File.ReadAllBytes(folder.File("t1.csv")), File.ReadAllBytes(folder.File("t2.csv")));
        Assert.NotEqual(Positions(folder.File("h1.csv")), Positions(folder.File("h3.csv")));
    }

    [Fact]
    public void Time_ordered_split_puts_the_latest_rows_in_the_holdout_part()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 10_000);
        var (train, holdout) = (folder.File("train.csv"), folder.File("holdout.csv"));

        var result = Split(data, train, holdout, "--time-column", "t");

        Assert.True(result.ExitCode == 0, result.ToString());
        var times = (string f) => CsvFile.Rows(f).Select(r => long.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2_500, times(holdout).Length);
        Assert.Equal(7_500, times(train).Length);
        Assert.True(times(holdout).Min() >= times(train).Max());
        using var record = JsonDocument.Parse(File.ReadAllText(holdout + ".ig.json"));
        Assert.Equal("time-ordered", record.RootElement.GetProperty("split").GetProperty("kind").GetString());
        Assert.Equal("t", record.RootElement.GetProperty("split").GetProperty("timeColumn").GetString());
    }

    [Fact]
    public void Parquet_goes_in_and_out()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 5_000);
        var first = Split(data, folder.File("all.parquet"), folder.File("rest.csv"));
        Assert.True(first.ExitCode == 0, first.ToString());

        // A copy without its record is unsplit data as far as the tool knows.
        var parquet = folder.File("copy.parquet");
        File.Copy(folder.File("all.parquet"), parquet);
        var result = Split(parquet, folder.File("train.parquet"), folder.File("holdout.csv"), "--label", "label");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = RecordRows(folder.File("all.parquet"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Split {rows:N0} rows (stratified)"), result.Stdout, StringComparison.Ordinal);
        Assert.Equal(rows, RecordRows(folder.File("train.parquet")) + CsvFile.Rows(folder.File("holdout.csv")).Length);
        Assert.Equal(5_000 - CsvFile.Rows(folder.File("rest.csv")).Length, rows);
    }

    private static long RecordRows(string dataPath)
    {
        using var record = JsonDocument.Parse(File.ReadAllText(dataPath + ".ig.json"));
        return record.RootElement.GetProperty("file").GetProperty("rows").GetInt64();
    }

    [Fact]
    public void Splitting_a_part_again_is_refused()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 1_000);
        Assert.Equal(0, Split(data, folder.File("train.csv"), folder.File("holdout.csv")).ExitCode);

        foreach (var (part, role) in new[] { ("train.csv", "training"), ("holdout.csv", "holdout") })
        {
            var result = Split(folder.File(part), folder.File("a.csv"), folder.File("b.csv"));
            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.StderrLines);
            Assert.Contains($"is the {role} part of a split of data.csv", line, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(folder.File("a.csv")));
    }

    [Fact]
    public void A_record_that_does_not_match_its_file_is_refused_as_mismatched()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 1_000);
        Assert.Equal(0, Split(data, folder.File("train.csv"), folder.File("holdout.csv")).ExitCode);
        File.AppendAllText(folder.File("train.csv"), "1000,1,1,0\n");

        var result = Split(folder.File("train.csv"), folder.File("a.csv"), folder.File("b.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("train.csv.ig.json does not match", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing-label")]
    [InlineData("parquet-without-label")]
    [InlineData("unreadable")]
    [InlineData("absent")]
    [InlineData("cap-too-small")]
    [InlineData("parquet-cap-too-small")]
    [InlineData("output-over-input")]
    [InlineData("bad-ending")]
    [InlineData("bad-size")]
    [InlineData("bad-share")]
    public void Bad_input_is_one_line_exit_2_and_writes_nothing(string problem)
    {
        using var folder = new TempFolder();
        var data = Data(folder, 200_000);
        var bogus = folder.File("bogus.parquet");
        File.WriteAllText(bogus, "not parquet at all");
        var (train, holdout) = (folder.File("train.csv"), folder.File("holdout.csv"));
        var (args, expected) = problem switch
        {
            "missing-label" => (new[] { "split", data, "--holdout", "0.2", "--label", "fraud", "--train", train, "--holdout-out", holdout }, "has no column 'fraud'"),
            "parquet-without-label" => (["split", Parquet(folder, data), "--holdout", "0.2", "--label", "fraud", "--train", train, "--holdout-out", holdout], "has no column 'fraud'"),
            "unreadable" => (["split", bogus, "--holdout", "0.2", "--train", train, "--holdout-out", holdout], "cannot be read as Parquet"),
            "absent" => (["split", folder.File("nothing.csv"), "--holdout", "0.2", "--train", train, "--holdout-out", holdout], "no such file"),
            "cap-too-small" => (["split", data, "--holdout", "0.2", "--memory-limit", "1MB", "--train", train, "--holdout-out", holdout], "--memory-limit 1MB: the memory limit of 1MB is too small"),
            "parquet-cap-too-small" => (["split", Parquet(folder, data), "--holdout", "0.2", "--memory-limit", "1MB", "--train", train, "--holdout-out", holdout], "--memory-limit 1MB: the memory limit of 1MB is too small"),
            "output-over-input" => (["split", data, "--holdout", "0.2", "--train", data, "--holdout-out", holdout], "that is the input file"),
            "bad-ending" => (["split", data, "--holdout", "0.2", "--train", folder.File("train.txt"), "--holdout-out", holdout], "give a file name ending in .csv or .parquet"),
            "bad-size" => (["split", data, "--holdout", "0.2", "--memory-limit", "lots", "--train", train, "--holdout-out", holdout], "--memory-limit: 'lots' is not a size"),
            _ => (["split", data, "--holdout", "1.5", "--train", train, "--holdout-out", holdout], "--holdout must be a number strictly between 0 and 1"),
        };
        var before = folder.FileNames();

        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(before, folder.FileNames());
    }

    // A Parquet file without a record: a copy of a part written as Parquet (a copy has no record, so it is unsplit data).
    private static string Parquet(TempFolder folder, string data)
    {
        Assert.Equal(0, Split(data, folder.File("p-train.parquet"), folder.File("p-holdout.parquet")).ExitCode);
        var copy = folder.File("some.parquet");
        File.Copy(folder.File("p-holdout.parquet"), copy);
        return copy;
    }

    [Fact]
    public void Resampling_the_holdout_part_is_refused_and_the_training_part_resamples()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 2_000);
        Assert.Equal(0, Split(data, folder.File("train.csv"), folder.File("holdout.csv")).ExitCode);

        var refused = Cli.Run("resample", folder.File("holdout.csv"), "-m", "random-under", "-o", folder.File("out.csv"));
        var resampled = Cli.Run("resample", folder.File("train.csv"), "-m", "random-under", "-o", folder.File("out.csv"));

        Assert.Equal(2, refused.ExitCode);
        var line = Assert.Single(refused.StderrLines);
        Assert.Contains("is the holdout part of a split of data.csv", line, StringComparison.Ordinal);
        Assert.Contains("resampling evaluation data", line, StringComparison.Ordinal);
        Assert.Contains("Resample the training part, train.csv.", line, StringComparison.Ordinal);
        Assert.True(resampled.ExitCode == 0, resampled.ToString());
        Assert.True(File.Exists(folder.File("out.csv")));
    }

    [Fact]
    public void Resampling_a_part_whose_record_does_not_match_is_refused_as_mismatched()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 2_000);
        Assert.Equal(0, Split(data, folder.File("train.csv"), folder.File("holdout.csv")).ExitCode);
        File.WriteAllText(folder.File("train.csv"), File.ReadAllText(folder.File("train.csv")).Replace(",1\n", ",0\n", StringComparison.Ordinal));

        var result = Cli.Run("resample", folder.File("train.csv"), "-m", "random-under", "-o", folder.File("out.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("train.csv.ig.json does not match", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out.csv")));
    }

    [Fact]
    public void Csv_to_csv_keeps_every_cell_as_written_and_orders_text_times_as_dates()
    {
        using var folder = new TempFolder();
        var data = folder.Csv(
            "odd.csv",
            "id,when,v,label",
            "007,2024-01-02 10:00:00,1.50,a",
            "010,2024-01-01 09:30:00,2e3,b",
            "011,2024-01-03 00:00:00,NaN,a",
            "012,2023-12-31 23:59:59,-0.0,b");
        var (train, holdout) = (folder.File("train.csv"), folder.File("holdout.csv"));

        var result = Cli.Run("split", data, "--holdout", "0.25", "--time-column", "when", "--train", train, "--holdout-out", holdout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["id,when,v,label", "007,2024-01-02 10:00:00,1.50,a", "010,2024-01-01 09:30:00,2e3,b", "012,2023-12-31 23:59:59,-0.0,b"], File.ReadAllLines(train));
        Assert.Equal(["id,when,v,label", "011,2024-01-03 00:00:00,NaN,a"], File.ReadAllLines(holdout));
        Assert.Contains("1 holdout row (class a: 1)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_column_that_is_neither_numbers_nor_dates_is_refused()
    {
        using var folder = new TempFolder();
        var data = folder.Csv("odd.csv", "when,label", "2024-01-02,a", "soon,b", "2024-01-03,a");

        var result = Cli.Run("split", data, "--holdout", "0.3", "--time-column", "when", "--train", folder.File("t.csv"), "--holdout-out", folder.File("h.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the time column 'when' holds 'soon', neither a number nor a date and time", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}
