using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;
using ScottPlot;

namespace ImbalanceGuard.Reporting;

/// <summary>The report's plots, each rendered headless to PNG bytes by ScottPlot.</summary>
internal static class ReportPlots
{
    private const int Width = 640;
    private const int Height = 420;

    /// <summary>Rows per class, as bars.</summary>
    public static byte[] ClassBalance(IReadOnlyDictionary<string, int> counts)
    {
        var plot = new Plot();
        var names = counts.Keys.ToArray();
        var bars = names.Select((name, i) => new Bar { Position = i, Value = counts[name], FillColor = plot.Add.Palette.GetColor(i) }).ToArray();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, names.Length).Select(i => (double)i)], names);
        plot.Axes.Margins(bottom: 0);
        plot.Title("Rows per class");
        plot.XLabel("class");
        plot.YLabel("rows");
        return Render(plot);
    }

    /// <summary>Every strategy's out-of-fold precision-recall curve, with the prevalence a random ranking scores.</summary>
    public static byte[] PrecisionRecall(IReadOnlyList<StrategyResult> strategies)
    {
        var plot = new Plot();
        for (var i = 0; i < strategies.Count; i++)
        {
            var scores = strategies[i].Result.OutOfFoldScores;
            var curve = PrecisionRecallCurve.Of(scores);
            var line = plot.Add.Scatter(curve.Recall.ToArray(), curve.Precision.ToArray(), plot.Add.Palette.GetColor(i));
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = $"{strategies[i].Strategy} (AP {BinaryMetrics.AveragePrecision(scores):0.000})";
        }

        var prevalence = strategies[0].Result.OutOfFoldScores is var s ? s.PositiveWeight / (s.PositiveWeight + s.NegativeWeight) : 0;
        var baseline = plot.Add.HorizontalLine(prevalence, 1, Colors.Gray, LinePattern.Dashed);
        baseline.LegendText = $"random ranking ({prevalence:0.000})";
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.Title("Precision-recall (out-of-fold)");
        plot.XLabel("recall");
        plot.YLabel("precision");
        plot.ShowLegend(Alignment.LowerLeft);
        return Render(plot);
    }

    /// <summary>Every strategy's out-of-fold ROC curve, with the diagonal of a random ranking.</summary>
    public static byte[] Roc(IReadOnlyList<StrategyResult> strategies)
    {
        var plot = new Plot();
        for (var i = 0; i < strategies.Count; i++)
        {
            var curve = RocCurve.Of(strategies[i].Result.OutOfFoldScores);
            var line = plot.Add.Scatter(curve.FalsePositiveRates.ToArray(), curve.TruePositiveRates.ToArray(), plot.Add.Palette.GetColor(i));
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = $"{strategies[i].Strategy} (AUC {curve.Area:0.000})";
        }

        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.Title("ROC (out-of-fold)");
        plot.XLabel("false positive rate");
        plot.YLabel("true positive rate (recall)");
        plot.ShowLegend(Alignment.LowerRight);
        return Render(plot);
    }

    /// <summary>The reliability curve of one strategy's out-of-fold probabilities.</summary>
    public static byte[] Calibration(StrategyResult strategy)
    {
        var plot = new Plot();
        var curve = CalibrationCurve.Of(strategy.Result.OutOfFoldScores, binCount: 10);
        var line = plot.Add.Scatter(curve.MeanPredicted.ToArray(), curve.FractionOfPositives.ToArray(), plot.Add.Palette.GetColor(0));
        line.MarkerSize = 7;
        line.LineWidth = 2;
        line.LegendText = strategy.Strategy;
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.Title($"Calibration of {strategy.Strategy} (10 bins)");
        plot.XLabel("mean predicted probability");
        plot.YLabel("fraction of positives");
        plot.ShowLegend(Alignment.UpperLeft);
        return Render(plot);
    }

    /// <summary>F1, F2, precision and recall against the threshold, the tuned threshold marked.</summary>
    public static byte[] ThresholdCurves(StrategyResult strategy, TunedThreshold tuned)
    {
        var plot = new Plot();
        var sweep = strategy.Result.OutOfFoldScores.Sweep;
        var thresholds = new double[sweep.Count];
        var series = new (string Name, Func<BinaryConfusion, double> Value, double[] Values)[]
        {
            ("F1", c => c.F1, new double[sweep.Count]),
            ("F2", c => c.FBeta(2), new double[sweep.Count]),
            ("precision", c => c.Precision, new double[sweep.Count]),
            ("recall", c => c.Recall, new double[sweep.Count]),
        };
        for (var i = 0; i < sweep.Count; i++)
        {
            thresholds[i] = sweep.Thresholds[i];
            var confusion = sweep.ConfusionAt(i);
            foreach (var (_, value, values) in series)
            {
                values[i] = value(confusion);
            }
        }

        for (var k = 0; k < series.Length; k++)
        {
            var line = plot.Add.Scatter(thresholds, series[k].Values, plot.Add.Palette.GetColor(k));
            line.MarkerSize = 0;
            line.LineWidth = k < 2 ? 2.5f : 1.5f;
            line.LegendText = series[k].Name;
        }

        var marker = plot.Add.VerticalLine(tuned.Threshold, 2, Colors.Black, LinePattern.Dashed);
        marker.LegendText = $"tuned threshold {tuned.Threshold:0.000}";
        plot.Axes.SetLimits(Math.Min(0, thresholds.DefaultIfEmpty(0).Min()), Math.Max(1, thresholds.DefaultIfEmpty(1).Max()), 0, 1.02);
        plot.Title($"{strategy.Strategy}: metrics by threshold");
        plot.XLabel("threshold on the probability of the positive class");
        plot.YLabel("value");
        plot.ShowLegend(Alignment.UpperRight);
        return Render(plot);
    }

    /// <summary>Original rows by class and the rows a sampler made, for two-feature data.</summary>
    public static byte[] OriginalAndSynthetic(TrainingSet resampled)
    {
        var plot = new Plot();
        var schema = resampled.Schema;
        for (var c = 0; c < schema.ClassCount; c++)
        {
            var rows = Enumerable.Range(0, resampled.RowCount).Where(i => resampled.Labels[i] == c && !resampled.GetProvenance(i).IsSynthetic).ToArray();
            AddPoints(plot, resampled, rows, plot.Add.Palette.GetColor(c), MarkerShape.FilledCircle, $"class {schema.ClassNames[c]} (original)");
        }

        var synthetic = Enumerable.Range(0, resampled.RowCount).Where(i => resampled.GetProvenance(i).IsSynthetic).ToArray();
        AddPoints(plot, resampled, synthetic, Colors.Black, MarkerShape.OpenCircle, "synthetic");
        plot.Title("Original and synthetic training rows");
        plot.XLabel(schema.FeatureNames[0]);
        plot.YLabel(schema.FeatureNames[1]);
        plot.ShowLegend(Alignment.UpperRight);
        return Render(plot);
    }

    private static void AddPoints(Plot plot, TrainingSet data, int[] rows, Color color, MarkerShape shape, string legend)
    {
        if (rows.Length == 0)
        {
            return;
        }

        double[] xs = [.. rows.Select(i => data.GetRow(i)[0])];
        double[] ys = [.. rows.Select(i => data.GetRow(i)[1])];
        var markers = plot.Add.Markers(xs, ys, shape, 5, color);
        markers.LegendText = legend;
    }

    /// <summary>The plot as a PNG of the report's size, in the embedded font.</summary>
    internal static byte[] Render(Plot plot)
    {
        EmbeddedFont.Apply(plot);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
