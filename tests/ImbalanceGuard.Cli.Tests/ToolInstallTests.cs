using System.Diagnostics;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// The tool as people get it: packed to a nupkg, installed with <c>dotnet tool install</c> from that local
/// folder, and run from where it was installed.
/// </summary>
public class ToolInstallTests
{
    [Fact]
    public void The_packed_tool_installs_from_a_local_folder_and_runs()
    {
        using var folder = new TempFolder();
        var packages = Path.Combine(folder.Path, "packages");
        var tools = Path.Combine(folder.Path, "tools");
        var project = Path.Combine(RepositoryFiles.RootDirectory, "src", "ImbalanceGuard.Cli", "ImbalanceGuard.Cli.csproj");

        Dotnet("pack", project, "-c", "Release", "--no-restore", "-o", packages);
        Assert.Single(Directory.GetFiles(packages, "ImbalanceGuard.Cli.*.nupkg"));
        Dotnet("tool", "install", "--tool-path", tools, "--add-source", packages, "ImbalanceGuard.Cli");

        var help = Run(Path.Combine(tools, "imbalance-guard"), "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        foreach (var command in new[] { "inspect", "resample", "generate", "evaluate", "tune", "compare", "report" })
        {
            Assert.Contains(command + " ", help.Stdout, StringComparison.Ordinal);
        }

        var inspect = Run(Path.Combine(tools, "imbalance-guard"), "inspect", RepositoryFiles.DataFile("hacide.csv"), "--json");
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains("\"rows\": 1000", inspect.Stdout, StringComparison.Ordinal);
    }

    private static void Dotnet(params string[] args)
    {
        var result = Run("dotnet", args);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', args)}\n{result}");
    }

    private static CliResult Run(string executable, params string[] args)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The tool must not pick up this test run's MSBuild state.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{executable} did not finish within five minutes");
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
