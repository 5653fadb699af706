using System.Globalization;
using System.Net;
using System.Text;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Reporting;

/// <summary>
/// Builds the drift page: one self-contained HTML file in the report's style with the verdict, every feature's test
/// ranked by severity, the reference and current distributions of the worst features, the class counts when labels
/// exist and, from scores alone, the estimated positive rate with the score histograms and the alerts it implies.
/// </summary>
public static class DriftHtmlReport
{
    /// <summary>How many of the worst features get a plot of their two distributions.</summary>
    public const int PlottedFeatures = 6;

    private const string DriftStyle = "tr.drifted td { font-weight: 600; background: #fff4e5; }\n";

    /// <summary>The page as HTML text.</summary>
    public static string Build(DriftReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var title = $"{data.ReferenceName} → {data.CurrentName}";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>ImbalanceGuard drift: ").Append(Encode(title)).Append("</title>\n");
        html.Append("<style>").Append(HtmlReport.Style).Append(DriftStyle).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>ImbalanceGuard drift: ").Append(Encode(title)).Append("</h1>\n");
        html.Append("<p class=\"subtitle\">").Append(Encode(Invariant(
            $"Reference {data.ReferenceName}: {data.ReferenceRows:N0} rows; current {data.CurrentName}: {data.CurrentRows:N0} rows; {data.Features.Count} features.")))
            .Append("</p>\n");
        html.Append(data.Changed ? "<p class=\"trap\">" : "<p class=\"verdict\">").Append(Encode(DriftVerdict.Of(data))).Append("</p>\n");

        AppendFeatures(html, data);
        if (data.Classes.Count > 0)
        {
            AppendClasses(html, data);
        }

        if (data.ReferenceScores is { } referenceScores && data.CurrentScores is { } currentScores)
        {
            AppendScores(html, data, referenceScores, currentScores);
        }

        html.Append("<p class=\"note\">Made by ImbalanceGuard. A test with many rows finds differences too small to matter; read the PSI and the plots for the size of a change.</p>\n");
        html.Append("<script>").Append(HtmlReport.RenderCheck).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendFeatures(StringBuilder html, DriftReportData data)
    {
        if (data.Drift is null)
        {
            html.Append("<h2>Features</h2>\n<p class=\"note\">Neither file has a feature column besides the label and the score: only the scores are compared.</p>\n");
            return;
        }

        html.Append("<h2>Features</h2>\n<table class=\"features\">\n<thead><tr><th>feature</th><th>test</th><th>statistic</th><th>p-value</th><th>adjusted p</th><th>PSI</th></tr></thead>\n<tbody>\n");
        foreach (var f in data.Features)
        {
            html.Append(f.AdjustedPValue < DriftReportData.FalseDiscoveryRate ? "<tr class=\"drifted\">" : "<tr>")
                .Append("<td>").Append(Encode(f.Name)).Append("</td><td>").Append(f.Test == DriftTest.ChiSquare ? "chi-square" : "Kolmogorov–Smirnov")
                .Append("</td><td>").Append(Number(f.Statistic)).Append("</td><td>").Append(DriftVerdict.PValue(f.PValue))
                .Append("</td><td>").Append(DriftVerdict.PValue(f.AdjustedPValue)).Append("</td><td>").Append(Number(f.PopulationStabilityIndex)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"note\">").Append(Encode(Invariant(
            $"Most severe first. Numeric features: two-sample Kolmogorov–Smirnov; categorical ones: chi-square of the category counts. The adjusted p-values are Benjamini–Hochberg across the {data.Features.Count} features; a feature below {DriftReportData.FalseDiscoveryRate} (highlighted) has drifted at a {DriftReportData.FalseDiscoveryRate:P0} false-discovery rate. PSI: population stability index on the reference's deciles (0.1 is commonly read as a moderate shift, 0.25 as a large one).")))
            .Append("</p>\n<div class=\"plots\">\n");
        foreach (var feature in data.Features.Where(f => !double.IsNaN(f.Statistic)).Take(PlottedFeatures))
        {
            HtmlReport.AppendFigure(html, DriftPlots.Feature(data, feature), $"Distribution of {feature.Name}", Invariant($"{feature.Name} in the reference and the current rows, as shares of each side's rows; adjusted p {DriftVerdict.PValue(feature.AdjustedPValue)}."));
        }

        html.Append("</div>\n");
    }

    private static void AppendClasses(StringBuilder html, DriftReportData data)
    {
        var reference = data.ClassCountsReference ?? new Dictionary<string, int>();
        var current = data.ClassCountsCurrent;
        var referenceTotal = (double)reference.Values.Sum();
        html.Append("<h2>Classes</h2>\n<table class=\"classes\">\n<thead><tr><th>class</th><th>reference rows</th><th>share</th>");
        if (current is not null)
        {
            html.Append("<th>current rows</th><th>share</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var currentTotal = current is null ? 0.0 : current.Values.Sum();
        foreach (var name in data.Classes)
        {
            var r = reference.GetValueOrDefault(name);
            html.Append("<tr><td>").Append(Encode(name)).Append("</td><td>").Append(Invariant($"{r:N0}</td><td>{r / referenceTotal:0.0000}</td>"));
            if (current is not null)
            {
                var c = current.GetValueOrDefault(name);
                html.Append(Invariant($"<td>{c:N0}</td><td>{c / currentTotal:0.0000}</td>"));
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"note\">");
        html.Append(Encode(data.ClassChange is { } change
            ? Invariant($"Chi-square test of the class counts: statistic {change.Statistic:0.###}, {change.DegreesOfFreedom} degrees of freedom, {DriftVerdict.PIs(change.PValue)}.")
            : data.Estimate is null
                ? "The current data has no labels: its class balance is not known (give a score column to estimate it)."
                : "The current data has no labels: its positive rate is estimated from the scores below."));
        html.Append("</p>\n");
    }

    private static void AppendScores(StringBuilder html, DriftReportData data, BinaryScores referenceScores, IReadOnlyList<double> currentScores)
    {
        html.Append("<h2>Scores and the base rate</h2>\n");
        if (data.Estimate is { } e)
        {
            html.Append("<p>").Append(Encode(Invariant(
                $"Estimated current positive rate {e.PositiveRate:0.0000} (95 % bootstrap interval {e.IntervalLow:0.0000}–{e.IntervalHigh:0.0000}; EM of Saerens et al. on the scores recalibrated on the reference) against {e.ReferencePositiveRate:0.0000} in the reference.")));
            if (e.Threshold is { } t)
            {
                html.Append(' ').Append(Encode(Invariant(
                    $"At threshold {t:0.###}: {e.ExpectedAlertsPer(1000):0.#} alerts per 1,000 rows expected ({1000 * e.CurrentFlaggedShare:0.#} raised on the current rows), precision {Maybe(e.ExpectedPrecision)} and recall {Maybe(e.ExpectedRecall)} expected; black-box shift estimation gives a rate of {Maybe(e.BlackBoxPositiveRate)}.")));
            }
            else
            {
                html.Append(" No threshold was given, so there is no alert volume: give the deployed one.");
            }

            html.Append("</p>\n");
        }

        html.Append("<div class=\"plots\">\n");
        HtmlReport.AppendFigure(html, DriftPlots.Scores(referenceScores, currentScores, data.Estimate?.Threshold), "Score histograms", "The model's scores on the reference and the current rows, as shares of each side's rows. Under a pure prior shift each class keeps its scores; only their mix moves.");
        if (data.Estimate is { Threshold: not null } estimate)
        {
            HtmlReport.AppendFigure(html, DriftPlots.AlertsAgainstBaseRate(estimate), "Alerts against the base rate", "Alerts per 1,000 rows the deployed threshold raises at each positive rate (the reference's recall and false positive rate there, which a prior shift leaves as they were); the reference rate, the estimated current rate and its interval marked.");
        }

        html.Append("</div>\n");
    }

    private static string Maybe(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    private static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
