using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// resample with SMOTE, SMOTE-NC and SMOTEN on a file over a quarter of --memory-limit: only the rows of the classes
/// grown are held, the rest stream from the input to the output, and with the same seed the output is the in-memory
/// path's, byte for byte (the generated files spell numbers as the writer does, so the copied rows match too).
/// </summary>
public class OutOfCoreOversamplingTests
{
    // The file is several times this cap; the rows held (the small class and the rows made) fit under it.
    private const string SmallCap = "256KB";

    // Room for the tens of thousands of rows `auto` makes; a file over 1 MB is still over a quarter of it.
    private const string RoomyCap = "4MB";

    /// <summary>Numbers spelled as the tool writes them ("R"), so rows copied as written equal rows written back.</summary>
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string NumericFile(TempFolder folder, int rows, int seed, double separation = 1.5)
    {
        var random = new Random(seed);
        var text = new StringBuilder("a,b,c,d,label\n");
        for (var i = 0; i < rows; i++)
        {
            var positive = random.NextDouble() < 0.02;
            var shift = positive ? separation : 0;
            text.Append(Number(shift + random.NextDouble())).Append(',')
                .Append(Number(random.NextDouble() * 1e-4)).Append(',')
                .Append(Number(shift - random.NextDouble())).Append(',')
                .Append(Number(Math.Round(random.NextDouble() * 100, 2))).Append(',')
                .Append(positive ? "1\n" : "0\n");
        }

        var path = folder.File("numeric.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Three classes; a text column whose levels first appear in rows of the large class, and a numeric-coded category.</summary>
    private static string MixedFile(TempFolder folder, int rows, int seed)
    {
        var random = new Random(seed);
        string[] colours = ["red", "green", "blue", "cyan", "plum"];
        var text = new StringBuilder("x,colour,y,size,label\n");
        for (var i = 0; i < rows; i++)
        {
            var draw = random.NextDouble();
            var label = i < 50 ? "neg" : draw < 0.008 ? "pos" : draw < 0.02 ? "mid" : "neg";
            var colour = label == "pos" ? colours[random.Next(2, 5)] : colours[random.Next(colours.Length)];
            text.Append(Number(random.NextDouble() * (label == "pos" ? 2 : 1))).Append(',')
                .Append(colour).Append(',')
                .Append(Number(random.NextDouble())).Append(',')
                .Append(random.Next(1, 4).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(label).Append('\n');
        }

        var path = folder.File("mixed.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Every feature a category; the large class's value frequencies differ from the small class's, so the metric needs both.</summary>
    private static string CategoricalFile(TempFolder folder, int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("p,q,s,label\n");
        for (var i = 0; i < rows; i++)
        {
            var small = i >= 20 && random.NextDouble() < 0.004;
            var p = small ? (random.NextDouble() < 0.6 ? "u" : "w") : new[] { "u", "v", "w", "t" }[random.Next(4)];
            var q = small ? new[] { "x", "x", "y", "k" }[random.Next(4)] : new[] { "x", "y", "z", "k" }[random.Next(4)];
            var s = (10 * random.Next(1, small ? 3 : 6)).ToString(CultureInfo.InvariantCulture);
            text.Append(p).Append(',').Append(q).Append(',').Append(s).Append(',').Append(small ? "b\n" : "a\n");
        }

        var path = folder.File("categorical.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.Clone();
    }

    private static Dictionary<string, long> Counts(JsonElement json, string name)
        => json.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());

    /// <summary>Runs the same resampling in memory and out of core, checks the out-of-core run was one, and returns both outputs' bytes.</summary>
    private static (byte[] InMemory, byte[] OutOfCore, JsonElement Json) Both(TempFolder folder, string input, string cap, params string[] args)
    {
        Assert.True(new FileInfo(input).Length > (cap == SmallCap ? 4 * 256 * 1024 : 1024 * 1024), "the file must be over a quarter of the cap");
        var memory = folder.File("memory.csv");
        var streamed = folder.File("streamed.csv");
        var inMemory = Json(Cli.Run(["resample", input, "--pre-split", .. args, "--out", memory, "--json"]));
        var outOfCore = Json(Cli.Run(["resample", input, "--pre-split", .. args, "--out", streamed, "--json", "--memory-limit", cap]));
        Assert.False(inMemory.TryGetProperty("rows_in_memory", out _), "the in-memory run must not be out of core");
        Assert.Equal(Counts(inMemory, "counts_before"), Counts(outOfCore, "counts_before"));
        Assert.Equal(Counts(inMemory, "counts_after"), Counts(outOfCore, "counts_after"));
        Assert.Equal(inMemory.GetProperty("rows_after").GetInt64(), outOfCore.GetProperty("rows_after").GetInt64());

        // Both outputs are training data with a record naming the sampler; only the output's own fingerprint differs.
        foreach (var output in new[] { memory, streamed })
        {
            using var record = JsonDocument.Parse(File.ReadAllText(output + ".ig.json"));
            Assert.Equal("training", record.RootElement.GetProperty("role").GetString());
            Assert.Equal(args[1], Assert.Single(record.RootElement.GetProperty("resampled").EnumerateArray()).GetProperty("method").GetString());
        }

        return (File.ReadAllBytes(memory), File.ReadAllBytes(streamed), outOfCore);
    }

    [Fact]
    public void Smote_out_of_core_with_per_class_targets_writes_the_in_memory_bytes_holding_only_the_small_class()
    {
        using var folder = new TempFolder();
        var input = NumericFile(folder, 30_000, 1);
        var positives = File.ReadLines(input).Skip(1).Count(l => l.EndsWith(",1", StringComparison.Ordinal));

        var (inMemory, outOfCore, json) = Both(folder, input, SmallCap, "-m", "smote", "--seed", "7", "--param", "sampling_strategy=1:2000");

        Assert.Equal(inMemory, outOfCore);
        Assert.Equal(positives, json.GetProperty("rows_in_memory").GetInt64());
        Assert.Equal(2000, Counts(json, "counts_after")["1"]);
        Assert.Equal(30_000 - positives, Counts(json, "counts_after")["0"]);
    }

    [Fact]
    public void Smote_out_of_core_resolves_auto_on_exact_counts_as_in_memory()
    {
        using var folder = new TempFolder();
        var input = NumericFile(folder, 30_000, 2);

        var (inMemory, outOfCore, json) = Both(folder, input, RoomyCap, "-m", "smote", "--seed", "3", "--param", "k_neighbors=3");

        Assert.Equal(inMemory, outOfCore);
        var after = Counts(json, "counts_after");
        Assert.Equal(after["0"], after["1"]);
    }

    [Fact]
    public void Smote_nc_out_of_core_on_mixed_features_and_three_classes_writes_the_in_memory_bytes()
    {
        using var folder = new TempFolder();
        var input = MixedFile(folder, 30_000, 3);

        var (inMemory, outOfCore, json) = Both(folder, input, RoomyCap, "-m", "smote-nc", "--seed", "11", "--categorical", "size");

        Assert.Equal(inMemory, outOfCore);
        var before = Counts(json, "counts_before");
        Assert.Equal(before["pos"] + before["mid"], json.GetProperty("rows_in_memory").GetInt64());
    }

    [Fact]
    public void Smoten_out_of_core_counts_the_value_difference_metric_over_every_row_and_writes_the_in_memory_bytes()
    {
        using var folder = new TempFolder();
        var input = CategoricalFile(folder, 150_000, 4);

        var (inMemory, outOfCore, json) = Both(folder, input, RoomyCap, "-m", "smoten", "--seed", "5", "--param", "sampling_strategy=0.5");

        Assert.Equal(inMemory, outOfCore);
        Assert.Equal(Counts(json, "counts_before")["b"], json.GetProperty("rows_in_memory").GetInt64());
    }

    [Fact]
    public void With_another_separator_and_an_ignored_column_the_rows_copied_are_the_columns_the_in_memory_path_writes()
    {
        using var folder = new TempFolder();
        var numeric = File.ReadAllLines(NumericFile(folder, 30_000, 12));
        var input = folder.File("semicolons.csv");
        File.WriteAllLines(input, numeric.Select((line, i) => (i == 0 ? "id" : "row" + i.ToString(CultureInfo.InvariantCulture)) + ";" + line.Replace(',', ';')));

        var (inMemory, outOfCore, _) = Both(folder, input, SmallCap, "-m", "smote", "--seed", "2", "--separator", ";", "--ignore", "id", "--param", "sampling_strategy=1:2000");

        Assert.Equal(inMemory, outOfCore);
        Assert.StartsWith("a,b,c,d,label\n", Encoding.UTF8.GetString(outOfCore), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_with_one_and_two_threads_and_every_input_row_is_copied_first()
    {
        using var folder = new TempFolder();
        var input = NumericFile(folder, 30_000, 5);
        var one = folder.File("one.csv");
        var two = folder.File("two.csv");

        Json(Cli.Run("resample", input, "--pre-split", "-m", "smote", "--seed", "9", "--param", "n_jobs=1", "--param", "sampling_strategy=1:2000", "--memory-limit", SmallCap, "--out", one, "--json"));
        Json(Cli.Run("resample", input, "--pre-split", "-m", "smote", "--seed", "9", "--param", "n_jobs=2", "--param", "sampling_strategy=1:2000", "--memory-limit", SmallCap, "--out", two, "--json"));

        Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(two));
        var inputLines = File.ReadAllLines(input);
        var outputLines = File.ReadAllLines(one);
        Assert.Equal(inputLines, outputLines[..inputLines.Length]);
        Assert.All(outputLines[inputLines.Length..], line => Assert.EndsWith(",1", line, StringComparison.Ordinal));
    }

    [Fact]
    public void The_synthetic_rows_lie_between_two_rows_of_the_small_class()
    {
        using var folder = new TempFolder();
        var input = NumericFile(folder, 30_000, 6);
        var output = folder.File("out.csv");

        Json(Cli.Run("resample", input, "--pre-split", "-m", "smote", "--seed", "1", "--param", "sampling_strategy=1:2000", "--memory-limit", SmallCap, "--out", output, "--json"));

        var small = CsvFile.Rows(input).Where(r => r[^1] == "1").Select(CsvFile.Numbers).ToArray();
        var synthetic = CsvFile.Rows(output).Skip(30_000).Select(CsvFile.Numbers).ToArray();
        Assert.Equal(2000 - small.Length, synthetic.Length);
        foreach (var row in synthetic)
        {
            // Some pair of small-class rows has the new row on its segment: the same gap in every feature.
            var onASegment = small.Any(from => small.Any(to =>
            {
                var gap = double.NaN;
                for (var f = 0; f < row.Length; f++)
                {
                    var span = to[f] - from[f];
                    if (Math.Abs(span) < 1e-12)
                    {
                        if (Math.Abs(row[f] - from[f]) > 1e-9)
                        {
                            return false;
                        }

                        continue;
                    }

                    var g = (row[f] - from[f]) / span;
                    if (g < -1e-9 || g > 1 + 1e-9 || (!double.IsNaN(gap) && Math.Abs(g - gap) > 1e-6))
                    {
                        return false;
                    }

                    gap = g;
                }

                return true;
            }));
            Assert.True(onASegment, $"row {string.Join(",", row)} is on no segment between small-class rows");
        }
    }

    [Theory]
    [InlineData("adasyn")]
    [InlineData("borderline-smote-1")]
    [InlineData("svm-smote")]
    [InlineData("kmeans-smote")]
    public void A_sampler_that_compares_the_large_class_runs_on_its_seeded_hash_sample_and_says_so(string method)
    {
        using var folder = new TempFolder();
        // Classes that overlap, so that the small class's rows have neighbours of the large one even in its sample.
        var input = NumericFile(folder, 30_000, 13, separation: 0.1);
        var lines = File.ReadAllLines(input);
        var streamed = folder.File("streamed.csv");
        const int Sample = 500;
        string[] args = ["-m", method, "--seed", "4", "--param", "sampling_strategy=1:1000", "--param", "n_jobs=1"];

        var result = Cli.Run(["resample", input, "--pre-split", .. args, "--large-class-rows", "500", "--memory-limit", SmallCap, "--out", streamed, "--json"]);
        var json = Json(result);

        // The sample: of class 0, the rows with the lowest portable hashes of their row ids under the seed, ties by id.
        var sampled = Enumerable.Range(0, lines.Length - 1).Where(i => lines[i + 1].EndsWith(",0", StringComparison.Ordinal))
            .OrderBy(i => Scale.PortableHash.Compute(i, 4)).ThenBy(i => i).Take(Sample).ToHashSet();
        Assert.Equal(new Dictionary<string, long> { ["0"] = Sample }, Counts(json, "sampled_classes"));
        var note = Assert.Single(result.StderrLines);
        Assert.Equal($"note: {method} ran on an under-sampled large class: class 0, 500 rows of {Counts(json, "counts_before")["0"]:N0} (at most 500 a class, the lowest seeded hashes of row ids).", note);

        // Every input row copied first; the rows made are the in-memory sampler's on the sample and the small class.
        var output = File.ReadAllLines(streamed);
        Assert.Equal(lines, output[..lines.Length]);
        var reduced = folder.File("reduced.csv");
        File.WriteAllLines(reduced, [lines[0], .. lines.Skip(1).Where((line, i) => line.EndsWith(",1", StringComparison.Ordinal) || sampled.Contains(i))]);
        var inMemory = folder.File("memory.csv");
        var onTheSample = Json(Cli.Run(["resample", reduced, "--pre-split", .. args, "--out", inMemory, "--json"]));

        // The same targets (ADASYN rounds per row, so it makes about, not exactly, the rows asked).
        Assert.Equal(Counts(onTheSample, "counts_after")["1"], Counts(json, "counts_after")["1"]);
        Assert.Equal(Counts(json, "counts_before")["0"], Counts(json, "counts_after")["0"]);
        var reducedRows = File.ReadAllLines(reduced).Length;
        Assert.Equal(File.ReadAllLines(inMemory)[reducedRows..], output[lines.Length..]);

        var twoThreads = folder.File("two.csv");
        Json(Cli.Run(["resample", input, "--pre-split", .. args[..^1], "n_jobs=2", "--large-class-rows", "500", "--memory-limit", SmallCap, "--out", twoThreads, "--json"]));
        Assert.Equal(File.ReadAllBytes(streamed), File.ReadAllBytes(twoThreads));
    }

    [Fact]
    public void Bad_input_out_of_core_is_one_line_and_exit_code_2()
    {
        using var folder = new TempFolder();
        var input = NumericFile(folder, 30_000, 8);
        var output = folder.File("out.csv");
        var notUtf8 = folder.File("not-utf8.csv");
        var bytes = File.ReadAllBytes(input);
        bytes[bytes.Length / 2] = 0xFF;
        File.WriteAllBytes(notUtf8, bytes);

        (string[] Args, string Expected)[] cases =
        [
            (["resample", input, "--pre-split", "-m", "smote", "--param", "sampling_strategy=1:10"], "sampling_strategy"),
            (["resample", input, "--pre-split", "-m", "smote", "--memory-limit", "40KB"], "--memory-limit"),
            (["resample", input, "--pre-split", "-m", "borderline-smote-1"], "--memory-limit"),
            (["resample", input, "--pre-split", "-m", "smote"], "rows to make"),
            (["resample", input, "--pre-split", "-m", "adasyn"], "--large-class-rows"),
            (["resample", input, "--pre-split", "-m", "tomek-links"], "--memory-limit"),
            (["resample", folder.File("missing.csv"), "--pre-split", "-m", "smote"], "no such file"),
            (["resample", notUtf8, "--pre-split", "-m", "smote"], "not-utf8.csv"),
        ];
        foreach (var (args, expected) in cases)
        {
            var result = Cli.Run([.. args, "--out", output, .. args.Contains("--memory-limit") ? Array.Empty<string>() : ["--memory-limit", SmallCap]]);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: {result}");
            Assert.True(result.StderrLines.Length == 1, $"{string.Join(' ', args)}: expected one line: {result}");
            Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(output), "a failed run must write nothing");
        }
    }
}
