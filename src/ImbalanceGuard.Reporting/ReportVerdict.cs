using System.Globalization;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Reporting;

/// <summary>
/// The answer a report gives: which strategy to use, at which threshold, what it catches, and what plain
/// accuracy would have claimed. The threshold is tuned for the report's objective (<see cref="ReportData.Objective"/>,
/// F1 by default) on the best strategy's out-of-fold scores, which no model trained on, so its figures are estimates
/// for new data (if slightly optimistic, as any tuned value). When no threshold meets the objective's constraints
/// there, the threshold is the best for its first item alone and <see cref="ConstraintsMet"/> says so.
/// </summary>
public sealed class ReportVerdict
{
    private ReportVerdict(StrategyResult best, TunedThreshold threshold, ThresholdObjective objective, string majorityClass, double majorityShare, string positiveClass, int positives, int rows)
    {
        Best = best;
        Threshold = threshold;
        Objective = objective;
        MajorityClass = majorityClass;
        MajorityShare = majorityShare;
        PositiveClass = positiveClass;
        Positives = positives;
        Rows = rows;
    }

    /// <summary>The strategy with the best mean average precision.</summary>
    public StrategyResult Best { get; }

    /// <summary>
    /// The threshold tuned for <see cref="Objective"/> on the best strategy's out-of-fold scores, with the counts it gives
    /// there; tuned for the objective's first item alone when no threshold meets its constraints.
    /// </summary>
    public TunedThreshold Threshold { get; }

    /// <summary>What the threshold was asked to meet, constraints included.</summary>
    public ThresholdObjective Objective { get; }

    /// <summary>Whether <see cref="Threshold"/> meets every constraint of <see cref="Objective"/> on the out-of-fold scores.</summary>
    public bool ConstraintsMet => Threshold.Objective == Objective;

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
        var scores = best.Result.OutOfFoldScores;
        TunedThreshold threshold;
        try
        {
            threshold = ThresholdTuner.Tune(scores, data.Objective);
        }
        catch (UnreachableObjectiveException) when (data.Objective.Constraints.Count > 0)
        {
            // The constraints cannot all hold on this data; say so and still show the best the first item allows.
            threshold = ThresholdTuner.Tune(scores, data.Objective.Primary);
        }

        return new ReportVerdict(
            best,
            threshold,
            data.Objective,
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
            if (!ConstraintsMet)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"No threshold of {Best.Strategy} meets {string.Join(" and ", Objective.Constraints)} on out-of-fold data. The best for {Objective.Primary} alone flags '{PositiveClass}' at probability {Threshold.Threshold:0.000} or more and catches {c.Recall:P0} of the '{PositiveClass}' rows with precision {c.Precision:P0} ({c.PredictedPositives / c.Total * 1000:0.#} flags per 1,000 rows); relax a constraint or improve the model before relying on it.");
            }

            return string.Create(
                CultureInfo.InvariantCulture,
                $"Use {Best.Strategy} and flag '{PositiveClass}' when its probability is at least {Threshold.Threshold:0.000}: on out-of-fold data it catches {c.Recall:P0} of the '{PositiveClass}' rows with precision {c.Precision:P0} (F1 {c.F1:0.000}, MCC {c.MatthewsCorrelation:0.000}; PR-AUC {Best.Result[MetricNames.AveragePrecision].Mean:0.000}).");
        }
    }
}
