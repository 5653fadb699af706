using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>The built tool as a real process: exit codes and streams as a shell sees them.</summary>
public class ProcessTests
{
    [Fact]
    public void Success_exits_0_with_json_on_stdout()
    {
        var result = Cli.RunProcess("inspect", RepositoryFiles.DataFile("pima.csv"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(768, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Bad_input_exits_2_with_one_line_and_no_output_file()
    {
        using var folder = new TempFolder();
        var input = folder.Csv("bad.csv", "glucose,mass,label", "148,33.6,1", "85,abc,0");
        var output = folder.File("out.csv");

        var result = Cli.RunProcess("resample", input, "--pre-split", "--method", "smote", "--out", output);

        BadInputTests.AssertBadInput(result, "bad.csv line 3, column 'mass': 'abc' is not a number", "non-numeric cell");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Parse_errors_exit_2()
    {
        var result = Cli.RunProcess("generate", "--rows", "10", "--features", "3", "--minority-fraction", "0.2");

        BadInputTests.AssertBadInput(result, "Option '--out' is required", "missing --out");
    }
}
