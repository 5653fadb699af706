using System.CommandLine;
using System.Globalization;
using ImbalanceGuard.Scale;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary><c>inspect</c>: how imbalanced a labelled CSV file is, and what to do about it.</summary>
internal static class InspectCommand
{
    public static (Command Command, string[] Examples) Create(TextWriter stdout, TextWriter stderr)
    {
        var csv = CommonOptions.CsvArgument(
            "The CSV or Parquet file to inspect: a header row, feature columns and a label column. Parquet, or a CSV file larger than a quarter "
            + "of --memory-limit, is inspected out of core on the embedded engine (exact counts; the checks that need every row are skipped and named).");
        var dataOptions = new DataOptions();
        var json = CommonOptions.Json();
        var memoryLimit = CommonOptions.MemoryLimit();
        var threads = EngineSession.Threads();
        var command = new Command(
            "inspect",
            "Show the rows, features and class counts of a CSV file, its imbalance ratio (majority count / minority count), "
            + "the accuracy of always predicting the majority class, and advice on evaluation and resampling, with notes on an "
            + "identifier or time column read as a feature, a constant column, and identical rows with different labels.")
        {
            csv,
            json,
            memoryLimit,
            threads,
        };
        dataOptions.AddTo(command);
        command.SetAction(parseResult =>
        {
            var input = parseResult.GetRequiredValue(csv);
            var limit = parseResult.GetValue(memoryLimit);
            var outOfCore = OutOfCore.IsNeeded(input, limit);
            var report = outOfCore
                ? ImbalanceReport.Of(EngineSession.Run("inspect", limit, parseResult.GetValue(threads), engine => StreamedProfiler.Run(engine, dataOptions.ProfileRequest(input, parseResult))), Path.GetFileName(input))
                : ImbalanceReport.Of(DataOptions.Load(input, dataOptions.LoadOptions(parseResult), stderr), Path.GetFileName(input));
            if (parseResult.GetValue(json))
            {
                WriteJson(stdout, report, outOfCore);
            }
            else
            {
                if (outOfCore)
                {
                    stdout.WriteLine($"Out of core on the engine (DuckDB, --memory-limit {MemorySize.Format(limit)}) because {EngineSession.Reason(input, limit)}: the counts are exact.");
                }

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
            $"{CommandLine.ToolName} inspect events.parquet --label fraud --memory-limit 512MB",
        ]);
    }

    private static void WriteJson(TextWriter stdout, ImbalanceReport report, bool outOfCore) => JsonOutput.WriteObject(stdout, w =>
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
        if (outOfCore)
        {
            w.WriteString("engine", "duckdb");
        }
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
