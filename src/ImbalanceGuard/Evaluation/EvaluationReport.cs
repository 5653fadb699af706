using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Evaluation;

/// <summary>
/// A binary evaluation in one place: the threshold-free metrics (ROC-AUC and average precision; Brier score
/// and log loss when the scores are probabilities), each beside what a model without skill would score, and,
/// only when a threshold is given, the decision it makes with every threshold metric.
/// </summary>
/// <remarks>
/// There is no default threshold: 0.5 is rarely right under imbalance, so threshold metrics appear only when
/// one is chosen (<see cref="Of(BinaryScores, double)"/>). Accuracy is never shown alone: it comes with the
/// accuracy of always predicting the majority class, and a verdict saying whether the model beats it.
/// </remarks>
public sealed class EvaluationReport
{
    private EvaluationReport(BinaryScores data, double? threshold, BinaryConfusion? decision = null)
    {
        RowCount = data.Count;
        PositiveWeight = data.PositiveWeight;
        NegativeWeight = data.NegativeWeight;
        RocAuc = BinaryMetrics.RocAuc(data);
        AveragePrecision = BinaryMetrics.AveragePrecision(data);
        ScoresAreProbabilities = true;
        foreach (var score in data.Scores)
        {
            ScoresAreProbabilities &= score is >= 0 and <= 1;
        }

        if (ScoresAreProbabilities)
        {
            BrierScore = BinaryMetrics.BrierScore(data);
            LogLoss = BinaryMetrics.LogLoss(data);
        }

        if (threshold is { } t)
        {
            Threshold = t;
            var confusion = decision ?? BinaryConfusion.At(data, t);
            Confusion = confusion;
            ClassReport = ImbalancedClassificationReport.Of(ConfusionMatrix.FromBinary(confusion), classNames: ["negative", "positive"]);
        }
    }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The rows (weight) that are positive.</summary>
    public double PositiveWeight { get; }

    /// <summary>The rows (weight) that are negative.</summary>
    public double NegativeWeight { get; }

    /// <summary>The share of positives: what average precision a random ranking scores on average.</summary>
    public double PositiveShare => PositiveWeight / (PositiveWeight + NegativeWeight);

    /// <summary>The area under the ROC curve (0.5 for a random ranking).</summary>
    public double RocAuc { get; }

    /// <summary>Average precision (<see cref="PositiveShare"/> for a random ranking).</summary>
    public double AveragePrecision { get; }

    /// <summary>Whether every score is in [0, 1], so the probability metrics apply.</summary>
    public bool ScoresAreProbabilities { get; }

    /// <summary>The Brier score, or null when the scores are not probabilities.</summary>
    public double? BrierScore { get; }

    /// <summary>The Brier score of predicting <see cref="PositiveShare"/> for every row: what a model without skill but calibrated scores.</summary>
    public double BaselineBrierScore => PositiveShare * (1 - PositiveShare);

    /// <summary>The log loss, or null when the scores are not probabilities.</summary>
    public double? LogLoss { get; }

    /// <summary>The threshold of the decision (rows scoring at least it are flagged), or null when none was given.</summary>
    public double? Threshold { get; }

    /// <summary>The counts of the decision at <see cref="Threshold"/>, with every threshold metric; null without a threshold.</summary>
    public BinaryConfusion? Confusion { get; }

    /// <summary>The per-class report of the decision (classes "negative" and "positive"); null without a threshold.</summary>
    public ImbalancedClassificationReport? ClassReport { get; }

    /// <summary>The accuracy at the threshold; read it with <see cref="MajorityBaselineAccuracy"/>. Null without a threshold.</summary>
    public double? Accuracy => Confusion?.Accuracy;

    /// <summary>The accuracy of always predicting the larger class. Null without a threshold.</summary>
    public double? MajorityBaselineAccuracy => Confusion?.MajorityBaselineAccuracy;

    /// <summary>Whether the decision's accuracy is higher than always predicting the larger class. Null without a threshold.</summary>
    public bool? BeatsMajorityBaseline => Confusion is { } c ? c.Accuracy > c.MajorityBaselineAccuracy : null;

    /// <summary>A sentence putting accuracy beside the majority-class baseline. Null without a threshold.</summary>
    public string? BaselineVerdict
    {
        get
        {
            if (Confusion is not { } c)
            {
                return null;
            }

            var majority = PositiveWeight > NegativeWeight ? "positive" : PositiveWeight < NegativeWeight ? "negative" : "either class";
            var accuracy = Format(c.Accuracy);
            var baseline = Format(c.MajorityBaselineAccuracy);
            return c.Accuracy > c.MajorityBaselineAccuracy
                ? $"Accuracy {accuracy} beats the majority baseline {baseline} (always predicting {majority}) by {Format(c.Accuracy - c.MajorityBaselineAccuracy)}."
                : $"Accuracy {accuracy} does NOT beat the majority baseline {baseline} (always predicting {majority}): judge this decision by recall, precision and MCC, not accuracy.";
        }
    }

    /// <summary>The threshold-free metrics of <paramref name="data"/>; no threshold metrics (there is no default threshold).</summary>
    /// <exception cref="ArgumentException">The data has no positive or no negative rows (counting weight); the message names which.</exception>
    public static EvaluationReport Of(BinaryScores data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new EvaluationReport(data, null);
    }

    /// <summary>The threshold-free metrics and the decision "score ≥ <paramref name="threshold"/>" with its metrics.</summary>
    /// <exception cref="ArgumentException">The data has no positive or no negative rows (counting weight); the message names which.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static EvaluationReport Of(BinaryScores data, double threshold)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a number.");
        }

        return new EvaluationReport(data, threshold);
    }

    /// <summary>
    /// The threshold-free metrics and a decision made row by row (per-segment thresholds), its counts
    /// <paramref name="decision"/>; <paramref name="threshold"/> is the one reported (the global one).
    /// </summary>
    internal static EvaluationReport Of(BinaryScores data, double threshold, BinaryConfusion decision) => new(data, threshold, decision);

    /// <summary>A compact summary: data, ranking, probabilities, and the decision when there is a threshold.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{RowCount} rows: {Format(PositiveWeight)} positive, {Format(NegativeWeight)} negative (positive share {Format(PositiveShare)}).\n");
        text.Append(CultureInfo.InvariantCulture, $"Ranking: ROC-AUC {Format(RocAuc)} (random 0.5), average precision {Format(AveragePrecision)} (random {Format(PositiveShare)}).\n");
        if (ScoresAreProbabilities)
        {
            text.Append(CultureInfo.InvariantCulture, $"Probabilities: Brier {Format(BrierScore!.Value)} (predicting the positive share everywhere: {Format(BaselineBrierScore)}), log loss {Format(LogLoss!.Value)}.\n");
        }
        else
        {
            text.Append("Probabilities: scores are not in [0, 1]; no Brier score or log loss.\n");
        }

        if (Confusion is not { } c)
        {
            text.Append("Decision: no threshold given; pass one to see the decision metrics.");
            return text.ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"Decision at score >= {Threshold!.Value.ToString("R", CultureInfo.InvariantCulture)}: TP {Format(c.TruePositives)}, FP {Format(c.FalsePositives)}, FN {Format(c.FalseNegatives)}, TN {Format(c.TrueNegatives)}.\n");
        text.Append(CultureInfo.InvariantCulture, $"  precision {Format(c.Precision)}, recall {Format(c.Recall)}, specificity {Format(c.Specificity)}, F1 {Format(c.F1)}, F2 {Format(c.FBeta(2))}\n");
        text.Append(CultureInfo.InvariantCulture, $"  MCC {Format(c.MatthewsCorrelation)}, balanced accuracy {Format(c.BalancedAccuracy)}, G-mean {Format(c.GeometricMean)}, IBA {Format(c.IndexBalancedAccuracy())}, Cohen's kappa {Format(c.CohenKappa)}\n");
        text.Append("  ").Append(BaselineVerdict);
        return text.ToString();
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
