using System.Text;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// Every command that reads a CSV file answers hostile text — a line without end, a quote never closed, a million
/// columns, NUL bytes, bytes that are not UTF-8 — with one line naming the file's line, exit code 2, and nothing
/// written; the limits have options that raise them.
/// </summary>
public class HostileCsvTests
{
    public static TheoryData<string, string> Commands() => new()
    {
        { "inspect", "{file}" },
        { "resample", "{file} --pre-split -m random-under --out {dir}/out.csv" },
        { "compare", "{file} --strategies none --folds 2" },
        { "report", "{file} --strategies none --folds 2 --out {dir}/report.html" },
        { "evaluate", "{file} --label label --score score" },
        { "tune", "{file} --label label --score score --objective f1" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_nul_byte_is_one_line_naming_the_line_and_exit_2(string command, string arguments)
    {
        using var folder = new TempFolder();
        var path = folder.File("nul.csv");
        File.WriteAllText(path, "a,score,label\n1,0.5,0\n2,0.\0,1\n3,0.2,0\n");

        var result = Run(folder, command, arguments, path);

        BadInputTests.AssertBadInput(result, "nul.csv line 3: holds a NUL character", command);
        Assert.Equal(["nul.csv"], folder.FileNames());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Bytes_that_are_not_utf8_are_one_line_naming_the_line_and_exit_2(string command, string arguments)
    {
        using var folder = new TempFolder();
        var path = folder.File("latin1.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("a,score,label\n1,0.5,0\n2,0.6,1\n3,0.2,0\n4,0.7,"), 0xE9, (byte)'\n']);

        var result = Run(folder, command, arguments, path);

        BadInputTests.AssertBadInput(result, "latin1.csv line 5: holds bytes that are not UTF-8 text", command);
        Assert.Equal(["latin1.csv"], folder.FileNames());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_line_beyond_the_limit_names_the_option_that_raises_it(string command, string arguments)
    {
        using var folder = new TempFolder();
        var path = folder.File("long.csv");
        File.WriteAllText(path, "a,score,label\n1,0.5,0\n2,0.6,1\n" + new string('7', 5_000) + ",0.1,0\n");

        var result = Run(folder, command, arguments + " --max-line-length 4000", path);

        BadInputTests.AssertBadInput(
            result,
            "long.csv line 4: the line is longer than 4,000 characters (a file without line breaks, or not a CSV file?); raise it with --max-line-length if the file really has lines this long.",
            command);
    }

    [Fact]
    public void Eight_megabytes_without_a_line_break_or_a_closing_quote_stop_at_the_default_limit()
    {
        using var folder = new TempFolder();
        var flat = folder.File("flat.csv");
        File.WriteAllText(flat, "a,label\n" + new string('1', 8 << 20));
        var open = folder.File("open.csv");
        File.WriteAllText(open, "a,label\n\"1,0\n" + string.Concat(Enumerable.Repeat("2,1\n", 2 << 20)));

        BadInputTests.AssertBadInput(Cli.Run("inspect", flat), "flat.csv line 2: the line is longer than 4,194,304 characters", "flat");
        BadInputTests.AssertBadInput(Cli.Run("inspect", open), "open.csv line 2: the line is longer than 4,194,304 characters (a quoted cell opened there is still not closed", "open");
    }

    [Fact]
    public void A_million_columns_are_refused_and_the_options_raise_the_limits()
    {
        using var folder = new TempFolder();
        var path = folder.File("wide.csv");
        File.WriteAllText(path, string.Join(',', Enumerable.Range(0, 1_000_000).Select(i => "c" + i)) + ",label\n");

        BadInputTests.AssertBadInput(Cli.Run("inspect", path), "wide.csv line 1: the line is longer than 4,194,304 characters", "default");
        BadInputTests.AssertBadInput(
            Cli.Run("inspect", path, "--max-line-length", "10000000"),
            "wide.csv line 1: the header has 1,000,001 columns, more than the limit of 100,000; raise it with --max-columns if the file really is this wide.",
            "raised line length");
    }

    [Fact]
    public void A_cell_beyond_the_field_limit_is_refused_and_read_once_the_limit_is_raised()
    {
        using var folder = new TempFolder();
        var path = folder.Csv("notes.csv", "note,a,label", $"{new string('n', 300)},1,0", "short,2,1", "short,3,0", "short,4,1");

        BadInputTests.AssertBadInput(
            Cli.Run("inspect", path, "--max-field-length", "200"),
            "notes.csv line 2, cell 1: the cell is longer than 200 characters; raise it with --max-field-length",
            "field");
        Assert.Equal(0, Cli.Run("inspect", path, "--max-field-length", "300").ExitCode);
    }

    [Theory]
    [InlineData("--max-line-length", "0", "--max-line-length must be at least 1; got 0.")]
    [InlineData("--max-columns", "many", "--max-columns must be a whole number from 1 to 2147483647; got 'many'.")]
    public void Limits_must_be_whole_numbers_of_at_least_one(string option, string value, string expected)
    {
        BadInputTests.AssertBadInput(Cli.Run("inspect", RepositoryFiles.DataFile("pima.csv"), option, value), expected, option);
    }

    private static CliResult Run(TempFolder folder, string command, string arguments, string path)
        => Cli.Run([command, .. arguments.Split(' ').Select(a => a.Replace("{file}", path, StringComparison.Ordinal).Replace("{dir}", folder.Path, StringComparison.Ordinal))]);
}
