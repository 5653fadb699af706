using System.CommandLine;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary><c>report</c>: from a CSV file to an honest HTML report in one command.</summary>
internal static class ReportCommand
{
    public static (Command Command, string[] Examples) Create(TextWriter stdout, TextWriter stderr)
    {
        var csv = CommonOptions.CsvArgument("The whole labelled dataset, as CSV (header row, numeric features, a label column) or Parquet, by its ending.");
        var options = new ComparisonOptions();
        var output = new Option<string>("--out", "-o")
        {
            Description = "Where to write the report, one self-contained HTML file.",
            HelpName = "OUT.html",
            DefaultValueFactory = _ => "report.html",
        };
        var command = new Command(
            "report",
            "Compare imbalance strategies with leakage-safe cross-validation and write a self-contained HTML report: the class "
            + "balance, what plain accuracy would claim, the ranked strategies, PR, ROC, calibration and threshold curves, and "
            + "the strategy and threshold to use.")
        {
            csv,
            output,
        };
        options.AddTo(command);

        command.SetAction((parseResult, cancellationToken) =>
        {
            var settings = options.Settings(parseResult, parseResult.GetRequiredValue(csv));
            using var staged = new StagedOutput(settings.CsvPath);
            var path = staged.Reserve(parseResult.GetRequiredValue(output), "--out", OutputFormat.Html);
            var showProgress = Terminal.Watched(stderr);
            var comparison = Comparison.Run(settings, stderr, showProgress ? stderr : null, cancellationToken);
            var verdict = ReportWriter.Write(comparison, staged, path);
            var console = Terminal.Over(stdout);
            console.MarkupLine("[yellow]" + Markup.Escape(verdict.AccuracyTrap) + "[/]");
            console.MarkupLine("[green]" + Markup.Escape(verdict.Recommendation) + "[/]");
            console.WriteLine($"Wrote {path}");
            return Task.FromResult(ExitCodes.Success);
        });

        return (command,
        [
            $"{CommandLine.ToolName} report data/satimage.csv",
            $"{CommandLine.ToolName} report data/hacide.csv --out hacide.html --strategies none,smote,borderline-smote-1,random-under",
            $"{CommandLine.ToolName} report fraud.csv --label Class --model forest --folds 3 --out fraud.html",
            $"{CommandLine.ToolName} report data/goog_drops.csv --time-column date --gap 1 --objective cost:fp=1,fn=50 --rows-per-day 1000 --out drops.html",
        ]);
    }
}
