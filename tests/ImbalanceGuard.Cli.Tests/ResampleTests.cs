using System.Text.Json;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Cli.Tests;

public class ResampleTests
{
    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.Clone();
    }

    private static Dictionary<string, int> Counts(JsonElement counts)
        => counts.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    [Fact]
    public void Smote_balances_pima_and_writes_the_input_rows_first_under_the_input_header()
    {
        using var folder = new TempFolder();
        var input = RepositoryFiles.DataFile("pima.csv");
        var output = folder.File("out.csv");
        var indices = folder.File("idx.txt");

        var json = Json(Cli.Run("resample", input, "--pre-split", "--method", "smote", "--seed", "1", "--out", output, "--indices", indices, "--json"));

        Assert.Equal(
            ["counts_after", "counts_before", "rows_after", "rows_before", "seconds"],
            json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(768, json.GetProperty("rows_before").GetInt32());
        Assert.Equal(1000, json.GetProperty("rows_after").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["0"] = 500, ["1"] = 268 }, Counts(json.GetProperty("counts_before")));
        Assert.Equal(new Dictionary<string, int> { ["0"] = 500, ["1"] = 500 }, Counts(json.GetProperty("counts_after")));
        Assert.InRange(json.GetProperty("seconds").GetDouble(), 0, 60);

        Assert.Equal(CsvFile.Header(input), CsvFile.Header(output));
        var inputRows = CsvFile.Rows(input);
        var outputRows = CsvFile.Rows(output);
        Assert.Equal(1000, outputRows.Length);
        for (var i = 0; i < inputRows.Length; i++)
        {
            Assert.Equal(CsvFile.Numbers(inputRows[i]), CsvFile.Numbers(outputRows[i]));
            Assert.Equal(inputRows[i][^1], outputRows[i][^1]);
        }

        Assert.All(outputRows[inputRows.Length..], row => Assert.Equal("1", row[^1]));
        var kept = CsvFile.Indices(indices);
        Assert.Equal(Enumerable.Range(0, 768), kept);
    }

    [Fact]
    public void Tomek_links_on_hacide_keeps_975_and_20_and_the_indices_file_lists_the_kept_rows()
    {
        using var folder = new TempFolder();
        var input = RepositoryFiles.DataFile("hacide.csv");
        var output = folder.File("cleaned.csv");
        var indices = folder.File("kept.txt");

        var json = Json(Cli.Run("resample", input, "--pre-split", "-m", "tomek-links", "-o", output, "--indices", indices, "--json"));

        Assert.Equal(new Dictionary<string, int> { ["0"] = 975, ["1"] = 20 }, Counts(json.GetProperty("counts_after")));
        Assert.Equal(995, json.GetProperty("rows_after").GetInt32());
        var kept = CsvFile.Indices(indices);
        Assert.Equal(995, kept.Length);
        Assert.True(kept.Zip(kept.Skip(1)).All(p => p.First < p.Second), "indices must be strictly ascending");

        // The indices are the library's kept rows, and the output rows are exactly those input rows.
        var library = SamplerCatalog.Create("tomek-links", new SamplerParameters(new Dictionary<string, string>()))
            .FitResample(Split.FromPreSplit(Dataset.LoadCsv(input)));
        Assert.Equal(library.KeptIndices, kept);
        var inputRows = CsvFile.Rows(input);
        var outputRows = CsvFile.Rows(output);
        Assert.Equal(kept.Length, outputRows.Length);
        for (var i = 0; i < kept.Length; i++)
        {
            // Numbers, not text: the writer may spell a value differently (7.08e-05 as 7.08E-05).
            Assert.Equal(CsvFile.Numbers(inputRows[kept[i]]), CsvFile.Numbers(outputRows[i]));
            Assert.Equal(inputRows[kept[i]][^1], outputRows[i][^1]);
        }
    }

    [Fact]
    public void Resample_notes_on_stderr_when_a_sampler_goes_far_and_stays_quiet_when_it_does_not()
    {
        using var folder = new TempFolder();

        var under = Cli.Run("resample", RepositoryFiles.DataFile("hacide.csv"), "--pre-split", "-m", "random-under", "-o", folder.File("under.csv"));
        var over = Cli.Run("resample", RepositoryFiles.DataFile("hacide.csv"), "--pre-split", "-m", "random-over", "-o", folder.File("over.csv"));
        var mild = Cli.Run("resample", RepositoryFiles.DataFile("satimage.csv"), "--pre-split", "-m", "random-over", "-o", folder.File("mild.csv"));

        Assert.True(under.ExitCode == 0, under.ToString());
        Assert.Equal(
            ["note: random-under kept 20 of the 980 rows of class '0' (98.0 % discarded): the learner sees that class through a few rows. Consider class weights, a balanced ensemble (easy-ensemble keeps every row across its members) or a milder sampling_strategy."],
            under.StderrLines);
        Assert.True(over.ExitCode == 0, over.ToString());
        Assert.StartsWith("note: random-over repeats each row of class '1' 49 times on average (980 rows from 20)", Assert.Single(over.StderrLines), StringComparison.Ordinal);
        Assert.True(mild.ExitCode == 0, mild.ToString());
        Assert.Equal(string.Empty, mild.Stderr);
    }

    [Fact]
    public void Random_under_with_a_seed_is_reproducible_and_another_seed_differs()
    {
        using var folder = new TempFolder();
        var input = RepositoryFiles.DataFile("hacide.csv");
        string[] Run(string seed, string name)
        {
            var result = Cli.Run("resample", input, "--pre-split", "-m", "random-under", "--seed", seed, "-o", folder.File(name + ".csv"), "--indices", folder.File(name + ".txt"));
            Assert.True(result.ExitCode == 0, result.ToString());
            return [File.ReadAllText(folder.File(name + ".csv")), File.ReadAllText(folder.File(name + ".txt"))];
        }

        var first = Run("7", "a");
        var again = Run("7", "b");
        var other = Run("8", "c");

        Assert.Equal(first, again);
        Assert.NotEqual(first[0], other[0]);
        Assert.NotEqual(first[1], other[1]);
        Assert.Equal(40, CsvFile.Rows(folder.File("a.csv")).Length);
    }

    [Fact]
    public void Seed_is_ignored_by_a_deterministic_sampler()
    {
        using var folder = new TempFolder();
        var input = RepositoryFiles.DataFile("hacide.csv");

        var plain = Cli.Run("resample", input, "--pre-split", "-m", "tomek-links", "-o", folder.File("a.csv"));
        var seeded = Cli.Run("resample", input, "--pre-split", "-m", "tomek-links", "--seed", "5", "-o", folder.File("b.csv"));

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(seeded.ExitCode == 0, seeded.ToString());
        Assert.Equal(File.ReadAllText(folder.File("a.csv")), File.ReadAllText(folder.File("b.csv")));
    }

    [Theory]
    [InlineData("smote", "1", 490)]
    [InlineData("random-over", "1", 490)]
    [InlineData("random-under", "0", 40)]
    public void Sampling_strategy_parameter_reaches_the_sampler(string method, string resizedClass, int expected)
    {
        using var folder = new TempFolder();

        var json = Json(Cli.Run(
            "resample", RepositoryFiles.DataFile("hacide.csv"), "--pre-split", "--method", method, "--param", "sampling_strategy=0.5", "--out", folder.File("out.csv"), "--json"));

        Assert.Equal(expected, Counts(json.GetProperty("counts_after"))[resizedClass]);
    }

    [Fact]
    public void Several_params_are_passed_and_may_come_before_the_file()
    {
        using var folder = new TempFolder();

        var json = Json(Cli.Run(
            "resample", "--pre-split", "-p", "k_neighbors=3", "-p", "sampling_strategy=0.5", RepositoryFiles.DataFile("hacide.csv"), "-m", "smote", "-o", folder.File("out.csv"), "--json"));

        Assert.Equal(490, Counts(json.GetProperty("counts_after"))["1"]);
    }

    [Theory]
    [InlineData("borderline-smote-1")]
    [InlineData("adasyn")]
    [InlineData("smote-tomek")]
    [InlineData("smote-enn")]
    [InlineData("enn")]
    [InlineData("near-miss-1")]
    [InlineData("ncr")]
    public void Other_methods_run_on_pima(string method)
    {
        using var folder = new TempFolder();
        var output = folder.File("out.csv");

        var json = Json(Cli.Run("resample", RepositoryFiles.DataFile("pima.csv"), "--pre-split", "-m", method, "--seed", "3", "-o", output, "--json"));

        Assert.Equal(json.GetProperty("rows_after").GetInt32(), CsvFile.Rows(output).Length);
        Assert.Equal(CsvFile.Header(RepositoryFiles.DataFile("pima.csv")), CsvFile.Header(output));
    }

    [Fact]
    public void Every_catalog_method_is_accepted_by_name()
    {
        // The list comes from the catalog, so samplers added later are covered too.
        using var folder = new TempFolder();
        var input = folder.Csv(
            "mixed.csv",
            ["a,b,label", .. Enumerable.Range(0, 60).Select(i => $"{i % 7},{(i * 3) % 11},{(i % 4 == 0 ? 1 : 0)}")]);
        foreach (var method in SamplerCatalog.Names)
        {
            var result = Cli.Run("resample", input, "--pre-split", "-m", method, "-o", folder.File(method + ".csv"));

            // 0: it ran; 2: the data does not suit it (e.g. smote-nc needs categorical columns). Never 1.
            Assert.True(result.ExitCode is 0 or 2, $"{method}: {result}");
            Assert.DoesNotContain("unknown method", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Human_output_has_a_before_and_after_table_and_the_time()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("resample", RepositoryFiles.DataFile("pima.csv"), "--pre-split", "-m", "smote", "-o", folder.File("out.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("before", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("after", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("+232", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"in \d+\.\d{3} s", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Warnings_go_to_stderr_and_json_stdout_stays_pure()
    {
        // The minority is far from the majority: no row is near the border, so Borderline-SMOTE adds none and warns.
        using var folder = new TempFolder();
        var input = folder.Csv(
            "apart.csv",
            ["a,b,label", .. Enumerable.Range(0, 30).Select(i => $"{i % 6},{i / 6},0"), .. Enumerable.Range(0, 12).Select(i => $"{100 + (i % 4)},{100 + (i / 4)},1")]);

        var json = Cli.Run("resample", input, "--pre-split", "-m", "borderline-smote-1", "-o", folder.File("j.csv"), "--json");
        var human = Cli.Run("resample", input, "--pre-split", "-m", "borderline-smote-1", "-o", folder.File("h.csv"));

        Assert.True(json.ExitCode == 0, json.ToString());
        using (JsonDocument.Parse(json.Stdout))
        {
            // Parsing the whole of stdout is the check.
        }

        Assert.StartsWith("warning: ", json.Stderr, StringComparison.Ordinal);
        Assert.Contains("in danger", json.Stderr, StringComparison.Ordinal);
        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.StartsWith("warning: ", human.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", human.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Smote_nc_loads_the_categorical_features_named_by_position_or_name()
    {
        using var folder = new TempFolder();
        string[] colors = ["red", "green", "blue"];
        var input = folder.Csv(
            "mixed.csv",
            ["size,color,weight,label", .. Enumerable.Range(0, 40).Select(i => $"{i % 9}.5,{colors[i % 3]},{(i * 7) % 13},{(i % 5 == 0 ? "yes" : "no")}")]);

        foreach (var which in new[] { "1", "color", "[1]" })
        {
            var output = folder.File($"out-{which.Trim('[', ']')}.csv");
            var json = Json(Cli.Run("resample", input, "--pre-split", "-m", "smote-nc", "--param", "categorical_features=" + which, "-o", output, "--json"));

            Assert.Equal(new Dictionary<string, int> { ["no"] = 32, ["yes"] = 32 }, Counts(json.GetProperty("counts_after")));
            Assert.Equal("size,color,weight,label", CsvFile.Header(output));
            Assert.All(CsvFile.Rows(output), row => Assert.Contains(row[1], colors));
        }
    }

    [Fact]
    public void Smoten_reads_every_feature_as_a_category()
    {
        using var folder = new TempFolder();
        string[] colors = ["red", "green", "blue"];
        string[] shapes = ["round", "square"];
        var input = folder.Csv(
            "categories.csv",
            ["color,shape,label", .. Enumerable.Range(0, 30).Select(i => $"{colors[i % 3]},{shapes[(i / 3) % 2]},{(i % 5 == 0 ? 1 : 0)}")]);
        var output = folder.File("out.csv");

        var json = Json(Cli.Run("resample", input, "--pre-split", "-m", "smoten", "-o", output, "--json"));

        Assert.Equal(new Dictionary<string, int> { ["0"] = 24, ["1"] = 24 }, Counts(json.GetProperty("counts_after")));
        Assert.All(CsvFile.Rows(output), row =>
        {
            Assert.Contains(row[0], colors);
            Assert.Contains(row[1], shapes);
        });
    }

    [Fact]
    public void Output_may_replace_an_existing_file_and_leaves_no_temporary_files()
    {
        using var folder = new TempFolder();
        var output = folder.Csv("out.csv", "old");
        var indices = folder.Csv("idx.txt", "old");

        var result = Cli.Run("resample", RepositoryFiles.DataFile("hacide.csv"), "--pre-split", "-m", "tomek-links", "-o", output, "--indices", indices);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(996, File.ReadAllLines(output).Length);
        Assert.Equal(995, File.ReadAllLines(indices).Length);
        Assert.Equal(["idx.txt", "out.csv", "out.csv.ig.json"], folder.FileNames()); // the output's record beside it
    }
}
