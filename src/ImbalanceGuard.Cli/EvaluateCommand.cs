using System.Globalization;
using System.Text.Json;
using System.CommandLine;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Scale;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary><c>evaluate</c>: the metrics of a model's scores, threshold-free and — only when one is given — at a threshold.</summary>
internal static class EvaluateCommand
{
    private const string RawScoresNote =
        "The scores are not all probabilities in [0, 1] (raw scores or margins): the ranking metrics and any threshold hold, "
        + "but the Brier score and log loss need probabilities, so they are not given.";

    public static (Command Command, string[] Examples) Create(TextWriter stdout)
    {
        var scores = new ScoreOptions();
        var threshold = new Option<double?>("--threshold")
        {
            Description = "Flag rows scoring at least this and report the decision metrics there. Without it only threshold-free "
                + "metrics are given: there is no silent 0.5.",
            HelpName = "T",
        };
        var beta = new Option<double?>("--beta")
        {
            Description = "The beta of the fbeta metric (recall counts beta times as much as precision). Default 1.",
            HelpName = "B",
        };
        var costFalsePositive = new Option<double?>("--cost-fp")
        {
            Description = "The cost of a false positive (a false alarm); with --cost-fn, adds expected_cost per row.",
            HelpName = "A",
        };
        var costFalseNegative = new Option<double?>("--cost-fn")
        {
            Description = "The cost of a false negative (a miss); with --cost-fp, adds expected_cost per row.",
            HelpName = "B",
        };
        var by = new Option<string?>("--by")
        {
            Description = "A column that groups the rows (a country, a device type, a segment): the metrics, base rate and calibration error per group, "
                + $"groups with fewer than {SubgroupEvaluation.MinimumClassRows} positives or negatives marked too small to judge, and the groups whose recall "
                + "(with --threshold) or calibration differ most from the other rows called out.",
            HelpName = "COL",
        };
        var json = CommonOptions.Json();
        var memoryLimit = CommonOptions.MemoryLimit();
        var threads = EngineSession.Threads();
        scores.Csv.Description = "A CSV or Parquet file with a label column and a score column (higher means more likely positive); other columns are ignored. "
            + "Parquet, or a CSV file larger than a quarter of --memory-limit, is evaluated out of core on the embedded engine, with the same metrics.";
        var command = new Command(
            "evaluate",
            "Evaluate a model's probabilities (or raw scores) on labelled rows: ROC-AUC, average precision (PR-AUC), and for probabilities Brier score and log loss, "
            + "and with --threshold the confusion and decision metrics, accuracy only beside the majority-class baseline.")
        {
            threshold,
            beta,
            costFalsePositive,
            costFalseNegative,
            by,
            json,
            memoryLimit,
            threads,
        };
        scores.AddTo(command);
        command.Validators.Add(result =>
        {
            double? fp, fn;
            try
            {
                fp = result.GetValue(costFalsePositive);
                fn = result.GetValue(costFalseNegative);
                _ = result.GetValue(threshold);
                _ = result.GetValue(beta);
            }
            catch (InvalidOperationException)
            {
                // A value that did not parse has its own error already; reading it throws.
                return;
            }

            if ((fp is null) != (fn is null))
            {
                result.AddError("--cost-fp and --cost-fn go together: give both.");
            }
            else if (fp is not null && result.GetValue(threshold) is null)
            {
                result.AddError("An expected cost needs a decision: give --threshold with --cost-fp and --cost-fn.");
            }
            else if (fp is < 0 || fn is < 0)
            {
                result.AddError("Costs cannot be negative.");
            }

            if (result.GetValue(beta) is { } b && !(b > 0 && double.IsFinite(b)))
            {
                result.AddError("--beta must be a positive number.");
            }
        });

        command.SetAction(parseResult =>
        {
            var input = parseResult.GetRequiredValue(scores.Csv);
            var limit = parseResult.GetValue(memoryLimit);
            var cut = parseResult.GetValue(threshold);
            var b = parseResult.GetValue(beta) ?? 1.0;
            var costs = parseResult.GetValue(costFalsePositive) is { } fp && parseResult.GetValue(costFalseNegative) is { } fn ? (fp, fn) : ((double, double)?)null;
            EvaluationFigures figures;
            SubgroupReport? subgroups = null;
            if (OutOfCore.IsNeeded(input, limit))
            {
                if (parseResult.GetValue(by) is not null)
                {
                    throw new ArgumentException(
                        $"--by needs the rows in memory, and {input} is evaluated out of core ({EngineSession.Reason(input, limit)}); "
                        + "evaluate a CSV file at most a quarter of --memory-limit in size (raise --memory-limit), or drop --by.");
                }

                var request = new ScoreFileRequest(input, parseResult.GetRequiredValue(scores.Label), parseResult.GetRequiredValue(scores.Score),
                    parseResult.GetValue(scores.Positive), cut, parseResult.GetValue(scores.Separator));
                figures = EvaluationFigures.Of(EngineSession.Run("evaluate", limit, parseResult.GetValue(threads), engine => StreamedEvaluator.Run(engine, request)));
            }
            else
            {
                var data = scores.Load(parseResult, parseResult.GetValue(by));
                var report = cut is { } t ? EvaluationReport.Of(data.Scores, t) : EvaluationReport.Of(data.Scores);
                subgroups = data.Groups is { } groups ? SubgroupEvaluation.Of(data.Scores, groups, cut) : null;
                figures = EvaluationFigures.Of(report, data);
            }

            if (parseResult.GetValue(json))
            {
                JsonOutput.WriteObject(stdout, w =>
                {
                    WriteRanking(w, figures.RocAuc, figures.AveragePrecision, figures.BrierScore, figures.LogLoss);
                    if (!figures.ScoresAreProbabilities)
                    {
                        w.WriteString("note", RawScoresNote);
                    }

                    if (figures.Confusion is { } confusion)
                    {
                        DecisionMetrics.WriteJson(w, figures.Threshold!.Value, confusion, b, costs);
                    }

                    w.WriteString("positive_class", figures.PositiveClass);
                    if (subgroups is not null)
                    {
                        WriteGroups(w, subgroups, b, costs);
                    }

                    if (figures.DistinctScores is { } distinct)
                    {
                        w.WriteString("engine", "duckdb");
                        w.WriteNumber("distinct_scores", distinct);
                    }
                });
                return ExitCodes.Success;
            }

            var console = Terminal.Over(stdout);
            if (figures.DistinctScores is { } walked)
            {
                console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Out of core on the engine (DuckDB, --memory-limit {MemorySize.Format(limit)}) because {EngineSession.Reason(input, limit)}: "
                    + $"every metric from the counts at each of {walked:N0} distinct scores, exact as in memory."));
            }

            console.MarkupLine(
                $"[bold]{figures.Rows:N0} rows[/], positive class '{Markup.Escape(figures.PositiveClass)}': {figures.Positives:N0} positive ({DecisionMetrics.Number(figures.PositiveShare)} of rows).");
            var ranking = new Table().AddColumn("threshold-free").AddColumn(new TableColumn("value").RightAligned()).AddColumn("no-skill baseline");
            ranking.AddRow("average precision (PR-AUC)", DecisionMetrics.Number(figures.AveragePrecision), DecisionMetrics.Number(figures.PositiveShare));
            ranking.AddRow("ROC-AUC", DecisionMetrics.Number(figures.RocAuc), "0.5");
            if (figures is { BrierScore: { } brier, LogLoss: { } logLoss })
            {
                ranking.AddRow("Brier score (lower is better)", DecisionMetrics.Number(brier), DecisionMetrics.Number(figures.BaselineBrierScore));
                ranking.AddRow("log loss (lower is better)", DecisionMetrics.Number(logLoss), string.Empty);
            }

            console.Write(ranking);
            if (!figures.ScoresAreProbabilities)
            {
                console.WriteLine(RawScoresNote);
            }

            if (figures.Confusion is { } c)
            {
                console.Write(DecisionMetrics.Table(figures.Threshold!.Value, c, b, costs, figures.PositiveClass, figures.NegativeClass));
                if (DecisionMetrics.AccuracyTrap(c) is { } trap)
                {
                    console.MarkupLine("[yellow]" + Markup.Escape(trap) + "[/]");
                }
            }
            else
            {
                console.WriteLine("No --threshold: decision metrics need a threshold chosen for your costs (see 'imbalance-guard tune').");
            }

            if (subgroups is not null)
            {
                WriteGroupTable(console, subgroups, parseResult.GetValue(by)!);
            }

            return ExitCodes.Success;
        });
        return (command,
        [
            $"{CommandLine.ToolName} evaluate holdout-scores.csv --label y --score p",
            $"{CommandLine.ToolName} evaluate holdout-scores.csv --label y --score p --threshold 0.21 --beta 2 --json",
            $"{CommandLine.ToolName} evaluate holdout-scores.csv --label y --score p --threshold 0.21 --cost-fp 1 --cost-fn 25",
            $"{CommandLine.ToolName} evaluate holdout-scores.csv --label y --score p --threshold 0.21 --by country --json",
            $"{CommandLine.ToolName} evaluate scored-day.parquet --label fraud --score p --threshold 0.3 --memory-limit 512MB",
        ]);
    }

    private static void WriteRanking(Utf8JsonWriter w, double rocAuc, double averagePrecision, double? brier, double? logLoss)
    {
        w.WriteNumber("roc_auc", rocAuc);
        w.WriteNumber("average_precision", averagePrecision);
        JsonOutput.WriteNumberOrNull(w, "brier", brier ?? double.NaN);
        JsonOutput.WriteNumberOrNull(w, "log_loss", logLoss ?? double.NaN);
    }

    /// <summary>
    /// <c>groups</c>: per group its rows, positives, base rate, calibration error and the metrics of the whole file's JSON
    /// (null where a group has one class); then the groups called out.
    /// </summary>
    private static void WriteGroups(Utf8JsonWriter w, SubgroupReport subgroups, double beta, (double, double)? costs)
    {
        w.WriteStartArray("groups");
        foreach (var group in subgroups.Groups)
        {
            w.WriteStartObject();
            w.WriteString("group", group.Group);
            w.WriteNumber("rows", group.Rows);
            w.WriteNumber("positives", group.PositiveWeight);
            w.WriteNumber("base_rate", group.BaseRate);
            w.WriteBoolean("too_small", group.TooSmall);
            w.WriteNumber("mean_score", group.MeanScore);
            JsonOutput.WriteNumberOrNull(w, "calibration_error", group.CalibrationError ?? double.NaN);
            if (group.Report is { } report)
            {
                WriteRanking(w, report.RocAuc, report.AveragePrecision, report.BrierScore, report.LogLoss);
                if (report.Confusion is { } confusion)
                {
                    DecisionMetrics.WriteJson(w, report.Threshold!.Value, confusion, beta, costs);
                }
            }
            else
            {
                w.WriteString("note", "one class only: ranking and decision metrics are undefined");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteGap(w, "largest_recall_gap", subgroups.LargestRecallGap);
        WriteGap(w, "largest_calibration_gap", subgroups.LargestCalibrationGap);
    }

    private static void WriteGap(Utf8JsonWriter w, string name, SubgroupGap? gap)
    {
        if (gap is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("group", gap.Group);
        w.WriteNumber("group_value", gap.GroupValue);
        w.WriteNumber("rest_value", gap.RestValue);
        w.WriteNumber("difference", gap.Difference);
        w.WriteEndObject();
    }

    private static void WriteGroupTable(IAnsiConsole console, SubgroupReport subgroups, string column)
    {
        var decisions = subgroups.Groups.Any(g => g.Report?.Confusion is not null);
        var table = new Table().AddColumn(Markup.Escape(column)).AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("positives").RightAligned())
            .AddColumn(new TableColumn("base rate").RightAligned()).AddColumn(new TableColumn("PR-AUC").RightAligned()).AddColumn(new TableColumn("ROC-AUC").RightAligned())
            .AddColumn(new TableColumn("calibration error").RightAligned());
        if (decisions)
        {
            table.AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("precision").RightAligned());
        }

        foreach (var g in subgroups.Groups)
        {
            var name = Markup.Escape(g.Group.Length == 0 ? "(blank)" : g.Group) + (g.TooSmall ? " [dim](too small to judge)[/]" : string.Empty);
            var cells = new List<string>
            {
                name,
                g.Rows.ToString("N0", CultureInfo.InvariantCulture),
                DecisionMetrics.Count(g.PositiveWeight),
                DecisionMetrics.Number(g.BaseRate),
                g.Report is { } r ? DecisionMetrics.Number(r.AveragePrecision) : "n/a",
                g.Report is { } q ? DecisionMetrics.Number(q.RocAuc) : "n/a",
                g.CalibrationError is { } e ? DecisionMetrics.Number(e) : "n/a",
            };
            if (decisions)
            {
                cells.Add(g.Report?.Confusion is { } c ? DecisionMetrics.Number(c.Recall) : "n/a");
                cells.Add(g.Report?.Confusion is { } d ? DecisionMetrics.Number(d.Precision) : "n/a");
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
        if (subgroups.LargestRecallGap is { } recall)
        {
            console.MarkupLine(Markup.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"Recall differs most for '{recall.Group}': {DecisionMetrics.Number(recall.GroupValue)} against {DecisionMetrics.Number(recall.RestValue)} on the other rows.")));
        }

        if (subgroups.LargestCalibrationGap is { } calibration)
        {
            console.MarkupLine(Markup.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"Calibration differs most for '{calibration.Group}': mean score minus base rate {calibration.GroupValue:+0.000;-0.000;0.000} against {calibration.RestValue:+0.000;-0.000;0.000} on the other rows.")));
        }

        console.WriteLine($"Groups with fewer than {SubgroupEvaluation.MinimumClassRows} positives or negatives are too small to judge and are never called out.");
    }
}
