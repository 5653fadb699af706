using System.Globalization;

namespace ImbalanceGuard.Models;

/// <summary>
/// Per-class weights that turn into row weights, so class re-weighting reaches every learner that honours
/// row weights: scikit-learn's <c>class_weight="balanced"</c> (n / (k · n_c)), a weight per class name
/// (scikit-learn's <c>class_weight</c> dictionary), or XGBoost/LightGBM's <c>scale_pos_weight</c>.
/// </summary>
public abstract class ClassWeights
{
    private protected ClassWeights()
    {
    }

    /// <summary>
    /// scikit-learn's <c>"balanced"</c>: class c weighs n / (k · n_c), with n the rows, k the classes with rows
    /// and n_c the rows of class c (counts, not weighted sums, as scikit-learn's <c>compute_class_weight</c>).
    /// Every class then carries the same total weight.
    /// </summary>
    public static ClassWeights Balanced { get; } = new BalancedWeights();

    /// <summary>A weight per class name; a class not named weighs 1 (as scikit-learn's dictionary).</summary>
    /// <exception cref="ArgumentException">The map is empty or a weight is negative or not finite.</exception>
    public static ClassWeights Custom(IReadOnlyDictionary<string, double> weightsByClass)
    {
        ArgumentNullException.ThrowIfNull(weightsByClass);
        if (weightsByClass.Count == 0)
        {
            throw new ArgumentException("class_weight needs at least one class.", nameof(weightsByClass));
        }

        foreach (var (name, weight) in weightsByClass)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"class_weight of class '{name}' must be finite and non-negative; got {weight}."),
                    nameof(weightsByClass));
            }
        }

        return new CustomWeights(new Dictionary<string, double>(weightsByClass, StringComparer.Ordinal));
    }

    /// <summary>
    /// XGBoost/LightGBM's <c>scale_pos_weight</c>: rows of the positive class weigh <paramref name="scale"/>,
    /// the others 1. Binary problems only. The positive class is <paramref name="positiveClass"/>, or the
    /// second class of the schema (label 1 of a 0/1 problem) when null. A common choice is
    /// negatives / positives.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not positive and finite.</exception>
    public static ClassWeights ScalePositiveWeight(double scale, string? positiveClass = null)
        => new ScalePositive(ModelChecks.Positive(scale, "scale_pos_weight", nameof(scale)), positiveClass);

    /// <summary>The weight of each class of <paramref name="data"/>'s schema, indexed like its class names.</summary>
    /// <exception cref="ArgumentException">The weights do not fit the data (an unknown class, a problem that is not binary).</exception>
    public double[] ForClasses(LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Compute(data.ClassCounts, data.Schema.ClassNames);
    }

    /// <summary>
    /// Every row's weight: its class weight times its existing row weight (1 for rows without weights).
    /// </summary>
    /// <exception cref="ArgumentException">The weights do not fit the data.</exception>
    public double[] ForRows(LabeledData data)
    {
        var byClass = ForClasses(data);
        var labels = data.Labels;
        var existing = data.Weights;
        var rows = new double[data.RowCount];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = byClass[labels[i]] * (data.HasWeights ? existing[i] : 1.0);
        }

        return rows;
    }

    /// <summary>
    /// The same rows with their weights multiplied by their class weights, for any learner that takes row
    /// weights. Resample first, then weight: weights computed before a sampler would count rows it removes.
    /// </summary>
    /// <exception cref="ArgumentException">The weights do not fit the data.</exception>
    public TrainingSet Apply(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var table = training.Table;
        return new TrainingSet(table.With(weights: ForRows(training)), training.IsResampled);
    }

    private protected abstract double[] Compute(IReadOnlyList<int> counts, IReadOnlyList<string> classNames);

    private sealed class BalancedWeights : ClassWeights
    {
        private protected override double[] Compute(IReadOnlyList<int> counts, IReadOnlyList<string> classNames)
        {
            var present = counts.Count(c => c > 0);
            var total = counts.Sum();
            var weights = new double[counts.Count];
            for (var c = 0; c < weights.Length; c++)
            {
                // A class without rows weighs nothing anywhere; 1 keeps the vector readable.
                weights[c] = counts[c] > 0 ? total / (double)(present * (long)counts[c]) : 1.0;
            }

            return weights;
        }

        public override string ToString() => "balanced";
    }

    private sealed class CustomWeights(Dictionary<string, double> byName) : ClassWeights
    {
        private protected override double[] Compute(IReadOnlyList<int> counts, IReadOnlyList<string> classNames)
        {
            var weights = new double[counts.Count];
            Array.Fill(weights, 1.0);
            foreach (var (name, weight) in byName)
            {
                var c = IndexOf(classNames, name, "class_weight");
                weights[c] = weight;
            }

            return weights;
        }

        public override string ToString() => string.Join(", ", byName.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value}")));
    }

    private sealed class ScalePositive(double scale, string? positiveClass) : ClassWeights
    {
        private protected override double[] Compute(IReadOnlyList<int> counts, IReadOnlyList<string> classNames)
        {
            if (classNames.Count != 2)
            {
                throw new ArgumentException(
                    $"scale_pos_weight is for binary problems; the data has {classNames.Count} classes. Use a weight per class instead.");
            }

            var positive = positiveClass is null ? 1 : IndexOf(classNames, positiveClass, "scale_pos_weight");
            var weights = new double[] { 1.0, 1.0 };
            weights[positive] = scale;
            return weights;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"scale_pos_weight={scale}");
    }

    private static int IndexOf(IReadOnlyList<string> classNames, string name, string parameter)
    {
        for (var c = 0; c < classNames.Count; c++)
        {
            if (string.Equals(classNames[c], name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        throw new ArgumentException($"{parameter} names class '{name}', which the data does not have (classes: {string.Join(", ", classNames)}).");
    }
}
