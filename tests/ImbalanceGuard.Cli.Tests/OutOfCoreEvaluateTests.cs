using System.Globalization;
using System.Text;
using System.Text.Json;
using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// <c>evaluate</c> on the engine (Parquet, or a CSV file over a quarter of --memory-limit) gives what the in-memory
/// path gives: counts equal, every metric within 1e-12 relative.
/// </summary>
public class OutOfCoreEvaluateTests
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// 300 000 rows: a third of the scores rounded to two decimals (heavy ties), the rest distinct; class 1 about 3%.
    /// With <paramref name="raw"/> the scores are margins of ugly scales instead (1e-300 to 1e12, negative, -0 and 0)
    /// and the labels are text, so the rarer class is the positive one.
    /// </summary>
    private static string Scored(TempFolder folder, string name, bool raw, int rows = 300_000)
    {
        var random = new Random(21);
        var text = new StringBuilder("id,y,p\n");
        for (var i = 0; i < rows; i++)
        {
            var positive = random.NextDouble() < 0.03;
            var u = random.NextDouble();
            double score = raw
                ? (i % 5) switch
                {
                    0 => Math.Round((u * 8) - 4 + (positive ? 1.5 : 0), 1),
                    1 => (u - 0.4 + (positive ? 0.3 : 0)) * 1e12,
                    2 => (u - 0.5) * 1e-300,
                    3 => i % 2 == 0 ? -0.0 : 0.0,
                    _ => Math.Exp((u * 40) - 20 + (positive ? 3 : 0)),
                }
                : i % 3 == 0 ? Math.Round((u * 0.6) + (positive ? 0.3 : 0), 2) : Math.Pow(u, positive ? 0.5 : 2);
            var label = raw ? (positive ? "fraud" : "ok") : (positive ? "1" : "0");
            text.Append(CultureInfo.InvariantCulture, $"{i},{label},{score:R}\n");
        }

        var path = folder.File(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string ToParquet(string csv)
    {
        var parquet = Path.ChangeExtension(csv, ".parquet");
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 256L << 20, Threads = 2 });
        engine.Load(csv, "t");
        engine.CopyTo("SELECT * FROM t", parquet, TableFormat.Parquet);
        return parquet;
    }

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>Every key of the in-memory output is in the engine's, its number within 1e-12 relative, its counts and text equal.</summary>
    private static void AssertSame(JsonElement inMemory, JsonElement outOfCore)
    {
        Assert.Equal("duckdb", outOfCore.GetProperty("engine").GetString());
        foreach (var property in inMemory.EnumerateObject())
        {
            var other = outOfCore.GetProperty(property.Name);
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Number:
                    var (a, b) = (property.Value.GetDouble(), other.GetDouble());
                    Assert.True(Math.Abs(a - b) <= Tolerance * Math.Abs(a), $"{property.Name}: {a:R} in memory, {b:R} out of core");
                    break;
                case JsonValueKind.Object:
                    // The confusion counts: exact.
                    Assert.Equal(property.Value.GetRawText(), other.GetRawText());
                    break;
                default:
                    Assert.Equal(property.Value.ToString(), other.ToString());
                    break;
            }
        }
    }

    [Fact]
    public void Probabilities_with_heavy_ties_give_the_in_memory_metrics_from_a_csv_and_a_parquet_file_with_one_and_two_threads()
    {
        using var folder = new TempFolder();
        var csv = Scored(folder, "scores.csv", raw: false);
        var parquet = ToParquet(csv);
        string[] options = ["--label", "y", "--score", "p", "--threshold", "0.35", "--beta", "2", "--cost-fp", "1", "--cost-fn", "30", "--json"];

        var inMemory = Json(Cli.Run(["evaluate", csv, .. options]));
        var oneThread = Json(Cli.Run(["evaluate", csv, .. options, "--memory-limit", "20MB", "--threads", "1"]));
        var twoThreads = Json(Cli.Run(["evaluate", csv, .. options, "--memory-limit", "20MB", "--threads", "2"]));
        var fromParquet = Json(Cli.Run(["evaluate", parquet, .. options]));

        Assert.False(inMemory.TryGetProperty("engine", out _));
        Assert.True(inMemory.GetProperty("brier").ValueKind == JsonValueKind.Number);
        AssertSame(inMemory, oneThread);
        AssertSame(inMemory, twoThreads);
        AssertSame(inMemory, fromParquet);
        Assert.Equal(oneThread.GetRawText(), twoThreads.GetRawText());
        var distinct = CsvFile.Rows(csv).Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).Distinct().Count();
        Assert.Equal(distinct, oneThread.GetProperty("distinct_scores").GetInt64());
    }

    [Fact]
    public void Raw_scores_of_ugly_scales_with_text_labels_give_the_in_memory_metrics_and_no_brier_score()
    {
        using var folder = new TempFolder();
        var csv = Scored(folder, "margins.csv", raw: true);
        string[] options = ["--label", "y", "--score", "p", "--threshold", "0", "--json"];

        var inMemory = Json(Cli.Run(["evaluate", csv, .. options]));
        var outOfCore = Json(Cli.Run(["evaluate", csv, .. options, "--memory-limit", "20MB"]));
        var fromParquet = Json(Cli.Run(["evaluate", ToParquet(csv), .. options]));

        Assert.Equal("fraud", inMemory.GetProperty("positive_class").GetString());
        Assert.Equal(JsonValueKind.Null, outOfCore.GetProperty("brier").ValueKind);
        AssertSame(inMemory, outOfCore);
        AssertSame(inMemory, fromParquet);
        // -0 and 0 are one threshold, as in memory.
        var distinct = CsvFile.Rows(csv).Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).Distinct().Count();
        Assert.Equal(distinct, outOfCore.GetProperty("distinct_scores").GetInt64());
    }

    [Fact]
    public void The_text_output_has_the_in_memory_tables_and_says_the_engine_was_used()
    {
        using var folder = new TempFolder();
        var csv = Scored(folder, "scores.csv", raw: false, rows: 200_000);

        var inMemory = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--threshold", "0.35");
        var outOfCore = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--threshold", "0.35", "--memory-limit", "16MB");

        Assert.True(outOfCore.ExitCode == 0, outOfCore.ToString());
        Assert.StartsWith("Out of core on the engine (DuckDB, --memory-limit 16MB) because it is larger than a quarter of --memory-limit 16MB", outOfCore.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal(inMemory.StdoutLines, outOfCore.StdoutLines.Skip(1));
    }

    [Fact]
    public void A_file_ten_times_the_cap_is_evaluated_under_it_with_the_in_memory_metrics()
    {
        // About 200 MB of CSV under a 20 MB cap; the reference is the library's in-memory report of the same numbers.
        const int rows = 9_500_000;
        using var folder = new TempFolder();
        var path = folder.File("large.csv");
        var random = new Random(2121);
        var labels = new bool[rows];
        var scores = new double[rows];
        using (var writer = new StreamWriter(path))
        {
            writer.Write("id,y,p\n");
            for (var i = 0; i < rows; i++)
            {
                labels[i] = random.NextDouble() < 0.02;
                var u = random.NextDouble();
                scores[i] = i % 2 == 0 ? Math.Round(u, 3) : Math.Pow(u, labels[i] ? 0.6 : 1.8);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{i},{(labels[i] ? 1 : 0)},{scores[i]:R}\n"));
            }
        }

        Assert.True(new FileInfo(path).Length > 10 * (20L << 20), $"{new FileInfo(path).Length} bytes");
        var result = Json(Cli.Run("evaluate", path, "--label", "y", "--score", "p", "--threshold", "0.5", "--memory-limit", "20MB", "--json"));
        var expected = Evaluation.EvaluationReport.Of(Evaluation.BinaryScores.Create(labels, scores), 0.5);

        Assert.Equal(expected.Confusion!.Value.TruePositives, result.GetProperty("confusion").GetProperty("tp").GetDouble());
        Assert.Equal(expected.Confusion!.Value.FalsePositives, result.GetProperty("confusion").GetProperty("fp").GetDouble());
        Assert.Equal(expected.Confusion!.Value.FalseNegatives, result.GetProperty("confusion").GetProperty("fn").GetDouble());
        foreach (var (name, value) in new[] { ("roc_auc", expected.RocAuc), ("average_precision", expected.AveragePrecision), ("brier", expected.BrierScore!.Value), ("log_loss", expected.LogLoss!.Value) })
        {
            var actual = result.GetProperty(name).GetDouble();
            Assert.True(Math.Abs(actual - value) <= Tolerance * Math.Abs(value), $"{name}: {value:R} in memory, {actual:R} out of core");
        }
    }

    [Theory]
    [InlineData("y,p\n1,0.7\n0,abc\n0,0.2\n", "data row 2, column 'p': 'abc' is not a number")]
    [InlineData("y,p\n1,0.7\n0,0.1\n0,NaN\n", "data row 3, column 'p': 'NaN' is not allowed")]
    [InlineData("y,p\n1,0.7\n,0.1\n", "data row 2, column 'y': the label is empty")]
    [InlineData("y,p\n1,0.7\n1,0.2\n", "has only class '1'")]
    [InlineData("y,p\n1,0.7\n0,0.2\n2,0.4\n", "has 3 classes")]
    [InlineData("y,q\n1,0.7\n0,0.2\n", "there is no score column 'p'")]
    public void Bad_cells_of_a_parquet_file_are_one_line_naming_the_row_and_exit_code_2(string text, string expected)
    {
        using var folder = new TempFolder();
        var csv = folder.File("bad.csv");
        File.WriteAllText(csv, text);
        var parquet = folder.File("bad.parquet");
        using (var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = 64L << 20, Threads = 1 }))
        {
            // Every cell as written (text columns), so the engine meets 'abc' and 'NaN' as a scored file would have them.
            engine.Load(csv, "t", textCells: true);
            engine.CopyTo("SELECT * FROM t", parquet, TableFormat.Parquet);
        }

        var result = Cli.Run("evaluate", parquet, "--label", "y", "--score", "p");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_numeric_score_deep_in_a_large_csv_file_is_named_by_its_data_row()
    {
        using var folder = new TempFolder();
        var path = folder.File("scores.csv");
        var text = new StringBuilder("y,p\n");
        for (var i = 0; i < 400_000; i++)
        {
            text.Append(i % 10 == 0 ? "1,0.75\n" : "0,0.25\n");
        }

        File.WriteAllText(path, text.Append("0,0.1.2\n1,0.5\n").ToString());

        var result = Cli.Run("evaluate", path, "--label", "y", "--score", "p", "--memory-limit", "8MB");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: scores.csv data row 400001, column 'p': '0.1.2' is not a number.", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_parquet_file_without_the_label_column_an_unreadable_file_a_cap_too_small_and_by_are_one_line_and_exit_code_2()
    {
        using var folder = new TempFolder();
        var parquet = ToParquet(Scored(folder, "scores.csv", raw: false, rows: 1_000));
        var garbage = folder.File("garbage.parquet");
        File.WriteAllText(garbage, "this is not parquet\n");

        var noLabel = Cli.Run("evaluate", parquet, "--label", "fraud", "--score", "p");
        var unreadable = Cli.Run("evaluate", garbage, "--label", "y", "--score", "p");
        var tooSmall = Cli.Run("evaluate", Scored(folder, "more.csv", raw: false, rows: 50_000), "--label", "y", "--score", "p", "--memory-limit", "256KB");
        var byGroup = Cli.Run("evaluate", parquet, "--label", "y", "--score", "p", "--by", "id");
        var belowEngine = Cli.Run("evaluate", parquet, "--label", "y", "--score", "p", "--memory-limit", "64B");

        foreach (var result in new[] { noLabel, unreadable, tooSmall, byGroup, belowEngine })
        {
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Single(result.StderrLines);
        }

        Assert.Contains("there is no label column 'fraud'; the columns are id, y, p", noLabel.Stderr, StringComparison.Ordinal);
        Assert.Contains("garbage.parquet: cannot be read as Parquet", unreadable.Stderr, StringComparison.Ordinal);
        Assert.Contains("--memory-limit 256KB", tooSmall.Stderr, StringComparison.Ordinal);
        Assert.Contains("--by needs the rows in memory", byGroup.Stderr, StringComparison.Ordinal);
        Assert.Contains("--memory-limit 64B", belowEngine.Stderr, StringComparison.Ordinal);
    }
}
