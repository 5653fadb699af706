namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// A file without its split record is unsplit data: <c>resample</c> refuses it unless <c>--pre-split</c> says it is
/// the training part of a split made elsewhere.
/// </summary>
public class PreSplitTests
{
    [Fact]
    public void Resampling_a_file_without_a_record_is_refused_in_one_line_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var input = folder.File("whole.csv");
        File.Copy(RepositoryFiles.DataFile("hacide.csv"), input);
        var before = folder.FileNames();

        var result = Cli.Run("resample", input, "-m", "random-under", "-o", folder.File("out.csv"), "--indices", folder.File("kept.txt"));

        BadInputTests.AssertBadInput(result, "whole.csv has no split record beside it (", "no record");
        Assert.Contains("whole.csv.ig.json), so it is unsplit data", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Split it first (imbalance-guard split), or pass --pre-split", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, folder.FileNames());
    }

    [Fact]
    public void With_pre_split_the_same_file_resamples()
    {
        using var folder = new TempFolder();
        var output = folder.File("out.csv");

        var result = Cli.Run("resample", RepositoryFiles.DataFile("hacide.csv"), "--pre-split", "-m", "random-under", "--seed", "2", "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(40, CsvFile.Rows(output).Length); // 20 rare rows and 20 of the 980 common ones
    }

    [Fact]
    public void A_missing_file_is_named_as_missing_not_as_lacking_a_record()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("resample", folder.File("nowhere.csv"), "-m", "smote", "-o", folder.File("out.csv"));

        BadInputTests.AssertBadInput(result, "nowhere.csv: no such file", "missing file");
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public void The_help_describes_pre_split()
    {
        var result = Cli.Run("resample", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--pre-split", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("resample data/hacide.csv --pre-split", result.Stdout, StringComparison.Ordinal);
    }
}
