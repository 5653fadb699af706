using System.Diagnostics;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>Runs the tool in-process through <see cref="Program.Run"/>, or as a real process.</summary>
public static class Cli
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs the built tool (imbalance-guard.dll, copied next to this test assembly by the project reference)
    /// with the dotnet host, as a user would: real exit codes, real console streams.
    /// </summary>
    public static CliResult RunProcess(params string[] args)
    {
        var tool = ToolPath;
        Assert.True(File.Exists(tool), $"{tool} was not built next to the tests.");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the tool did not finish within two minutes");
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The built tool, next to this test assembly.</summary>
    public static string ToolPath => Path.Combine(AppContext.BaseDirectory, "imbalance-guard.dll");

    public static string DotnetHost()
    {
        // The SDK tells child processes which host runs them; otherwise the host running these tests, or PATH.
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
