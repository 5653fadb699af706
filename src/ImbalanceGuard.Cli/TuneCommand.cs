using System.CommandLine;
using ImbalanceGuard.Thresholds;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary><c>tune</c>: chooses a decision threshold for an objective on validation or out-of-fold scores.</summary>
internal static class TuneCommand
{
    public static (Command Command, string[] Examples) Create(TextWriter stdout)
    {
        var scores = new ScoreOptions();
        var objective = CommonOptions.Objective("What to tune for", required: true);
        var json = CommonOptions.Json();
        var command = new Command(
            "tune",
            "Choose the decision threshold that best meets an objective on validation or out-of-fold scores, and show what "
            + "it gives there. Those figures are optimistic: report the threshold on a holdout it was not tuned on.")
        {
            objective,
            json,
        };
        scores.AddTo(command);

        command.SetAction(parseResult =>
        {
            var wanted = parseResult.GetRequiredValue(objective);
            var data = scores.Load(parseResult);
            var tuned = ThresholdTuner.Tune(data.Scores, wanted);
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

            console.Write(DecisionMetrics.Table(tuned.Threshold, tuned.Confusion, beta, costs, data));
            console.MarkupLine("[yellow]These figures are on the data the threshold was tuned on, so they are optimistic; report the threshold on a holdout.[/]");
            return ExitCodes.Success;
        });
        return (command,
        [
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective f1",
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective cost:fp=1,fn=25 --json",
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective max-alerts:50/1000",
            $"{CommandLine.ToolName} tune oof.csv --label y --score p --objective f1,max-alerts:50/1000,min-recall:0.6",
        ]);
    }
}
