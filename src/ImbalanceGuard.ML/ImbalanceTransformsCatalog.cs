using System.Globalization;
using ImbalanceGuard.Calibration;
using ImbalanceGuard.Models;
using Microsoft.ML;

namespace ImbalanceGuard.ML;

/// <summary>
/// ImbalanceGuard on <c>mlContext.Transforms</c>: a class-weight column, a decision threshold applied to
/// <c>PredictedLabel</c>, and the prior correction of probabilities learnt on resampled data. All three are ML.NET's
/// own savable transformers underneath.
/// </summary>
public static class ImbalanceTransformsCatalog
{
    /// <summary>
    /// Adds a Single column of class weights (default balanced, n / (k · n_c), learnt when fitted) for a trainer's
    /// <c>exampleWeightColumnName</c>.
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="outputColumnName">The weight column to add.</param>
    /// <param name="weights">The weights; null for <see cref="ImbalanceGuard.Models.ClassWeights.Balanced"/>.</param>
    public static ClassWeightsEstimator ClassWeights(this TransformsCatalog catalog, string labelColumnName = "Label", string outputColumnName = "Weight", ClassWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ClassWeightsEstimator(catalog.Conversion, labelColumnName, outputColumnName, weights ?? Models.ClassWeights.Balanced);
    }

    /// <summary>
    /// Sets <paramref name="outputColumnName"/> (by default ML.NET's <c>PredictedLabel</c>) to
    /// <c>column ≥ threshold</c>, where column is <c>Probability</c> or the raw <c>Score</c>: the tuned threshold,
    /// where ML.NET's <c>ChangeModelThreshold</c> only moves the raw-score one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is NaN or infinite.</exception>
    public static IEstimator<ITransformer> ApplyThreshold(this TransformsCatalog catalog, double threshold, ScoreColumn scoreColumn = ScoreColumn.Probability, string outputColumnName = "PredictedLabel")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A decision threshold must be a finite number.");
        }

        return catalog.Expression(outputColumnName, "s => s >= " + Literal(threshold), ScoredColumns.NameOf(scoreColumn));
    }

    /// <summary>
    /// Maps <c>Probability</c> from the base rate the model was trained at (after resampling) back to the true one:
    /// <c>p' = p·π/ρ / (p·π/ρ + (1−p)(1−π)/(1−ρ))</c>. Get the correction from
    /// <see cref="PriorCorrection.For"/> with the training rows before and after resampling.
    /// </summary>
    public static IEstimator<ITransformer> CorrectPrior(this TransformsCatalog catalog, PriorCorrection correction, string probabilityColumnName = "Probability")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(correction);
        var up = Literal(correction.TruePositiveRate / correction.TrainingPositiveRate);
        var down = Literal((1 - correction.TruePositiveRate) / (1 - correction.TrainingPositiveRate));
        return catalog.Expression(probabilityColumnName, $"p => p * {up} / (p * {up} + (1 - p) * {down})", probabilityColumnName);
    }

    /// <summary>A float literal of ML.NET's expression language.</summary>
    private static string Literal(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture) switch
    {
        var text when text.Contains('E', StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal) => text,
        var text => text + ".0",
    };
}
