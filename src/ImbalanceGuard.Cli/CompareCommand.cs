using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Reporting;
using ImbalanceGuard.Thresholds;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary><c>compare</c>: leakage-safe cross-validation of several imbalance strategies, ranked by average precision or by <c>--objective</c>.</summary>
internal static class CompareCommand
{
    /// <summary>The metrics of the table and the JSON, in order (fit seconds last).</summary>
    public static readonly string[] Columns =
    [
        MetricNames.AveragePrecision, MetricNames.RocAuc, MetricNames.Mcc, MetricNames.F1, MetricNames.F2,
        MetricNames.Recall, MetricNames.Precision, MetricNames.Brier, MetricNames.FitSeconds,
    ];

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        [MetricNames.AveragePrecision] = "PR-AUC (AP)",
        [MetricNames.RocAuc] = "ROC-AUC",
        [MetricNames.Mcc] = "MCC",
        [MetricNames.F1] = "F1",
        [MetricNames.F2] = "F2",
        [MetricNames.Recall] = "recall",
        [MetricNames.Precision] = "precision",
        [MetricNames.Brier] = "Brier",
        [MetricNames.FitSeconds] = "fit s",
    };

    public static (Command Command, string[] Examples) Create(TextWriter stdout, TextWriter stderr)
    {
        var csv = CommonOptions.CsvArgument("The whole labelled dataset, as CSV or Parquet (by its ending). Do not resample it first: each strategy resamples inside each training fold.");
        var options = new ComparisonOptions();
        var report = new Option<string?>("--report")
        {
            Description = "Also write the comparison as a self-contained HTML report (plots, the accuracy trap, the recommended strategy and threshold).",
            HelpName = "OUT.html",
        };
        var json = CommonOptions.Json();
        var command = new Command(
            "compare",
            "Cross-validate imbalance strategies without leakage (each fold's training side is resampled, weighted and tuned on its own) "
            + "and rank them by average precision, or by --objective when it is given. Decision metrics are at a threshold tuned inside each training fold "
            + "for --objective (F1 by default). The last line recommends a strategy and threshold, with the leader's margin over the runner-up "
            + "paired over the same folds (or says they are tied).")
        {
            csv,
            json,
            report,
        };
        options.AddTo(command);

        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = options.Settings(parseResult, parseResult.GetRequiredValue(csv));
            var asJson = parseResult.GetValue(json);
            using var staged = new StagedOutput(settings.CsvPath);
            var reportPath = parseResult.GetValue(report) is { } r ? staged.Reserve(r, "--report", OutputFormat.Html) : null;
            // The bar goes to stderr, and only when a person watches it: redirected, it would be noise in a log.
            var showProgress = !asJson && Terminal.Watched(stderr);
            var comparison = Comparison.Run(settings, stderr, showProgress ? stderr : null, cancellationToken);
            var verdict = reportPath is null ? ReportVerdict.Of(ReportWriter.Data(comparison)) : ReportWriter.Write(comparison, staged, reportPath);
            if (asJson)
            {
                WriteJson(stdout, comparison);
            }
            else
            {
                WriteTable(Terminal.Over(stdout), comparison);
                stdout.WriteLine(verdict.Recommendation);
                if (reportPath is not null)
                {
                    stdout.WriteLine($"Wrote {reportPath}");
                }
            }

            return Task.FromResult(ExitCodes.Success);
        });

        return (command,
        [
            $"{CommandLine.ToolName} compare data/satimage.csv --folds 5",
            $"{CommandLine.ToolName} compare data/pima.csv --model forest --strategies none,smote,balanced-random-forest --json",
            $"{CommandLine.ToolName} compare fraud.csv --label Class --strategies class-weight,smote,easy-ensemble,rus-boost --repeats 3",
            $"{CommandLine.ToolName} compare data/hacide.csv --report hacide.html",
            $"{CommandLine.ToolName} compare small.csv --strategies none,smote,adasyn --param smote.k_neighbors=3 --param adasyn.n_neighbors=3",
            $"{CommandLine.ToolName} compare glass.csv --positive 6 --ignore id",
            $"{CommandLine.ToolName} compare fraud.csv --label Class --objective cost:fp=1,fn=50 --json",
            $"{CommandLine.ToolName} compare alerts.csv --objective f1,max-alerts:50/1000,min-recall:0.6 --rows-per-day 20000",
            $"{CommandLine.ToolName} compare data/goog_drops.csv --time-column date --objective cost:fp=1,fn=50",
            $"{CommandLine.ToolName} compare claims.csv --group-column customer_id --folds 5",
        ]);
    }

    /// <summary>A metric's mean and spread as the table shows it.</summary>
    public static string MeanAndSpread(MetricSummary summary, string format = "0.000")
        => double.IsNaN(summary.Mean)
            ? "n/a"
            : summary.Mean.ToString(format, CultureInfo.InvariantCulture) + " ± " + summary.StandardDeviation.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An object per strategy, ranked; a skipped strategy last, as <c>{"strategy": …, "skipped": "reason"}</c>.</summary>
    private static void WriteJson(TextWriter stdout, Comparison comparison)
        => JsonOutput.WriteArray(stdout, comparison.Results.Select(r => ((StrategyResult?)r, (SkippedStrategy?)null)).Concat(comparison.Skipped.Select(s => ((StrategyResult?)null, (SkippedStrategy?)s))), (w, item) =>
        {
            if (item.Item2 is { } skipped)
            {
                w.WriteString("strategy", skipped.Strategy);
                w.WriteString("skipped", Comparison.Note(skipped));
                return;
            }

            var r = item.Item1!;
            w.WriteString("strategy", r.Strategy);
            w.WriteString("positive_class", r.Result.PositiveClass);
            foreach (var column in Columns.Append(MetricNames.Threshold))
            {
                var summary = Summary(r.Result, column);
                JsonOutput.WriteNumberOrNull(w, column, summary.Mean);
                JsonOutput.WriteNumberOrNull(w, column + "_std", summary.StandardDeviation);
            }

            if (r.Result.Metrics.TryGetValue(MetricNames.SecondStageShare, out var secondStage))
            {
                // A cascade: the share of validation rows its first stage passed to the second (its production cost).
                w.WriteNumber(MetricNames.SecondStageShare, secondStage.Mean);
                w.WriteNumber(MetricNames.SecondStageShare + "_std", secondStage.StandardDeviation);
            }

            WriteObjective(w, r.Result, comparison.Settings.Objective);
            // Whether every fold's probabilities are on the data's base rate (the table says it below itself).
            w.WriteBoolean("probabilities_calibrated", r.Result.ProbabilitiesCalibrated);
            w.WriteNumber("folds", r.Result.Folds.Count);
            w.WriteStartArray("sampling_notes");
            foreach (var note in r.Result.SamplingNotes)
            {
                w.WriteStringValue(note.Message);
            }

            w.WriteEndArray();
        });

    /// <summary>
    /// The objective as given, its value over the folds, and whether every fold's threshold met its constraints on
    /// the fold's validation rows (with how many did).
    /// </summary>
    private static void WriteObjective(Utf8JsonWriter w, CrossValidationResult result, ThresholdObjective objective)
    {
        w.WriteString("objective", objective.ToString());
        var value = Summary(result, MetricNames.ObjectiveValue);
        JsonOutput.WriteNumberOrNull(w, "objective_value", value.Mean);
        JsonOutput.WriteNumberOrNull(w, "objective_value_std", value.StandardDeviation);
        var met = result.ConstraintsMetFolds;
        w.WriteBoolean("constraints_met", met == result.Folds.Count);
        w.WriteNumber("constraints_met_folds", met);
    }

    /// <summary>A metric over the folds; undefined (n/a, null) when no fold reported it, as decision metrics when no fold had a threshold.</summary>
    private static MetricSummary Summary(CrossValidationResult result, string metric)
        => result.Metrics.TryGetValue(metric, out var summary) ? summary : new MetricSummary(double.NaN, double.NaN, 0);

    private static void WriteTable(IAnsiConsole console, Comparison comparison)
    {
        var data = comparison.Data;
        var positives = comparison.PositiveCount;
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(comparison.Settings.CsvPath)}[/]: {data.RowCount:N0} rows; positive class '{Markup.Escape(comparison.PositiveClass)}' = {positives:N0} rows ({positives / (double)data.RowCount:P1})."));
        if (comparison.OneVsRest is { } oneVsRest)
        {
            console.MarkupLine(Markup.Escape(oneVsRest));
        }

        var objective = comparison.Settings.Objective;

        // With F1 the objective column would repeat the F1 column.
        var showObjective = objective.Primary.ToString() != ThresholdObjective.F1.ToString();
        var showConstraints = objective.Constraints.Count > 0;
        var table = new Table().AddColumn("#").AddColumn("strategy");
        foreach (var column in Columns)
        {
            table.AddColumn(new TableColumn(Headers[column]).RightAligned());
        }

        if (showObjective)
        {
            table.AddColumn(new TableColumn(Markup.Escape(objective.ValueName)).RightAligned());
        }

        if (showConstraints)
        {
            table.AddColumn(new TableColumn("constraints met").RightAligned());
        }

        for (var i = 0; i < comparison.Results.Count; i++)
        {
            var result = comparison.Results[i];
            var cells = new List<Markup> { new((i + 1).ToString(CultureInfo.InvariantCulture)), new(i == 0 ? $"[bold]{Markup.Escape(result.Strategy)}[/]" : Markup.Escape(result.Strategy)) };
            foreach (var column in Columns)
            {
                var summary = Summary(result.Result, column);
                var format = column == MetricNames.FitSeconds ? "0.00" : "0.000";
                cells.Add(new Markup(double.IsNaN(summary.Mean)
                    ? "n/a"
                    : summary.Mean.ToString(format, CultureInfo.InvariantCulture) + "\n[dim]±" + summary.StandardDeviation.ToString(format, CultureInfo.InvariantCulture) + "[/]"));
            }

            if (showObjective)
            {
                var value = Summary(result.Result, MetricNames.ObjectiveValue);
                cells.Add(new Markup(Markup.Escape(MeanAndSpread(value)).Replace(" ± ", "\n[dim]±", StringComparison.Ordinal) + (double.IsNaN(value.Mean) ? string.Empty : "[/]")));
            }

            if (showConstraints)
            {
                cells.Add(new Markup(string.Create(CultureInfo.InvariantCulture, $"{result.Result.ConstraintsMetFolds}/{result.Result.Folds.Count} folds")));
            }

            table.AddRow(cells);
        }

        var blanks = Columns.Length - 1 + (showObjective ? 1 : 0) + (showConstraints ? 1 : 0);
        foreach (var skipped in comparison.Skipped)
        {
            table.AddRow([new Markup("-"), new Markup($"[dim]{Markup.Escape(skipped.Strategy)}[/]"), new Markup("[dim]skipped[/]"), .. Enumerable.Range(0, blanks).Select(_ => new Markup(string.Empty))]);
        }

        console.Write(table);
        foreach (var skipped in comparison.Skipped)
        {
            console.MarkupLine($"[yellow]Skipped {Markup.Escape(skipped.Strategy)}: {Markup.Escape(Comparison.Note(skipped))}[/]");
        }

        var random = (positives / (double)data.RowCount).ToString("0.000", CultureInfo.InvariantCulture);
        var ranking = comparison.Settings.RankByObjective
            ? $"{objective} ({(objective.Constraints.Count > 0 ? "folds meeting the constraints first, then " : string.Empty)}{objective.ValueName}"
                + $"{(objective.LowerIsBetter ? ", lowest first" : string.Empty)}; a model that ranks at random has average precision {random})"
            : $"average precision (a model that ranks at random scores {random})";
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"Mean ± std over {comparison.Results[0].Result.Folds.Count} {Comparison.FoldKind(comparison.Settings)}, ranked by {ranking}.")));
        console.MarkupLine($"Decision metrics are at a threshold tuned for {Markup.Escape(objective.ToString())} on inner folds of each training side; no fold's threshold saw its validation rows.");
        if (comparison.Settings.TimeColumn is not null)
        {
            console.MarkupLine("The inner folds are time-ordered too: each scores its rows with a model of earlier rows, and the earliest block only trains.");
        }
        if (showConstraints)
        {
            console.MarkupLine("A fold meets the constraints when its training side had a threshold that met them and that threshold still meets them on the fold's validation rows.");
        }

        if (comparison.Results.Any(r => r.Result.ProbabilitiesCalibrated))
        {
            console.MarkupLine(Markup.Escape(CalibrationNote.TableNote(comparison.Results)));
        }

        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[yellow]Plain accuracy is not ranked: predicting '{Markup.Escape(comparison.MajorityClass)}' for every row already scores {comparison.MajorityShare:P1}.[/]"));
    }
}
