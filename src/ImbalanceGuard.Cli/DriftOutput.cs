using System.Globalization;
using System.Text.Json;
using ImbalanceGuard.Monitoring;
using ImbalanceGuard.Reporting;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary>What <c>drift</c> prints: one JSON object with <c>--json</c>, else tables and a one-line verdict.</summary>
internal static class DriftOutput
{
    public static void WriteJson(TextWriter stdout, DriftReportData data) => JsonOutput.WriteObject(stdout, w =>
    {
        w.WriteNumber("reference_rows", data.ReferenceRows);
        w.WriteNumber("current_rows", data.CurrentRows);
        w.WriteNumber("false_discovery_rate", DriftReportData.FalseDiscoveryRate);
        w.WriteNumber("drifted_features", data.Drifted.Count);
        w.WriteStartArray("features");
        foreach (var f in data.Features)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("kind", f.Kind == FeatureKind.Categorical ? "categorical" : "numeric");
            w.WriteString("test", f.Test == DriftTest.ChiSquare ? "chi2" : "ks");
            JsonOutput.WriteNumberOrNull(w, "statistic", f.Statistic);
            JsonOutput.WriteNumberOrNull(w, "p_value", f.PValue);
            JsonOutput.WriteNumberOrNull(w, "p_value_adjusted", f.AdjustedPValue);
            JsonOutput.WriteNumberOrNull(w, "psi", f.PopulationStabilityIndex);
            w.WriteBoolean("drifted", f.AdjustedPValue < DriftReportData.FalseDiscoveryRate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (data.ClassCountsReference is { } reference)
        {
            JsonOutput.WriteCounts(w, "class_counts_reference", reference);
        }

        if (data.ClassCountsCurrent is { } current)
        {
            JsonOutput.WriteCounts(w, "class_counts_current", current);
        }

        if (data.ClassChange is { } change)
        {
            w.WriteStartObject("class_change");
            w.WriteString("test", "chi2");
            w.WriteNumber("statistic", change.Statistic);
            w.WriteNumber("p_value", change.PValue);
            w.WriteNumber("degrees_of_freedom", change.DegreesOfFreedom);
            w.WriteEndObject();
        }

        if (data.Estimate is { } e)
        {
            w.WriteNumber("reference_positive_rate", e.ReferencePositiveRate);
            w.WriteNumber("estimated_positive_rate", e.PositiveRate);
            w.WriteStartArray("estimated_positive_rate_interval");
            w.WriteNumberValue(e.IntervalLow);
            w.WriteNumberValue(e.IntervalHigh);
            w.WriteEndArray();
            w.WriteBoolean("positive_rate_moved", data.PositiveRateMoved);
            if (e.Threshold is { } t)
            {
                w.WriteNumber("threshold", t);
                JsonOutput.WriteNumberOrNull(w, "expected_alerts_per_1000", e.ExpectedAlertsPer(1000) ?? double.NaN);
                JsonOutput.WriteNumberOrNull(w, "current_alerts_per_1000", 1000 * e.CurrentFlaggedShare ?? double.NaN);
                JsonOutput.WriteNumberOrNull(w, "expected_precision", e.ExpectedPrecision ?? double.NaN);
                JsonOutput.WriteNumberOrNull(w, "expected_recall", e.ExpectedRecall ?? double.NaN);
                JsonOutput.WriteNumberOrNull(w, "estimated_positive_rate_bbse", e.BlackBoxPositiveRate ?? double.NaN);
            }
        }

        w.WriteString("verdict", DriftVerdict.Of(data));
    });

    public static void WriteTables(TextWriter stdout, DriftReportData data)
    {
        // Sentences go straight to stdout, never wrapped, so a script can grep each one; only the tables go through Spectre.
        var console = Terminal.Over(stdout);
        stdout.WriteLine(Invariant(
            $"Reference {data.ReferenceName}: {data.ReferenceRows:N0} rows; current {data.CurrentName}: {data.CurrentRows:N0} rows; {(data.Drift is null ? "no feature columns besides the label and the score" : $"{data.Features.Count} features, most severe first")}."));
        var table = new Table().AddColumn("feature").AddColumn("test").AddColumn(new TableColumn("statistic").RightAligned())
            .AddColumn(new TableColumn("p-value").RightAligned()).AddColumn(new TableColumn("adjusted p").RightAligned()).AddColumn(new TableColumn("PSI").RightAligned());
        foreach (var f in data.Features)
        {
            var name = Markup.Escape(f.Name);
            table.AddRow(
                f.AdjustedPValue < DriftReportData.FalseDiscoveryRate ? $"[bold]{name}[/] (drifted)" : name,
                f.Test == DriftTest.ChiSquare ? "chi-square" : "KS",
                Number(f.Statistic),
                DriftVerdict.PValue(f.PValue),
                DriftVerdict.PValue(f.AdjustedPValue),
                Number(f.PopulationStabilityIndex));
        }

        if (data.Drift is not null)
        {
            console.Write(table);
        }

        if (data.Classes.Count > 0)
        {
            WriteClasses(console, stdout, data);
        }

        if (data.Estimate is { } e)
        {
            stdout.WriteLine(Invariant(
                $"Positive rate: reference {e.ReferencePositiveRate:0.0000}; current estimated {e.PositiveRate:0.0000} (95 % interval {e.IntervalLow:0.0000}–{e.IntervalHigh:0.0000}) from the scores."));
            if (e.Threshold is { } t)
            {
                stdout.WriteLine(Invariant(
                    $"At threshold {t:0.###}: {e.ExpectedAlertsPer(1000):0.#} alerts per 1,000 rows expected ({1000 * e.CurrentFlaggedShare:0.#} raised on the current rows); precision {Maybe(e.ExpectedPrecision)}, recall {Maybe(e.ExpectedRecall)}; black-box shift estimate of the rate {Maybe(e.BlackBoxPositiveRate)}."));
            }
            else
            {
                stdout.WriteLine("No --threshold: no alert volume (give the deployed threshold; there is no silent 0.5).");
            }
        }

        stdout.WriteLine(DriftVerdict.Of(data));
    }

    private static void WriteClasses(IAnsiConsole console, TextWriter stdout, DriftReportData data)
    {
        var reference = data.ClassCountsReference!;
        var current = data.ClassCountsCurrent;
        double referenceTotal = reference.Values.Sum();
        double currentTotal = current?.Values.Sum() ?? 0;
        var table = new Table().AddColumn("class").AddColumn(new TableColumn("reference rows").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        if (current is not null)
        {
            table.AddColumn(new TableColumn("current rows").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        }

        foreach (var name in data.Classes)
        {
            var r = reference.GetValueOrDefault(name);
            var cells = new List<string> { Markup.Escape(name), Invariant($"{r:N0}"), Invariant($"{r / referenceTotal:0.0000}") };
            if (current is not null)
            {
                var c = current.GetValueOrDefault(name);
                cells.Add(Invariant($"{c:N0}"));
                cells.Add(Invariant($"{c / currentTotal:0.0000}"));
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
        stdout.WriteLine(data.ClassChange is { } change
            ? Invariant($"Class counts: chi-square {change.Statistic:0.####} on {change.DegreesOfFreedom} degrees of freedom, {DriftVerdict.PIs(change.PValue)}.")
            : data.Estimate is null
                ? "The current file has no label column: its class balance is unknown (give --score to estimate its positive rate)."
                : "The current file has no label column: its positive rate is estimated from the scores below.");
    }

    private static string Maybe(double? value) => value is { } v ? Number(v) : "n/a";

    private static string Number(double value) => double.IsNaN(value) ? "n/a" : DecisionMetrics.Number(value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
