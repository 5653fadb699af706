using System.Globalization;
using System.Text;
using System.Text.Json;
using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli.Tests;

/// <summary><c>inspect</c> on the engine gives the in-memory counts and constant-column notes, and names the checks it skips.</summary>
public class OutOfCoreInspectTests
{
    /// <summary>200 000 rows: id, a (distinct numbers), b (0-9), constant (7.5), colour (text), label (fraud about 1%, 3 classes with 'review').</summary>
    private static string Data(TempFolder folder)
    {
        var random = new Random(7);
        var text = new StringBuilder("id,a,b,constant,colour,label\n");
        for (var i = 0; i < 200_000; i++)
        {
            var u = random.NextDouble();
            var label = u < 0.01 ? "fraud" : u < 0.05 ? "review" : "ok";
            text.Append(CultureInfo.InvariantCulture, $"{i},{random.NextDouble() * 1e6:R},{random.Next(10)},7.5,{(random.Next(2) == 0 ? "red" : "blue")},{label}\n");
        }

        var path = folder.File("data.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    private static string[] Notes(JsonElement report, string kind)
        => [.. report.GetProperty("notes").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == kind).Select(n => n.GetProperty("message").GetString()!)];

    [Fact]
    public void Counts_and_constant_columns_equal_the_in_memory_ones_from_csv_and_parquet_with_one_and_two_threads()
    {
        using var folder = new TempFolder();
        var csv = Data(folder);
        var parquet = folder.File("data.parquet");
        using (var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 256L << 20, Threads = 2 }))
        {
            engine.Load(csv, "t");
            engine.CopyTo("SELECT * FROM t", parquet, TableFormat.Parquet);
        }

        var inMemory = Json(Cli.Run("inspect", csv, "--ignore", "id", "--json"));
        var oneThread = Json(Cli.Run("inspect", csv, "--ignore", "id", "--json", "--memory-limit", "20MB", "--threads", "1"));
        var twoThreads = Json(Cli.Run("inspect", csv, "--ignore", "id", "--json", "--memory-limit", "20MB", "--threads", "2"));
        var fromParquet = Json(Cli.Run("inspect", parquet, "--ignore", "id", "--json"));

        Assert.False(inMemory.TryGetProperty("engine", out _));
        Assert.Equal(oneThread.GetRawText(), twoThreads.GetRawText());
        foreach (var outOfCore in new[] { oneThread, fromParquet })
        {
            Assert.Equal("duckdb", outOfCore.GetProperty("engine").GetString());
            foreach (var key in new[] { "rows", "features", "class_counts", "imbalance_ratio", "majority_baseline_accuracy" })
            {
                Assert.Equal(inMemory.GetProperty(key).GetRawText(), outOfCore.GetProperty(key).GetRawText());
            }

            Assert.Equal(Notes(inMemory, "constant-column"), Notes(outOfCore, "constant-column"));
            Assert.Contains("identical rows with different labels were skipped", Assert.Single(Notes(outOfCore, "skipped")), StringComparison.Ordinal);
        }

        Assert.Equal("Column 'constant' holds the same value ('7.5') in every row: it tells a model nothing. Leave it out with --ignore constant.", Assert.Single(Notes(inMemory, "constant-column")));
    }

    [Fact]
    public void The_text_output_says_the_engine_was_used_and_has_the_in_memory_class_table()
    {
        using var folder = new TempFolder();
        var csv = Data(folder);

        var inMemory = Cli.Run("inspect", csv, "--ignore", "id");
        var outOfCore = Cli.Run("inspect", csv, "--ignore", "id", "--memory-limit", "20MB");

        Assert.True(outOfCore.ExitCode == 0, outOfCore.ToString());
        Assert.Equal(
            "Out of core on the engine (DuckDB, --memory-limit 20MB) because it is larger than a quarter of --memory-limit 20MB: the counts are exact.",
            outOfCore.StdoutLines[0]);
        Assert.Equal(inMemory.StdoutLines.Take(9), outOfCore.StdoutLines.Skip(1).Take(9));
    }

    [Fact]
    public void A_parquet_file_without_the_label_column_an_unreadable_file_and_a_single_class_are_one_line_and_exit_code_2()
    {
        using var folder = new TempFolder();
        var single = folder.File("single.parquet");
        using (var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 64L << 20, Threads = 1 }))
        {
            engine.Execute($"COPY (SELECT range AS x, 'ok' AS label FROM range(100)) TO '{single}' (FORMAT parquet)");
        }

        var garbage = folder.File("garbage.parquet");
        File.WriteAllText(garbage, "not parquet\n");

        var noLabel = Cli.Run("inspect", single, "--label", "fraud");
        var unreadable = Cli.Run("inspect", garbage);
        var oneClass = Cli.Run("inspect", single);

        foreach (var result in new[] { noLabel, unreadable, oneClass })
        {
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Single(result.StderrLines);
        }

        Assert.Contains("there is no label column 'fraud'; the columns are x, label", noLabel.Stderr, StringComparison.Ordinal);
        Assert.Contains("garbage.parquet: cannot be read as Parquet", unreadable.Stderr, StringComparison.Ordinal);
        Assert.Contains("holds a single class ('ok')", oneClass.Stderr, StringComparison.Ordinal);
    }
}
