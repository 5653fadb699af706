using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

/// <summary><c>report</c> and <c>compare --report</c>: one command from a CSV file to an HTML report.</summary>
public class ReportTests
{
    [Fact]
    public void Report_writes_a_self_contained_page_and_prints_the_verdict()
    {
        using var folder = new TempFolder();
        var output = folder.File("hacide.html");

        var result = Cli.Run("report", RepositoryFiles.DataFile("hacide.csv"), "--out", output, "--strategies", "none,smote,random-under", "--folds", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("98.0 % accurate and finds none of the 20 rows of class '1'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Use ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("when its probability is at least", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Wrote {output}", result.Stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(output);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(6, html.Split("data:image/png;base64,").Length - 1); // hacide has two features: the scatter too
        Assert.Equal(["hacide.html"], folder.FileNames());
    }

    [Fact]
    public void Compare_with_report_writes_the_same_report_beside_its_json()
    {
        using var folder = new TempFolder();
        var output = folder.File("pima.html");

        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none,class-weight", "--folds", "3", "--json", "--report", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout); // stdout still holds only the JSON
        Assert.Equal(2, json.RootElement.GetArrayLength());
        var html = File.ReadAllText(output);
        Assert.Contains("Strategies compared", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("data:image/png;base64,").Length - 1);
    }

    [Fact]
    public void The_report_tunes_its_threshold_for_the_objective_and_says_when_the_constraints_cannot_hold()
    {
        using var folder = new TempFolder();
        var met = folder.File("cost.html");
        var unmet = folder.File("unmet.html");

        var cost = Cli.Run("report", RepositoryFiles.DataFile("pima.csv"), "--out", met, "--strategies", "none", "--folds", "3", "--objective", "cost:fp=1,fn=5");
        var impossible = Cli.Run("report", RepositoryFiles.DataFile("pima.csv"), "--out", unmet, "--strategies", "none", "--folds", "3", "--objective", "f1,max-alerts:1/1000,min-recall:1");

        Assert.True(cost.ExitCode == 0, cost.ToString());
        Assert.Contains("tuned for cost:fp=1,fn=5 inside each training fold", File.ReadAllText(met), StringComparison.Ordinal);
        Assert.True(impossible.ExitCode == 0, impossible.ToString());
        Assert.Contains("No threshold of none meets max-alerts:1/1000 and min-recall:1 on out-of-fold data. The best for f1 alone", impossible.Stdout, StringComparison.Ordinal);
        Assert.Contains("No threshold of none meets", File.ReadAllText(unmet), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("compare")]
    public void A_report_into_a_missing_folder_fails_before_any_fold_runs(string command)
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "no-such-folder", "r.html");
        string[] args = command == "report" ? ["report", RepositoryFiles.DataFile("pima.csv"), "--out", output] : ["compare", RepositoryFiles.DataFile("pima.csv"), "--report", output];

        var result = Cli.Run(args);

        BadInputTests.AssertBadInput(result, "does not exist", command);
    }

    [Fact]
    public void Report_rejects_bad_input_with_one_line()
    {
        var result = Cli.Run("report", RepositoryFiles.DataFile("pima.csv"), "--strategies", "smoot");

        BadInputTests.AssertBadInput(result, "unknown strategy 'smoot'", "unknown strategy");
    }
}
