using System.Diagnostics;
using System.Text;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>
/// The package end to end: <c>dotnet pack</c> of the runtime library to a local folder, a fresh consumer project
/// restored from that folder alone, built once as a developer builds (IG warnings, success) and once as CI builds
/// (<c>CI=true</c>: IG errors, failure), and once in CI with the documented opt-out (warnings again).
/// </summary>
public class PackagingTests
{
    private const string ConsumerProgram = """
        // A consumer of the package: lesson-style leakage and an accuracy headline.
        using ImbalanceGuard;

        var rows = Enumerable.Range(0, 100).Select(i => new[] { i * 1.0, i % 7 * 1.0 }).ToList();
        var labels = Enumerable.Range(0, 100).Select(i => i % 10 == 0 ? 1 : 0).ToList();
        var (balancedRows, balancedLabels) = Oversample(rows, labels);
        var (train, test) = TrainTestSplit(balancedRows, balancedLabels);
        var correct = test.Count(t => t.Label == 0);
        var accuracy = correct / (double)test.Count;
        Console.WriteLine($"accuracy {accuracy:P1} on {train.Count} training rows ({typeof(Dataset).Name})");

        static (List<double[]>, List<int>) Oversample(List<double[]> rows, List<int> labels) => (rows, labels);

        static (List<(double[] Row, int Label)> Train, List<(double[] Row, int Label)> Test) TrainTestSplit(List<double[]> rows, List<int> labels)
        {
            var all = rows.Zip(labels, (r, l) => (r, l)).ToList();
            return (all.Take(80).ToList(), all.Skip(80).ToList());
        }
        """;

    [Fact]
    [Trait("Category", "Packaging")]
    public void Packed_library_gives_warnings_locally_and_errors_in_CI()
    {
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("imbalance-guard-packaging-");
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            var version = "0.0.0-it" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var pack = Run(root, "pack", Path.Combine(root, "src", "ImbalanceGuard", "ImbalanceGuard.csproj"), "-c", "Release", "-o", feed, $"-p:PackageVersion={version}");
            Assert.True(pack.ExitCode == 0, pack.Output);
            var package = Path.Combine(feed, $"ImbalanceGuard.{version}.nupkg");
            Assert.True(File.Exists(package), pack.Output);
            using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToList();
                Assert.Contains("analyzers/dotnet/cs/ImbalanceGuard.Analyzers.dll", entries);
                Assert.Contains("analyzers/dotnet/cs/ImbalanceGuard.CodeFixes.dll", entries);
                Assert.Contains("build/ImbalanceGuard.targets", entries);
                Assert.Contains("buildTransitive/ImbalanceGuard.targets", entries);
            }

            var consumer = Path.Combine(work.FullName, "consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{Path.Combine(work.FullName, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ImbalanceGuard" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

            var restore = Run(consumer, "restore");
            Assert.True(restore.ExitCode == 0, restore.Output);

            var local = Run(consumer, "build", "--no-restore", "-c", "Debug");
            Assert.True(local.ExitCode == 0, local.Output);
            Assert.Contains("warning IG0001", local.Output, StringComparison.Ordinal);
            Assert.Contains("warning IG0004", local.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("error IG", local.Output, StringComparison.Ordinal);

            var ci = Run(consumer, new Dictionary<string, string> { ["CI"] = "true" }, "build", "--no-restore", "-c", "Debug", "--no-incremental");
            Assert.True(ci.ExitCode != 0, ci.Output);
            Assert.Contains("error IG0001", ci.Output, StringComparison.Ordinal);
            Assert.Contains("error IG0004", ci.Output, StringComparison.Ordinal);

            var optOut = Run(consumer, new Dictionary<string, string> { ["CI"] = "true" }, "build", "--no-restore", "-c", "Debug", "--no-incremental", "-p:ImbalanceGuardErrorsInCI=false");
            Assert.True(optOut.ExitCode == 0, optOut.Output);
            Assert.Contains("warning IG0001", optOut.Output, StringComparison.Ordinal);

            var msbuildProperty = Run(consumer, "build", "--no-restore", "-c", "Debug", "--no-incremental", "-p:ContinuousIntegrationBuild=true");
            Assert.True(msbuildProperty.ExitCode != 0, msbuildProperty.Output);
            Assert.Contains("error IG0004", msbuildProperty.Output, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finishing process; the temporary folder is left for the OS to clean.
            }
        }
    }

    private static (int ExitCode, string Output) Run(string directory, params string[] arguments)
        => Run(directory, new Dictionary<string, string>(), arguments);

    private static (int ExitCode, string Output) Run(string directory, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No compiler server or MSBuild node outlives the test; nothing of the test host's own build leaks in.
        start.ArgumentList.Add("-nodeReuse:false");
        start.ArgumentList.Add("-p:UseSharedCompilation=false");
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key is "CI" or "ContinuousIntegrationBuild" or "TF_BUILD" or "GITHUB_ACTIONS")
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in 8 minutes:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, $"dotnet {string.Join(' ', arguments)} (exit {process.ExitCode})\n{output}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "ImbalanceGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ImbalanceGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
