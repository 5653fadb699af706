using System.Globalization;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Reporting;

/// <summary>
/// The answer a report gives: which strategy to use, at which threshold, what it catches, and what plain
/// accuracy would have claimed. The threshold is tuned for F1 on the best strategy's out-of-fold scores, which no
/// model trained on, so its figures are estimates for new data (if slightly optimistic, as any tuned value).
/// </summary>
public sealed class ReportVerdict
{
    private ReportVerdict(StrategyResult best, TunedThreshold threshold, string majorityClass, double majorityShare, string positiveClass, int positives, int rows)
    {
        Best = best;
        Threshold = threshold;
        MajorityClass = majorityClass;
        MajorityShare = majorityShare;
        PositiveClass = positiveClass;
        Positives = positives;
        Rows = rows;
    }

    /// <summary>The strategy with the best mean average precision.</summary>
    public StrategyResult Best { get; }

    /// <summary>The threshold tuned for F1 on the best strategy's out-of-fold scores, with the counts it gives there.</summary>
    public TunedThreshold Threshold { get; }

    /// <summary>The most frequent class.</summary>
    public string MajorityClass { get; }

    /// <summary>What always predicting <see cref="MajorityClass"/> scores as plain accuracy.</summary>
    public double MajorityShare { get; }

    /// <summary>The rare class the strategies were judged on.</summary>
    public string PositiveClass { get; }

    /// <summary>Rows of <see cref="PositiveClass"/>.</summary>
    public int Positives { get; }

    /// <summary>All rows.</summary>
    public int Rows { get; }

    /// <summary>The verdict on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">No strategy was compared.</exception>
    public static ReportVerdict Of(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Strategies.Count == 0)
        {
            throw new ArgumentException("The report needs at least one strategy.", nameof(data));
        }

        var best = data.Strategies[0];
        var counts = data.Data.ClassCountsByName();
        var majority = counts.MaxBy(c => c.Value);
        var positive = best.Result.PositiveClass;
        return new ReportVerdict(
            best,
            ThresholdTuner.Tune(best.Result.OutOfFoldScores, ThresholdObjective.F1),
            majority.Key,
            majority.Value / (double)data.Data.RowCount,
            positive,
            counts[positive],
            data.Data.RowCount);
    }

    /// <summary>Why plain accuracy lies on this data, in one sentence.</summary>
    public string AccuracyTrap => string.Create(
        CultureInfo.InvariantCulture,
        $"A model that always answers '{MajorityClass}' is {MajorityShare:P1} accurate and finds none of the {Positives:N0} rows of class '{PositiveClass}'.");

    /// <summary>What to use, in one sentence.</summary>
    public string Recommendation
    {
        get
        {
            var c = Threshold.Confusion;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Use {Best.Strategy} and flag '{PositiveClass}' when its probability is at least {Threshold.Threshold:0.000}: on out-of-fold data it catches {c.Recall:P0} of the '{PositiveClass}' rows with precision {c.Precision:P0} (F1 {c.F1:0.000}, MCC {c.MatthewsCorrelation:0.000}; PR-AUC {Best.Result[MetricNames.AveragePrecision].Mean:0.000}).");
        }
    }
}
