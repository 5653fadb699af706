using System.Diagnostics;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// Outputs never replace an input, however the path is spelt; a destination the user cannot write to is bad
/// input; a full disk is not; and whatever happens, no temporary file stays behind and no file of the user's is touched.
/// </summary>
public class OutputSafetyTests
{
    private const string Data = "a,b,label\n1,2,0\n2,3,0\n3,1,0\n4,4,0\n5,2,1\n6,1,1\n7,3,1\n8,2,1\n";

    /// <summary>Ways to name the input file <c>{input}</c> in the folder <c>{dir}</c> without its own spelling.</summary>
    public static TheoryData<string> Spellings() =>
    [
        "same",
        "relative",
        "dot",
        "dot-dot",
        "file-link",
        "folder-link",
        "hard-link",
    ];

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Resample_refuses_an_output_that_is_the_input(string spelling)
    {
        using var folder = new TempFolder();
        var input = folder.Csv("same.csv", Data.TrimEnd('\n').Split('\n'));
        var output = Spell(folder, input, spelling);
        var before = Snapshot(folder);

        var result = Cli.Run("resample", input, "--pre-split", "-m", "random-over", "-o", output);

        BadInputTests.AssertBadInput(result, "that is the input file", spelling);
        Assert.Contains(output, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(folder));
    }

    [Fact]
    public void Resample_refuses_indices_onto_the_input()
    {
        using var folder = new TempFolder();
        var input = folder.Csv("same.csv", Data.TrimEnd('\n').Split('\n'));
        var indices = Spell(folder, input, "hard-link");
        var before = Snapshot(folder);

        var result = Cli.Run("resample", input, "--pre-split", "-m", "random-over", "-o", folder.File("out.csv"), "--indices", indices);

        BadInputTests.AssertBadInput(result, "--indices", "indices onto the input");
        Assert.Contains("that is the input file", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(folder));
    }

    [Theory]
    [InlineData("report", "--out")]
    [InlineData("compare", "--report")]
    public void Report_and_compare_refuse_a_report_that_is_the_input(string command, string option)
    {
        using var folder = new TempFolder();

        // A CSV file with an .html name: only the identity check can catch it.
        var input = folder.Csv("data.html", Data.TrimEnd('\n').Split('\n'));
        var report = Spell(folder, input, "file-link");
        var before = Snapshot(folder);

        var result = Cli.Run(command, input, option, report, "--folds", "2");

        BadInputTests.AssertBadInput(result, "that is the input file", command);
        Assert.Equal(before, Snapshot(folder));
    }

    [Theory]
    [InlineData(new[] { "resample", "{input}", "--pre-split", "-m", "random-over", "-o", "{dir}/out.xlsx" }, "--out {dir}/out.xlsx: the tool writes CSV or Parquet there; give a file name ending in .csv or .parquet")]
    [InlineData(new[] { "resample", "{input}", "--pre-split", "-m", "random-over", "-o", "{dir}/out" }, "give a file name ending in .csv or .parquet")]
    [InlineData(new[] { "resample", "{input}", "--pre-split", "-m", "random-over", "-o", "{dir}/out.csv", "--indices", "{dir}/kept.json" }, "--indices {dir}/kept.json: the tool writes one number per line there; give a file name ending in .txt or .csv")]
    [InlineData(new[] { "generate", "-n", "100", "-f", "3", "--minority-fraction", "0.1", "-o", "{dir}/out.xlsx" }, "give a file name ending in .csv")]
    [InlineData(new[] { "report", "{input}", "--out", "{dir}/r.pdf" }, "--out {dir}/r.pdf: the tool writes an HTML page there; give a file name ending in .html or .htm")]
    [InlineData(new[] { "compare", "{input}", "--report", "{dir}/r.csv" }, "give a file name ending in .html or .htm")]
    [InlineData(new[] { "drift", "{input}", "{input}", "--report", "{dir}/r.csv" }, "give a file name ending in .html or .htm")]
    public void An_output_name_the_tool_cannot_write_is_refused(string[] args, string expected)
    {
        using var folder = new TempFolder();
        folder.Csv("in.csv", Data.TrimEnd('\n').Split('\n'));
        var before = Snapshot(folder);

        var result = Cli.Run([.. args.Select(a => Expand(a, folder))]);

        BadInputTests.AssertBadInput(result, Expand(expected, folder), string.Join(' ', args));
        Assert.Equal(before, Snapshot(folder));
    }

    [Theory]
    [InlineData("resample", "--out")]
    [InlineData("generate", "--out")]
    [InlineData("report", "--out")]
    [InlineData("compare", "--report")]
    public void An_unwritable_destination_is_bad_input_naming_the_path_given(string command, string option)
    {
        using var folder = new TempFolder();
        var input = folder.Csv("in.csv", Data.TrimEnd('\n').Split('\n'));

        // Refused even to root: sysfs allows no new files, and the process sees that.
        var target = command is "report" or "compare" ? "/sys/ig-report.html" : "/sys/ig-out.csv";
        string[] args = command == "generate"
            ? ["generate", "-n", "100", "-f", "3", "--minority-fraction", "0.1", option, target]
            : command == "resample" ? ["resample", input, "--pre-split", "-m", "random-over", option, target] : [command, input, option, target, "--folds", "2"];

        var result = Cli.Run(args);

        BadInputTests.AssertBadInput(result, $"{option} {target}: cannot write there (permission denied)", command);
        Assert.Empty(Directory.GetFiles("/sys", "*ig-*"));
    }

    [Fact]
    public void Report_onto_an_existing_folder_is_bad_input_and_leaves_nothing()
    {
        using var folder = new TempFolder();
        var input = folder.Csv("in.csv", Data.TrimEnd('\n').Split('\n'));
        Directory.CreateDirectory(folder.File("out.html"));
        var before = Snapshot(folder);

        var result = Cli.Run("report", input, "--out", folder.File("out.html"), "--folds", "2");

        BadInputTests.AssertBadInput(result, "that is a folder", "report onto a folder");
        Assert.Equal(before, Snapshot(folder));
        Assert.Empty(Directory.GetFileSystemEntries(folder.File("out.html")));
    }

    [Fact]
    public void Report_leaves_a_users_own_tmp_file_alone()
    {
        using var folder = new TempFolder();
        var mine = folder.File("mine.html.tmp");
        File.WriteAllText(mine, "my notes");

        var result = Cli.Run("report", RepositoryFiles.DataFile("hacide.csv"), "--out", folder.File("mine.html"), "--strategies", "none", "--folds", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("my notes", File.ReadAllText(mine));
        Assert.Equal(["mine.html", "mine.html.tmp"], folder.FileNames());
    }

    [Fact]
    public void Write_failures_are_classified_by_what_the_system_said()
    {
        const int NoSpace = 28, ReadOnlyFileSystem = 30;
        var full = OutputException.From(new IOException("No space left on device", NoSpace), "--out", "big.csv");
        Assert.Equal(1, full.ExitCode);
        Assert.Equal("--out big.csv: the disk is full; nothing was written.", full.Message);

        var denied = OutputException.From(new UnauthorizedAccessException("Access denied"), "--out", "x.csv");
        Assert.Equal(2, denied.ExitCode);
        Assert.Equal("--out x.csv: cannot write there (permission denied); choose another folder.", denied.Message);

        var readOnly = OutputException.From(new IOException("Read-only file system", ReadOnlyFileSystem), "--report", "r.html");
        Assert.Equal(2, readOnly.ExitCode);
        Assert.Contains("(read-only file system)", readOnly.Message, StringComparison.Ordinal);

        Assert.Equal(1, OutputException.From(new IOException("I/O error", 5), "--out", "x.csv").ExitCode);
        Assert.Equal((1, "error: --out big.csv: the disk is full; nothing was written."), ErrorReport.ForException(full));
    }

    [Fact]
    public void A_full_disk_while_writing_exits_1_and_leaves_no_temporary_file()
    {
        using var folder = new TempFolder();
        using (var staged = new StagedOutput())
        {
            var target = staged.Reserve(folder.File("out.csv"), "--out", OutputFormat.Csv);
            var error = Assert.Throws<OutputException>(() => staged.Write(target, w =>
            {
                w.Write("a,b,label\n");
                throw new IOException("No space left on device", 28);
            }));
            Assert.Equal(1, error.ExitCode);
        }

        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public void Temporary_names_are_unique_and_hidden()
    {
        using var folder = new TempFolder();
        using var first = new StagedOutput();
        using var second = new StagedOutput();
        first.Reserve(folder.File("out.csv"), "--out", OutputFormat.Csv);
        second.Reserve(folder.File("out.csv"), "--out", OutputFormat.Csv);

        var names = folder.FileNames();
        Assert.Equal(2, names.Length);
        Assert.All(names, n => Assert.Matches(@"^\.out\.csv\.[0-9a-f]{32}\.tmp$", n));
    }

    [Fact]
    public async Task Ctrl_c_while_writing_removes_the_temporary_file_and_exits_130()
    {
        using var folder = new TempFolder();
        var output = folder.File("big.csv");
        // A test host may run with SIGINT ignored, and a child inherits that (the runtime then rightly leaves it
        // ignored); perl (part of every Debian system) restores the default before it becomes the tool.
        var start = new ProcessStartInfo("perl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", Cli.DotnetHost(), Cli.ToolPath, "generate", "-n", "2000000", "-f", "20", "--minority-fraction", "0.1", "-o", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();

        // The temporary file exists from the moment the output is reserved; wait until rows are being written into it.
        var clock = Stopwatch.StartNew();
        string? writing;
        while ((writing = Writing(folder)) is null && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            Thread.Sleep(5);
        }

        if (process.HasExited)
        {
            // Only now: reading stderr waits for the process to end.
            Assert.Fail("the tool finished before it could be interrupted: " + await stderr);
        }

        Assert.Matches(@"^\.big\.csv\.[0-9a-f]{32}\.tmp$", writing);

        // The system call itself: a machine with only the SDK may have no kill program (procps).
        Assert.Equal(0, Kill(process.Id, SignalInterrupt));

        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the tool did not stop after SIGINT");
        Assert.Equal(130, process.ExitCode);
        Assert.Equal("error: interrupted; no output file was written.", (await stderr).Trim());
        Assert.Empty(folder.FileNames());
    }

    private const int SignalInterrupt = 2; // SIGINT on Linux and macOS

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>The name of the file being written in the folder, once it holds something; else null.</summary>
    private static string? Writing(TempFolder folder)
        => new DirectoryInfo(folder.Path).GetFiles().FirstOrDefault(f => f.Length > 0)?.Name;

    /// <summary>The input's path spelt another way, made real in the folder where needed.</summary>
    private static string Spell(TempFolder folder, string input, string spelling)
    {
        var name = Path.GetFileName(input);
        switch (spelling)
        {
            case "relative":
                return Path.GetRelativePath(Directory.GetCurrentDirectory(), input);
            case "dot":
                return Path.Combine(folder.Path, ".", name);
            case "dot-dot":
                Directory.CreateDirectory(folder.File("sub"));
                return Path.Combine(folder.Path, "sub", "..", name);
            case "file-link":
                var link = folder.File("link-" + name);
                File.CreateSymbolicLink(link, input);
                return link;
            case "folder-link":
                var linkedFolder = folder.File("linked");
                Directory.CreateSymbolicLink(linkedFolder, folder.Path);
                return Path.Combine(linkedFolder, name);
            case "hard-link":
                var hard = folder.File("hard-" + name);
                using (var ln = Process.Start("ln", [input, hard]))
                {
                    ln.WaitForExit();
                    Assert.Equal(0, ln.ExitCode);
                }

                return hard;
            default:
                return input;
        }
    }

    /// <summary>Every entry of the folder with its contents: what a refused command must leave as it was.</summary>
    private static string[] Snapshot(TempFolder folder)
        => [.. Directory.GetFileSystemEntries(folder.Path).Order(StringComparer.Ordinal)
            .Select(p => Path.GetFileName(p) + ":" + (File.Exists(p) ? File.ReadAllText(p) : "<folder>"))];

    private static string Expand(string arg, TempFolder folder)
        => arg.Replace("{input}", folder.File("in.csv"), StringComparison.Ordinal).Replace("{dir}", folder.Path, StringComparison.Ordinal);
}
