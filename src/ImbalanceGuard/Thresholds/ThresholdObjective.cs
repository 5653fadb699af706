using System.Globalization;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Thresholds;

/// <summary>
/// What a decision threshold is tuned for. Each objective scores the confusion a threshold gives; some also
/// rule thresholds out (a precision floor, a recall floor, an alert budget).
/// </summary>
public abstract class ThresholdObjective
{
    private protected ThresholdObjective()
    {
    }

    /// <summary>Maximise F1.</summary>
    public static ThresholdObjective F1 { get; } = new FBetaObjective(1);

    /// <summary>Maximise the Matthews correlation coefficient.</summary>
    public static ThresholdObjective Mcc { get; } = new MccObjective();

    /// <summary>Maximise F-beta: recall counts <paramref name="beta"/> times as much as precision.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not positive.</exception>
    public static ThresholdObjective FBeta(double beta)
        => beta > 0 && double.IsFinite(beta)
            ? new FBetaObjective(beta)
            : throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be a positive number.");

    /// <summary>Minimise the expected cost per row when a false alarm costs <paramref name="falsePositiveCost"/> and a miss <paramref name="falseNegativeCost"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A cost is negative, or both are zero.</exception>
    public static ThresholdObjective MinimumCost(double falsePositiveCost, double falseNegativeCost)
    {
        if (!(falsePositiveCost >= 0) || !(falseNegativeCost >= 0) || !double.IsFinite(falsePositiveCost + falseNegativeCost)
            || falsePositiveCost + falseNegativeCost == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(falsePositiveCost), "Costs must be finite, non-negative, and not both zero.");
        }

        return new CostObjective(falsePositiveCost, falseNegativeCost);
    }

    /// <summary>Catch as many positives as possible while at least <paramref name="precision"/> of the flags are right.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is not in (0, 1].</exception>
    public static ThresholdObjective MinimumPrecision(double precision)
        => precision > 0 && precision <= 1
            ? new MinimumPrecisionObjective(precision)
            : throw new ArgumentOutOfRangeException(nameof(precision), precision, "A precision floor must be in (0, 1].");

    /// <summary>Make the flags as precise as possible while catching at least <paramref name="recall"/> of the positives.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recall"/> is not in (0, 1].</exception>
    public static ThresholdObjective MinimumRecall(double recall)
        => recall > 0 && recall <= 1
            ? new MinimumRecallObjective(recall)
            : throw new ArgumentOutOfRangeException(nameof(recall), recall, "A recall floor must be in (0, 1].");

    /// <summary>
    /// Catch as many positives as possible while flagging at most <paramref name="alerts"/> rows in every
    /// <paramref name="perRows"/> — the capacity of the team that reviews the flags.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The counts are not positive, or the budget exceeds the rows.</exception>
    public static ThresholdObjective AlertBudget(int alerts, int perRows)
        => alerts > 0 && perRows > 0 && alerts <= perRows
            ? new AlertBudgetObjective(alerts, perRows)
            : throw new ArgumentOutOfRangeException(nameof(alerts), $"An alert budget needs 0 < alerts ≤ rows; got {alerts}/{perRows}.");

    /// <summary>
    /// Reads an objective as the command line writes it: <c>f1</c>, <c>fbeta:B</c>, <c>mcc</c>,
    /// <c>cost:fp=A,fn=B</c>, <c>min-precision:P</c>, <c>min-recall:R</c>, <c>max-alerts:N/M</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is none of these, or a number in it is out of range.</exception>
    public static ThresholdObjective Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToLowerInvariant();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? trimmed : trimmed[..colon];
        var argument = colon < 0 ? string.Empty : trimmed[(colon + 1)..];
        try
        {
            return name switch
            {
                "f1" when argument.Length == 0 => F1,
                "mcc" when argument.Length == 0 => Mcc,
                "fbeta" => FBeta(Number(argument, text)),
                "min-precision" => MinimumPrecision(Number(argument, text)),
                "min-recall" => MinimumRecall(Number(argument, text)),
                "cost" => ParseCost(argument, text),
                "max-alerts" => ParseBudget(argument, text),
                _ => throw Unknown(text),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"Objective '{text}': {e.Message.Split(" (Parameter", StringSplitOptions.None)[0]}", e);
        }
    }

    /// <summary>The objective's short name (<c>f1</c>, <c>mcc</c>, <c>cost</c>, …).</summary>
    public abstract string Name { get; }

    /// <summary>What <see cref="TunedThreshold.Value"/> measures: "F1", "MCC", "expected cost", "recall", "precision".</summary>
    public abstract string ValueName { get; }

    /// <summary>The β of an F-beta objective (1 for F1); otherwise null.</summary>
    public virtual double? Beta => null;

    /// <summary>The costs of a false positive and a false negative, for a cost objective; otherwise null.</summary>
    public virtual (double FalsePositive, double FalseNegative)? Costs => null;

    /// <summary>Whether a threshold giving <paramref name="confusion"/> is allowed at all.</summary>
    internal virtual bool Allows(BinaryConfusion confusion) => true;

    /// <summary>The value to report (F-beta, MCC, expected cost, recall or precision).</summary>
    internal abstract double Value(BinaryConfusion confusion);

    /// <summary>Whether <paramref name="candidate"/> is strictly better than <paramref name="best"/>.</summary>
    internal virtual bool IsBetter(BinaryConfusion candidate, BinaryConfusion best) => Value(candidate) > Value(best);

    /// <summary>The objective as <see cref="Parse"/> reads it.</summary>
    public abstract override string ToString();

    /// <summary>Why no threshold satisfies the objective on some data, for an error message.</summary>
    internal virtual string Unreachable(ThresholdSweep sweep) => $"no threshold satisfies {this}";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Number(string text, string whole)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"Objective '{whole}': '{text}' is not a number.");

    private static CostObjective ParseCost(string argument, string whole)
    {
        double? fp = null, fn = null;
        foreach (var part in argument.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            switch (pair[0])
            {
                case "fp" when pair.Length == 2:
                    fp = Number(pair[1], whole);
                    break;
                case "fn" when pair.Length == 2:
                    fn = Number(pair[1], whole);
                    break;
                default:
                    throw Unknown(whole);
            }
        }

        return fp is null || fn is null ? throw Unknown(whole) : (CostObjective)MinimumCost(fp.Value, fn.Value);
    }

    private static AlertBudgetObjective ParseBudget(string argument, string whole)
    {
        var parts = argument.Split('/', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var alerts)
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rows))
        {
            throw Unknown(whole);
        }

        return (AlertBudgetObjective)AlertBudget(alerts, rows);
    }

    private static FormatException Unknown(string text)
        => new($"Objective '{text}' is not understood: use f1, fbeta:B, mcc, cost:fp=A,fn=B, min-precision:P, min-recall:R or max-alerts:N/M.");

    private sealed class FBetaObjective(double beta) : ThresholdObjective
    {
        public override string Name => beta == 1 ? "f1" : "fbeta";

        public override string ValueName => beta == 1 ? "F1" : "F" + Format(beta);

        public override double? Beta => beta;

        internal override double Value(BinaryConfusion confusion) => confusion.FBeta(beta);

        public override string ToString() => beta == 1 ? "f1" : "fbeta:" + Format(beta);
    }

    private sealed class MccObjective : ThresholdObjective
    {
        public override string Name => "mcc";

        public override string ValueName => "MCC";

        internal override double Value(BinaryConfusion confusion) => confusion.MatthewsCorrelation;

        public override string ToString() => "mcc";
    }

    /// <summary>Minimises expected cost; reports the cost itself, and the Bayes threshold for calibrated probabilities.</summary>
    internal sealed class CostObjective(double falsePositiveCost, double falseNegativeCost) : ThresholdObjective
    {
        public double FalsePositiveCost { get; } = falsePositiveCost;

        public double FalseNegativeCost { get; } = falseNegativeCost;

        /// <summary>c_FP / (c_FP + c_FN): the cost-minimising threshold when scores are calibrated probabilities.</summary>
        public double BayesThreshold => FalsePositiveCost / (FalsePositiveCost + FalseNegativeCost);

        public override string Name => "cost";

        public override string ValueName => "expected cost";

        public override (double FalsePositive, double FalseNegative)? Costs => (FalsePositiveCost, FalseNegativeCost);

        internal override double Value(BinaryConfusion confusion) => confusion.ExpectedCost(FalsePositiveCost, FalseNegativeCost);

        internal override bool IsBetter(BinaryConfusion candidate, BinaryConfusion best) => Value(candidate) < Value(best);

        public override string ToString() => $"cost:fp={Format(FalsePositiveCost)},fn={Format(FalseNegativeCost)}";
    }

    private sealed class MinimumPrecisionObjective(double precision) : ThresholdObjective
    {
        public override string Name => "min-precision";

        public override string ValueName => "recall";

        internal override bool Allows(BinaryConfusion confusion) => confusion.PredictedPositives > 0 && confusion.Precision >= precision;

        internal override double Value(BinaryConfusion confusion) => confusion.Recall;

        internal override bool IsBetter(BinaryConfusion candidate, BinaryConfusion best)
            => candidate.Recall > best.Recall || (candidate.Recall == best.Recall && candidate.Precision > best.Precision);

        internal override string Unreachable(ThresholdSweep sweep)
        {
            var best = Enumerable.Range(0, sweep.Count).Select(sweep.ConfusionAt).Max(c => c.Precision);
            return $"no threshold reaches precision {Format(precision)}; the best is {Format(best)}";
        }

        public override string ToString() => "min-precision:" + Format(precision);
    }

    private sealed class MinimumRecallObjective(double recall) : ThresholdObjective
    {
        public override string Name => "min-recall";

        public override string ValueName => "precision";

        internal override bool Allows(BinaryConfusion confusion) => confusion.Positives > 0 && confusion.Recall >= recall;

        internal override double Value(BinaryConfusion confusion) => confusion.Precision;

        internal override bool IsBetter(BinaryConfusion candidate, BinaryConfusion best)
            => candidate.Precision > best.Precision || (candidate.Precision == best.Precision && candidate.Recall > best.Recall);

        internal override string Unreachable(ThresholdSweep sweep) => $"no threshold reaches recall {Format(recall)}: there are no positives";

        public override string ToString() => "min-recall:" + Format(recall);
    }

    private sealed class AlertBudgetObjective(int alerts, int perRows) : ThresholdObjective
    {
        public override string Name => "max-alerts";

        public override string ValueName => "recall";

        // Integer cross-multiplication: the budget is exact, not a rounded ratio.
        internal override bool Allows(BinaryConfusion confusion) => confusion.PredictedPositives * perRows <= alerts * confusion.Total;

        internal override double Value(BinaryConfusion confusion) => confusion.Recall;

        internal override bool IsBetter(BinaryConfusion candidate, BinaryConfusion best)
            => candidate.Recall > best.Recall || (candidate.Recall == best.Recall && candidate.PredictedPositives < best.PredictedPositives);

        public override string ToString() => $"max-alerts:{alerts.ToString(CultureInfo.InvariantCulture)}/{perRows.ToString(CultureInfo.InvariantCulture)}";
    }
}
