namespace ImbalanceGuard.Pipelines;

/// <summary>
/// One metric over the folds of a cross-validation: the mean and the standard deviation (population, as
/// NumPy's <c>std</c> of scikit-learn's <c>cross_val_score</c>) over the folds where it is defined.
/// </summary>
/// <param name="Mean">The mean over the folds where the metric is defined; NaN when it is defined in none.</param>
/// <param name="StandardDeviation">The population standard deviation over the same folds.</param>
/// <param name="DefinedFolds">In how many folds the metric was defined (ROC-AUC is not, in a fold with one class).</param>
public sealed record MetricSummary(double Mean, double StandardDeviation, int DefinedFolds)
{
    /// <summary>The summary of per-fold values, skipping NaN (undefined) ones.</summary>
    public static MetricSummary Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        if (defined.Length == 0)
        {
            return new MetricSummary(double.NaN, double.NaN, 0);
        }

        var mean = defined.Average();
        var variance = defined.Sum(v => (v - mean) * (v - mean)) / defined.Length;
        return new MetricSummary(mean, Math.Sqrt(variance), defined.Length);
    }
}
