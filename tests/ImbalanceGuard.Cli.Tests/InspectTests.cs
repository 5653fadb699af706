using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

public class InspectTests
{
    [Fact]
    public void Json_reports_exactly_the_contract_keys_for_pima()
    {
        var result = Cli.Run("inspect", RepositoryFiles.DataFile("pima.csv"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(
            ["class_counts", "features", "imbalance_ratio", "majority_baseline_accuracy", "notes", "rows"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, root.GetProperty("notes").GetArrayLength()); // nothing wrong with pima's columns
        Assert.Equal(768, root.GetProperty("rows").GetInt32());
        Assert.Equal(8, root.GetProperty("features").GetInt32());
        var counts = root.GetProperty("class_counts");
        Assert.Equal(500, counts.GetProperty("0").GetInt32());
        Assert.Equal(268, counts.GetProperty("1").GetInt32());
        Assert.Equal(2, counts.EnumerateObject().Count());
        Assert.Equal(500.0 / 268, root.GetProperty("imbalance_ratio").GetDouble(), 12);
        Assert.Equal(1.8657, root.GetProperty("imbalance_ratio").GetDouble(), 4);
        Assert.Equal(500.0 / 768, root.GetProperty("majority_baseline_accuracy").GetDouble(), 12);
        Assert.Equal(0.6510, root.GetProperty("majority_baseline_accuracy").GetDouble(), 4);
    }

    [Fact]
    public void Json_counts_every_class_of_a_multiclass_file()
    {
        var result = Cli.Run("inspect", RepositoryFiles.DataFile("glass.csv"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var counts = json.RootElement.GetProperty("class_counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["1"] = 70, ["2"] = 76, ["3"] = 17, ["5"] = 13, ["6"] = 9, ["7"] = 29 }, counts);
        Assert.Equal(76.0 / 9, json.RootElement.GetProperty("imbalance_ratio").GetDouble(), 12);
    }

    [Fact]
    public void Human_output_shows_counts_ratio_baseline_and_advice()
    {
        var result = Cli.Run("inspect", RepositoryFiles.DataFile("pima.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("768 rows", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("500", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("268", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1.87 : 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("65.1%", result.Stdout, StringComparison.Ordinal);
        var advice = string.Join(' ', result.Stdout.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Accuracy is meaningless", advice, StringComparison.Ordinal);
        Assert.Contains("Split before resampling", advice, StringComparison.Ordinal);
        Assert.Contains("PR-AUC", advice, StringComparison.Ordinal);
        Assert.Contains("MCC", advice, StringComparison.Ordinal);
        Assert.Contains("smote", advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Advice_for_a_tiny_minority_steers_away_from_default_smote()
    {
        var result = Cli.Run("inspect", RepositoryFiles.DataFile("hacide.csv"));
        using var folder = new TempFolder();
        var tiny = folder.Csv("tiny.csv", ["a,b,label", .. Enumerable.Range(0, 20).Select(i => $"{i},{i % 3},0"), "5,5,1", "6,6,1", "7,7,1"]);
        var tinyResult = Cli.Run("inspect", tiny);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("49:1", result.Stdout, StringComparison.Ordinal);
        Assert.True(tinyResult.ExitCode == 0, tinyResult.ToString());
        var advice = string.Join(' ', tinyResult.Stdout.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("random-over", advice, StringComparison.Ordinal);
        Assert.Contains("k_neighbors=2", advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Below_one_in_a_thousand_the_advice_adds_the_anomaly_framing_and_not_above()
    {
        using var folder = new TempFolder();
        // 3 positives in 4,000 rows (0.075 %), and the same file with 5 in 4,000 (0.125 %).
        string[] Rows(int positives) => ["a,b,label", .. Enumerable.Range(0, 4000).Select(i => $"{i % 97},{i % 13},{(i < positives ? 1 : 0)}")];
        var rare = Cli.Run("inspect", folder.Csv("rare.csv", Rows(3)));
        var less = Cli.Run("inspect", folder.Csv("less.csv", Rows(5)));

        Assert.True(rare.ExitCode == 0, rare.ToString());
        var advice = string.Join(' ', rare.Stdout.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Class '1' is 0.075 % of the rows, below 0.1 %: frame it as anomaly detection too", advice, StringComparison.Ordinal);
        Assert.Contains("isolation-forest", advice, StringComparison.Ordinal);
        Assert.DoesNotContain("isolation-forest", less.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_option_picks_a_column_other_than_the_last()
    {
        using var folder = new TempFolder();
        var csv = folder.Csv("first.csv", "y,a,b", "0,1,2", "0,3,4", "0,5,6", "1,7,8");

        var result = Cli.Run("inspect", csv, "--label", "y", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("features").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("class_counts").GetProperty("0").GetInt32());
        Assert.Equal(3.0, json.RootElement.GetProperty("imbalance_ratio").GetDouble());
        Assert.Equal(0.75, json.RootElement.GetProperty("majority_baseline_accuracy").GetDouble());
    }

    [Fact]
    public void One_row_and_one_feature_are_singular()
    {
        using var folder = new TempFolder();
        var path = folder.Csv("tiny.csv", "x,label", "1,0", "2,0", "3,0", "9,1");

        var inspect = Cli.Run("inspect", path);
        var compare = Cli.Run("compare", path, "--folds", "2");

        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains(": 4 rows, 1 feature, label column 'label'", inspect.Stdout, StringComparison.Ordinal);
        Assert.Contains("Class '1' has only 1 row, too few", inspect.Stdout.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        BadInputTests.AssertBadInput(compare, "the rarest class has 1 row, fewer than --folds 2", "one-row class");
    }
}
