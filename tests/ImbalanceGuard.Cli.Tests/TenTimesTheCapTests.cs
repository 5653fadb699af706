using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Xunit.Abstractions;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// Issue 21's done-when test: a file about ten times the memory cap (about 200 MB under --memory-limit 20MB) is split
/// and under-sampled out of core, and the results match the in-memory path: the same counts per class as
/// <see cref="Split.Stratified"/> and <see cref="Sampling.RandomUnderSampler"/>, the rows the C# mirror picks, every
/// input row in exactly one output, identical bytes for 1 and 2 threads, and a peak resident memory of the tool's
/// process below the file's size. It takes about a minute on the project's machine.
/// </summary>
public class TenTimesTheCapTests(BigCsv big, ITestOutputHelper output) : IClassFixture<BigCsv>
{
    private const int Seed = 21;

    [Fact]
    public void Split_and_random_under_of_a_200_MB_file_under_a_20_MB_cap_match_the_in_memory_path()
    {
        var size = new FileInfo(big.Path).Length;
        Assert.InRange(size, 190L << 20, 230L << 20);
        var folder = big.Folder;
        var (train, holdout) = (folder.File("train.csv"), folder.File("holdout.csv"));

        var (split, splitPeak, splitTime) = RunMeasured("split", big.Path, "--holdout", "0.2", "--seed", "21", "--memory-limit", "20MB", "--threads", "1", "--train", train, "--holdout-out", holdout);
        Assert.True(split.ExitCode == 0, split.ToString());
        var again = Cli.Run("split", big.Path, "--holdout", "0.2", "--seed", "21", "--memory-limit", "20MB", "--threads", "2", "--train", folder.File("train2.csv"), "--holdout-out", folder.File("holdout2.csv"));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(Sha256(train), Sha256(folder.File("train2.csv")));
        Assert.Equal(Sha256(holdout), Sha256(folder.File("holdout2.csv")));

        // In memory: the same file loaded (one feature is enough for the counts), split by Split.Stratified.
        var data = Load(big.Path);
        var inMemory = Split.Stratified(data, 0.2, Seed).Holdout.ClassCountsByName();
        Assert.Equal(inMemory, LabelCounts(holdout));
        var mirror = Mirror(data, inMemory, Seed);
        var held = Ids(holdout).ToHashSet();
        Assert.Equal(mirror.Order(), held.Order());
        AssertEachLineInOnePart(big.Path, held, holdout, train);

        var (under, underPeak, underTime) = RunMeasured("resample", train, "-m", "random-under", "--seed", "3", "--memory-limit", "20MB", "-o", folder.File("under.csv"));
        Assert.True(under.ExitCode == 0, under.ToString());
        var training = Load(train);
        var targets = new Sampling.RandomUnderSampler { Seed = 3 }.FitResample(Split.FromPreSplit(training)).CountsAfter;
        Assert.Equal(targets, LabelCounts(folder.File("under.csv")));
        var kept = Mirror(training, targets, 3);
        var trainIds = Ids(train);
        var keptIds = kept.Select(r => trainIds[r]).ToHashSet();
        Assert.Equal(keptIds.Order(), Ids(folder.File("under.csv")).Order());
        AssertEachLineInOnePart(train, keptIds, folder.File("under.csv"), null);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file {size / 1048576.0:0.0} MB; split {splitTime:0.0} s, peak RSS {splitPeak / 1048576.0:0.0} MB; random-under {underTime:0.0} s, peak RSS {underPeak / 1048576.0:0.0} MB"));
        if (OperatingSystem.IsLinux())
        {
            Assert.InRange(splitPeak, 1, size - 1);
            Assert.InRange(underPeak, 1, size - 1);
        }
    }

    private static Dataset Load(string path) => Dataset.LoadCsv(path, new CsvLoadOptions
    {
        LabelColumn = "label",
        IgnoreColumns = ["id", "place", .. Enumerable.Range(1, BigCsv.Numbers - 1).Select(j => "x" + j.ToString(CultureInfo.InvariantCulture))],
    });

    // Per class, the rows with the lowest seeded hashes of their positions (ties by position), as many as the targets.
    private static int[] Mirror(Dataset data, IReadOnlyDictionary<string, int> targets, int seed)
        => [.. Enumerable.Range(0, data.RowCount).GroupBy(data.GetClassName)
            .SelectMany(g => g.OrderBy(i => Scale.PortableHash.Compute(i, seed)).ThenBy(i => i).Take(targets[g.Key]))];

    private static Dictionary<string, int> LabelCounts(string csv)
        => File.ReadLines(csv).Skip(1).GroupBy(l => l[(l.LastIndexOf(',') + 1)..]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static int[] Ids(string csv) => [.. File.ReadLines(csv).Skip(1).Select(l => int.Parse(l.AsSpan(0, l.IndexOf(',')), CultureInfo.InvariantCulture))];

    // Walks the input and the parts together: each input line is the next line of the part its id says, as written.
    private static void AssertEachLineInOnePart(string input, HashSet<int> picked, string pickedPart, string? otherPart)
    {
        using var source = File.ReadLines(input).GetEnumerator();
        using var first = File.ReadLines(pickedPart).GetEnumerator();
        using var second = (otherPart is null ? [] : File.ReadLines(otherPart)).GetEnumerator();
        Assert.True(source.MoveNext() && first.MoveNext());
        Assert.Equal(source.Current, first.Current);
        if (otherPart is not null)
        {
            Assert.True(second.MoveNext());
            Assert.Equal(source.Current, second.Current);
        }

        var lines = 0;
        while (source.MoveNext())
        {
            var id = int.Parse(source.Current.AsSpan(0, source.Current.IndexOf(',')), CultureInfo.InvariantCulture);
            if (picked.Contains(id))
            {
                Assert.True(first.MoveNext(), $"{pickedPart} ends before row {id}");
                Assert.Equal(source.Current, first.Current);
            }
            else if (otherPart is not null)
            {
                Assert.True(second.MoveNext(), $"{otherPart} ends before row {id}");
                Assert.Equal(source.Current, second.Current);
            }

            lines++;
        }

        Assert.False(first.MoveNext(), $"{pickedPart} has lines the input does not");
        Assert.False(otherPart is not null && second.MoveNext(), $"{otherPart} has lines the input does not");
        Assert.True(lines > 0);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    // Runs the built tool as a child process and reads its peak resident memory (VmHWM, Linux) while it runs.
    private static (CliResult Result, long PeakBytes, double Seconds) RunMeasured(params string[] args)
    {
        var start = new ProcessStartInfo(Cli.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Cli.ToolPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var peak = 0L;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, PeakResident(process.Id));
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the tool did not finish within five minutes");
        }

        return (new CliResult(process.ExitCode, stdout.Result, stderr.Result), peak, clock.Elapsed.TotalSeconds);
    }

    private static long PeakResident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..^"kB".Length].Trim(), CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            // The process ended between two reads.
            return 0;
        }
    }
}
