using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>The pieces behind the contract that are hard to reach from the command line.</summary>
public class InternalsTests
{
    [Fact]
    public void Exceptions_map_to_exit_codes_with_one_line()
    {
        Assert.Equal(2, ErrorReport.ForException(new DataFormatException("x")).ExitCode);
        Assert.Equal(2, ErrorReport.ForException(new FileNotFoundException("x")).ExitCode);
        Assert.Equal(2, ErrorReport.ForException(new DirectoryNotFoundException("x")).ExitCode);
        Assert.Equal(2, ErrorReport.ForException(new SamplingException("x")).ExitCode);
        Assert.Equal(2, ErrorReport.ForException(new ArgumentException("x", "p")).ExitCode);
        Assert.Equal(2, ErrorReport.ForException(new ArgumentOutOfRangeException("p", 3, "x")).ExitCode);
        Assert.Equal(2, ErrorReport.ForException(new AggregateException(new SamplingException("inner"))).ExitCode);
        Assert.Equal(1, ErrorReport.ForException(new InvalidOperationException("boom")).ExitCode);
        Assert.Equal(1, ErrorReport.ForException(new IOException("disk full")).ExitCode);

        var (_, line) = ErrorReport.ForException(new ArgumentOutOfRangeException("rows", 0, "rows must be at least 1."));
        Assert.Equal("error: rows must be at least 1. Actual value was 0.", line);
        Assert.Equal("error: internal failure (InvalidOperationException): two lines", ErrorReport.ForException(new InvalidOperationException("two\nlines")).Line);
    }

    [Fact]
    public void A_failed_commit_restores_the_files_that_were_there()
    {
        using var folder = new TempFolder();
        var first = folder.Csv("first.csv", "before");
        var second = folder.File("second.txt");
        using (var staged = new StagedOutput())
        {
            var a = staged.Reserve(first, "--out", OutputFormat.Csv);
            var b = staged.Reserve(second, "--indices", OutputFormat.Lines);
            staged.Write(a, w => w.Write("after"));
            staged.Write(b, w => w.Write("after"));

            // The second target turns into a folder after it was checked: its move must fail.
            Directory.CreateDirectory(second);
            Assert.ThrowsAny<IOException>(staged.Commit);
        }

        Assert.Equal("before\n", File.ReadAllText(first));
        Assert.Equal(["first.csv"], folder.FileNames());
    }

    [Fact]
    public void Nothing_is_written_without_a_commit()
    {
        using var folder = new TempFolder();
        using (var staged = new StagedOutput())
        {
            staged.Write(staged.Reserve(folder.File("out.csv"), "--out", OutputFormat.Csv), w => w.Write("data"));
        }

        Assert.Empty(folder.FileNames());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(10, 5)]
    [InlineData(21, 10)]
    public void Default_informative_features_are_half_at_least_two(int features, int informative)
        => Assert.Equal(informative, GenerateCommand.DefaultInformative(features));
}
