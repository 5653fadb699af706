namespace ImbalanceGuard.Pipelines;

/// <summary>
/// Centres every continuous feature on its training mean and divides by its training standard deviation
/// (the population one, as scikit-learn's <c>StandardScaler</c>; a constant feature is only centred).
/// Categorical features pass through unchanged, so SMOTE-NC and SMOTEN still see their codes.
/// </summary>
public sealed class StandardScaler : Preprocessor
{
    /// <inheritdoc/>
    public override string Name => "standard-scaler";

    internal override FeatureTransform Fit(LabeledData training) => AffineTransform.FitColumns(Name, training, column =>
    {
        var mean = column.Average();
        var variance = column.Sum(v => (v - mean) * (v - mean)) / column.Length;
        var deviation = Math.Sqrt(variance);
        return (mean, deviation > 0 ? 1 / deviation : 1);
    });
}
