namespace ImbalanceGuard.Cli.Tests;

public class HelpAndVersionTests
{
    [Theory]
    [InlineData("inspect", "--label", "--json")]
    [InlineData("resample", "--method", "--param")]
    [InlineData("generate", "--rows", "--minority-fraction")]
    [InlineData("compare", "--strategies", "--report")]
    [InlineData("report", "--out", "--strategies")]
    [InlineData("evaluate", "--score", "--threshold")]
    [InlineData("tune", "--objective", "--score")]
    [InlineData("drift", "--score", "--report")]
    [InlineData("split", "--holdout", "--memory-limit")]
    public void Every_command_has_help_with_its_options_and_examples(string command, string option, string another)
    {
        var result = Cli.Run(command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        Assert.Contains(another, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"imbalance-guard {command} ", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Root_help_lists_the_commands()
    {
        var result = Cli.Run("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("inspect", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("resample", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("generate", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_help_lists_every_catalog_method()
    {
        var result = Cli.Run("resample", "--help");

        Assert.All(Sampling.SamplerCatalog.Names, name => Assert.Contains(name, result.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Version_prints_a_version()
    {
        var result = Cli.Run("--version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout);
    }
}
