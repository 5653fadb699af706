using System.Globalization;
using System.Text.Json;

namespace ImbalanceGuard.Cli.Tests;

public class EvaluateAndTuneTests
{
    private static readonly string[] ThresholdKeys =
    [
        "accuracy", "balanced_accuracy", "cohen_kappa", "confusion", "f1", "fbeta", "geometric_mean",
        "majority_baseline_accuracy", "mcc", "precision", "recall", "specificity", "threshold",
    ];

    [Fact]
    public void Without_a_threshold_evaluate_gives_only_threshold_free_metrics_matching_scikit_learn()
    {
        using var folder = new TempFolder();
        var (csv, oracle) = OracleScores(folder, "pima");
        var result = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(["average_precision", "brier", "log_loss", "positive_class", "roc_auc"], Keys(root));
        Assert.Equal(oracle.GetProperty("roc_auc").GetDouble(), root.GetProperty("roc_auc").GetDouble(), 1e-12);
        Assert.Equal(oracle.GetProperty("average_precision").GetDouble(), root.GetProperty("average_precision").GetDouble(), 1e-12);
        Assert.Equal(oracle.GetProperty("brier").GetDouble(), root.GetProperty("brier").GetDouble(), 1e-12);
        Assert.Equal(oracle.GetProperty("log_loss").GetDouble(), root.GetProperty("log_loss").GetDouble(), 1e-12);
    }

    [Fact]
    public void With_a_threshold_evaluate_adds_the_decision_metrics_and_the_cost()
    {
        using var folder = new TempFolder();
        var (csv, oracle) = OracleScores(folder, "pima");
        var result = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--threshold", "0.5", "--beta", "2", "--cost-fp", "1", "--cost-fn", "5", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(
            [.. new[] { "average_precision", "brier", "expected_cost", "log_loss", "positive_class", "roc_auc" }.Concat(ThresholdKeys).Order(StringComparer.Ordinal)],
            Keys(root));
        var at = oracle.GetProperty("at_0_5");
        var confusion = at.GetProperty("confusion");
        var c = root.GetProperty("confusion");
        Assert.Equal(confusion[0][0].GetDouble(), c.GetProperty("tn").GetDouble());
        Assert.Equal(confusion[0][1].GetDouble(), c.GetProperty("fp").GetDouble());
        Assert.Equal(confusion[1][0].GetDouble(), c.GetProperty("fn").GetDouble());
        Assert.Equal(confusion[1][1].GetDouble(), c.GetProperty("tp").GetDouble());
        foreach (var (ours, theirs) in new[]
        {
            ("accuracy", "accuracy"), ("precision", "precision"), ("recall", "recall"), ("specificity", "specificity"), ("f1", "f1"),
            ("fbeta", "f2"), ("mcc", "mcc"), ("balanced_accuracy", "balanced_accuracy"), ("geometric_mean", "geometric_mean"), ("cohen_kappa", "cohen_kappa"),
        })
        {
            Assert.Equal(at.GetProperty(theirs).GetDouble(), root.GetProperty(ours).GetDouble(), 1e-9);
        }

        var expectedCost = (confusion[0][1].GetDouble() + (5 * confusion[1][0].GetDouble())) / 768;
        Assert.Equal(expectedCost, root.GetProperty("expected_cost").GetDouble(), 12);
        Assert.Equal(500.0 / 768, root.GetProperty("majority_baseline_accuracy").GetDouble(), 12);
    }

    [Fact]
    public void Tune_returns_the_best_threshold_for_the_objective_with_its_metrics()
    {
        using var folder = new TempFolder();
        var (csv, _) = OracleScores(folder, "satimage");
        var result = Cli.Run("tune", csv, "--label", "y", "--score", "p", "--objective", "cost:fp=1,fn=10", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(
            [.. new[] { "bayes_threshold", "expected_cost", "objective", "positive_class", "value" }.Concat(ThresholdKeys).Order(StringComparer.Ordinal)],
            Keys(root));
        Assert.Equal("cost:fp=1,fn=10", root.GetProperty("objective").GetString());
        Assert.Equal(root.GetProperty("expected_cost").GetDouble(), root.GetProperty("value").GetDouble());
        Assert.Equal(1.0 / 11, root.GetProperty("bayes_threshold").GetDouble(), 12);

        // No other threshold does better: check every distinct score.
        var rows = File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).Select(c => (Label: c[1] == "1", Score: double.Parse(c[2], CultureInfo.InvariantCulture))).ToArray();
        var best = rows.Select(r => r.Score).Distinct()
            .Min(t => rows.Sum(r => r.Score >= t ? (r.Label ? 0 : 1) : (r.Label ? 10 : 0)) / (double)rows.Length);
        Assert.Equal(best, root.GetProperty("value").GetDouble(), 12);
    }

    [Fact]
    public void Tune_warns_when_a_cost_objective_meets_scores_inflated_by_rebalancing()
    {
        using var folder = new TempFolder();
        var (calibratedCsv, oracle) = OracleScores(folder, "satimage");
        var labels = oracle.GetProperty("y_true").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var share = labels.Count(l => l == 1) / (double)labels.Length;

        // What a model fitted on 50/50 rows would say: the prior shift the prior correction undoes, run backwards.
        var shift = new ImbalanceGuard.Calibration.PriorCorrection(0.5, share);
        var inflated = oracle.GetProperty("y_score").EnumerateArray().Select(e => shift.Calibrate(e.GetDouble())).ToArray();
        var inflatedCsv = folder.Csv("inflated.csv", ["y,p", .. labels.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{l},{inflated[i]:R}"))]);

        var warned = Cli.Run("tune", inflatedCsv, "--label", "y", "--score", "p", "--objective", "cost:fp=1,fn=10", "--json");
        var quiet = Cli.Run("tune", calibratedCsv, "--label", "y", "--score", "p", "--objective", "cost:fp=1,fn=10", "--json");
        var notCost = Cli.Run("tune", inflatedCsv, "--label", "y", "--score", "p", "--objective", "f1", "--json");

        Assert.True(warned.ExitCode == 0, warned.ToString());
        var warning = Assert.Single(warned.StderrLines);
        Assert.StartsWith("warning: the mean score ", warning, StringComparison.Ordinal);
        Assert.Contains("the Bayes threshold c_FP / (c_FP + c_FN) = 0.0909 does not apply to them", warning, StringComparison.Ordinal);
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal(string.Empty, quiet.Stderr);
        Assert.Equal(string.Empty, notCost.Stderr); // no Bayes threshold, nothing to misread
    }

    [Theory]
    [InlineData("f1")]
    [InlineData("fbeta:2")]
    [InlineData("mcc")]
    [InlineData("min-precision:0.5")]
    [InlineData("min-recall:0.5")]
    [InlineData("max-alerts:5/100")]
    [InlineData("f1,max-alerts:30/100,min-recall:0.5")]
    [InlineData("cost:fp=1,fn=10,min-precision:0.5")]
    public void Tune_accepts_every_objective_form(string objective)
    {
        using var folder = new TempFolder();
        var (csv, _) = OracleScores(folder, "pima");
        var result = Cli.Run("tune", csv, "--label", "y", "--score", "p", "--objective", objective, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(objective, json.RootElement.GetProperty("objective").GetString());
    }

    [Fact]
    public void Tune_with_constraints_maximises_the_first_item_within_every_floor_and_budget()
    {
        using var folder = new TempFolder();
        var (csv, _) = OracleScores(folder, "pima");
        var result = Cli.Run("tune", csv, "--label", "y", "--score", "p", "--objective", "f1,max-alerts:30/100,min-recall:0.6", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var confusion = root.GetProperty("confusion");
        var flagged = confusion.GetProperty("tp").GetDouble() + confusion.GetProperty("fp").GetDouble();
        Assert.True(flagged * 100 <= 30 * 768, $"{flagged} flags break the budget of 30 in 100");
        Assert.True(root.GetProperty("recall").GetDouble() >= 0.6);
        Assert.Equal(root.GetProperty("f1").GetDouble(), root.GetProperty("value").GetDouble());

        // The best F1 among every threshold that meets both constraints.
        var rows = File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).Select(c => (Label: c[1] == "1", Score: double.Parse(c[2], CultureInfo.InvariantCulture))).ToArray();
        var positives = rows.Count(r => r.Label);
        var best = rows.Select(r => r.Score).Distinct()
            .Select(t => (Flagged: rows.Count(r => r.Score >= t), Hits: rows.Count(r => r.Score >= t && r.Label)))
            .Where(c => c.Flagged * 100 <= 30 * rows.Length && c.Hits >= 0.6 * positives)
            .Max(c => 2.0 * c.Hits / (c.Flagged + positives));
        Assert.Equal(best, root.GetProperty("value").GetDouble(), 12);
    }

    [Theory]
    [InlineData("y,p\n1,0.7\n0,NaN\n", "evaluate", "not allowed")]
    [InlineData("y,p\n1,0.7\n0,abc\n", "evaluate", "'abc' is not a number")]
    [InlineData("y,p\n1,0.7\n1,0.2\n", "evaluate", "has only class '1'")]
    [InlineData("y,p\n1,0.7\n0,0.2\n2,0.4\n", "evaluate", "has 3 classes")]
    [InlineData("y,q\n1,0.7\n0,0.2\n", "evaluate", "no score column 'p'")]
    [InlineData("y,p\n1,0.7\n0,0.2\n", "tune", "is not understood")]
    [InlineData("y,p\n1,0.7\n0,0.8\n", "tune-unreachable", "no threshold reaches precision 0.99")]
    [InlineData("y,p\n1,0.9\n0,0.8\n1,0.7\n0,0.6\n", "tune-combination", "max-alerts:1/4, min-recall:1 is met by some threshold, but none meets them all")]
    public void Bad_input_is_one_line_and_exit_code_2(string content, string command, string message)
    {
        using var folder = new TempFolder();
        var csv = folder.Csv("scores.csv", content.TrimEnd('\n').Split('\n'));
        var args = command switch
        {
            "evaluate" => new[] { "evaluate", csv, "--label", "y", "--score", "p" },
            "tune" => ["tune", csv, "--label", "y", "--score", "p", "--objective", "accuracy"],
            "tune-combination" => ["tune", csv, "--label", "y", "--score", "p", "--objective", "f1,max-alerts:1/4,min-recall:1"],
            _ => ["tune", csv, "--label", "y", "--score", "p", "--objective", "min-precision:0.99"],
        };
        var result = Cli.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("--cost-fp", "1")]
    [InlineData("--beta", "0")]
    public void Inconsistent_options_are_refused(string option, string value)
    {
        using var folder = new TempFolder();
        var (csv, _) = OracleScores(folder, "pima");
        var result = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--threshold", "0.5", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
    }

    [Fact]
    public void The_human_report_never_shows_accuracy_without_its_baseline()
    {
        using var folder = new TempFolder();
        var (csv, _) = OracleScores(folder, "satimage");
        var result = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--threshold", "0.5");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("always '0'", result.Stdout, StringComparison.Ordinal);
        var noThreshold = Cli.Run("evaluate", csv, "--label", "y", "--score", "p");
        Assert.DoesNotContain("accuracy", noThreshold.Stdout.Replace("balanced accuracy", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No --threshold", noThreshold.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_gives_the_ranking_metrics_of_raw_scores_and_says_why_brier_and_log_loss_are_missing()
    {
        using var folder = new TempFolder();
        var (csv, _) = OracleScores(folder, "pima");

        // The log-odds of the probabilities: a raw score that ranks the rows exactly as they do.
        var raw = folder.Csv("raw.csv", [
            "id,y,p",
            .. File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).Select(c => string.Create(
                CultureInfo.InvariantCulture,
                $"{c[0]},{c[1]},{Math.Log(double.Parse(c[2], CultureInfo.InvariantCulture) / (1 - double.Parse(c[2], CultureInfo.InvariantCulture))):R}")),
        ]);

        var probabilities = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--json");
        var scores = Cli.Run("evaluate", raw, "--label", "y", "--score", "p", "--json");
        var table = Cli.Run("evaluate", raw, "--label", "y", "--score", "p", "--threshold", "0");

        Assert.True(scores.ExitCode == 0, scores.ToString());
        using var p = JsonDocument.Parse(probabilities.Stdout);
        using var s = JsonDocument.Parse(scores.Stdout);
        Assert.Equal(p.RootElement.GetProperty("roc_auc").GetDouble(), s.RootElement.GetProperty("roc_auc").GetDouble(), 12);
        Assert.Equal(p.RootElement.GetProperty("average_precision").GetDouble(), s.RootElement.GetProperty("average_precision").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, s.RootElement.GetProperty("brier").ValueKind);
        Assert.Equal(JsonValueKind.Null, s.RootElement.GetProperty("log_loss").ValueKind);
        Assert.Contains("Brier score and log loss need probabilities", s.RootElement.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.False(p.RootElement.TryGetProperty("note", out _));
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("are not all probabilities", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Brier score (lower is better)", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("at threshold 0", table.Stdout, StringComparison.Ordinal);
    }

    private static string[] Keys(JsonElement root) => [.. root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>The oracle's out-of-fold probabilities as a CSV with columns y, p and an ignored id column.</summary>
    [Fact]
    public void By_a_group_column_evaluate_adds_each_groups_metrics_as_if_evaluated_alone()
    {
        using var folder = new TempFolder();
        var (_, oracle) = OracleScores(folder, "pima");
        var labels = oracle.GetProperty("y_true").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var scores = oracle.GetProperty("y_score").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var bands = labels.Select((_, i) => i % 5 == 0 ? "rare" : i % 2 == 0 ? "even" : "odd").ToArray();
        var csv = folder.Csv("grouped.csv", ["y,p,band", .. labels.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{l},{scores[i]:R},{bands[i]}"))]);

        var result = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--threshold", "0.4", "--by", "band", "--json");
        var table = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--threshold", "0.4", "--by", "band");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(
            [.. new[] { "average_precision", "brier", "groups", "largest_calibration_gap", "largest_recall_gap", "log_loss", "positive_class", "roc_auc" }.Concat(ThresholdKeys).Order(StringComparer.Ordinal)],
            Keys(root));
        var groups = root.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(["even", "odd", "rare"], groups.Select(g => g.GetProperty("group").GetString())); // 307, 307 and 154 rows: largest first, ties by name
        Assert.Equal(labels.Length, groups.Sum(g => g.GetProperty("rows").GetInt32()));
        foreach (var group in groups)
        {
            var name = group.GetProperty("group").GetString();
            var rows = Enumerable.Range(0, labels.Length).Where(i => bands[i] == name).ToArray();
            var alone = Evaluation.EvaluationReport.Of(Evaluation.BinaryScores.Create([.. rows.Select(i => labels[i])], [.. rows.Select(i => scores[i])]), 0.4);
            Assert.Equal(alone.RocAuc, group.GetProperty("roc_auc").GetDouble(), 1e-12);
            Assert.Equal(alone.AveragePrecision, group.GetProperty("average_precision").GetDouble(), 1e-12);
            Assert.Equal(alone.Confusion!.Value.Recall, group.GetProperty("recall").GetDouble(), 1e-12);
            Assert.Equal(rows.Count(i => labels[i] == 1), group.GetProperty("positives").GetDouble());
            Assert.False(group.GetProperty("too_small").GetBoolean());
            Assert.InRange(group.GetProperty("calibration_error").GetDouble(), 0, 1);
        }

        var gap = root.GetProperty("largest_recall_gap");
        Assert.Contains(gap.GetProperty("group").GetString(), bands);
        Assert.Contains($"Recall differs most for '{gap.GetProperty("group").GetString()}'", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("too small to judge", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void By_a_segment_column_tune_adds_each_segments_threshold_tuned_on_its_rows_and_the_global_one_for_the_rest()
    {
        using var folder = new TempFolder();
        var (_, oracle) = OracleScores(folder, "pima");
        var labels = oracle.GetProperty("y_true").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var scores = oracle.GetProperty("y_score").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var segments = labels.Select((_, i) => i < 12 ? "tiny" : i % 2 == 0 ? "even" : "odd").ToArray();
        var csv = folder.Csv("segments.csv", ["y,p,region", .. labels.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{l},{scores[i]:R},{segments[i]}"))]);

        var result = Cli.Run("tune", csv, "--label", "y", "--score", "p", "--objective", "f1", "--by", "region", "--json");
        var table = Cli.Run("tune", csv, "--label", "y", "--score", "p", "--objective", "f1", "--by", "region");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var all = Evaluation.BinaryScores.Create(labels, scores);
        var global = Thresholds.ThresholdTuner.Tune(all, Thresholds.ThresholdObjective.F1).Threshold;
        Assert.Equal(global, root.GetProperty("threshold").GetDouble());
        Assert.Equal("region", root.GetProperty("segment_column").GetString());
        var listed = root.GetProperty("segments").EnumerateArray().ToArray();
        Assert.Equal(["even", "odd", "tiny"], listed.Select(g => g.GetProperty("segment").GetString()));
        foreach (var segment in listed)
        {
            var name = segment.GetProperty("segment").GetString();
            var rows = Enumerable.Range(0, labels.Length).Where(i => segments[i] == name).ToArray();
            Assert.Equal(rows.Length, segment.GetProperty("rows").GetInt32());
            var own = Thresholds.ThresholdTuner.Tune(Evaluation.BinaryScores.Create([.. rows.Select(i => labels[i])], [.. rows.Select(i => scores[i])]), Thresholds.ThresholdObjective.F1).Threshold;
            var tuned = name != "tiny"; // 12 rows cannot hold 10 of each class
            Assert.Equal(tuned, segment.GetProperty("tuned").GetBoolean());
            Assert.Equal(tuned ? own : global, segment.GetProperty("threshold").GetDouble());
        }

        Assert.Contains("needs 10 of each", listed[2].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("Per segment of 'region'", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("its own rows", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void With_tiers_tune_places_each_tier_within_its_budget_from_the_top_score_down()
    {
        using var folder = new TempFolder();
        var (csv, oracle) = OracleScores(folder, "pima");
        var scores = oracle.GetProperty("y_score").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        var result = Cli.Run("tune", csv, "--label", "y", "--score", "p", "--objective", "f1", "--tiers", "page:0.05,ticket:20/100,log:0.5", "--json");
        var table = Cli.Run("tune", csv, "--label", "y", "--score", "p", "--objective", "f1", "--tiers", "page:0.05,ticket:20/100,log:0.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        var tiers = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("tiers").EnumerateArray().ToArray();
        Assert.Equal(["page", "ticket", "log"], tiers.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([0.05, 0.2, 0.5], tiers.Select(t => t.GetProperty("budget").GetDouble()));
        foreach (var tier in tiers)
        {
            // The share flagged is the rows at or above the threshold; one more distinct score down would overrun the budget.
            var threshold = tier.GetProperty("threshold").GetDouble();
            var flagged = scores.Count(s => s >= threshold);
            Assert.Equal(flagged / (double)scores.Length, tier.GetProperty("share").GetDouble(), 12);
            Assert.True(flagged <= tier.GetProperty("budget").GetDouble() * scores.Length);
            var next = scores.Where(s => s < threshold).DefaultIfEmpty(double.NegativeInfinity).Max();
            Assert.True(scores.Count(s => s >= next) > tier.GetProperty("budget").GetDouble() * scores.Length);
        }

        Assert.Contains("Severity tiers", table.Stdout, StringComparison.Ordinal);
        BadInputTests.AssertBadInput(
            Cli.Run("tune", csv, "--label", "y", "--score", "p", "--objective", "f1", "--tiers", "page:0.2,ticket:0.1"),
            "not above the 0.2 of the more severe tier 'page'",
            "tiers not growing");
    }

    [Fact]
    public void A_group_column_the_file_does_not_have_is_one_line_and_exit_2()
    {
        using var folder = new TempFolder();
        var (csv, _) = OracleScores(folder, "pima");

        var result = Cli.Run("evaluate", csv, "--label", "y", "--score", "p", "--by", "country");

        BadInputTests.AssertBadInput(result, "there is no group column 'country'", "missing group column");
    }

    private static (string Csv, JsonElement Oracle) OracleScores(TempFolder folder, string dataset)
    {
        using var stream = File.OpenRead(Path.Combine(Path.GetDirectoryName(RepositoryFiles.DataFile("x"))!, "..", "tests", "oracles", "metrics", dataset + ".json"));
        var oracle = JsonDocument.Parse(stream).RootElement.GetProperty("cases")[0].Clone();
        var labels = oracle.GetProperty("y_true").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var scores = oracle.GetProperty("y_score").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var lines = new List<string> { "id,y,p" };
        lines.AddRange(labels.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"r{i},{l},{scores[i]:R}")));
        return (folder.Csv("scores.csv", [.. lines]), oracle);
    }
}
