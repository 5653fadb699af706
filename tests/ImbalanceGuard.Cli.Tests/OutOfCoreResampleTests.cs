using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

public class OutOfCoreResampleTests
{
    /// <summary>pos (the row's position), x, label (1 every 53rd row, 2 every 7th from 3, else 0): about 20 bytes a row.</summary>
    private static string Data(TempFolder folder, int rows, string name = "data.csv")
    {
        var text = new StringBuilder("pos,x,label\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{(i % 97) * 0.5},{(i % 7 == 3 ? 2 : i % 53 == 0 ? 1 : 0)}\n");
        }

        var path = folder.File(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static Dictionary<string, long> Counts(JsonElement root, string name)
        => root.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);

    [Theory]
    [InlineData("auto")]
    [InlineData("0.5")]
    [InlineData("{0: 4000, 2: 3000}")]
    public void Random_under_out_of_core_keeps_the_in_memory_counts_and_the_inputs_rows_in_file_order(string strategy)
    {
        using var folder = new TempFolder();
        var data = Data(folder, 400_000);
        Assert.True(new FileInfo(data).Length > (16L << 20) / 4, "the file is large enough to leave memory under a 16MB limit");
        if (strategy == "0.5")
        {
            // A ratio is for two classes: keep classes 0 and 1.
            File.WriteAllLines(data, File.ReadAllLines(data).Where(l => !l.EndsWith(",2", StringComparison.Ordinal)));
        }

        var outOfCore = Cli.Run("resample", data, "--pre-split", "-m", "random-under", "-p", $"sampling_strategy={strategy}", "--seed", "4", "--memory-limit", "16MB", "-o", folder.File("under.csv"), "--json");
        var inMemory = Cli.Run("resample", data, "--pre-split", "-m", "random-under", "-p", $"sampling_strategy={strategy}", "--seed", "4", "--memory-limit", "1GB", "-o", folder.File("memory.csv"), "--json");

        Assert.True(outOfCore.ExitCode == 0, outOfCore.ToString());
        Assert.True(inMemory.ExitCode == 0, inMemory.ToString());
        using var streamed = JsonDocument.Parse(outOfCore.Stdout);
        using var loaded = JsonDocument.Parse(inMemory.Stdout);
        Assert.Equal(Counts(loaded.RootElement, "counts_before"), Counts(streamed.RootElement, "counts_before"));
        Assert.Equal(Counts(loaded.RootElement, "counts_after"), Counts(streamed.RootElement, "counts_after"));

        // The kept lines are the input's own lines, in file order, and as many per class as the JSON says.
        var input = File.ReadAllLines(data);
        var kept = File.ReadAllLines(folder.File("under.csv"));
        Assert.Equal(input[0], kept[0]);
        var positions = kept.Skip(1).Select(l => int.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(positions.Order(), positions);
        var next = 1;
        foreach (var line in kept.Skip(1))
        {
            // Positions are unique, so each kept line is found once, after the one before it.
            while (next < input.Length && input[next] != line)
            {
                next++;
            }

            Assert.True(next < input.Length, $"'{line}' is not an input line after the one kept before it");
            next++;
        }

        Assert.Equal(Counts(streamed.RootElement, "counts_after").Values.Sum(), positions.Length);
    }

    [Fact]
    public void Random_under_out_of_core_writes_a_training_record_so_split_refuses_its_output_and_resample_takes_it()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 400_000);
        var under = folder.File("under.csv");
        var run = Cli.Run("resample", data, "--pre-split", "-m", "random-under", "--seed", "2", "--memory-limit", "16MB", "-o", under);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("under.csv.ig.json (its record: training data, resampled)", run.Stdout, StringComparison.Ordinal);

        using var record = JsonDocument.Parse(File.ReadAllText(under + ".ig.json"));
        Assert.Equal("training", record.RootElement.GetProperty("role").GetString());
        var step = Assert.Single(record.RootElement.GetProperty("resampled").EnumerateArray());
        Assert.Equal("random-under", step.GetProperty("method").GetString());
        Assert.Equal("data.csv", step.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(File.ReadAllLines(under).Length - 1, record.RootElement.GetProperty("file").GetProperty("rows").GetInt64());

        var split = Cli.Run("split", under, "--holdout", "0.2", "--train", folder.File("t.csv"), "--holdout-out", folder.File("h.csv"));
        Assert.Equal(2, split.ExitCode);
        Assert.Contains("resampled", Assert.Single(split.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("t.csv")));
        Assert.Equal(0, Cli.Run("resample", under, "-m", "random-under", "--seed", "2", "--memory-limit", "1GB", "-o", folder.File("again.csv")).ExitCode);
    }

    [Fact]
    public void Random_under_reads_Parquet_on_the_engine_with_the_same_counts_as_the_streamed_CSV()
    {
        using var folder = new TempFolder();
        var data = Data(folder, 30_000);
        Assert.Equal(0, Cli.Run("split", data, "--holdout", "0.2", "--seed", "1", "--train", folder.File("train.parquet"), "--holdout-out", folder.File("holdout.csv")).ExitCode);
        Assert.Equal(0, Cli.Run("split", data, "--holdout", "0.2", "--seed", "1", "--train", folder.File("train.csv"), "--holdout-out", folder.File("holdout2.csv")).ExitCode);

        var fromParquet = Cli.Run("resample", folder.File("train.parquet"), "-m", "random-under", "--label", "label", "--seed", "2", "-o", folder.File("under.csv"), "--json");
        var fromCsv = Cli.Run("resample", folder.File("train.csv"), "-m", "random-under", "--seed", "2", "--memory-limit", "1GB", "-o", folder.File("memory.csv"), "--json");

        Assert.True(fromParquet.ExitCode == 0, fromParquet.ToString());
        using var engine = JsonDocument.Parse(fromParquet.Stdout);
        using var memory = JsonDocument.Parse(fromCsv.Stdout);
        Assert.Equal(Counts(memory.RootElement, "counts_after"), Counts(engine.RootElement, "counts_after"));
        Assert.Equal(Counts(memory.RootElement, "counts_after").Values.Sum(), CsvFile.Rows(folder.File("under.csv")).Length);
    }

    [Theory]
    [InlineData("parquet-without-label")]
    [InlineData("unreadable")]
    [InlineData("cap-too-small")]
    [InlineData("holdout-part")]
    [InlineData("mismatched-record")]
    [InlineData("missing-record")]
    [InlineData("replacement")]
    public void Bad_input_out_of_core_is_one_line_exit_2_and_writes_nothing(string problem)
    {
        using var folder = new TempFolder();
        var data = Data(folder, 300_000);
        Assert.Equal(0, Cli.Run("split", data, "--holdout", "0.2", "--train", folder.File("train.parquet"), "--holdout-out", folder.File("holdout.csv")).ExitCode);
        Assert.Equal(0, Cli.Run("split", data, "--holdout", "0.2", "--train", folder.File("train.csv"), "--holdout-out", folder.File("holdout2.csv")).ExitCode);
        var bogus = folder.File("bogus.parquet");
        File.WriteAllText(bogus, "not parquet at all");
        if (problem == "mismatched-record")
        {
            File.AppendAllText(folder.File("train.csv"), "300000,1,0\n");
        }

        var before = folder.FileNames();
        var output = folder.File("out.csv");
        var (args, expected) = problem switch
        {
            "parquet-without-label" => (new[] { "resample", folder.File("train.parquet"), "-m", "random-under", "--label", "fraud", "-o", output }, "has no column 'fraud'"),
            "unreadable" => (["resample", bogus, "--pre-split", "-m", "random-under", "-o", output], "cannot be read as Parquet"),
            "cap-too-small" => (["resample", folder.File("train.csv"), "-m", "random-under", "--memory-limit", "1MB", "-o", output], "--memory-limit 1MB: the memory limit of 1MB is too small"),
            "holdout-part" => (["resample", folder.File("holdout.csv"), "-m", "random-under", "--memory-limit", "16MB", "-o", output], "is the holdout part of a split of data.csv"),
            "mismatched-record" => (["resample", folder.File("train.csv"), "-m", "random-under", "--memory-limit", "16MB", "-o", output], "train.csv.ig.json does not match"),
            "missing-record" => (["resample", data, "-m", "random-under", "--memory-limit", "16MB", "-o", output], "data.csv has no split record beside it"),
            _ => (["resample", folder.File("train.parquet"), "-m", "random-under", "-p", "replacement=true", "-o", output], "replacement=true needs the data in memory"),
        };

        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(before, folder.FileNames());
    }
}
