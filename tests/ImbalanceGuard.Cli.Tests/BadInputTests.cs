using System.CommandLine;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// Bad input exits 2 with one line on stderr naming the problem, prints nothing on stdout, and leaves the
/// output folder exactly as it was: no output file, no indices file, no temporary file, and a file that
/// was already at the output path unchanged.
/// </summary>
public class BadInputTests
{
    private const string PreExisting = "this file was here before\n";

    public static TheoryData<string, string[], string> ResampleCases() => new()
    {
        { "missing file", ["{dir}/no-such.csv", "-m", "smote"], "no-such.csv: no such file" },
        { "non-numeric cell", ["{bad}", "-m", "smote"], "bad.csv line 3, column 'glucose': 'abc' is not a number" },
        { "NaN", ["{nan}", "-m", "smote"], "nan.csv line 2, column 'mass': 'NaN' is not allowed" },
        { "empty cell", ["{empty}", "-m", "smote"], "empty.csv line 3, column 'age': the cell is empty" },
        { "unknown label column", ["{pima}", "-m", "smote", "--label", "outcome"], "there is no label column 'outcome'" },
        { "one class only", ["{one}", "-m", "smote"], "at least two classes" },
        { "class smaller than k_neighbors + 1", ["{hacide}", "-m", "smote", "--param", "k_neighbors=20"], "class '1' has 20 rows, but k_neighbors=20 needs at least 21" },
        { "unknown method", ["{pima}", "-m", "smoot"], "unknown method 'smoot'" },
        { "unknown parameter", ["{pima}", "-m", "smote", "--param", "k_neighbours=3"], "smote has no parameter k_neighbours" },
        { "parameter not an integer", ["{pima}", "-m", "smote", "--param", "k_neighbors=three"], "k_neighbors='three' is not an integer" },
        { "parameter out of range", ["{pima}", "-m", "smote", "--param", "k_neighbors=0"], "k_neighbors must be at least 1" },
        { "unknown sampling strategy", ["{pima}", "-m", "smote", "--param", "sampling_strategy=lots"], "sampling_strategy 'lots' is not understood" },
        { "impossible sampling strategy", ["{pima}", "-m", "random-under", "--param", "sampling_strategy=0.5"], "an under-sampler cannot add rows" },
        { "under-sampling a class to 0 rows", ["{pima}", "-m", "random-under", "--param", "sampling_strategy={0: 0}"], "sampling_strategy asks for 0 rows of class '0', which has 500: that deletes the class, not rebalances it." },
        { "param without a value", ["{pima}", "-m", "smote", "--param", "k_neighbors"], "expected KEY=VALUE" },
        { "seed given twice", ["{pima}", "-m", "smote", "--seed", "1", "--param", "random_state=2"], "the seed is given twice" },
        { "categorical position out of range", ["{pima}", "-m", "smote-nc", "--param", "categorical_features=8"], "position 8 is not a feature column" },
        { "unknown option", ["{pima}", "-m", "smote", "--frobnicate"], "'--frobnicate'" },
        { "missing method", ["{pima}"], "Option '--method' is required" },
        { "seed not a number", ["{pima}", "-m", "smote", "--seed", "x"], "'x'" },
    };

    [Theory]
    [MemberData(nameof(ResampleCases))]
    public void Resample_rejects_bad_input_with_exit_code_2_and_writes_nothing(string problem, string[] args, string expected)
    {
        using var folder = new TempFolder();
        var inputs = Inputs(folder);
        var output = folder.File("out.csv");
        var indices = folder.File("idx.txt");
        File.WriteAllText(output, PreExisting);
        var before = folder.FileNames();

        var result = Cli.Run(["resample", .. args.Select(a => Expand(a, folder, inputs)), "--pre-split", "--out", output, "--indices", indices]);

        AssertBadInput(result, expected, problem);
        Assert.Equal(before, folder.FileNames());
        Assert.Equal(PreExisting, File.ReadAllText(output));
        Assert.False(File.Exists(indices));
    }

    [Fact]
    public void Resample_without_out_is_a_parse_error()
    {
        var result = Cli.Run("resample", RepositoryFiles.DataFile("pima.csv"), "--pre-split", "-m", "smote");

        AssertBadInput(result, "Option '--out' is required", "missing --out");
    }

    [Fact]
    public void Resample_into_a_missing_folder_fails_before_resampling()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "no-such-folder", "out.csv");

        var result = Cli.Run("resample", RepositoryFiles.DataFile("pima.csv"), "--pre-split", "-m", "smote", "-o", output);

        AssertBadInput(result, "does not exist", "missing output folder");
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public void Resample_refuses_the_same_file_for_output_and_indices()
    {
        using var folder = new TempFolder();
        var output = folder.File("out.csv");

        var result = Cli.Run("resample", RepositoryFiles.DataFile("pima.csv"), "--pre-split", "-m", "smote", "-o", output, "--indices", output);

        AssertBadInput(result, "already another output", "same output twice");
        Assert.Empty(folder.FileNames());
    }

    [Theory]
    [InlineData(new[] { "--rows", "0", "--features", "4", "--minority-fraction", "0.1" }, "--rows must be at least 1; got 0")]
    [InlineData(new[] { "--rows", "ten", "--features", "4", "--minority-fraction", "0.1" }, "--rows must be a whole number from 1 to 2147483647; got 'ten'")]
    [InlineData(new[] { "--rows", "100", "--features", "0", "--minority-fraction", "0.1" }, "--features must be at least 1")]
    [InlineData(new[] { "--rows", "100", "--features", "4", "--minority-fraction", "0" }, "--minority-fraction must be a number strictly between 0 and 1")]
    [InlineData(new[] { "--rows", "100", "--features", "4", "--minority-fraction", "1.2" }, "--minority-fraction must be a number strictly between 0 and 1")]
    [InlineData(new[] { "--rows", "100", "--features", "4", "--minority-fraction", "0.7" }, "at most 1/classes")]
    [InlineData(new[] { "--rows", "100", "--features", "4", "--minority-fraction", "0.001" }, "rounds to no minority row")]
    [InlineData(new[] { "--rows", "100", "--features", "4", "--classes", "1", "--minority-fraction", "0.1" }, "--classes must be at least 2")]
    [InlineData(new[] { "--rows", "100", "--features", "4", "--informative", "5", "--minority-fraction", "0.1" }, "--informative 5: must be between 1 and features (4)")]
    [InlineData(new[] { "--rows", "100", "--features", "1", "--minority-fraction", "0.1" }, "must be at most 2^informative")]
    [InlineData(new[] { "--rows", "100", "--features", "4", "--minority-fraction", "0.1", "--flip-y", "2" }, "--flip-y 2: must be between 0 and 1.")]
    [InlineData(new[] { "--rows", "100", "--features", "4", "--minority-fraction", "0.001" }, "100 rows × --minority-fraction 0.001 rounds to no minority row")]
    [InlineData(new[] { "--rows", "100", "--features", "1", "--minority-fraction", "0.1" }, "--informative 1: classes × --clusters-per-class (4) must be at most 2^informative (2)")]
    [InlineData(new[] { "--features", "4", "--minority-fraction", "0.1" }, "Option '--rows' is required")]
    public void Generate_rejects_bad_option_values_with_exit_code_2_and_writes_nothing(string[] args, string expected)
    {
        using var folder = new TempFolder();
        var output = folder.File("out.csv");
        File.WriteAllText(output, PreExisting);

        var result = Cli.Run(["generate", .. args, "--out", output]);

        AssertBadInput(result, expected, string.Join(' ', args));
        Assert.Equal(["out.csv"], folder.FileNames());
        Assert.Equal(PreExisting, File.ReadAllText(output));
    }

    [Theory]
    [InlineData("{dir}/no-such.csv", "no such file")]
    [InlineData("{bad}", "'abc' is not a number")]
    [InlineData("{one}", "holds a single class ('1')")]
    public void Inspect_rejects_bad_input_with_exit_code_2(string file, string expected)
    {
        using var folder = new TempFolder();
        var inputs = Inputs(folder);

        var result = Cli.Run("inspect", Expand(file, folder, inputs), "--json");

        AssertBadInput(result, expected, file);
    }

    [Fact]
    public void Inspect_with_an_unknown_label_column_names_the_columns()
    {
        var result = Cli.Run("inspect", RepositoryFiles.DataFile("pima.csv"), "--label", "Outcome");

        AssertBadInput(result, "there is no label column 'Outcome'; the columns are pregnant, glucose", "unknown label");
    }

    [Fact]
    public void No_command_at_all_is_a_parse_error()
    {
        AssertBadInput(Cli.Run(), "Required command was not provided", "no command");
        AssertBadInput(Cli.Run("resmaple"), "'resmaple'", "misspelt command");
    }

    /// <summary>Every number option of every command, given something that is not one, fails in the user's words.</summary>
    [Fact]
    public void Every_number_option_names_itself_and_no_dotnet_type()
    {
        var root = CommandLine.BuildRoot(TextWriter.Null, TextWriter.Null);
        var checkedOptions = 0;
        foreach (var command in root.Subcommands)
        {
            foreach (var option in command.Options.Where(o => o is Option<int> or Option<int?> or Option<double> or Option<double?>))
            {
                var whole = option is Option<int> or Option<int?>;
                var result = Cli.Run(command.Name, option.Name, whole ? "1.5" : "one");

                Assert.True(result.ExitCode == 2, $"{command.Name} {option.Name}: {result}");
                Assert.Single(result.StderrLines);
                Assert.Contains(whole ? $"{option.Name} must be a whole number" : $"{option.Name} must be a number", result.Stderr, StringComparison.Ordinal);
                Assert.Contains(whole ? "got '1.5'" : "got 'one'", result.Stderr, StringComparison.Ordinal);
                Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
                checkedOptions++;
            }
        }

        // generate's six, compare's and report's three each, resample's seed, evaluate's four.
        Assert.True(checkedOptions >= 17, $"only {checkedOptions} number options found");
    }

    internal static void AssertBadInput(CliResult result, string expected, string problem)
    {
        Assert.True(result.ExitCode == 2, $"{problem}: {result}");
        Assert.True(result.StderrLines.Length == 1, $"{problem}: expected one line on stderr: {result}");
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    private static Dictionary<string, string> Inputs(TempFolder folder) => new()
    {
        ["{pima}"] = RepositoryFiles.DataFile("pima.csv"),
        ["{hacide}"] = RepositoryFiles.DataFile("hacide.csv"),
        ["{bad}"] = folder.Csv("bad.csv", "glucose,mass,label", "148,33.6,1", "abc,26.6,0"),
        ["{nan}"] = folder.Csv("nan.csv", "glucose,mass,label", "148,NaN,1", "85,26.6,0"),
        ["{empty}"] = folder.Csv("empty.csv", "glucose,age,label", "148,50,1", "85,,0"),
        ["{one}"] = folder.Csv("one.csv", "glucose,mass,label", "148,33.6,1", "85,26.6,1", "183,23.3,1"),
    };

    private static string Expand(string arg, TempFolder folder, Dictionary<string, string> inputs)
        => inputs.TryGetValue(arg, out var path) ? path : arg.Replace("{dir}", folder.Path, StringComparison.Ordinal);
}
