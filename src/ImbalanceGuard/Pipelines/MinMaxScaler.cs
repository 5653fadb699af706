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

    internal override FeatureTransform Fit(LabeledData training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var d = training.FeatureCount;
        var n = training.RowCount;
        var features = training.Features;
        var shift = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            scale[j] = 1;
            if (training.Schema.FeatureKinds[j] == FeatureKind.Categorical || n == 0)
            {
                continue;
            }

            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                var value = features[(i * d) + j];
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }

            shift[j] = min;
            scale[j] = max > min ? 1 / (max - min) : 1;
        }

        return new AffineTransform(Name, training.Schema, shift, scale);
    }
}
