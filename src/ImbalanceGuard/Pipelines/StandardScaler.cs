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

            var mean = 0.0;
            for (var i = 0; i < n; i++)
            {
                mean += features[(i * d) + j];
            }

            mean /= n;
            var variance = 0.0;
            for (var i = 0; i < n; i++)
            {
                var delta = features[(i * d) + j] - mean;
                variance += delta * delta;
            }

            var deviation = Math.Sqrt(variance / n);
            shift[j] = mean;
            scale[j] = deviation > 0 ? 1 / deviation : 1;
        }

        return new AffineTransform(Name, training.Schema, shift, scale);
    }
}
