using System.Text.Json;
using ImbalanceGuard.Pipelines;

namespace ImbalanceGuard.Cli.Tests;

/// <summary><c>compare</c>, checked from outside: the JSON contract, the ranking, the table and bad input.</summary>
public class CompareTests
{
    private static readonly string[] MetricKeys =
        ["average_precision", "roc_auc", "mcc", "f1", "f2", "recall", "precision", "brier", "fit_seconds"];

    [Fact]
    public void Json_gives_one_object_per_strategy_with_every_metric_mean_and_spread_ranked_by_average_precision()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none,class-weight,smote,random-under", "--folds", "4", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["class-weight", "none", "random-under", "smote"], rows.Select(r => r.GetProperty("strategy").GetString()).Order());
        foreach (var row in rows)
        {
            foreach (var key in MetricKeys)
            {
                Assert.True(row.GetProperty(key).GetDouble() >= 0, key);
                Assert.True(row.GetProperty(key + "_std").GetDouble() >= 0, key + "_std");
            }

            Assert.InRange(row.GetProperty("average_precision").GetDouble(), 0.5, 1);
            Assert.Equal(4, row.GetProperty("folds").GetInt32());
        }

        var ap = rows.Select(r => r.GetProperty("average_precision").GetDouble()).ToArray();
        Assert.Equal(ap.OrderDescending(), ap);
    }

    [Fact]
    public void The_figures_are_those_of_the_library_cross_validation_with_the_same_seed()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "smote", "--folds", "3", "--seed", "7", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var row = json.RootElement[0];
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv"));
        var expected = CrossValidation.Run(StrategyCatalog.Create("smote", "logistic", seed: 7), data, new StratifiedKFold(3, shuffle: true, seed: 7));
        foreach (var key in MetricKeys.Where(k => k != "fit_seconds"))
        {
            Assert.Equal(expected[key].Mean, row.GetProperty(key).GetDouble(), 12);
            Assert.Equal(expected[key].StandardDeviation, row.GetProperty(key + "_std").GetDouble(), 12);
        }
    }

    [Fact]
    public void The_table_ranks_strategies_and_spells_out_the_accuracy_trap()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--model", "tree", "--strategies", "none,balanced-random-forest", "--folds", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("PR-AUC (AP)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("balanced-random-forest", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("ranked by average precision", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("predicting '0' for every row already scores 65.1 %", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr); // no progress bar when stderr is not a terminal
    }

    [Fact]
    public void Repeats_multiply_the_folds()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none", "--folds", "3", "--repeats", "2", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(6, json.RootElement[0].GetProperty("folds").GetInt32());
    }

    public static TheoryData<string, string[], string> BadCases() => new()
    {
        { "unknown strategy", ["{pima}", "--strategies", "none,smoot"], "unknown strategy 'smoot'" },
        { "empty strategy list", ["{pima}", "--strategies", ","], "--strategies is empty" },
        { "repeated strategy", ["{pima}", "--strategies", "smote,smote"], "'smote' is listed twice" },
        { "unknown model", ["{pima}", "--model", "svm"], "Unknown model 'svm'" },
        { "too few folds", ["{pima}", "--folds", "1"], "--folds must be at least 2" },
        { "no repeats", ["{pima}", "--repeats", "0"], "--repeats must be at least 1" },
        { "missing file", ["{dir}/none.csv"], "none.csv" },
        { "unknown label", ["{pima}", "--label", "outcome"], "there is no label column 'outcome'" },
        { "folds above the rarest class", ["{pima}", "--folds", "300"], "fewer than --folds 300" },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public void Bad_input_exits_2_with_one_line(string problem, string[] args, string expected)
    {
        using var folder = new TempFolder();
        var expanded = args.Select(a => a.Replace("{pima}", RepositoryFiles.DataFile("pima.csv"), StringComparison.Ordinal).Replace("{dir}", folder.Path, StringComparison.Ordinal));

        var result = Cli.Run(["compare", .. expanded]);

        BadInputTests.AssertBadInput(result, expected, problem);
    }
}
