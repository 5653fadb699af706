namespace ImbalanceGuard.Pipelines;

/// <summary>
/// Replaces every categorical feature by one 0/1 column per category level seen in the training rows
/// (named <c>feature=level</c>); a level the training rows never had maps to all zeros (scikit-learn's
/// <c>handle_unknown="ignore"</c>). Continuous features pass through unchanged. After this step every
/// feature is continuous, so it belongs after a sampler that makes rows: in an <see cref="ImbalancePipeline"/>'s
/// <see cref="ImbalancePipeline.Preprocessing"/> it runs after such samplers on its own (SMOTE would otherwise
/// interpolate its 0/1 columns into fractions), and in <see cref="ImbalancePipeline.AfterSampling"/> it always does.
/// </summary>
public sealed class OneHotEncoder : Preprocessor
{
    /// <inheritdoc/>
    public override string Name => "one-hot-encoder";

    internal override FeatureTransform Fit(LabeledData training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var schema = training.Schema;
        var d = training.FeatureCount;
        var features = training.Features;
        var levels = new double[d][];
        for (var j = 0; j < d; j++)
        {
            if (schema.FeatureKinds[j] != FeatureKind.Categorical)
            {
                levels[j] = [];
                continue;
            }

            var seen = new SortedSet<double>();
            for (var i = 0; i < training.RowCount; i++)
            {
                seen.Add(features[(i * d) + j]);
            }

            levels[j] = [.. seen];
        }

        return new OneHotTransform(schema, levels);
    }
}
