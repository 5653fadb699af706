using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary><c>inspect</c>: how imbalanced a labelled CSV file is, and what to do about it.</summary>
internal static class InspectCommand
{
    public static (Command Command, string[] Examples) Create(TextWriter stdout, TextWriter stderr)
    {
        var csv = CommonOptions.CsvArgument("The CSV or Parquet file to inspect (by its ending): a header row, feature columns and a label column.");
        var dataOptions = new DataOptions();
        var json = CommonOptions.Json();
        var command = new Command(
            "inspect",
            "Show the rows, features and class counts of a CSV file, its imbalance ratio (majority count / minority count), "
            + "the accuracy of always predicting the majority class, and advice on evaluation and resampling, with notes on an "
            + "identifier or time column read as a feature, a constant column, and identical rows with different labels.")
        {
            csv,
            json,
        };
        dataOptions.AddTo(command);
        command.SetAction(parseResult =>
        {
            var data = DataOptions.Load(parseResult.GetRequiredValue(csv), dataOptions.LoadOptions(parseResult), stderr);
            var report = ImbalanceReport.Of(data, Path.GetFileName(parseResult.GetRequiredValue(csv)));
            if (parseResult.GetValue(json))
            {
                WriteJson(stdout, report);
            }
            else
            {
                WriteHuman(stdout, report);
            }

            return ExitCodes.Success;
        });
        return (command,
        [
            $"{CommandLine.ToolName} inspect data/pima.csv",
            $"{CommandLine.ToolName} inspect customers.csv --label churned --ignore customer_id,signup_date",
            $"{CommandLine.ToolName} inspect export.csv --separator ';' --categorical region_code",
            $"{CommandLine.ToolName} inspect data/glass.csv --json",
            $"{CommandLine.ToolName} inspect transactions.csv --ignore transaction_id",
        ]);
    }

    private static void WriteJson(TextWriter stdout, ImbalanceReport report) => JsonOutput.WriteObject(stdout, w =>
    {
        w.WriteNumber("rows", report.Rows);
        w.WriteNumber("features", report.Features);
        JsonOutput.WriteCounts(w, "class_counts", report.ClassCounts);
        w.WriteNumber("imbalance_ratio", report.ImbalanceRatio);
        w.WriteNumber("majority_baseline_accuracy", report.MajorityBaselineAccuracy);
        w.WriteStartArray("notes");
        foreach (var note in report.Notes)
        {
            w.WriteStartObject();
            w.WriteString("kind", note.Kind);
            if (note.Column is { } column)
            {
                w.WriteString("column", column);
            }
            else
            {
                w.WriteNull("column");
            }

            w.WriteString("message", note.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void WriteHuman(TextWriter stdout, ImbalanceReport report)
    {
        var console = Terminal.Over(stdout);
        console.MarkupLine(Invariant(
            $"[bold]{Markup.Escape(report.Source)}[/]: {Plural.Of(report.Rows, "row", "rows")}, {Plural.Of(report.Features, "feature", "features")}, label column '{Markup.Escape(report.LabelName)}', {report.ClassCounts.Count} classes"));
        var table = new Table().AddColumn("class").AddColumn(new TableColumn("rows").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach (var (className, count) in report.ClassCounts)
        {
            var role = className == report.MajorityClass ? " (majority)" : className == report.MinorityClass ? " (minority)" : string.Empty;
            table.AddRow(
                new Text(className + role),
                new Text(count.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(Invariant($"{100.0 * count / report.Rows:0.0}%")));
        }

        console.Write(table);
        console.WriteLine(Invariant($"Imbalance ratio (majority / minority): {report.ImbalanceRatio:0.00} : 1"));
        console.WriteLine(Invariant($"Majority-class baseline accuracy: {100 * report.MajorityBaselineAccuracy:0.0}%"));
        console.WriteLine();
        console.Write(new Text(report.Advice()));
        console.WriteLine();
        foreach (var note in report.Notes)
        {
            console.WriteLine();
            console.Write(new Text("Note: " + note.Message, new Style(Color.Yellow)));
            console.WriteLine();
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
