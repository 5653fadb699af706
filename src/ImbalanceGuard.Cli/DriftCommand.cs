using System.CommandLine;
using System.Globalization;
using ImbalanceGuard.Monitoring;
using ImbalanceGuard.Reporting;

namespace ImbalanceGuard.Cli;

/// <summary>
/// <c>drift</c>: how current data differs from the reference a model was validated on — per feature, in the class
/// counts when both files have labels, and in the estimated positive rate and alert volume when only scores exist.
/// </summary>
internal static class DriftCommand
{
    public static (Command Command, string[] Examples) Create(TextWriter stdout, TextWriter stderr)
    {
        var reference = new Argument<string>("reference")
        {
            Description = "The reference CSV or Parquet file (by its ending): the data the model was built and validated on (with --score: its labelled, scored holdout).",
        };
        var current = new Argument<string>("current")
        {
            Description = "The current CSV or Parquet file: today's rows, with the same feature columns; labels optional.",
        };
        var reading = new DataOptions();
        reading.Label.Description = "The label column. Its class counts are compared when the current file has it too; with --score and a current file "
            + "without it, the current positive rate is estimated from the scores. No default: without it every column is a feature.";
        var score = new Option<string?>("--score")
        {
            Description = "The model's score column (a probability of the positive class): not a feature. The reference must hold labels and scores; "
                + "when the current file has no labels, its positive rate is estimated (EM, 95 % bootstrap interval). Files that hold nothing but the label and "
                + "the score (no feature columns) are compared by their classes and scores alone.",
            HelpName = "COL",
        };
        var threshold = new Option<double?>("--threshold")
        {
            Description = "The deployed threshold (rows scoring at least it are alerts), with --score: adds the alerts per 1,000 rows, precision and recall "
                + "to expect at the estimated rate and the black-box shift estimate. Without it there is no alert volume: there is no silent 0.5.",
            HelpName = "T",
            CustomParser = result =>
            {
                var value = NumberOptions.Number(result);
                if (!result.Errors.Any() && value is < 0 or > 1)
                {
                    result.AddError(string.Create(CultureInfo.InvariantCulture, $"--threshold must be a probability from 0 to 1; got {value}."));
                }

                return value;
            },
        };
        var positive = CommonOptions.Positive("1 when the labels are 0 and 1, otherwise the rarer class");
        var seed = new Option<int>("--seed")
        {
            Description = "Seeds the bootstrap of the estimate's interval: the same seed, the same interval.",
            HelpName = "S",
            DefaultValueFactory = _ => 0,
        };
        var report = new Option<string?>("--report")
        {
            Description = "Also write a self-contained HTML page: the feature table, the worst features' distributions, and with --score the score histograms "
                + "and, with --threshold, the alerts against the base rate.",
            HelpName = "OUT.html",
        };
        var json = CommonOptions.Json();
        var command = new Command(
            "drift",
            "Compare current data with the reference a model was validated on: every feature (Kolmogorov–Smirnov or chi-square, Benjamini–Hochberg "
            + "adjusted, PSI), the class counts when both files have labels, and from scores alone the current positive rate and what it does to the alerts.")
        {
            reference,
            current,
            score,
            threshold,
            positive,
            seed,
            report,
            json,
        };
        reading.AddTo(command);
        command.Validators.Add(result =>
        {
            try
            {
                _ = result.GetValue(threshold);
            }
            catch (InvalidOperationException)
            {
                return; // a value that did not parse has its own error already
            }

            if (result.GetValue(score) is not null && result.GetValue(reading.Label) is null)
            {
                result.AddError("--score needs --label: the reference must hold labels and scores, on which the estimate is fitted.");
            }
            else if (result.GetValue(threshold) is not null && result.GetValue(score) is null)
            {
                result.AddError("--threshold needs --score: the alerts at a threshold come from the scores.");
            }
            else if (result.GetValue(positive) is not null && result.GetValue(score) is null)
            {
                result.AddError("--positive needs --score: it names the class the scores are for.");
            }
        });

        command.SetAction(parseResult =>
        {
            var referencePath = parseResult.GetRequiredValue(reference);
            var currentPath = parseResult.GetRequiredValue(current);
            using var staged = new StagedOutput(referencePath, currentPath);
            var reportPath = parseResult.GetValue(report) is { } r ? staged.Reserve(r, "--report", OutputFormat.Html) : null;
            var data = DriftInput.Load(
                referencePath,
                currentPath,
                reading.LoadOptions(parseResult),
                parseResult.GetValue(reading.Label),
                parseResult.GetValue(score),
                parseResult.GetValue(positive),
                new PriorShiftOptions { Threshold = parseResult.GetValue(threshold), Seed = parseResult.GetValue(seed) },
                stderr);
            if (reportPath is not null)
            {
                var html = DriftHtmlReport.Build(data);
                staged.Write(reportPath, writer => writer.Write(html));
                staged.Commit();
            }

            if (parseResult.GetValue(json))
            {
                DriftOutput.WriteJson(stdout, data);
            }
            else
            {
                DriftOutput.WriteTables(stdout, data);
                if (reportPath is not null)
                {
                    stdout.WriteLine($"Wrote {reportPath}");
                }
            }

            return ExitCodes.Success;
        });
        return (command,
        [
            $"{CommandLine.ToolName} drift last-quarter.csv today.csv",
            $"{CommandLine.ToolName} drift reference.csv current.csv --label y --json",
            $"{CommandLine.ToolName} drift docs/examples/pima_drift_reference.csv docs/examples/pima_drift_current.csv --label label --score score --threshold 0.5",
            $"{CommandLine.ToolName} drift holdout-scored.csv today-scored.csv --label y --score p --threshold 0.3 --ignore id --report drift.html",
        ]);
    }
}
