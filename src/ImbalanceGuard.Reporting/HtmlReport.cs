using System.Globalization;
using System.Net;
using System.Text;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Reporting;

/// <summary>
/// Builds the ImbalanceGuard report: one self-contained HTML file (inline CSS, plots as inline PNG images, no
/// network needed to view it) with the class balance, the accuracy trap, the strategy comparison, PR and ROC
/// curves, a calibration curve, metrics against the threshold with the tuned one marked and, for two-feature
/// data, original and synthetic rows.
/// </summary>
public static class HtmlReport
{
    /// <summary>The metrics of the comparison table, in order, with their headers.</summary>
    private static readonly (string Metric, string Header)[] Columns =
    [
        (MetricNames.AveragePrecision, "PR-AUC (AP)"),
        (MetricNames.RocAuc, "ROC-AUC"),
        (MetricNames.Mcc, "MCC"),
        (MetricNames.F1, "F1"),
        (MetricNames.F2, "F2"),
        (MetricNames.Recall, "recall"),
        (MetricNames.Precision, "precision"),
        (MetricNames.Brier, "Brier"),
        (MetricNames.FitSeconds, "fit s"),
    ];

    internal const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 1100px; color: #1d1d1f; line-height: 1.45; padding: 0 1rem; }
        h1 { font-size: 1.8rem; margin-bottom: .2rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
        .subtitle { color: #666; margin-top: 0; }
        .verdict { background: #eef6ee; border-left: 6px solid #2e7d32; padding: .8rem 1rem; font-size: 1.08rem; }
        .trap { background: #fff4e5; border-left: 6px solid #ef6c00; padding: .8rem 1rem; }
        table { border-collapse: collapse; margin: .8rem 0; font-variant-numeric: tabular-nums; }
        th, td { padding: .35rem .6rem; border-bottom: 1px solid #e3e3e3; text-align: right; }
        th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
        tr.best td { font-weight: 600; background: #f3f9f3; }
        .spread { color: #777; font-size: .85em; }
        .plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 1rem; }
        figure { margin: 0; } figure img { width: 100%; height: auto; border: 1px solid #eee; } figcaption { color: #555; font-size: .9rem; }
        .note { color: #555; font-size: .92rem; }
        """;

    // Marks the page once every plot has decoded, so a browser test (or a person) can tell the images rendered.
    internal const string RenderCheck = """
        window.addEventListener('load', function () {
          var images = Array.prototype.slice.call(document.querySelectorAll('figure img'));
          var rendered = images.filter(function (img) { return img.complete && img.naturalWidth > 0 && img.naturalHeight > 0; }).length;
          document.body.setAttribute('data-plots', String(images.length));
          document.body.setAttribute('data-plots-rendered', String(rendered));
        });
        """;

    /// <summary>The report as HTML text.</summary>
    /// <exception cref="ArgumentException">No strategy was compared.</exception>
    public static string Build(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var verdict = ReportVerdict.Of(data);
        var best = verdict.Best;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>ImbalanceGuard report: ").Append(Encode(data.Title)).Append("</title>\n");
        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");

        html.Append("<h1>ImbalanceGuard report: ").Append(Encode(data.Title)).Append("</h1>\n");
        html.Append("<p class=\"subtitle\">").Append(Encode(Invariant($"{data.Data.RowCount:N0} rows, {data.Data.FeatureCount} features, {data.Data.ClassCount} classes. {data.Method}"))).Append("</p>\n");
        html.Append("<p class=\"verdict\">").Append(Encode(verdict.Recommendation)).Append("</p>\n");

        html.Append("<h2>The accuracy trap</h2>\n<p class=\"trap\">").Append(Encode(verdict.AccuracyTrap)).Append(' ');
        html.Append(Encode(Invariant($"Its accuracy of {verdict.MajorityShare:P1} looks excellent and means nothing: its recall on '{verdict.PositiveClass}' is 0, its MCC 0 and its PR-AUC no better than the {verdict.Positives / (double)verdict.Rows:0.000} of a random ranking. That is why the strategies below are ranked by {(data.RankedByObjective ? $"the objective asked for, {data.Objective}" : "average precision")}, and judged by MCC, F1 and recall at a tuned threshold — never by plain accuracy.")));
        html.Append("</p>\n");
        html.Append("<div class=\"plots\">\n");
        AppendFigure(html, ReportPlots.ClassBalance(data.Data.ClassCountsByName()), "Rows per class", "How many rows each class has: the imbalance the model must overcome.");
        html.Append("</div>\n");

        if (data.DataNotes.Count > 0)
        {
            html.Append("<h2>Notes on the data</h2>\n<ul class=\"data-notes\">\n");
            foreach (var note in data.DataNotes)
            {
                html.Append("<li>").Append(Encode(note)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        // The objective's own column when it is not already one of the table's (F1), and the folds that met its constraints.
        var showObjective = data.Objective.Primary.ToString() != ThresholdObjective.F1.ToString();
        var showConstraints = data.Objective.Constraints.Count > 0;
        html.Append("<h2>Strategies compared</h2>\n<table>\n<thead><tr><th>#</th><th>strategy</th>");
        foreach (var (_, header) in Columns)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        if (showObjective)
        {
            html.Append("<th>").Append(Encode(data.Objective.ValueName + (data.Objective.Costs is null ? string.Empty : " per row"))).Append("</th>");
        }

        if (showConstraints)
        {
            html.Append("<th>constraints met</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < data.Strategies.Count; i++)
        {
            var strategy = data.Strategies[i];
            html.Append(i == 0 ? "<tr class=\"best\">" : "<tr>").Append("<td>").Append(i + 1).Append("</td><td>").Append(Encode(strategy.Strategy)).Append("</td>");
            foreach (var (metric, _) in Columns)
            {
                html.Append("<td>").Append(Cell(strategy.Result, metric)).Append("</td>");
            }

            if (showObjective)
            {
                html.Append("<td>").Append(Cell(strategy.Result, MetricNames.ObjectiveValue)).Append("</td>");
            }

            if (showConstraints)
            {
                html.Append("<td>").Append(Invariant($"{strategy.Result.ConstraintsMetFolds}/{strategy.Result.Folds.Count} folds")).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (data.Skipped.Count > 0)
        {
            html.Append("<p class=\"trap\">Not compared, because they cannot run on this data:</p>\n<ul class=\"skipped\">\n");
            foreach (var skipped in data.Skipped)
            {
                html.Append("<li><strong>").Append(Encode(skipped.Strategy)).Append("</strong>: ").Append(Encode(skipped.Reason)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        AppendSamplingNotes(html, data.Strategies);
        html.Append("<p class=\"note\">");
        html.Append(Encode(Invariant($"Mean ± standard deviation over {best.Result.Folds.Count} folds of leakage-safe cross-validation: every fold resamples, weights and tunes its own training side and is scored on validation rows no step saw. Decision metrics are at a threshold tuned for {data.Objective} inside each training fold.")));
        html.Append("</p>\n");

        html.Append("<h2>Curves</h2>\n<div class=\"plots\">\n");
        AppendFigure(html, ReportPlots.PrecisionRecall(data.Strategies), "Precision-recall curves", "Out-of-fold precision against recall (the legend's AP is of the pooled out-of-fold scores; the table's is the mean over folds); the dashed line is what a random ranking scores.");
        AppendFigure(html, ReportPlots.Roc(data.Strategies), "ROC curves", "Out-of-fold ROC curves. Under heavy imbalance ROC-AUC flatters; read the precision-recall curves first.");
        AppendFigure(html, ReportPlots.ThresholdCurves(best, verdict.Threshold), "Metrics against the threshold", Invariant($"F1, F2, precision and recall of {best.Strategy} at every threshold, out of fold; the dashed line marks the threshold tuned for {verdict.Threshold.Objective} ({verdict.Threshold.Threshold:0.000}), not the default 0.5."));
        AppendFigure(html, ReportPlots.Calibration(best), "Calibration curve", Invariant($"How far {best.Strategy}'s probabilities are from observed frequencies. ")
            + (best.Result.ProbabilitiesCalibrated
                ? "Resampling and class weights inflate probabilities; each fold's pipeline corrects that back to the data's base rate (the prior correction, the default calibration), so what is left here is the model's own miscalibration."
                : Invariant($"{best.Strategy} rebalances the classes inside its learner and its probabilities are not calibrated, so they overstate the positive class; use Platt or isotonic calibration when you need probabilities, not just a ranking.")));
        if (data.ResampledExample is { FeatureCount: 2 } example)
        {
            AppendFigure(html, ReportPlots.OriginalAndSynthetic(example), "Original and synthetic rows", "The training rows after resampling: filled points are real rows, open circles were made by the sampler.");
        }

        html.Append("</div>\n");
        html.Append("<p class=\"note\">Made by ImbalanceGuard. The threshold above was tuned on out-of-fold scores; confirm it once on a holdout the tuning never saw.</p>\n");
        html.Append("<script>").Append(RenderCheck).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Writes the report to <paramref name="path"/> through a temporary file of a unique name beside it, so a
    /// failure leaves no half-written report and no file of anyone else's is overwritten or removed.
    /// </summary>
    /// <exception cref="ArgumentException">No strategy was compared.</exception>
    public static void Write(ReportData data, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var html = Build(data);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(html);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string Cell(CrossValidationResult result, string metric)
    {
        if (!result.Metrics.TryGetValue(metric, out var summary) || double.IsNaN(summary.Mean))
        {
            return "n/a";
        }

        var format = metric == MetricNames.FitSeconds ? "0.00" : "0.000";
        return summary.Mean.ToString(format, CultureInfo.InvariantCulture)
            + " <span class=\"spread\">± " + summary.StandardDeviation.ToString(format, CultureInfo.InvariantCulture) + "</span>";
    }

    /// <summary>
    /// What the folds' samplers did as asked but deserves a word (a class mostly discarded, rows repeated many
    /// times), per strategy, under the table whose figures it qualifies; nothing when no fold had a note.
    /// </summary>
    private static void AppendSamplingNotes(StringBuilder html, IReadOnlyList<StrategyResult> strategies)
    {
        var noted = strategies.Where(s => s.Result.SamplingNotes.Count > 0).ToArray();
        if (noted.Length == 0)
        {
            return;
        }

        html.Append("<p class=\"note\">Notes on the resampling inside the folds:</p>\n<ul class=\"sampling-notes\">\n");
        foreach (var strategy in noted)
        {
            foreach (var note in strategy.Result.SamplingNotes)
            {
                html.Append("<li><strong>").Append(Encode(strategy.Strategy)).Append("</strong>: ").Append(Encode(note.Message)).Append("</li>\n");
            }
        }

        html.Append("</ul>\n");
    }

    internal static void AppendFigure(StringBuilder html, byte[] png, string alt, string caption)
    {
        html.Append("<figure><img alt=\"").Append(Encode(alt)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">");
        html.Append("<figcaption>").Append(Encode(caption)).Append("</figcaption></figure>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
