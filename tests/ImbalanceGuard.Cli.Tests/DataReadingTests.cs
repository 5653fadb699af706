using System.Globalization;
using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>The data-reading options every data command shares, and text columns read as categories.</summary>
public class DataReadingTests
{
    /// <summary>An id, a text column, a numeric-coded category, a measurement and a label; 1 in 6 rows positive.</summary>
    private static string Mixed(TempFolder folder, char separator = ',')
        => folder.Csv("mixed.csv", [
            string.Join(separator, "id", "colour", "region", "weight", "label"),
            .. Enumerable.Range(0, 120).Select(i => string.Join(
                separator,
                (1000 + i).ToString(CultureInfo.InvariantCulture),
                (i % 3) switch { 0 => "red", 1 => "blue", _ => "green" },
                (1 + (i % 4)).ToString(CultureInfo.InvariantCulture),
                ((i % 6 == 0 ? 1.0 : 0.0) + (i % 7 / 10.0)).ToString(CultureInfo.InvariantCulture),
                i % 6 == 0 ? "1" : "0")),
        ]);

    [Theory]
    [InlineData("inspect")]
    [InlineData("compare")]
    [InlineData("report")]
    [InlineData("drift")]
    public void Text_columns_are_read_as_categories_by_every_data_command(string command)
    {
        using var folder = new TempFolder();
        string[] args = command switch
        {
            "inspect" => ["inspect", Mixed(folder), "--json"],
            "compare" => ["compare", Mixed(folder), "--strategies", "none", "--folds", "3", "--json"],
            "drift" => ["drift", Mixed(folder), folder.File("mixed.csv"), "--label", "label", "--json"],
            _ => ["report", Mixed(folder), "--strategies", "none", "--folds", "3", "--out", folder.File("r.html")],
        };

        var result = Cli.Run(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Ignore_leaves_columns_out_and_separator_reads_other_files()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("inspect", Mixed(folder, ';'), "--separator", ";", "--ignore", "id", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("features").GetInt32());
        Assert.Equal(4, Cli.Run("inspect", Mixed(folder), "--json").Stdout.Split('\n').Count(l => l.Contains("\"features\": 4", StringComparison.Ordinal)) + 3);
    }

    [Fact]
    public void Resample_writes_the_columns_it_read_with_categories_as_their_text()
    {
        using var folder = new TempFolder();
        var output = folder.File("out.csv");

        var result = Cli.Run("resample", Mixed(folder), "--pre-split", "-m", "smote-nc", "--ignore", "id", "--categorical", "region", "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("colour,region,weight,label", CsvFile.Header(output));
        var rows = CsvFile.Rows(output);
        Assert.Equal(200, rows.Length);
        Assert.All(rows, r => Assert.Contains(r[0], new[] { "red", "blue", "green" }));
        Assert.All(rows, r => Assert.Contains(r[1], new[] { "1", "2", "3", "4" }));
    }

    [Theory]
    [InlineData(new[] { "-m", "smote", "--ignore", "id" }, "smote interpolates between rows and would turn the codes of the categorical column 'colour' into values that name no category; use smote-nc")]
    [InlineData(new[] { "-m", "borderline-smote-1", "--ignore", "id", "--categorical", "region" }, "categorical columns 'colour', 'region'")]
    [InlineData(new[] { "-m", "adasyn", "--ignore", "id,weight", "--categorical", "region" }, "every feature is categorical: use smoten")]
    [InlineData(new[] { "-m", "kmeans-smote", "--ignore", "id,colour", "--categorical", "region" }, "kmeans-smote interpolates between rows and would turn the codes of the categorical column 'region'")]
    [InlineData(new[] { "-m", "smote-tomek", "--ignore", "id,colour", "--categorical", "region" }, "smote-tomek interpolates between rows")]
    [InlineData(new[] { "-m", "smote", "--ignore", "id,colour", "-p", "categorical_features=region" }, "smote interpolates between rows and would turn the codes of the categorical column 'region' into values that name no category; use smote-nc")]
    [InlineData(new[] { "-m", "svm-smote", "--ignore", "id,colour", "-p", "categorical_features=0" }, "svm-smote interpolates between rows and would turn the codes of the categorical column 'region' into values that name no category; use smote-nc")]
    [InlineData(new[] { "-m", "cluster-centroids", "--ignore", "id,colour", "--categorical", "region" }, "cluster-centroids averages rows into centroids and would turn the codes of the categorical column 'region' into values that name no category; set voting=hard")]
    public void Interpolating_samplers_refuse_categorical_columns(string[] args, string expected)
    {
        using var folder = new TempFolder();
        var output = folder.File("out.csv");

        var result = Cli.Run(["resample", Mixed(folder), "--pre-split", .. args, "-o", output]);

        BadInputTests.AssertBadInput(result, expected, string.Join(' ', args));
        Assert.Equal(["mixed.csv"], folder.FileNames());
    }

    [Fact]
    public void Compare_and_report_skip_a_sampler_that_cannot_take_the_categories_and_run_smote_nc()
    {
        using var folder = new TempFolder();
        var report = folder.File("r.html");
        const string Note = "smote interpolates between rows and would turn the codes of the categorical column 'colour' into values that name no category; use smote-nc (SmoteNc), which interpolates the continuous features and samples categories from the neighbours.";

        var compared = Cli.Run("compare", Mixed(folder), "--ignore", "id", "--strategies", "none,smote,smote-nc", "--folds", "3", "--json");
        var reported = Cli.Run("report", Mixed(folder), "--ignore", "id", "--strategies", "none,smote,smote-nc", "--folds", "3", "--out", report);

        Assert.True(compared.ExitCode == 0, compared.ToString());
        using var json = JsonDocument.Parse(compared.Stdout);
        var items = json.RootElement.EnumerateArray().ToDictionary(i => i.GetProperty("strategy").GetString()!);
        Assert.Equal(Note, items["smote"].GetProperty("skipped").GetString());
        Assert.Equal(3, items["smote-nc"].GetProperty("folds").GetInt32());
        Assert.Equal(["warning: skipped smote: " + Note], compared.StderrLines);
        Assert.True(reported.ExitCode == 0, reported.ToString());
        Assert.Contains("<li><strong>smote</strong>: " + System.Net.WebUtility.HtmlEncode(Note) + "</li>", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Categorical_features_stays_unknown_to_a_sampler_that_keeps_rows_whole()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("resample", Mixed(folder), "--pre-split", "-m", "tomek-links", "--ignore", "id", "-p", "categorical_features=region", "-o", folder.File("out.csv"));

        BadInputTests.AssertBadInput(result, "tomek-links has no parameter categorical_features", "tomek-links categorical_features");
        Assert.Equal(["mixed.csv"], folder.FileNames());
    }

    [Fact]
    public void Smote_nc_categorical_features_is_an_alias_of_categorical()
    {
        using var folder = new TempFolder();
        var byPosition = Cli.Run("resample", Mixed(folder), "--pre-split", "-m", "smote-nc", "--ignore", "id", "-p", "categorical_features=1", "-o", folder.File("a.csv"));
        var byOption = Cli.Run("resample", Mixed(folder), "--pre-split", "-m", "smote-nc", "--ignore", "id", "--categorical", "region", "-o", folder.File("b.csv"));

        Assert.True(byPosition.ExitCode == 0, byPosition.ToString());
        Assert.True(byOption.ExitCode == 0, byOption.ToString());
        Assert.Equal(File.ReadAllText(folder.File("a.csv")), File.ReadAllText(folder.File("b.csv")));
    }

    [Fact]
    public void Text_below_numbers_names_the_line_and_suggests_categorical()
    {
        using var folder = new TempFolder();
        var path = folder.Csv("late.csv", "a,b,label", "1,2,0", "2,red,1", "3,4,0");

        var result = Cli.Run("inspect", path);

        BadInputTests.AssertBadInput(result, "late.csv line 3, column 'b': 'red' is not a number; if the column holds categories, name it with --categorical b.", "late text");
    }

    [Theory]
    [InlineData("--separator", ";;", "--separator must be one character (or 'tab')")]
    [InlineData("--ignore", "label", "column 'label' is the label column and cannot be ignored")]
    [InlineData("--ignore", "nope", "there is no ignored column 'nope'")]
    [InlineData("--categorical", "nope", "there is no categorical column 'nope'")]
    public void Bad_data_options_are_one_line_and_exit_2(string option, string value, string expected)
    {
        using var folder = new TempFolder();

        BadInputTests.AssertBadInput(Cli.Run("inspect", Mixed(folder), option, value), expected, option);
    }

    [Theory]
    [InlineData("weight", "warning: label column 'weight' has 14 distinct values, such as '0.1': is it the label? If not, name the label with --label COL.")]
    [InlineData("id", "warning: label column 'id' has 120 distinct values: is it the label? If not, name the label with --label COL.")]
    public void A_label_that_looks_continuous_gets_a_warning_and_no_failure(string label, string expected)
    {
        using var folder = new TempFolder();

        var result = Cli.Run("inspect", Mixed(folder), "--label", label, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([expected], result.StderrLines);
    }

    [Fact]
    public void A_multi_class_comparison_says_which_class_is_positive_and_that_the_others_are_merged()
    {
        using var folder = new TempFolder();
        var path = folder.Csv("three.csv", [
            "a,b,label",
            .. Enumerable.Range(0, 90).Select(i => FormattableString.Invariant($"{i % 9 / 3.0 + (i % 3)},{i % 7 / 2.0},{(i % 3 == 0 ? "x" : i % 3 == 1 ? "y" : i % 5 == 0 ? "z" : "y")}")),
        ]);

        var rarest = Cli.Run("compare", path, "--strategies", "none", "--folds", "3", "--json");
        var chosen = Cli.Run("compare", path, "--strategies", "none", "--folds", "3", "--positive", "x");

        Assert.True(rarest.ExitCode == 0, rarest.ToString());
        Assert.Equal(["note: Scored one-vs-rest: class 'z' is positive (the rarest; choose another with --positive CLASS) and the other classes ('x', 'y') together are negative."], rarest.StderrLines);
        using var json = JsonDocument.Parse(rarest.Stdout);
        Assert.Equal("z", json.RootElement[0].GetProperty("positive_class").GetString());
        Assert.True(chosen.ExitCode == 0, chosen.ToString());
        Assert.Contains("Scored one-vs-rest: class 'x' is positive and the other classes ('y', 'z') together are negative.", chosen.Stdout, StringComparison.Ordinal);
        Assert.Contains("positive class 'x'", chosen.Stdout, StringComparison.Ordinal);
        BadInputTests.AssertBadInput(Cli.Run("compare", path, "--positive", "w"), "The positive class 'w' is not a class of the data (x, y, z)", "unknown positive");
    }
}
