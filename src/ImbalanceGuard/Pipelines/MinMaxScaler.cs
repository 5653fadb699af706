namespace ImbalanceGuard.Pipelines;

/// <summary>
/// Maps every continuous feature linearly so that its training minimum becomes 0 and its training maximum
/// 1 (scikit-learn's <c>MinMaxScaler</c>; a constant feature becomes 0). Rows scored later may fall outside
/// [0, 1]; they are not clipped. Categorical features pass through unchanged.
/// </summary>
public sealed class MinMaxScaler : Preprocessor
{
    /// <inheritdoc/>
    public override string Name => "min-max-scaler";

    internal override FeatureTransform Fit(LabeledData training) => AffineTransform.FitColumns(Name, training, column =>
    {
        var (min, max) = (column.Min(), column.Max());
        return (min, max > min ? 1 / (max - min) : 1);
    });
}
