using System.Globalization;
using System.Text.Json;
using ImbalanceGuard.Evaluation;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary>The metrics of one decision threshold, written the same way by <c>evaluate</c> and <c>tune</c>.</summary>
internal static class DecisionMetrics
{
    public static void WriteJson(Utf8JsonWriter w, double threshold, BinaryConfusion c, double beta, (double FalsePositive, double FalseNegative)? costs)
    {
        w.WriteNumber("threshold", threshold);
        w.WriteStartObject("confusion");
        w.WriteNumber("tn", c.TrueNegatives);
        w.WriteNumber("fp", c.FalsePositives);
        w.WriteNumber("fn", c.FalseNegatives);
        w.WriteNumber("tp", c.TruePositives);
        w.WriteEndObject();
        w.WriteNumber("accuracy", c.Accuracy);
        w.WriteNumber("majority_baseline_accuracy", c.MajorityBaselineAccuracy);
        w.WriteNumber("precision", c.Precision);
        w.WriteNumber("recall", c.Recall);
        w.WriteNumber("specificity", c.Specificity);
        w.WriteNumber("f1", c.F1);
        w.WriteNumber("fbeta", c.FBeta(beta));
        w.WriteNumber("mcc", c.MatthewsCorrelation);
        w.WriteNumber("balanced_accuracy", c.BalancedAccuracy);
        w.WriteNumber("geometric_mean", c.GeometricMean);
        w.WriteNumber("cohen_kappa", c.CohenKappa);
        if (costs is { } cost)
        {
            w.WriteNumber("expected_cost", c.ExpectedCost(cost.FalsePositive, cost.FalseNegative));
        }
    }

    public static Table Table(double threshold, BinaryConfusion c, double beta, (double FalsePositive, double FalseNegative)? costs, string positiveClass, string negativeClass)
    {
        var table = new Table().AddColumn("at threshold " + Number(threshold)).AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("flagged (predicted " + Markup.Escape(positiveClass) + ")", Count(c.PredictedPositives));
        table.AddRow("hits / misses", $"{Count(c.TruePositives)} / {Count(c.FalseNegatives)}");
        table.AddRow("false alarms / correct passes", $"{Count(c.FalsePositives)} / {Count(c.TrueNegatives)}");
        table.AddRow("precision", Number(c.Precision));
        table.AddRow("recall (sensitivity)", Number(c.Recall));
        table.AddRow("specificity", Number(c.Specificity));
        table.AddRow("F1", Number(c.F1));
        if (beta != 1)
        {
            table.AddRow("F" + Number(beta), Number(c.FBeta(beta)));
        }

        table.AddRow("MCC", Number(c.MatthewsCorrelation));
        table.AddRow("balanced accuracy", Number(c.BalancedAccuracy));
        table.AddRow("G-mean", Number(c.GeometricMean));
        table.AddRow("Cohen's kappa", Number(c.CohenKappa));
        if (costs is { } cost)
        {
            table.AddRow("expected cost per row", Number(c.ExpectedCost(cost.FalsePositive, cost.FalseNegative)));
        }

        table.AddRow("accuracy", $"{Number(c.Accuracy)} (always '{Markup.Escape(c.Positives > c.Negatives ? positiveClass : negativeClass)}': {Number(c.MajorityBaselineAccuracy)})");
        return table;
    }

    /// <summary>A sentence when accuracy does not beat predicting the majority class, otherwise null.</summary>
    public static string? AccuracyTrap(BinaryConfusion c)
        => c.Accuracy <= c.MajorityBaselineAccuracy
            ? $"Accuracy {Number(c.Accuracy)} does not beat always predicting the majority class ({Number(c.MajorityBaselineAccuracy)}): judge this model by recall, precision, MCC and PR-AUC instead."
            : null;

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Count(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
