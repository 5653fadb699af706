using System.Text.Json;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

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
    public void Objective_rows_carry_its_value_and_spread_as_the_library_measures_them_with_the_same_seed()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "smote", "--folds", "3", "--seed", "7", "--objective", "cost:fp=1,fn=5", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var row = json.RootElement[0];
        var objective = ThresholdObjective.Parse("cost:fp=1,fn=5");
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv"));
        var expected = CrossValidation.Run(StrategyCatalog.Create("smote", "logistic", seed: 7, ThresholdPolicy.Tuned(objective)), data, new StratifiedKFold(3, shuffle: true, seed: 7));
        Assert.Equal("cost:fp=1,fn=5", row.GetProperty("objective").GetString());
        Assert.Equal(expected[MetricNames.ObjectiveValue].Mean, row.GetProperty("objective_value").GetDouble(), 12);
        Assert.Equal(expected[MetricNames.ObjectiveValue].StandardDeviation, row.GetProperty("objective_value_std").GetDouble(), 12);
        Assert.Equal(expected[MetricNames.Threshold].Mean, row.GetProperty("threshold").GetDouble(), 12);
        Assert.True(row.GetProperty("constraints_met").GetBoolean()); // a cost rules no threshold out
        Assert.Equal(3, row.GetProperty("constraints_met_folds").GetInt32());
    }

    [Fact]
    public void Without_objective_the_rows_say_f1_and_its_value_is_the_f1_column()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none", "--folds", "3", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var row = json.RootElement[0];
        Assert.Equal("f1", row.GetProperty("objective").GetString());
        Assert.Equal(row.GetProperty("f1").GetDouble(), row.GetProperty("objective_value").GetDouble(), 12);
        Assert.Equal(row.GetProperty("f1_std").GetDouble(), row.GetProperty("objective_value_std").GetDouble(), 12);
    }

    [Fact]
    public void Constraints_no_fold_can_meet_are_reported_per_strategy_not_a_crash()
    {
        // pima has 768 rows: one flag per 1 000 allows none, and a recall floor of 1 needs every positive flagged.
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none,smote", "--folds", "3", "--objective", "f1,max-alerts:1/1000,min-recall:1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        foreach (var row in json.RootElement.EnumerateArray())
        {
            Assert.Equal("f1,max-alerts:1/1000,min-recall:1", row.GetProperty("objective").GetString());
            Assert.False(row.GetProperty("constraints_met").GetBoolean());
            Assert.Equal(0, row.GetProperty("constraints_met_folds").GetInt32());
            Assert.Equal(JsonValueKind.Null, row.GetProperty("objective_value").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("f1").ValueKind);
            Assert.True(row.GetProperty("average_precision").GetDouble() > 0.5, "the ranking is still measured");
        }

        Assert.Equal(2, result.StderrLines.Length);
        Assert.All(result.StderrLines, l => Assert.Contains("met f1,max-alerts:1/1000,min-recall:1 in 0 of 3 folds; in 3 no threshold met the constraints", l, StringComparison.Ordinal));

        // The table shows the same: no decision metric, no fold within the constraints.
        var table = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none", "--folds", "3", "--objective", "f1,max-alerts:1/1000,min-recall:1");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("0/3 folds", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("n/a", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_shows_the_objective_and_how_many_folds_met_the_constraints()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none", "--folds", "3", "--objective", "cost:fp=1,fn=5,max-alerts:1/1000");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("expected cost", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("constraints met", result.Stdout, StringComparison.Ordinal);
        // Flagging nothing meets the budget on every training side; a validation row can still score above that threshold.
        Assert.Matches(@"│\s+[0-3]/3 folds │", result.Stdout);
        Assert.Contains("tuned for cost:fp=1,fn=5,max-alerts:1/1000 on inner folds", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("f1,mcc", "'mcc' cannot follow the first item")]
    [InlineData("min-recall:1.5", "A recall floor must be in (0, 1]")]
    [InlineData("f1,max-alerts:0/1000", "An alert budget needs 0 < alerts")]
    [InlineData("accuracy", "is not understood")]
    public void A_bad_or_impossible_objective_is_refused_in_one_line_before_any_fold_runs(string objective, string message)
    {
        foreach (var command in new[] { "compare", "report" })
        {
            var result = Cli.Run(command, RepositoryFiles.DataFile("pima.csv"), "--objective", objective);

            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.StderrLines);
            Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Stdout);
        }
    }

    [Fact]
    public void A_cost_objective_on_time_ordered_folds_runs_end_to_end_on_real_dated_data()
    {
        // The earliest time-ordered inner block of the first training fold holds 3 drops: SMOTE needs k_neighbors=2 there.
        var result = Cli.Run("compare", RepositoryFiles.DataFile("goog_drops.csv"), "--strategies", "none,smote", "--param", "smote.k_neighbors=2", "--objective", "cost:fp=1,fn=50", "--time-column", "date", "--gap", "1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("goog_drops.csv"), new CsvLoadOptions { IgnoreColumns = ["date"] });
        var expected = StrategyComparison.Run(
            data,
            ["smote"],
            "logistic",
            new TimeSeriesSplit(5, gap: 1, times: GoogTimes()),
            parameters: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["smote"] = new Dictionary<string, string> { ["k_neighbors"] = "2" } },
            objective: ThresholdObjective.Parse("cost:fp=1,fn=50"))[0].Result;
        var smote = json.RootElement.EnumerateArray().Single(r => r.GetProperty("strategy").GetString() == "smote");
        Assert.Equal(expected[MetricNames.ObjectiveValue].Mean, smote.GetProperty("objective_value").GetDouble(), 12);
        Assert.Equal(expected[MetricNames.AveragePrecision].Mean, smote.GetProperty("average_precision").GetDouble(), 12);
        Assert.Equal(5, smote.GetProperty("folds").GetInt32());

        var table = Cli.Run("compare", RepositoryFiles.DataFile("goog_drops.csv"), "--strategies", "none", "--time-column", "date");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("over 5 time-ordered folds on 'date'", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_objective_the_strategies_are_ranked_by_it_and_the_recommendation_speaks_in_its_terms()
    {
        string[] args = ["compare", RepositoryFiles.DataFile("goog_drops.csv"), "--objective", "cost:fp=1,fn=50", "--time-column", "date", "--gap", "1", "--rows-per-day", "1000"];

        var json = Cli.Run([.. args, "--json"]);
        var table = Cli.Run(args);

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.True(table.ExitCode == 0, table.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        var compared = document.RootElement.EnumerateArray().Where(r => !r.TryGetProperty("skipped", out _)).ToArray(); // smote: too few drops in the earliest inner block
        var costs = compared.Select(r => r.GetProperty("objective_value").GetDouble()).ToArray();
        Assert.Equal(costs.Order(), costs); // the cheapest first, whatever its average precision
        Assert.Contains("ranked by cost:fp=1,fn=50 (expected cost, lowest first;", table.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);
        var recommendation = table.StdoutLines[^1];
        Assert.Contains("per 1,000 rows at fp=1, fn=50, against", recommendation, StringComparison.Ordinal);
        Assert.Contains("alerts a day at 1,000 rows a day", recommendation, StringComparison.Ordinal);
        var first = compared[0].GetProperty("strategy").GetString();
        var second = compared[1].GetProperty("strategy").GetString();
        Assert.True(
            recommendation.StartsWith($"{first} and {second} are tied on expected cost: the leader's margin, ", StringComparison.Ordinal)
            || (recommendation.StartsWith($"Use {first} and flag '1'", StringComparison.Ordinal) && recommendation.Contains($"less per 1,000 rows than {second} (± ", StringComparison.Ordinal)),
            recommendation);
    }

    [Fact]
    public void Without_an_objective_the_recommendation_gives_the_average_precision_margin_over_the_same_folds()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("hacide.csv"), "--strategies", "none,random-under", "--folds", "3", "--seed", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("hacide.csv"));
        var ranked = StrategyComparison.Run(data, ["none", "random-under"], "logistic", new StratifiedKFold(3, shuffle: true, seed: 1), seed: 1);
        var margin = StrategyMargin.Of(ranked, MetricNames.AveragePrecision)!;
        Assert.False(margin.Tied);
        Assert.EndsWith(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"It leads {ranked[1].Strategy} by {margin.Difference:0.000} PR-AUC (± {margin.StandardDeviation:0.000} over the same 3 folds)."),
            result.StdoutLines[^1],
            StringComparison.Ordinal);
    }

    [Fact]
    public void Time_ordered_folds_tune_thresholds_on_time_ordered_inner_folds_with_and_without_an_objective()
    {
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("goog_drops.csv"), new CsvLoadOptions { IgnoreColumns = ["date"] });
        foreach (var objective in new[] { null, "cost:fp=1,fn=50" })
        {
            string[] args = ["compare", RepositoryFiles.DataFile("goog_drops.csv"), "--strategies", "none,smote", "--time-column", "date", "--json"];
            var result = Cli.Run(objective is null ? args : [.. args, "--objective", objective]);

            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = JsonDocument.Parse(result.Stdout);
            var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("strategy").GetString()!);

            // The library's time-ordered comparison, figure for figure.
            var expected = StrategyComparison.Run(data, ["none"], "logistic", new TimeSeriesSplit(5, times: GoogTimes()), objective: objective is null ? null : ThresholdObjective.Parse(objective))[0].Result;
            Assert.Equal(expected[MetricNames.F1].Mean, rows["none"].GetProperty("f1").GetDouble(), 12);
            Assert.Equal(expected[MetricNames.Threshold].Mean, rows["none"].GetProperty("threshold").GetDouble(), 12);

            // SMOTE's 5 neighbours do not fit in the earliest inner block of the first training window (3 drops).
            Assert.Equal(
                "smote cannot run in every fold: class '1' has 66 rows; a training fold holds as few as 14 and an inner fold 3; smote's k_neighbors=5 needs 6: --param smote.k_neighbors=2.",
                rows["smote"].GetProperty("skipped").GetString());
        }
    }

    [Fact]
    public void With_a_time_column_the_inner_folds_follow_time_too()
    {
        // Enough positive rows for shuffled inner folds in every training window, but none in the first training
        // window's earliest quarter: only time-ordered inner folds refuse it.
        using var folder = new TempFolder();
        var csv = folder.Csv("late.csv", ["day,x,label", .. Enumerable.Range(0, 120).Select(i => FormattableString.Invariant($"{i},{i % 7},{(i >= 12 && i % 4 == 0 ? 1 : 0)}"))]);

        var shuffled = Cli.Run("compare", csv, "--strategies", "none", "--folds", "2");
        var timed = Cli.Run("compare", csv, "--strategies", "none", "--folds", "2", "--time-column", "day");

        Assert.True(shuffled.ExitCode == 0, shuffled.ToString());
        Assert.Equal(2, timed.ExitCode);
        Assert.Equal(
            ["error: the strategy cannot run on this data: Calibration and threshold tuning use 3 time-ordered inner folds of a training fold (each block scored by a model of the blocks before it), but the positive class '1' has 0 rows in the earliest block, which every inner model trains on, and 7 rows in the later blocks, which are scored; each needs one (training fold 1 of 2); use fewer folds or give more data."],
            timed.StderrLines);
    }

    /// <summary>The dates of goog_drops.csv as the CLI reads them (ticks).</summary>
    private static double[] GoogTimes()
        => [.. File.ReadLines(RepositoryFiles.DataFile("goog_drops.csv")).Skip(1).Select(l => (double)DateTime.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture).Ticks)];

    [Fact]
    public void Group_folds_run_with_the_group_column_left_out_of_the_features()
    {
        using var folder = new TempFolder();
        var random = new Random(4);
        var csv = folder.Csv("grouped.csv", [
            "customer,x,y,label",
            .. Enumerable.Range(0, 240).Select(i => FormattableString.Invariant($"c{i / 4},{random.NextDouble()},{random.NextDouble() + (i % 9 == 0 ? 1 : 0)},{(i % 9 == 0 ? 1 : 0)}"))]);

        var result = Cli.Run("compare", csv, "--strategies", "none", "--folds", "4", "--group-column", "customer");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("over 4 stratified group folds on 'customer'", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--time-column,date,--repeats,2", "--repeats cannot be used with --time-column")]
    [InlineData("--time-column,when", "--time-column 'when' is not a column of goog_drops.csv")]
    [InlineData("--group-column,who", "--group-column 'who' is not a column of goog_drops.csv")]
    [InlineData("--time-column,date,--group-column,date", "cannot be used together")]
    [InlineData("--gap,3", "--gap needs --time-column")]
    [InlineData("--time-column,label,--gap,-1", "--gap")]
    public void Time_and_group_options_are_refused_in_one_line_when_wrong(string options, string message)
    {
        var result = Cli.Run(["compare", RepositoryFiles.DataFile("goog_drops.csv"), "--strategies", "none", .. options.Split(',')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_column_that_is_not_a_time_is_refused_naming_the_row()
    {
        using var folder = new TempFolder();
        var csv = folder.Csv("dated.csv", ["when,x,label", "2024-01-01,1,0", "2024-01-02,2,1", "03/01/2024,3,0", "2024-01-04,4,1"]);

        var result = Cli.Run("compare", csv, "--strategies", "none", "--folds", "2", "--time-column", "when");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Contains("row 3 holds '03/01/2024', which is neither a number nor an ISO-8601 time", result.Stderr, StringComparison.Ordinal);
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
        Assert.Contains("Except for balanced-random-forest (rebalanced inside the learner), probabilities (and the Brier score) are on the data's base rate", result.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);

        // No progress bar when stderr is not a terminal; the one line says the balanced forest's probabilities are inflated.
        Assert.Equal(
            ["warning: probabilities not calibrated: balanced-random-forest rebalances the classes inside the learner, so its probabilities (and Brier score) overstate '1'; ranking and tuned thresholds hold."],
            result.StderrLines);
    }

    [Fact]
    public void Resampled_strategies_have_prior_corrected_probabilities_and_say_so_below_the_table()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none,smote", "--folds", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(
            "Probabilities (and the Brier score) are on the data's base rate: where a sampler or class weights rebalance the classes, each fold's pipeline undoes it with the prior correction.",
            result.Stdout.ReplaceLineEndings(" "),
            StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void Json_rows_say_whether_each_strategys_probabilities_are_calibrated()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none,smote,balanced-random-forest", "--folds", "3", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var calibrated = json.RootElement.EnumerateArray().ToDictionary(
            row => row.GetProperty("strategy").GetString()!, row => row.GetProperty("probabilities_calibrated").GetBoolean());
        // No rebalancing: the model's own probabilities; SMOTE: corrected back to the base rate by default; the
        // balanced forest rebalances inside its learner, where the pipeline cannot correct it.
        Assert.True(calibrated["none"]);
        Assert.True(calibrated["smote"]);
        Assert.False(calibrated["balanced-random-forest"]);
    }

    [Fact]
    public void An_isolation_forest_is_a_strategy_whose_scores_are_calibrated_inside_each_fold()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("hacide.csv"), "--strategies", "none,isolation-forest", "--folds", "3", "--json");
        var table = Cli.Run("compare", RepositoryFiles.DataFile("hacide.csv"), "--strategies", "none,isolation-forest", "--folds", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var forest = json.RootElement.EnumerateArray().Single(r => r.GetProperty("strategy").GetString() == "isolation-forest");
        Assert.True(forest.GetProperty("probabilities_calibrated").GetBoolean());
        // hacide's rare class is 2 % of rows: calibrated probabilities score a Brier near what the base rate alone scores (0.0196), not near 0.25.
        Assert.InRange(forest.GetProperty("brier").GetDouble(), 0, 0.03);
        Assert.InRange(forest.GetProperty("average_precision").GetDouble(), 0.3, 1);
        var words = string.Join(' ', table.Stdout.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)); // the console wraps long lines
        Assert.Contains("isolation-forest's anomaly scores become probabilities by Platt scaling", words, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampling_notes_of_the_folds_are_said_once_per_strategy_on_stderr_and_listed_in_the_json()
    {
        // hacide: balancing 980 rows of class 0 against 20 by random under-sampling discards 98 % of class 0 in every fold.
        var result = Cli.Run("compare", RepositoryFiles.DataFile("hacide.csv"), "--strategies", "none,random-under", "--folds", "3", "--seed", "7", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("hacide.csv"));
        var expected = CrossValidation.Run(StrategyCatalog.Create("random-under", "logistic", seed: 7), data, new StratifiedKFold(3, shuffle: true, seed: 7));
        var note = Assert.Single(expected.SamplingNotes).Message;
        Assert.Contains("of the rows of class '0' (in 3 of 3 folds)", note, StringComparison.Ordinal);
        Assert.Equal([$"note: random-under: {note}"], result.StderrLines);
        using var json = JsonDocument.Parse(result.Stdout);
        var notes = json.RootElement.EnumerateArray().ToDictionary(
            row => row.GetProperty("strategy").GetString()!, row => row.GetProperty("sampling_notes").EnumerateArray().Select(n => n.GetString()!).ToArray());
        Assert.Equal([note], notes["random-under"]);
        Assert.Empty(notes["none"]);
    }

    [Fact]
    public void A_cascade_row_gives_the_share_of_validation_rows_that_reached_its_second_stage()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none,cascade", "--model", "tree", "--folds", "3", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var cascade = json.RootElement.EnumerateArray().Single(r => r.GetProperty("strategy").GetString() == "cascade");
        var plain = json.RootElement.EnumerateArray().Single(r => r.GetProperty("strategy").GetString() == "none");
        Assert.InRange(cascade.GetProperty("second_stage_share").GetDouble(), 0.1, 1);
        Assert.True(cascade.GetProperty("second_stage_share_std").GetDouble() >= 0);
        Assert.True(cascade.GetProperty("probabilities_calibrated").GetBoolean());
        Assert.False(plain.TryGetProperty("second_stage_share", out _));
    }

    [Fact]
    public void Repeats_multiply_the_folds()
    {
        var result = Cli.Run("compare", RepositoryFiles.DataFile("pima.csv"), "--strategies", "none", "--folds", "3", "--repeats", "2", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(6, json.RootElement[0].GetProperty("folds").GetInt32());
    }

    /// <summary>200 rows of class 0 and 10 of class 5: five folds leave 8 of class 5 to train on, an inner fold 5.</summary>
    internal static string SmallClassFile(TempFolder folder)
        => folder.Csv("small.csv", [
            "a,b,label",
            .. Enumerable.Range(0, 200).Select(i => FormattableString.Invariant($"{i % 17 / 10.0},{i % 13 / 10.0},0")),
            .. Enumerable.Range(0, 10).Select(i => FormattableString.Invariant($"{2 + (i % 3 / 10.0)},{2 + (i % 5 / 10.0)},5")),
        ]);

    private const string SmoteNote = "smote cannot run in every fold: class '5' has 10 rows; a training fold holds as few as 8 and an inner fold 5; smote's k_neighbors=5 needs 6: --param smote.k_neighbors=4.";

    [Fact]
    public void A_strategy_that_cannot_run_is_skipped_before_any_fitting_with_its_reason_in_json()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("compare", SmallClassFile(folder), "--strategies", "none,smote,adasyn", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var items = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["none", "smote", "adasyn"], items.Select(i => i.GetProperty("strategy").GetString()));
        Assert.Equal(5, items[0].GetProperty("folds").GetInt32());
        Assert.Equal(SmoteNote, items[1].GetProperty("skipped").GetString());
        Assert.Contains("adasyn's n_neighbors=5 needs 6: --param adasyn.n_neighbors=4.", items[2].GetProperty("skipped").GetString(), StringComparison.Ordinal);
        Assert.Equal(["warning: skipped smote: " + SmoteNote, "warning: skipped adasyn: " + items[2].GetProperty("skipped").GetString()], result.StderrLines);
    }

    [Fact]
    public void The_table_and_the_report_list_a_skipped_strategy_with_its_reason()
    {
        using var folder = new TempFolder();
        var report = folder.File("small.html");

        var result = Cli.Run("compare", SmallClassFile(folder), "--strategies", "none,smote", "--report", report);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Skipped smote: " + SmoteNote, result.Stdout, StringComparison.Ordinal);
        Assert.Contains(result.Stdout.Split('\n'), line => line.Contains("smote", StringComparison.Ordinal) && line.Contains("│", StringComparison.Ordinal) && line.Contains("skipped", StringComparison.Ordinal));
        var html = File.ReadAllText(report);
        Assert.Contains("Not compared, because they cannot run on this data:", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>smote</strong>: " + System.Net.WebUtility.HtmlEncode(SmoteNote) + "</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Param_sets_a_compared_samplers_parameter()
    {
        using var folder = new TempFolder();
        var path = SmallClassFile(folder);

        var result = Cli.Run("compare", path, "--strategies", "smote", "--param", "smote.k_neighbors=4", "--folds", "5", "--seed", "3", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var data = Dataset.LoadCsv(path);
        var pipeline = StrategyCatalog.Create("smote", "logistic", seed: 3, samplerParameters: new Dictionary<string, string> { ["k_neighbors"] = "4" });
        var expected = CrossValidation.Run(pipeline, data, new StratifiedKFold(5, shuffle: true, seed: 3));
        Assert.Equal(expected[MetricNames.AveragePrecision].Mean, json.RootElement[0].GetProperty("average_precision").GetDouble(), 12);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public void When_no_strategy_can_run_it_is_one_line_and_exit_2()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("compare", SmallClassFile(folder), "--strategies", "smote");

        BadInputTests.AssertBadInput(result, "the strategy cannot run on this data: " + SmoteNote, "every strategy skipped");
    }

    public static TheoryData<string, string[], string> BadCases() => new()
    {
        { "param of a strategy not compared", ["{pima}", "--param", "adasyn.n_neighbors=3"], "--param adasyn.n_neighbors: 'adasyn' is not among the strategies compared" },
        { "param of a strategy that is no sampler", ["{pima}", "--strategies", "none,smote", "--param", "none.k=3"], "'none' is not a sampler and has no parameters" },
        { "unknown param", ["{pima}", "--param", "smote.k_neighbours=3"], "smote has no parameter k_neighbours. Its parameters: k_neighbors" },
        { "param without a strategy", ["{pima}", "--param", "k_neighbors=3"], "expected STRATEGY.KEY=VALUE" },
        { "param given twice", ["{pima}", "--param", "smote.k_neighbors=3", "-p", "smote.k_neighbors=4"], "--param smote.k_neighbors is given more than once" },
        { "invalid param value", ["{pima}", "--param", "smote.k_neighbors=0"], "k_neighbors must be at least 1" },
        { "unknown strategy", ["{pima}", "--strategies", "none,smoot"], "unknown strategy 'smoot'" },
        { "empty strategy list", ["{pima}", "--strategies", ","], "--strategies is empty" },
        { "repeated strategy", ["{pima}", "--strategies", "smote,smote"], "'smote' is listed twice" },
        { "unknown model", ["{pima}", "--model", "svm"], "Unknown model 'svm'" },
        { "too few folds", ["{pima}", "--folds", "1"], "--folds must be at least 2" },
        { "no repeats", ["{pima}", "--repeats", "0"], "--repeats must be at least 1" },
        { "missing file", ["{dir}/none.csv"], "none.csv" },
        { "unknown label", ["{pima}", "--label", "outcome"], "there is no label column 'outcome'" },
        { "folds above the rarest class", ["{pima}", "--folds", "300"], "fewer than --folds 300" },
        { "no rows a day", ["{pima}", "--rows-per-day", "0"], "--rows-per-day must be above 0; got 0." },
        { "rows a day not a number", ["{pima}", "--rows-per-day", "many"], "--rows-per-day must be a number; got 'many'." },
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
