namespace ImbalanceGuard.Pipelines;

/// <summary>
/// A preprocessing step of an <see cref="ImbalancePipeline"/>: it learns what it needs (means, ranges,
/// category levels) from the training rows only, before any sampler runs, and applies the same mapping to
/// every row the fitted pipeline scores. The set is closed so that a fitted pipeline can always be saved.
/// </summary>
public abstract class Preprocessor
{
    private protected Preprocessor()
    {
    }

    /// <summary>The step's name, as written in a saved pipeline.</summary>
    public abstract string Name { get; }

    /// <summary>Learns the mapping from <paramref name="training"/>.</summary>
    internal abstract FeatureTransform Fit(LabeledData training);
}
