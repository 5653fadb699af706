using System.CommandLine;
using System.Globalization;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Thresholds;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary><c>tune</c>: chooses a decision threshold for an objective on validation or out-of-fold scores.</summary>
internal static class TuneCommand
{
    /// <summary>
    /// How many times the positive share the mean score may be before the scores read as inflated. Measured with
    /// 5-fold out-of-fold logistic probabilities on satimage and optical_digits (imbalance-guard's own pipelines):
    /// calibrated ones (no rebalancing, or the prior correction) gave 0.91–1.10 of the share; rebalanced ones without
    /// calibration (SMOTE, random over/under-sampling, class weights, the balanced ensembles) gave 1.34–5.01.
    /// </summary>
    internal const double InflatedMeanRatio = 1.25;

    public static (Command Command, string[] Examples) Create(TextWriter stdout, TextWriter stderr)
    {
        var scores = new ScoreOptions();
        var objective = CommonOptions.Objective("What to tune for", required: true);
        var by = new Option<string?>("--by")
        {
            Description = "A column of segments (a region, a product, a channel): a threshold tuned for the same objective on each segment's rows, "
                + $"and the global one for segments with fewer than {SubgroupEvaluation.MinimumClassRows} positives or negatives or where the objective cannot be met.",
            HelpName = "COL",
        };
        var tiers = new Option<SeverityTiers?>("--tiers")
        {
            Description = "Severity tiers under one alert budget, most severe first, e.g. page:0.001,ticket:0.01,log:5/100: each budget is the share "
                + "(or alerts per rows) of rows that tier and the ones above it may flag; each tier's threshold is the lowest whose flags fit it.",
            HelpName = "NAME:BUDGET[,…]",
            CustomParser = result =>
            {
                try
                {
                    return SeverityTiers.Parse(result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty);
                }
                catch (FormatException e)
                {
                    result.AddError("--tiers: " + e.Message);
                    return null;
                }
                catch (ArgumentException e)
                {
                    result.AddError("--tiers: " + ErrorReport.WithoutParameterName(e));
                    return null;
                }
            },
        };
        var json = CommonOptions.Json();
        var command = new Command(
            "tune",
            "Choose the decision threshold that best meets an objective on validation or out-of-fold scores, and show what "
            + "it gives there. Those figures are optimistic: report the threshold on a holdout it was not tuned on.")
        {
            objective,
            by,
            tiers,
            json,
        };
        scores.AddTo(command);

        command.SetAction(parseResult =>
        {
            var wanted = parseResult.GetRequiredValue(objective);
            var column = parseResult.GetValue(by);
            var data = scores.Load(parseResult, column);
            var tuned = ThresholdTuner.Tune(data.Scores, wanted);
            var segments = column is not null && data.Groups is { } groups ? SegmentThresholds.Tune(data.Scores, groups, wanted, column) : null;
            var placed = parseResult.GetValue(tiers) is { } definition ? TierThresholds.Tune(definition, data.Scores) : null;
            if (tuned.BayesThreshold is { } bayesForWarning && InflatedWarning(data.Scores, data.PositiveClass, bayesForWarning) is { } warning)
            {
                stderr.WriteLine(warning);
            }
            var beta = wanted.Beta ?? 1.0;
            var costs = wanted.Costs;
            if (parseResult.GetValue(json))
            {
                JsonOutput.WriteObject(stdout, w =>
                {
                    DecisionMetrics.WriteJson(w, tuned.Threshold, tuned.Confusion, beta, costs);
                    w.WriteString("objective", wanted.ToString());
                    w.WriteNumber("value", tuned.Value);
                    if (tuned.BayesThreshold is { } bayes)
                    {
                        w.WriteNumber("bayes_threshold", bayes);
                    }

                    w.WriteString("positive_class", data.PositiveClass);
                    if (segments is not null)
                    {
                        WriteSegmentsJson(w, segments);
                    }

                    if (placed is not null)
                    {
                        WriteTiersJson(w, placed);
                    }
                });
                return ExitCodes.Success;
            }

            var console = Terminal.Over(stdout);
            console.MarkupLine(
                $"[bold]Threshold {DecisionMetrics.Number(tuned.Threshold)}[/] for {Markup.Escape(wanted.ToString())}: "
                + $"{Markup.Escape(wanted.ValueName)} = {DecisionMetrics.Number(tuned.Value)} on {data.Scores.Count} rows (positive class '{Markup.Escape(data.PositiveClass)}').");
            if (tuned.BayesThreshold is { } bayesThreshold)
            {
                console.MarkupLine($"With calibrated probabilities the cost-optimal threshold would be c_FP / (c_FP + c_FN) = {DecisionMetrics.Number(bayesThreshold)}.");
            }

            console.Write(DecisionMetrics.Table(tuned.Threshold, tuned.Confusion, beta, costs, data.PositiveClass, data.NegativeClass));
            if (segments is not null)
            {
                WriteSegmentTable(console, segments, wanted);
            }

            if (placed is not null)
            {
                WriteTierTable(console, placed);
            }

            console.MarkupLine("[yellow]These figures are on the data the threshold was tuned on, so they are optimistic; report the threshold on a holdout.[/]");
            return ExitCodes.Success;
        });
        return (command,
        [
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective f1",
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective cost:fp=1,fn=25 --json",
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective max-alerts:50/1000",
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective f1,max-alerts:50/1000,min-recall:0.6",
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective f1 --by region --json",
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective f1 --tiers page:0.001,ticket:0.01,log:5/100",
        ]);
    }

    private static void WriteSegmentsJson(System.Text.Json.Utf8JsonWriter w, SegmentThresholds segments)
    {
        w.WriteString("segment_column", segments.Column);
        w.WriteStartArray("segments");
        foreach (var segment in segments.Segments)
        {
            w.WriteStartObject();
            w.WriteString("segment", segment.Segment);
            w.WriteNumber("rows", segment.Rows);
            w.WriteNumber("positives", segment.PositiveWeight);
            w.WriteNumber("negatives", segment.NegativeWeight);
            w.WriteNumber("threshold", segment.Threshold);
            w.WriteBoolean("tuned", segment.IsTuned);
            if (segment.Note is { } note)
            {
                w.WriteString("note", note);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteTiersJson(System.Text.Json.Utf8JsonWriter w, TierThresholds tiers)
    {
        w.WriteStartArray("tiers");
        foreach (var tier in tiers.Tiers)
        {
            w.WriteStartObject();
            w.WriteString("name", tier.Name);
            w.WriteNumber("budget", tier.Budget);
            w.WriteNumber("threshold", tier.Threshold);
            w.WriteNumber("share", tier.TuningShare);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteTierTable(IAnsiConsole console, TierThresholds tiers)
    {
        var table = new Table().AddColumn("tier").AddColumn(new TableColumn("budget").RightAligned())
            .AddColumn(new TableColumn("threshold").RightAligned()).AddColumn(new TableColumn("share flagged").RightAligned());
        foreach (var tier in tiers.Tiers)
        {
            table.AddRow(
                Markup.Escape(tier.Name),
                DecisionMetrics.Number(tier.Budget),
                tier.FlagsNothing ? "[yellow]none: equal top scores exceed the budget[/]" : DecisionMetrics.Number(tier.Threshold),
                DecisionMetrics.Number(tier.TuningShare));
        }

        console.MarkupLine("Severity tiers (a budget and the share flagged count the tier and every tier above it):");
        console.Write(table);
    }

    private static void WriteSegmentTable(IAnsiConsole console, SegmentThresholds segments, ThresholdObjective objective)
    {
        var table = new Table().AddColumn(Markup.Escape(segments.Column)).AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("positives").RightAligned()).AddColumn(new TableColumn("threshold").RightAligned()).AddColumn("tuned on");
        foreach (var segment in segments.Segments)
        {
            table.AddRow(
                Markup.Escape(segment.Segment.Length == 0 ? "(blank)" : segment.Segment),
                segment.Rows.ToString("N0", CultureInfo.InvariantCulture),
                DecisionMetrics.Count(segment.PositiveWeight),
                DecisionMetrics.Number(segment.Threshold),
                segment.IsTuned ? "its own rows" : Markup.Escape("all rows (" + segment.Note + ")"));
        }

        console.MarkupLine($"Per segment of '{Markup.Escape(segments.Column)}', each tuned for {Markup.Escape(objective.ToString())}; a segment not listed gets the global threshold {DecisionMetrics.Number(segments.GlobalThreshold)}:");
        console.Write(table);
    }

    /// <summary>
    /// A warning when the scores look like the uncalibrated probabilities of a model fitted on rebalanced rows
    /// (their mean far above the positive share), which the Bayes threshold would misread; null otherwise.
    /// </summary>
    internal static string? InflatedWarning(BinaryScores scores, string positiveClass, double bayesThreshold)
    {
        double total = 0, sum = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var score = scores.Scores[i];
            if (score is < 0 or > 1)
            {
                return null; // raw scores: not read as probabilities at all
            }

            total += scores.Weight(i);
            sum += scores.Weight(i) * score;
        }

        var share = scores.PositiveWeight / total;
        var mean = sum / total;
        return share > 0 && mean >= InflatedMeanRatio * share
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"warning: the mean score {mean:0.###} is {mean / share:0.0} times the share of '{positiveClass}' ({share:0.###}): these look like uncalibrated probabilities of a model fitted on resampled or re-weighted rows, so the Bayes threshold c_FP / (c_FP + c_FN) = {bayesThreshold:0.####} does not apply to them; use the tuned threshold, or calibrate the scores first (the prior correction, the pipeline's default).")
            : null;
    }
}
