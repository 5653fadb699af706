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
    /// <paramref name="objective"/> optimised only among the thresholds that meet every one of
    /// <paramref name="constraints"/> — an alert budget and a recall floor, say, the way a team states its triage
    /// capacity: <c>Constrained(F1, AlertBudget(50, 1000), MinimumRecall(0.6))</c>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A constraint is not a floor or a budget (<c>min-precision</c>, <c>min-recall</c>, <c>max-alerts</c>), or
    /// <paramref name="objective"/> is itself constrained.
    /// </exception>
    public static ThresholdObjective Constrained(ThresholdObjective objective, params ThresholdObjective[] constraints)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(constraints);
        if (objective.Constraints.Count > 0)
        {
            throw new ArgumentException($"'{objective}' is already constrained; give every constraint in one call.", nameof(objective));
        }

        foreach (var constraint in constraints)
        {
            if (constraint is null || !constraint.IsConstraint)
            {
                throw new ArgumentException(
                    $"'{constraint?.ToString() ?? "null"}' cannot be a constraint: only min-precision:P, min-recall:R and max-alerts:N/M rule thresholds out.",
                    nameof(constraints));
            }
        }

        return constraints.Length == 0 ? objective : new ConstrainedObjective(objective, constraints);
    }

    /// <summary>
    /// Reads an objective as the command line writes it: <c>f1</c>, <c>fbeta:B</c>, <c>mcc</c>,
    /// <c>cost:fp=A,fn=B</c>, <c>min-precision:P</c>, <c>min-recall:R</c>, <c>max-alerts:N/M</c> — optionally
    /// followed by constraints, comma-separated, that the threshold must also meet
    /// (<c>f1,max-alerts:50/1000,min-recall:0.6</c>; see <see cref="Constrained"/>).
    /// </summary>
    /// <exception cref="FormatException">The text is none of these, a number in it is out of range, or an item after the first is not a constraint.</exception>
    public static ThresholdObjective Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var items = Items(text);
        if (items.Count == 1)
        {
            return ParseOne(items[0]);
        }

        var constraints = items.Skip(1).Select(ParseOne).ToArray();
        if (constraints.FirstOrDefault(c => !c.IsConstraint) is { } notConstraint)
        {
            throw new FormatException(
                $"Objective '{text}': '{notConstraint}' cannot follow the first item; only min-precision:P, min-recall:R and max-alerts:N/M can constrain it.");
        }

        return Constrained(ParseOne(items[0]), constraints);
    }

    /// <summary>
    /// The comma-separated items of <paramref name="text"/>; an item without a colon that holds '=' continues the one
    /// before it, so <c>cost:fp=1,fn=50,min-recall:0.5</c> is two items.
    /// </summary>
    private static List<string> Items(string text)
    {
        var items = new List<string>();
        foreach (var part in text.Split(','))
        {
            if (items.Count > 0 && !part.Contains(':', StringComparison.Ordinal) && part.Contains('=', StringComparison.Ordinal))
            {
                items[^1] += "," + part;
            }
            else
            {
                items.Add(part);
            }
        }

        return items;
    }

    private static ThresholdObjective ParseOne(string text)
    {
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

    /// <summary>The objective's short name (<c>f1</c>, <c>mcc</c>, <c>cost</c>, …); a constrained objective's is its first item's.</summary>
    public abstract string Name { get; }

    /// <summary>What is optimised: this objective, or for a constrained one (<see cref="Constrained"/>) its first item.</summary>
    public virtual ThresholdObjective Primary => this;

    /// <summary>The constraints a threshold must also meet (<see cref="Constrained"/>); empty for a plain objective.</summary>
    public virtual IReadOnlyList<ThresholdObjective> Constraints => [];

    /// <summary>Whether this objective rules thresholds out and so can constrain another: a precision or recall floor, or an alert budget.</summary>
    public virtual bool IsConstraint => false;

    /// <summary>
    /// Whether a threshold giving <paramref name="confusion"/> meets every constraint (a floor or a budget; a plain
    /// F-beta, MCC or cost objective rules nothing out) — how the command line judges a tuned threshold on rows it
    /// was not tuned on.
    /// </summary>
    public bool IsMetBy(BinaryConfusion confusion) => Allows(confusion);

    /// <summary>The objective's value for <paramref name="confusion"/>: what <see cref="TunedThreshold.Value"/> reports at a threshold.</summary>
    public double ValueOf(BinaryConfusion confusion) => Value(confusion);

    /// <summary>Whether a smaller value is better (expected cost); otherwise larger is.</summary>
    public virtual bool LowerIsBetter => false;

    /// <summary>What <see cref="TunedThreshold.Value"/> measures: "F1", "MCC", "expected cost", "recall", "precision".</summary>
    public abstract string ValueName { get; }

    /// <summary>The β of an F-beta objective (1 for F1); otherwise null.</summary>
    public virtual double? Beta => null;

    /// <summary>The costs of a false positive and a false negative, for a cost objective; otherwise null.</summary>
    public virtual (double FalsePositive, double FalseNegative)? Costs => null;

    /// <summary>The precision floor of <c>min-precision</c> or the recall floor of <c>min-recall</c> (see <see cref="Name"/>); otherwise null.</summary>
    public virtual double? Floor => null;

    /// <summary>The alerts allowed per rows of a <c>max-alerts</c> budget; otherwise null.</summary>
    public virtual (int Alerts, int PerRows)? Budget => null;

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

        public override bool LowerIsBetter => true;

        internal override bool IsBetter(BinaryConfusion candidate, BinaryConfusion best) => Value(candidate) < Value(best);

        public override string ToString() => $"cost:fp={Format(FalsePositiveCost)},fn={Format(FalseNegativeCost)}";
    }

    private sealed class MinimumPrecisionObjective(double precision) : ThresholdObjective
    {
        public override string Name => "min-precision";

        public override string ValueName => "recall";

        public override bool IsConstraint => true;

        public override double? Floor => precision;

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

        public override bool IsConstraint => true;

        public override double? Floor => recall;

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

        public override bool IsConstraint => true;

        public override (int Alerts, int PerRows)? Budget => (alerts, perRows);

        // Integer cross-multiplication: the budget is exact, not a rounded ratio.
        internal override bool Allows(BinaryConfusion confusion) => confusion.PredictedPositives * perRows <= alerts * confusion.Total;

        internal override double Value(BinaryConfusion confusion) => confusion.Recall;

        internal override bool IsBetter(BinaryConfusion candidate, BinaryConfusion best)
            => candidate.Recall > best.Recall || (candidate.Recall == best.Recall && candidate.PredictedPositives < best.PredictedPositives);

        public override string ToString() => $"max-alerts:{alerts.ToString(CultureInfo.InvariantCulture)}/{perRows.ToString(CultureInfo.InvariantCulture)}";
    }
    /// <summary>An objective optimised among the thresholds that meet every one of its constraints.</summary>
    private sealed class ConstrainedObjective(ThresholdObjective primary, ThresholdObjective[] constraints) : ThresholdObjective
    {
        public override string Name => primary.Name;

        public override string ValueName => primary.ValueName;

        public override ThresholdObjective Primary => primary;

        public override IReadOnlyList<ThresholdObjective> Constraints { get; } = constraints;

        public override double? Beta => primary.Beta;

        public override (double FalsePositive, double FalseNegative)? Costs => primary.Costs;

        public override double? Floor => primary.Floor;

        public override (int Alerts, int PerRows)? Budget => primary.Budget;

        public override bool LowerIsBetter => primary.LowerIsBetter;

        internal override bool Allows(BinaryConfusion confusion) => primary.Allows(confusion) && Array.TrueForAll(constraints, c => c.Allows(confusion));

        internal override double Value(BinaryConfusion confusion) => primary.Value(confusion);

        internal override bool IsBetter(BinaryConfusion candidate, BinaryConfusion best) => primary.IsBetter(candidate, best);

        /// <summary>Names the items no threshold meets alone, or says they only clash together.</summary>
        internal override string Unreachable(ThresholdSweep sweep)
        {
            var confusions = Enumerable.Range(0, sweep.Count).Select(sweep.ConfusionAt).Prepend(sweep.NothingFlagged).ToArray();
            var alone = new[] { primary }.Concat(constraints).Where(c => !confusions.Any(c.Allows)).ToArray();
            return alone.Length > 0
                ? string.Join("; ", alone.Select(c => c.Unreachable(sweep)))
                : $"each of {string.Join(", ", new[] { primary }.Concat(constraints).Where(c => c.IsConstraint))} is met by some threshold, but none meets them all";
        }

        public override string ToString() => string.Join(",", new[] { primary }.Concat(constraints).Select(c => c.ToString()));
    }
}
