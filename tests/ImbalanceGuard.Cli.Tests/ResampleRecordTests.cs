using System.Security.Cryptography;
using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// The output of <c>resample</c> is training data and gets a record beside it: <c>split</c> refuses it (resampling
/// then splitting is the classic leak), <c>resample</c> takes it, and the record keeps the chain of resamplings.
/// </summary>
public class ResampleRecordTests
{
    private static JsonElement Record(string dataPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(dataPath + ".ig.json"));
        return document.RootElement.Clone();
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    [Fact]
    public void A_resampled_pre_split_file_has_a_training_record_naming_its_input_the_method_and_the_seed()
    {
        using var folder = new TempFolder();
        var output = folder.File("under.csv");

        var result = Cli.Run("resample", RepositoryFiles.DataFile("hacide.csv"), "--pre-split", "-m", "random-under", "--seed", "7", "-p", "sampling_strategy=0.5", "-o", output, "--indices", folder.File("kept.txt"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["kept.txt", "under.csv", "under.csv.ig.json"], folder.FileNames());
        var record = Record(output);
        Assert.Equal(2, record.GetProperty("version").GetInt32());
        Assert.Equal("training", record.GetProperty("role").GetString());
        Assert.Equal("pre-split", record.GetProperty("split").GetProperty("kind").GetString());
        Assert.False(record.TryGetProperty("other", out _));
        var file = record.GetProperty("file");
        Assert.Equal("under.csv", file.GetProperty("name").GetString());
        Assert.Equal(new FileInfo(output).Length, file.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(output))), file.GetProperty("sha256").GetString());
        Assert.Equal(CsvFile.Rows(output).Length, file.GetProperty("rows").GetInt64());
        var step = Assert.Single(record.GetProperty("resampled").EnumerateArray());
        Assert.Equal("hacide.csv", step.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(1000, step.GetProperty("from").GetProperty("rows").GetInt64());
        Assert.Equal("random-under", step.GetProperty("method").GetString());
        Assert.Equal(7, step.GetProperty("seed").GetInt32());
        Assert.Equal(["sampling_strategy=0.5"], step.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
        var counts = record.GetProperty("classCounts");
        Assert.Equal(20, counts.GetProperty("1").GetInt64());
        Assert.Equal(40, counts.GetProperty("0").GetInt64()); // 0.5 = rare / common after
    }

    [Fact]
    public void Splitting_a_resampled_file_is_refused_and_resampling_it_again_extends_the_chain()
    {
        using var folder = new TempFolder();
        var first = folder.File("first.csv");
        Assert.Equal(0, Cli.Run("resample", RepositoryFiles.DataFile("hacide.csv"), "--pre-split", "-m", "random-over", "--seed", "1", "-o", first).ExitCode);
        var before = folder.FileNames();

        var split = Cli.Run("split", first, "--holdout", "0.2", "--train", folder.File("t.csv"), "--holdout-out", folder.File("h.csv"));

        BadInputTests.AssertBadInput(split, "first.csv was resampled (random-over of hacide.csv, ", "split of resampled data");
        Assert.Contains("splitting resampled data puts synthetic or duplicated rows in the holdout part", split.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, folder.FileNames());

        var again = Cli.Run("resample", first, "-m", "tomek-links", "-o", folder.File("second.csv"));

        Assert.True(again.ExitCode == 0, again.ToString());
        var steps = Record(folder.File("second.csv")).GetProperty("resampled").EnumerateArray().ToArray();
        Assert.Equal(["random-over", "tomek-links"], steps.Select(s => s.GetProperty("method").GetString()));
        Assert.Equal(["hacide.csv", "first.csv"], steps.Select(s => s.GetProperty("from").GetProperty("name").GetString()));
        Assert.Equal(Record(first).GetProperty("file").GetProperty("sha256").GetString(), steps[1].GetProperty("from").GetProperty("sha256").GetString());
        Assert.False(steps[1].TryGetProperty("seed", out _));
    }

    [Fact]
    public void The_training_part_of_a_split_resamples_into_a_record_that_keeps_the_split()
    {
        using var folder = new TempFolder();
        var (train, holdout, output) = (folder.File("train.csv"), folder.File("holdout.csv"), folder.File("smote.csv"));
        Assert.Equal(0, Cli.Run("split", RepositoryFiles.DataFile("pima.csv"), "--holdout", "0.25", "--seed", "3", "--train", train, "--holdout-out", holdout).ExitCode);

        var result = Cli.Run("resample", train, "-m", "smote", "--seed", "4", "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Wrote {output}.ig.json", result.Stdout, StringComparison.Ordinal);
        var (record, trainRecord) = (Record(output), Record(train));
        Assert.Equal("training", record.GetProperty("role").GetString());
        Assert.Equal("holdout.csv", record.GetProperty("other").GetString());
        Assert.Equal(Compact(trainRecord.GetProperty("source")), Compact(record.GetProperty("source")));
        Assert.Equal(Compact(trainRecord.GetProperty("split")), Compact(record.GetProperty("split")));
        Assert.Equal(Compact(trainRecord.GetProperty("file")), Compact(Assert.Single(record.GetProperty("resampled").EnumerateArray()).GetProperty("from")));
    }

    [Fact]
    public void A_version_1_record_from_before_resampled_records_still_loads()
    {
        using var folder = new TempFolder();
        var (train, holdout) = (folder.File("train.csv"), folder.File("holdout.csv"));
        Assert.Equal(0, Cli.Run("split", RepositoryFiles.DataFile("pima.csv"), "--holdout", "0.25", "--train", train, "--holdout-out", holdout).ExitCode);
        foreach (var part in new[] { train, holdout })
        {
            var text = File.ReadAllText(part + ".ig.json");
            Assert.Contains("\"version\": 2,", text, StringComparison.Ordinal);
            File.WriteAllText(part + ".ig.json", text.Replace("\"version\": 2,", "\"version\": 1,", StringComparison.Ordinal));
        }

        var resampled = Cli.Run("resample", train, "-m", "random-under", "-o", folder.File("out.csv"));
        var refused = Cli.Run("resample", holdout, "-m", "random-under", "-o", folder.File("out2.csv"));

        Assert.True(resampled.ExitCode == 0, resampled.ToString());
        BadInputTests.AssertBadInput(refused, "is the holdout part of a split of pima.csv", "v1 holdout record");
    }

    [Fact]
    public void A_resampled_file_changed_after_its_record_is_refused_as_mismatched()
    {
        using var folder = new TempFolder();
        var first = folder.File("first.csv");
        Assert.Equal(0, Cli.Run("resample", RepositoryFiles.DataFile("hacide.csv"), "--pre-split", "-m", "random-under", "-o", first).ExitCode);
        File.AppendAllText(first, "0.5,0.5,0\n");

        var result = Cli.Run("resample", first, "-m", "random-under", "-o", folder.File("second.csv"));

        BadInputTests.AssertBadInput(result, "first.csv.ig.json does not match", "changed file");
        Assert.False(File.Exists(folder.File("second.csv")));
    }
}
