using System.Globalization;
using ImbalanceGuard.Calibration;
using ImbalanceGuard.Models;
using ImbalanceGuard.Thresholds;
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

        return catalog.Expression(outputColumnName, "s => s >= " + ThresholdLiteral(threshold), ScoredColumns.NameOf(scoreColumn));
    }

    /// <summary>
    /// Sets <paramref name="outputColumnName"/> (by default <c>PredictedLabel</c>) to <c>column ≥ threshold</c> with each
    /// row's threshold that of its segment in <paramref name="segmentColumnName"/> (a text column), as tuned by
    /// <see cref="ImbalanceBinaryClassificationCatalog.TuneThresholdBySegment"/> or saved with a pipeline tuned by
    /// segment; a segment that got no threshold of its own, or was not seen when tuning, gets the global one.
    /// </summary>
    /// <exception cref="ArgumentException">The segment column name is blank.</exception>
    public static IEstimator<ITransformer> ApplyThreshold(
        this TransformsCatalog catalog, SegmentThresholds thresholds, string segmentColumnName, ScoreColumn scoreColumn = ScoreColumn.Probability, string outputColumnName = "PredictedLabel")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentException.ThrowIfNullOrWhiteSpace(segmentColumnName);

        // Only the segments whose threshold differs from the global one need a branch; the rest fall through to it.
        var threshold = ThresholdLiteral(thresholds.GlobalThreshold);
        foreach (var segment in thresholds.Segments.Where(s => s.Threshold != thresholds.GlobalThreshold).Reverse())
        {
            threshold = $"g == {TextLiteral(segment.Segment)} ? {ThresholdLiteral(segment.Threshold)} : ({threshold})";
        }

        return catalog.Expression(outputColumnName, $"(s, g) => s >= ({threshold})", ScoredColumns.NameOf(scoreColumn), segmentColumnName);
    }

    /// <summary>
    /// Adds a text column <paramref name="outputColumnName"/> holding each row's severity tier — the name of the most
    /// severe tier whose threshold its score reaches, or <paramref name="noTier"/> when it reaches none — from tiers
    /// placed by <see cref="ImbalanceBinaryClassificationCatalog.TuneTiers"/> or saved with a pipeline.
    /// </summary>
    public static IEstimator<ITransformer> ApplyTiers(
        this TransformsCatalog catalog, TierThresholds tiers, ScoreColumn scoreColumn = ScoreColumn.Probability, string outputColumnName = "Tier", string noTier = "")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(noTier);
        var tier = TextLiteral(noTier);
        for (var t = tiers.Tiers.Count - 1; t >= 0; t--)
        {
            tier = $"s >= {ThresholdLiteral(tiers.Tiers[t].Threshold)} ? {TextLiteral(tiers.Tiers[t].Name)} : ({tier})";
        }

        return catalog.Expression(outputColumnName, $"s => {tier}", ScoredColumns.NameOf(scoreColumn));
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

    /// <summary>A text literal of ML.NET's expression language.</summary>
    private static string TextLiteral(string value)
        => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The threshold as a float literal that a Single score reaches exactly when its value reaches the double threshold:
    /// the smallest float at least it. Rounding to the nearest float could let a "flag nothing" threshold, one ulp above
    /// the top score, round down onto that score and flag it.
    /// </summary>
    private static string ThresholdLiteral(double threshold)
    {
        var rounded = (float)threshold;
        return Literal(rounded < threshold ? MathF.BitIncrement(rounded) : rounded);
    }

    /// <summary>A float literal of ML.NET's expression language.</summary>
    private static string Literal(double value) => Literal((float)value);

    /// <summary>A float literal of ML.NET's expression language.</summary>
    private static string Literal(float value) => value.ToString("R", CultureInfo.InvariantCulture) switch
    {
        var text when text.Contains('E', StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal) => text,
        var text => text + ".0",
    };
}
