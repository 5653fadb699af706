using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// The tool as people get it: packed to nupkgs, installed with <c>dotnet tool install</c> from that local folder,
/// and run from where it was installed. On Linux x64 that is the native (Native AOT) package, elsewhere the
/// framework-dependent one ('any').
/// </summary>
public partial class ToolInstallTests
{
    private static readonly string Project = Path.Combine(RepositoryFiles.RootDirectory, "src", "ImbalanceGuard.Cli", "ImbalanceGuard.Cli.csproj");

    /// <summary>The framework-dependent package, which every platform without a native package installs.</summary>
    [Fact]
    public void The_framework_dependent_package_installs_from_a_local_folder_and_runs()
    {
        using var folder = new TempFolder();
        var packages = Path.Combine(folder.Path, "packages");
        var tools = Path.Combine(folder.Path, "tools");

        // A pointer package that lists only 'any', as a platform without a native package sees the real one.
        Dotnet("pack", Project, "-c", "Release", "-o", packages, "-p:ToolPackageRuntimeIdentifiers=any");
        Dotnet("pack", Project, "-c", "Release", "-o", packages, "-r", "any", "-p:ToolPackageRuntimeIdentifiers=any", "-p:PublishAot=false");
        Dotnet("tool", "install", "--tool-path", tools, "--add-source", packages, "ImbalanceGuard.Cli");

        var installed = Installed(tools);
        Assert.Single(Directory.GetFiles(tools, "imbalance-guard.dll", SearchOption.AllDirectories), f => f.Contains(Path.Combine("imbalanceguard.cli.any", ""), StringComparison.Ordinal));
        var help = Run(installed, "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        foreach (var command in new[] { "inspect", "resample", "generate", "evaluate", "tune", "compare", "report" })
        {
            Assert.Contains(command + " ", help.Stdout, StringComparison.Ordinal);
        }

        var inspect = Run(installed, "inspect", RepositoryFiles.DataFile("hacide.csv"), "--json");
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains("\"rows\": 1000", inspect.Stdout, StringComparison.Ordinal);

        // This package carries no DuckDB native library (all five platforms' would add 110 MB). CSV to CSV is streamed
        // by the tool and needs no engine; a Parquet part does, and split says so.
        Assert.Empty(Directory.GetFiles(tools, "*duckdb*", SearchOption.AllDirectories));
        var split = Run(installed, "split", RepositoryFiles.DataFile("pima.csv"), "--holdout", "0.2", "--train", Path.Combine(folder.Path, "t.csv"), "--holdout-out", Path.Combine(folder.Path, "h.csv"));
        Assert.True(split.ExitCode == 0, split.ToString());
        Assert.True(File.Exists(Path.Combine(folder.Path, "h.csv.ig.json")));
        var parquet = Run(installed, "split", RepositoryFiles.DataFile("pima.csv"), "--holdout", "0.2", "--train", Path.Combine(folder.Path, "t.parquet"), "--holdout-out", Path.Combine(folder.Path, "h2.csv"));
        Assert.Equal(1, parquet.ExitCode);
        Assert.StartsWith("error: split needs the DuckDB engine's native library", Assert.Single(parquet.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "t.parquet")));

        // So does a Parquet file given to an in-memory command, read or written.
        var parquetFile = Path.Combine(folder.Path, "g.parquet");
        Assert.Equal(0, Cli.Run("generate", "-n", "200", "-f", "3", "--minority-fraction", "0.1", "-o", parquetFile).ExitCode);
        var read = Run(installed, "compare", parquetFile, "--folds", "3", "--strategies", "none");
        var written = Run(installed, "generate", "-n", "200", "-f", "3", "--minority-fraction", "0.1", "-o", Path.Combine(folder.Path, "w.parquet"));
        foreach (var refused in new[] { read, written })
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.StartsWith("error: Parquet files are read and written by the DuckDB engine, whose native library this package", Assert.Single(refused.StderrLines), StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(folder.Path, "w.parquet")));
    }

    /// <summary>
    /// A platform's own framework-dependent package carries that platform's native libraries and no other's, so the
    /// DuckDB engine adds one library to it (issue 21: at most ~40 MB a platform). Packed for Windows x64 here, which
    /// a Linux machine can do; the other platforms' packages are built the same way.
    /// </summary>
    [Fact]
    public void A_platform_package_carries_only_its_own_engine_library()
    {
        using var folder = new TempFolder();
        Dotnet("pack", Project, "-c", "Release", "-o", folder.Path, "-r", "win-x64", "-p:PublishAot=false", "-p:SelfContained=false");

        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(folder.Path, "ImbalanceGuard.Cli.win-x64.1.0.0.nupkg"));
        var natives = package.Entries
            .Where(e => e.Name.EndsWith(".so", StringComparison.Ordinal) || e.Name.EndsWith(".dylib", StringComparison.Ordinal)
                || (e.Name.EndsWith(".dll", StringComparison.Ordinal) && e.Name.StartsWith("lib", StringComparison.Ordinal)) || e.Name == "duckdb.dll")
            .Select(e => e.FullName)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            ["tools/net10.0/win-x64/duckdb.dll", "tools/net10.0/win-x64/libHarfBuzzSharp.dll", "tools/net10.0/win-x64/libSkiaSharp.dll"],
            natives);
        var engine = package.GetEntry("tools/net10.0/win-x64/duckdb.dll")!;
        Assert.InRange(engine.CompressedLength, 1L << 20, 40L << 20);
        Assert.DoesNotContain(package.Entries, e => e.FullName.Contains("/runtimes/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The native linux-x64 package is what Linux x64 users install: a trimmed, ahead-of-time compiled program.
    /// It must answer exactly as the library does in-process: every sampler's output file byte for byte, every
    /// command's JSON, the report, and the one-line errors.
    /// </summary>
    [NativeAotFact]
    public void The_native_linux_x64_package_installs_and_answers_as_the_tool_does_in_process()
    {
        using var folder = new TempFolder();
        var packages = Path.Combine(folder.Path, "packages");
        var tools = Path.Combine(folder.Path, "tools");
        Dotnet("pack", Project, "-c", "Release", "-o", packages);
        Dotnet("pack", Project, "-c", "Release", "-o", packages, "-r", "linux-x64");
        Dotnet("pack", Project, "-c", "Release", "-o", packages, "-r", "any", "-p:PublishAot=false");
        Dotnet("tool", "install", "--tool-path", tools, "--add-source", packages, "ImbalanceGuard.Cli");

        var native = Installed(tools);
        Assert.Contains(Path.Combine("linux-x64", "imbalance-guard"), native, StringComparison.Ordinal);
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(native)[..4]);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(native)!, "*.dll"));

        var compare = new NativeAgainstInProcess(native, folder);
        foreach (var method in SamplerCatalog.Names)
        {
            var parameters = method == "smote-nc" ? new[] { "--param", "categorical_features=0" } : [];
            foreach (var data in new[] { "pima.csv", "glass.csv" })
            {
                compare.Files(["resample", RepositoryFiles.DataFile(data), "--pre-split", "-m", method, .. parameters, "--seed", "3", "--json"], "{out}.csv", "{out}.txt");
            }
        }

        compare.Files(["generate", "--rows", "5000", "--features", "7", "--minority-fraction", "0.07", "--classes", "3", "--seed", "5"], "{out}.csv");
        compare.Output("inspect", RepositoryFiles.DataFile("glass.csv"), "--json");
        compare.Output("inspect", RepositoryFiles.DataFile("satimage.csv"));

        var scores = Path.Combine(folder.Path, "scores.csv");
        File.WriteAllLines(scores, ["y,p", .. Enumerable.Range(0, 400).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(i % 9 == 0 || i % 31 == 0 ? 1 : 0)},{((i * 37) % 101) / 101.0 + (i % 9 == 0 ? 0.2 : 0):0.000}"))]);
        compare.Output("evaluate", scores, "--label", "y", "--score", "p", "--threshold", "0.5", "--json");
        compare.Output("tune", scores, "--label", "y", "--score", "p", "--objective", "cost:fp=1,fn=10", "--json");
        compare.Output("compare", RepositoryFiles.DataFile("pima.csv"), "--folds", "3", "--strategies", "none,smote,balanced-random-forest", "--json");
        compare.Files(["report", RepositoryFiles.DataFile("hacide.csv"), "--folds", "3", "--strategies", "none,smote"], "{out}.html");

        // split runs on the engine the package carries: the same parts, byte for byte, and the same records.
        var (nativeTrain, inProcessTrain) = (Path.Combine(folder.Path, "native-train.csv"), Path.Combine(folder.Path, "in-process-train.csv"));
        var nativeSplit = Run(native, "split", RepositoryFiles.DataFile("pima.csv"), "--holdout", "0.2", "--seed", "3", "--train", nativeTrain, "--holdout-out", Path.Combine(folder.Path, "native-holdout.parquet"));
        var inProcessSplit = Cli.Run("split", RepositoryFiles.DataFile("pima.csv"), "--holdout", "0.2", "--seed", "3", "--train", inProcessTrain, "--holdout-out", Path.Combine(folder.Path, "in-process-holdout.parquet"));
        Assert.True(nativeSplit.ExitCode == 0, nativeSplit.ToString());
        Assert.True(inProcessSplit.ExitCode == 0, inProcessSplit.ToString());
        Assert.Equal(File.ReadAllBytes(inProcessTrain), File.ReadAllBytes(nativeTrain));
        compare.Output("split", RepositoryFiles.DataFile("pima.csv"), "--holdout", "0.2", "--label", "nope", "--train", Path.Combine(folder.Path, "x.csv"), "--holdout-out", Path.Combine(folder.Path, "y.csv"));

        // Parquet in and out of the in-memory commands, through the engine the package carries.
        var parquet = Path.Combine(folder.Path, "generated.parquet");
        Assert.Equal(0, Cli.Run("generate", "-n", "2000", "-f", "5", "--minority-fraction", "0.1", "--seed", "4", "-o", parquet).ExitCode);
        compare.Files(["resample", parquet, "--pre-split", "-m", "smote", "--seed", "3", "--json"], "{out}.csv");
        compare.Files(["generate", "-n", "500", "-f", "4", "--minority-fraction", "0.1", "--seed", "2"], "{out}.parquet");

        // Bad input: the same one line and exit code 2.
        compare.Output("resample", Path.Combine(folder.Path, "missing.csv"), "--pre-split", "-m", "smote", "-o", Path.Combine(folder.Path, "x.csv"));
        compare.Output("resample", RepositoryFiles.DataFile("pima.csv"), "--pre-split", "-m", "smote", "--param", "k_neighbors=0", "-o", Path.Combine(folder.Path, "x.csv"));
    }

    private static string Installed(string tools)
    {
        var command = Path.Combine(tools, "imbalance-guard");
        Assert.True(File.Exists(command), $"no {command} after the install");
        return new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command;
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
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{executable} did not finish within ten minutes");
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs one command line in the native tool and in-process, and asserts they agree.</summary>
    private sealed partial class NativeAgainstInProcess(string native, TempFolder folder)
    {
        private int _runs;

        /// <summary>Same exit code, same stdout and stderr (timings aside).</summary>
        public void Output(params string[] args)
        {
            var (fromNative, inProcess) = (Run(native, args), Cli.Run(args));
            AssertSame(args, fromNative, inProcess);
        }

        /// <summary>
        /// As <see cref="Output"/>, with the output files each writes (<paramref name="outputs"/>, "{out}" standing
        /// for a fresh name per side: the first goes to --out, a second to --indices) compared byte for byte.
        /// </summary>
        public void Files(string[] args, params string[] outputs)
        {
            var run = _runs++;
            string[] Paths(string side) => [.. outputs.Select(o => folder.File(o.Replace("{out}", $"{side}-{run}", StringComparison.Ordinal)))];
            string[] WithPaths(string[] paths) => [.. args, "--out", paths[0], .. paths.Length > 1 ? new[] { "--indices", paths[1] } : []];
            var (nativePaths, inProcessPaths) = (Paths("native"), Paths("in-process"));
            var fromNative = Run(native, WithPaths(nativePaths));
            var inProcess = Cli.Run(WithPaths(inProcessPaths));
            AssertSame(args, fromNative, inProcess, nativePaths, inProcessPaths);
            for (var i = 0; i < outputs.Length; i++)
            {
                Assert.Equal(File.Exists(inProcessPaths[i]), File.Exists(nativePaths[i]));
                if (File.Exists(inProcessPaths[i]) && inProcessPaths[i].EndsWith(".html", StringComparison.Ordinal))
                {
                    // The report's table ends each strategy's row with its fitting time; everything else, the plots' PNGs included, must match.
                    Assert.Equal(FitTime().Replace(File.ReadAllText(inProcessPaths[i]), "<td>fit time</td></tr>"), FitTime().Replace(File.ReadAllText(nativePaths[i]), "<td>fit time</td></tr>"));
                }
                else if (File.Exists(inProcessPaths[i]))
                {
                    Assert.True(
                        File.ReadAllBytes(inProcessPaths[i]).AsSpan().SequenceEqual(File.ReadAllBytes(nativePaths[i])),
                        $"{string.Join(' ', args)}: {Path.GetFileName(nativePaths[i])} differs from the in-process output");
                }
            }
        }

        private static void AssertSame(string[] args, CliResult fromNative, CliResult inProcess, string[]? nativePaths = null, string[]? inProcessPaths = null)
        {
            var what = string.Join(' ', args);
            Assert.True(inProcess.ExitCode == fromNative.ExitCode, $"{what}\nnative: {fromNative}\nin-process: {inProcess}");
            Assert.Equal(Comparable(inProcess.Stdout, inProcessPaths, nativePaths), Comparable(fromNative.Stdout, null, null));
            Assert.Equal(Comparable(inProcess.Stderr, inProcessPaths, nativePaths), Comparable(fromNative.Stderr, null, null));
        }

        /// <summary>The text without timings (which differ run to run) and with one side's file names in the other's.</summary>
        private static string Comparable(string text, string[]? from, string[]? to)
        {
            for (var i = 0; from is not null && to is not null && i < from.Length; i++)
            {
                text = text.Replace(from[i], to[i], StringComparison.Ordinal);
            }

            // A writer in-process is styled as the test host's terminal allows; a redirected process is plain.
            text = AnsiStyle().Replace(text, string.Empty);
            return string.Join('\n', text.Split('\n').Where(line => !line.Contains("seconds", StringComparison.Ordinal) && !line.Contains(" s.", StringComparison.Ordinal)));
        }

        [GeneratedRegex("\u001b\\[[0-9;]*m")]
        private static partial Regex AnsiStyle();

        [GeneratedRegex("<td>[0-9.]+ <span class=\"spread\">± [0-9.]+</span></td></tr>")]
        private static partial Regex FitTime();
    }
}
