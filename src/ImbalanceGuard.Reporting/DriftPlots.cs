using System.Globalization;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Monitoring;
using ScottPlot;

namespace ImbalanceGuard.Reporting;

/// <summary>The plots of a drift page: reference against current for a feature and for the scores, and alerts against the base rate.</summary>
internal static class DriftPlots
{
    private const int Bins = 20;

    /// <summary>One feature's distribution in the reference and the current data, as shares of each side's rows.</summary>
    public static byte[] Feature(DriftReportData data, FeatureDrift feature)
    {
        var referenceRows = data.Reference ?? throw new ArgumentException("A feature's plot needs the reference rows.", nameof(data));
        var currentRows = data.Current ?? throw new ArgumentException("A feature's plot needs the current rows.", nameof(data));
        var plot = new Plot();
        if (feature.Kind == FeatureKind.Categorical)
        {
            var reference = Categories(referenceRows, feature.Name);
            var current = Categories(currentRows, feature.Name);
            var categories = reference.Concat(current).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            AddCategoryBars(plot, categories, reference, -0.2, plot.Add.Palette.GetColor(0), "reference");
            AddCategoryBars(plot, categories, current, 0.2, plot.Add.Palette.GetColor(1), "current");
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. Enumerable.Range(0, categories.Length).Select(i => (double)i)], categories);
        }
        else
        {
            var a = Numbers(referenceRows, feature.Name);
            var b = Numbers(currentRows, feature.Name);
            var both = a.Concat(b).DefaultIfEmpty(0).ToArray();
            var low = both.Min();
            var high = both.Max();
            AddHistogram(plot, a, low, high, plot.Add.Palette.GetColor(0), "reference");
            AddHistogram(plot, b, low, high, plot.Add.Palette.GetColor(1), "current");
        }

        plot.Axes.Margins(bottom: 0);
        plot.Title(Invariant($"{feature.Name}: {DriftVerdict.Describe(feature)}"));
        plot.XLabel(feature.Name);
        plot.YLabel("share of rows");
        plot.ShowLegend(Alignment.UpperRight);
        return ReportPlots.Render(plot);
    }

    /// <summary>The model's scores on the reference and on the current rows, with the threshold marked when there is one.</summary>
    public static byte[] Scores(BinaryScores reference, IReadOnlyList<double> current, double? threshold)
    {
        var plot = new Plot();
        var a = reference.Scores.ToArray();
        var b = current.ToArray();
        var low = Math.Min(0, Math.Min(a.Min(), b.Min()));
        var high = Math.Max(1, Math.Max(a.Max(), b.Max()));
        AddHistogram(plot, a, low, high, plot.Add.Palette.GetColor(0), "reference");
        AddHistogram(plot, b, low, high, plot.Add.Palette.GetColor(1), "current");
        if (threshold is { } t)
        {
            var line = plot.Add.VerticalLine(t, 2, Colors.Black, LinePattern.Dashed);
            line.LegendText = Invariant($"threshold {t:0.###}");
        }

        plot.Axes.Margins(bottom: 0);
        plot.Title("Scores: reference and current");
        plot.XLabel("score");
        plot.YLabel("share of rows");
        plot.ShowLegend(Alignment.UpperRight);
        return ReportPlots.Render(plot);
    }

    /// <summary>
    /// The alerts per 1,000 rows the threshold raises at every positive rate (the reference's recall and false positive
    /// rate there, which a prior shift leaves as they were), with the reference rate, the estimate and its interval marked.
    /// </summary>
    public static byte[] AlertsAgainstBaseRate(PriorShiftEstimate estimate)
    {
        var tpr = estimate.TruePositiveRate ?? throw new ArgumentException("The alerts need the estimate at a threshold.", nameof(estimate));
        var fpr = estimate.FalsePositiveRate!.Value;
        var plot = new Plot();
        var top = Math.Min(1, Math.Max(0.1, 1.5 * new[] { estimate.ReferencePositiveRate, estimate.PositiveRate, estimate.IntervalHigh }.Max()));
        double[] rates = [.. Enumerable.Range(0, 101).Select(i => top * i / 100)];
        double[] alerts = [.. rates.Select(r => 1000 * ((r * tpr) + ((1 - r) * fpr)))];
        var curve = plot.Add.Scatter(rates, alerts, plot.Add.Palette.GetColor(0));
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = Invariant($"expected at threshold {estimate.Threshold:0.###}");

        var interval = plot.Add.HorizontalSpan(estimate.IntervalLow, estimate.IntervalHigh);
        interval.FillStyle.Color = plot.Add.Palette.GetColor(1).WithAlpha(0.15);
        interval.LegendText = "95 % interval of the estimate";
        var reference = plot.Add.VerticalLine(estimate.ReferencePositiveRate, 2, Colors.Gray, LinePattern.Dashed);
        reference.LegendText = Invariant($"reference rate {estimate.ReferencePositiveRate:0.000}");
        var current = plot.Add.VerticalLine(estimate.PositiveRate, 2, plot.Add.Palette.GetColor(1));
        current.LegendText = Invariant($"estimated current rate {estimate.PositiveRate:0.000}");
        if (estimate.CurrentFlaggedShare is { } flagged)
        {
            var raised = plot.Add.HorizontalLine(1000 * flagged, 1.5f, Colors.Black, LinePattern.Dotted);
            raised.LegendText = Invariant($"raised on the current rows ({1000 * flagged:0.#})");
        }

        plot.Axes.SetLimits(0, top, 0, Math.Max(alerts.Max(), 1000 * (estimate.CurrentFlaggedShare ?? 0)) * 1.08);
        plot.Title("Alerts per 1,000 rows against the positive rate");
        plot.XLabel("positive rate");
        plot.YLabel("alerts per 1,000 rows");
        plot.ShowLegend(Alignment.UpperLeft);
        return ReportPlots.Render(plot);
    }

    private static void AddHistogram(Plot plot, double[] values, double low, double high, Color color, string legend)
    {
        if (values.Length == 0)
        {
            return;
        }

        var width = high > low ? (high - low) / Bins : 1;
        var counts = new double[Bins];
        foreach (var v in values)
        {
            counts[Math.Clamp((int)((v - low) / width), 0, Bins - 1)]++;
        }

        var bars = plot.Add.Bars(counts.Select((count, i) => new Bar
        {
            Position = low + ((i + 0.5) * width),
            Value = count / values.Length,
            Size = width,
            FillColor = color.WithAlpha(0.45),
            LineWidth = 0,
        }).ToArray());
        bars.LegendText = legend;
    }

    private static void AddCategoryBars(Plot plot, string[] categories, string[] values, double offset, Color color, string legend)
    {
        var bars = plot.Add.Bars(categories.Select((category, i) => new Bar
        {
            Position = i + offset,
            Value = values.Count(v => v == category) / (double)values.Length,
            Size = 0.4,
            FillColor = color,
            LineWidth = 0,
        }).ToArray());
        bars.LegendText = legend;
    }

    /// <summary>A categorical feature's cells as text: each file numbers its own categories, so they are matched by name.</summary>
    private static string[] Categories(LabeledData data, string name)
    {
        var feature = data.Schema.FeatureIndex(name);
        var levels = data.Schema.CategoryLevels(feature);
        return [.. Values(data, feature).Where(v => !double.IsNaN(v)).Select(v => levels is null ? v.ToString("R", CultureInfo.InvariantCulture) : levels[(int)v])];
    }

    /// <summary>A numeric feature's values; missing ones (NaN) are left out, as the tests leave them out.</summary>
    private static double[] Numbers(LabeledData data, string name) => [.. Values(data, data.Schema.FeatureIndex(name)).Where(v => !double.IsNaN(v))];

    private static double[] Values(LabeledData data, int feature)
    {
        var values = new double[data.RowCount];
        for (var row = 0; row < values.Length; row++)
        {
            values[row] = data.GetRow(row)[feature];
        }

        return values;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
