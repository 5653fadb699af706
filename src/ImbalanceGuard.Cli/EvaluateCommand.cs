using System.CommandLine;
using ImbalanceGuard.Evaluation;
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
        var json = CommonOptions.Json();
        var command = new Command(
            "evaluate",
            "Evaluate a model's probabilities (or raw scores) on labelled rows: ROC-AUC, average precision (PR-AUC), and for probabilities Brier score and log loss, "
            + "and with --threshold the confusion and decision metrics, accuracy only beside the majority-class baseline.")
        {
            threshold,
            beta,
            costFalsePositive,
            costFalseNegative,
            json,
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
            var data = scores.Load(parseResult);
            var cut = parseResult.GetValue(threshold);
            var b = parseResult.GetValue(beta) ?? 1.0;
            var costs = parseResult.GetValue(costFalsePositive) is { } fp && parseResult.GetValue(costFalseNegative) is { } fn ? (fp, fn) : ((double, double)?)null;
            var report = cut is { } t ? EvaluationReport.Of(data.Scores, t) : EvaluationReport.Of(data.Scores);
            if (parseResult.GetValue(json))
            {
                JsonOutput.WriteObject(stdout, w =>
                {
                    w.WriteNumber("roc_auc", report.RocAuc);
                    w.WriteNumber("average_precision", report.AveragePrecision);
                    JsonOutput.WriteNumberOrNull(w, "brier", report.BrierScore ?? double.NaN);
                    JsonOutput.WriteNumberOrNull(w, "log_loss", report.LogLoss ?? double.NaN);
                    if (!report.ScoresAreProbabilities)
                    {
                        w.WriteString("note", RawScoresNote);
                    }

                    if (report.Confusion is { } confusion)
                    {
                        DecisionMetrics.WriteJson(w, report.Threshold!.Value, confusion, b, costs);
                    }

                    w.WriteString("positive_class", data.PositiveClass);
                });
                return ExitCodes.Success;
            }

            var console = Terminal.Over(stdout);
            console.MarkupLine(
                $"[bold]{data.Scores.Count:N0} rows[/], positive class '{Markup.Escape(data.PositiveClass)}': {data.Scores.PositiveWeight:N0} positive ({DecisionMetrics.Number(report.PositiveShare)} of rows).");
            var ranking = new Table().AddColumn("threshold-free").AddColumn(new TableColumn("value").RightAligned()).AddColumn("no-skill baseline");
            ranking.AddRow("average precision (PR-AUC)", DecisionMetrics.Number(report.AveragePrecision), DecisionMetrics.Number(report.PositiveShare));
            ranking.AddRow("ROC-AUC", DecisionMetrics.Number(report.RocAuc), "0.5");
            if (report is { BrierScore: { } brier, LogLoss: { } logLoss })
            {
                ranking.AddRow("Brier score (lower is better)", DecisionMetrics.Number(brier), DecisionMetrics.Number(report.BaselineBrierScore));
                ranking.AddRow("log loss (lower is better)", DecisionMetrics.Number(logLoss), string.Empty);
            }

            console.Write(ranking);
            if (!report.ScoresAreProbabilities)
            {
                console.WriteLine(RawScoresNote);
            }

            if (report.Confusion is { } c)
            {
                console.Write(DecisionMetrics.Table(report.Threshold!.Value, c, b, costs, data));
                if (DecisionMetrics.AccuracyTrap(c) is { } trap)
                {
                    console.MarkupLine("[yellow]" + Markup.Escape(trap) + "[/]");
                }
            }
            else
            {
                console.WriteLine("No --threshold: decision metrics need a threshold chosen for your costs (see 'imbalance-guard tune').");
            }

            return ExitCodes.Success;
        });
        return (command,
        [
            $"{CommandLine.ToolName} evaluate holdout-scores.csv --label y --score p",
            $"{CommandLine.ToolName} evaluate holdout-scores.csv --label y --score p --threshold 0.21 --beta 2 --json",
            $"{CommandLine.ToolName} evaluate holdout-scores.csv --label y --score p --threshold 0.21 --cost-fp 1 --cost-fn 25",
        ]);
    }
}
