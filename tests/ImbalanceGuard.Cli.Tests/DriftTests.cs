using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Cli.Tests;

public partial class DriftTests
{
    private static readonly string[] FeatureKeys = ["kind", "name", "p_value", "p_value_adjusted", "psi", "statistic", "test"];

    private static readonly string[] ThresholdKeys =
        ["estimated_positive_rate_bbse", "expected_alerts_per_1000", "expected_precision", "expected_recall"];

    private static string ExampleReference => Path.Combine(RepositoryFiles.RootDirectory, "docs", "examples", "pima_drift_reference.csv");

    private static string ExampleCurrent => Path.Combine(RepositoryFiles.RootDirectory, "docs", "examples", "pima_drift_current.csv");

    [Fact]
    public void Identical_files_show_no_drift_and_no_class_change()
    {
        var pima = RepositoryFiles.DataFile("pima.csv");
        var result = Cli.Run("drift", pima, pima, "--label", "label", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(8, root.GetProperty("features").GetArrayLength());
        foreach (var feature in root.GetProperty("features").EnumerateArray())
        {
            Assert.Equal(0.0, feature.GetProperty("statistic").GetDouble());
            Assert.Equal(1.0, feature.GetProperty("p_value_adjusted").GetDouble());
            Assert.Equal(0.0, feature.GetProperty("psi").GetDouble(), 12);
        }

        Assert.Equal(0, root.GetProperty("drifted_features").GetInt32());
        Assert.Equal(1.0, root.GetProperty("class_change").GetProperty("p_value").GetDouble(), 12);
        Assert.Equal(root.GetProperty("class_counts_reference").GetRawText(), root.GetProperty("class_counts_current").GetRawText());
        Assert.StartsWith("No feature drift", root.GetProperty("verdict").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_feature_has_the_contract_keys_and_the_library_figures_worst_first()
    {
        using var folder = new TempFolder();
        var (reference, current) = PimaHalves(folder, raiseGlucose: 10);
        var result = Cli.Run("drift", reference, current, "--label", "label", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToArray();
        var expected = DriftReport.Of(Dataset.LoadCsv(reference), Dataset.LoadCsv(current)).Features;
        Assert.Equal(expected.Select(f => f.Name), features.Select(f => f.GetProperty("name").GetString()));
        for (var i = 0; i < features.Length; i++)
        {
            Assert.Subset(Keys(features[i]).ToHashSet(), FeatureKeys.ToHashSet());
            Assert.Equal("numeric", features[i].GetProperty("kind").GetString());
            Assert.Equal("ks", features[i].GetProperty("test").GetString());
            Assert.Equal(expected[i].Statistic, features[i].GetProperty("statistic").GetDouble());
            Assert.Equal(expected[i].PValue, features[i].GetProperty("p_value").GetDouble());
            Assert.Equal(expected[i].AdjustedPValue, features[i].GetProperty("p_value_adjusted").GetDouble());
            Assert.Equal(expected[i].PopulationStabilityIndex, features[i].GetProperty("psi").GetDouble());
        }

        Assert.Equal("glucose", features[0].GetProperty("name").GetString());
        Assert.True(features[0].GetProperty("drifted").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("drifted_features").GetInt32());
    }

    [Fact]
    public void The_table_lists_the_worst_feature_first_and_ends_with_a_one_line_verdict()
    {
        using var folder = new TempFolder();
        var (reference, current) = PimaHalves(folder, raiseGlucose: 10);
        var result = Cli.Run("drift", reference, current, "--label", "label");

        Assert.True(result.ExitCode == 0, result.ToString());
        // The table's rows (colours stripped), by the feature each names: glucose, the one drifted, first.
        var lines = result.StdoutLines.Select(l => AnsiStyle().Replace(l, string.Empty)).ToArray();
        var features = new[] { "pregnant", "glucose", "pressure", "triceps", "insulin", "mass", "pedigree", "age" };
        var rows = lines.Where(l => features.Any(f => l.Contains($"│ {f} ", StringComparison.Ordinal))).ToArray();
        Assert.Equal(8, rows.Length);
        Assert.Contains("│ glucose (drifted) │", rows[0], StringComparison.Ordinal);
        Assert.Single(rows, r => r.Contains("(drifted)", StringComparison.Ordinal));
        Assert.StartsWith("Feature drift in 1 of 8 features at a 5 % false-discovery rate, most of all glucose (KS 0.143", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Class_counts_of_both_files_are_tested_for_a_change()
    {
        using var folder = new TempFolder();
        var (reference, current) = PimaHalves(folder, keepPositive: i => i % 4 == 0);
        var result = Cli.Run("drift", reference, current, "--label", "label", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var referenceCounts = Counts(root.GetProperty("class_counts_reference"));
        var currentCounts = Counts(root.GetProperty("class_counts_current"));
        Assert.Equal(ClassCounts(reference), referenceCounts);
        Assert.Equal(ClassCounts(current), currentCounts);
        var change = root.GetProperty("class_change");
        var expected = ChiSquareTest.Homogeneity([referenceCounts["0"], referenceCounts["1"]], [currentCounts["0"], currentCounts["1"]]);
        Assert.Equal("chi2", change.GetProperty("test").GetString());
        Assert.Equal(expected.Statistic, change.GetProperty("statistic").GetDouble());
        Assert.Equal(expected.PValue, change.GetProperty("p_value").GetDouble());
        Assert.True(expected.PValue < 0.001, $"three of four positives dropped should show: p = {expected.PValue}");
        Assert.Contains("the class counts changed", root.GetProperty("verdict").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void One_class_in_the_current_data_is_counted_and_tested()
    {
        using var folder = new TempFolder();
        var (reference, current) = PimaHalves(folder, keepPositive: _ => false);
        var result = Cli.Run("drift", reference, current, "--label", "label", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["0"], Counts(root.GetProperty("class_counts_current")).Keys);
        Assert.Equal(1, root.GetProperty("class_change").GetProperty("degrees_of_freedom").GetInt32());
        Assert.True(root.GetProperty("class_change").GetProperty("p_value").GetDouble() < 1e-10);
    }

    [Fact]
    public void A_constant_feature_is_no_drift_when_it_stays_and_total_drift_when_it_moves()
    {
        using var folder = new TempFolder();
        var reference = folder.Csv("reference.csv", ["x,c,label", .. Enumerable.Range(0, 40).Select(i => $"{i},5,{i % 2}")]);
        var same = folder.Csv("same.csv", ["x,c,label", .. Enumerable.Range(0, 30).Select(i => $"{i},5,{i % 2}")]);
        var moved = folder.Csv("moved.csv", ["x,c,label", .. Enumerable.Range(0, 30).Select(i => $"{i},6,{i % 2}")]);

        var stays = Feature(Cli.Run("drift", reference, same, "--label", "label", "--json"), "c");
        Assert.Equal(0.0, stays.GetProperty("statistic").GetDouble());
        Assert.Equal(1.0, stays.GetProperty("p_value").GetDouble());
        Assert.Equal(0.0, stays.GetProperty("psi").GetDouble(), 12);

        var moves = Feature(Cli.Run("drift", reference, moved, "--label", "label", "--json"), "c");
        Assert.Equal(1.0, moves.GetProperty("statistic").GetDouble());
        Assert.True(moves.GetProperty("p_value").GetDouble() < 1e-10);
        Assert.True(moves.GetProperty("drifted").GetBoolean());
    }

    [Fact]
    public void A_text_column_is_categorical_and_tested_by_chi_square_on_its_category_counts()
    {
        using var folder = new TempFolder();
        var reference = folder.Csv("reference.csv", ["x,colour", .. Enumerable.Range(0, 60).Select(i => $"{i},{(i % 3 == 0 ? "red" : "blue")}")]);
        var current = folder.Csv("current.csv", ["x,colour", .. Enumerable.Range(0, 60).Select(i => $"{i},{(i % 3 == 0 ? "blue" : "green")}")]);
        var result = Cli.Run("drift", reference, current, "--json");

        var colour = Feature(result, "colour");
        Assert.Equal("categorical", colour.GetProperty("kind").GetString());
        Assert.Equal("chi2", colour.GetProperty("test").GetString());
        var expected = ChiSquareTest.Homogeneity([40, 0, 20], [20, 40, 0]); // blue, green, red
        Assert.Equal(expected.Statistic, colour.GetProperty("statistic").GetDouble(), 9);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.False(json.RootElement.TryGetProperty("class_counts_reference", out _), "without --label there are no classes");
    }

    [Fact]
    public void Scores_without_labels_give_the_estimated_rate_with_its_interval_and_no_alerts_without_a_threshold()
    {
        var result = Cli.Run("drift", ExampleReference, ExampleCurrent, "--label", "label", "--score", "score", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var expected = PriorShift.Estimate(ScoredCsv.Load(ExampleReference, "label", "score").Scores, CurrentScores(), new PriorShiftOptions());
        Assert.Equal(expected.PositiveRate, root.GetProperty("estimated_positive_rate").GetDouble());
        var interval = root.GetProperty("estimated_positive_rate_interval").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal([expected.IntervalLow, expected.IntervalHigh], interval);
        foreach (var key in ThresholdKeys)
        {
            Assert.False(root.TryGetProperty(key, out _), $"{key} needs --threshold");
        }

        Assert.False(root.TryGetProperty("class_counts_current", out _));
        Assert.Equal(8, root.GetProperty("features").GetArrayLength()); // the score column is not a feature
    }

    [Fact]
    public void With_a_threshold_the_alert_volume_precision_recall_and_black_box_estimate_are_given_and_the_true_rate_is_in_the_interval()
    {
        var result = Cli.Run("drift", ExampleReference, ExampleCurrent, "--label", "label", "--score", "score", "--threshold", "0.5", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var expected = PriorShift.Estimate(ScoredCsv.Load(ExampleReference, "label", "score").Scores, CurrentScores(), new PriorShiftOptions { Threshold = 0.5 });
        Assert.Equal(expected.ExpectedAlertsPer(1000)!.Value, root.GetProperty("expected_alerts_per_1000").GetDouble());
        Assert.Equal(expected.ExpectedPrecision!.Value, root.GetProperty("expected_precision").GetDouble());
        Assert.Equal(expected.ExpectedRecall!.Value, root.GetProperty("expected_recall").GetDouble());
        Assert.Equal(expected.BlackBoxPositiveRate!.Value, root.GetProperty("estimated_positive_rate_bbse").GetDouble());

        // The script kept 1 of every 4 positives of the current half: the true rate is in docs/examples' data.
        var trueRate = TrueCurrentRate();
        var interval = root.GetProperty("estimated_positive_rate_interval").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.InRange(trueRate, interval[0], interval[1]);
        Assert.True(root.GetProperty("reference_positive_rate").GetDouble() > interval[1], "the shift is larger than the interval");
        Assert.True(root.GetProperty("positive_rate_moved").GetBoolean());
    }

    [Fact]
    public void Files_of_scores_alone_give_the_same_estimate_and_no_features()
    {
        using var folder = new TempFolder();
        var reference = folder.Csv("reference.csv", ["label,score", .. CsvFile.Rows(ExampleReference).Select(r => $"{r[^2]},{r[^1]}")]);
        var current = folder.Csv("current.csv", ["score", .. CsvFile.Rows(ExampleCurrent).Select(r => r[^1])]);
        var withFeatures = Cli.Run("drift", ExampleReference, ExampleCurrent, "--label", "label", "--score", "score", "--threshold", "0.5", "--json");
        var alone = Cli.Run("drift", reference, current, "--label", "label", "--score", "score", "--threshold", "0.5", "--json");

        Assert.True(alone.ExitCode == 0, alone.ToString());
        using var full = JsonDocument.Parse(withFeatures.Stdout);
        using var json = JsonDocument.Parse(alone.Stdout);
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("features").GetArrayLength());
        Assert.Equal(290, root.GetProperty("current_rows").GetInt32());
        foreach (var key in (string[])["class_counts_reference", "estimated_positive_rate", "estimated_positive_rate_interval", .. ThresholdKeys])
        {
            Assert.Equal(full.RootElement.GetProperty(key).GetRawText(), root.GetProperty(key).GetRawText());
        }

        Assert.StartsWith("No feature columns to compare; the positive rate has moved", root.GetProperty("verdict").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Files_of_labels_and_scores_alone_compare_the_class_counts_and_say_the_scores_are_not_used()
    {
        using var folder = new TempFolder();
        var reference = folder.Csv("reference.csv", "y,p", "0,0.1", "0,0.2", "1,0.8", "0,0.3");
        var current = folder.Csv("current.csv", "y,p", "1,0.9", "1,0.7", "0,0.2", "1,0.6");
        var result = Cli.Run("drift", reference, current, "--label", "y", "--score", "p", "--threshold", "0.5", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            "warning: current.csv has the label column 'y', so its class counts are compared and its positive rate is not estimated; --score and --threshold are not used.",
            Assert.Single(result.StderrLines));
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(new Dictionary<string, long> { ["0"] = 3, ["1"] = 1 }, Counts(root.GetProperty("class_counts_reference")));
        Assert.Equal(new Dictionary<string, long> { ["0"] = 1, ["1"] = 3 }, Counts(root.GetProperty("class_counts_current")));
        Assert.Equal(ChiSquareTest.Homogeneity([3, 1], [1, 3]).PValue, root.GetProperty("class_change").GetProperty("p_value").GetDouble());
        Assert.False(root.TryGetProperty("estimated_positive_rate", out _), "with labels the current rate is counted, not estimated");
    }

    [Fact]
    public void The_report_holds_the_worst_features_the_score_histograms_and_the_alerts_plot()
    {
        using var folder = new TempFolder();
        var html = folder.File("drift.html");
        var result = Cli.Run("drift", ExampleReference, ExampleCurrent, "--label", "label", "--score", "score", "--threshold", "0.5", "--report", html);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Wrote {html}", result.Stdout, StringComparison.Ordinal);
        var page = File.ReadAllText(html);
        Assert.Equal(6 + 2, page.Split("<img ").Length - 1);
        Assert.Contains("Alerts against the base rate", page, StringComparison.Ordinal);
        Assert.Equal(["drift.html"], folder.FileNames());
    }

    [Fact]
    public void Columns_that_differ_between_the_files_are_one_line_naming_them_and_no_report_is_written()
    {
        using var folder = new TempFolder();
        var reference = folder.Csv("reference.csv", "a,b,label", "1,2,0", "2,3,1");
        var current = folder.Csv("current.csv", "a,z,label", "1,2,0", "2,3,1");
        var result = Cli.Run("drift", reference, current, "--label", "label", "--report", folder.File("drift.html"));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("only the reference has b", line, StringComparison.Ordinal);
        Assert.Contains("only the current data has z", line, StringComparison.Ordinal);
        Assert.Equal(["current.csv", "reference.csv"], folder.FileNames());
    }

    [Theory]
    [InlineData("--threshold", "1.5", "--threshold must be a probability from 0 to 1")]
    [InlineData("--threshold", "high", "--threshold must be a number; got 'high'")]
    public void A_bad_threshold_is_one_line_and_exit_2(string option, string value, string message)
    {
        var result = Cli.Run("drift", ExampleReference, ExampleCurrent, "--label", "label", "--score", "score", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--score needs --label", "--score", "score")]
    [InlineData("--threshold needs --score", "--label", "label", "--threshold", "0.5")]
    public void Options_that_need_another_are_one_line_and_exit_2(string message, params string[] options)
    {
        var result = Cli.Run(["drift", ExampleReference, ExampleCurrent, .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_column_missing_from_the_reference_is_named()
    {
        var result = Cli.Run("drift", ExampleReference, ExampleCurrent, "--label", "label", "--score", "p");

        BadInputTests.AssertBadInput(result, "pima_drift_reference.csv: there is no score column 'p'", "no score column");
    }

    [Fact]
    public void A_current_file_that_cannot_be_read_is_one_line_naming_it_and_exit_2()
    {
        using var folder = new TempFolder();
        const string header = "pregnant,glucose,pressure,triceps,insulin,mass,pedigree,age,score";
        var empty = folder.File("empty.csv");
        File.WriteAllText(empty, string.Empty);

        foreach (var (current, message) in new[]
        {
            (folder.File("absent.csv"), "absent.csv: no such file"),
            (empty, "empty.csv: the file is empty"),
            (folder.Csv("header-only.csv", header), "header-only.csv: there are no data rows after the header"),
            (folder.Csv("scores.csv", "score", "0.1", "0.7"), "scores.csv: no feature column is left"),
            (folder.Csv("unscored.csv", header[..header.LastIndexOf(',')], "1,2,3,4,5,6,7,8"), "unscored.csv: there is no score column 'score'"),

            // Counted against the file's own header, without the label cell added to read it.
            (folder.Csv("short-row.csv", header, "1,2,3,4,5,6,7,8,0.5", "1,2,3,4,5,6,7,0.5"), "short-row.csv line 3: 8 cells, but the header has 9 columns."),
        })
        {
            var result = Cli.Run("drift", ExampleReference, current, "--label", "label", "--score", "score", "--threshold", "0.5");
            BadInputTests.AssertBadInput(result, message, current);
        }
    }

    /// <summary>data/pima.csv's rows 0–383 as the reference and the rest as the current file, changed as asked.</summary>
    private static (string Reference, string Current) PimaHalves(TempFolder folder, double raiseGlucose = 0, Func<int, bool>? keepPositive = null)
    {
        var lines = File.ReadAllLines(RepositoryFiles.DataFile("pima.csv"));
        var rows = lines[1..];
        var reference = folder.Csv("reference.csv", [lines[0], .. rows[..384]]);
        var positives = 0;
        var current = new List<string> { lines[0] };
        foreach (var row in rows[384..])
        {
            var cells = row.Split(',');
            if (cells[^1] == "1" && keepPositive is not null && !keepPositive(positives++))
            {
                continue;
            }

            cells[1] = (double.Parse(cells[1], CultureInfo.InvariantCulture) + raiseGlucose).ToString(CultureInfo.InvariantCulture);
            current.Add(string.Join(',', cells));
        }

        return (reference, folder.Csv("current.csv", [.. current]));
    }

    private static Dictionary<string, long> ClassCounts(string path)
        => CsvFile.Rows(path).GroupBy(r => r[^1]).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count());

    private static Dictionary<string, long> Counts(JsonElement counts)
        => counts.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());

    private static double[] CurrentScores() => [.. CsvFile.Rows(ExampleCurrent).Select(r => double.Parse(r[^1], CultureInfo.InvariantCulture))];

    /// <summary>The current rows' labels, found by their features in data/pima.csv (every row there is distinct).</summary>
    private static double TrueCurrentRate()
    {
        var labels = File.ReadLines(RepositoryFiles.DataFile("pima.csv")).Skip(1)
            .ToDictionary(l => l[..l.LastIndexOf(',')], l => l[(l.LastIndexOf(',') + 1)..]);
        var current = File.ReadLines(ExampleCurrent).Skip(1).Select(l => labels[l[..l.LastIndexOf(',')]]).ToArray();
        return current.Count(l => l == "1") / (double)current.Length;
    }

    private static JsonElement Feature(CliResult result, string name)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name).Clone();
    }

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex AnsiStyle();

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
