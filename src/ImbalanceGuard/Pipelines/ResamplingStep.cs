namespace ImbalanceGuard.Pipelines;

/// <summary>What one sampler of a fitted pipeline did to the training rows.</summary>
/// <param name="Sampler">The sampler's name.</param>
/// <param name="CountsBefore">Rows per class it was given.</param>
/// <param name="CountsAfter">Rows per class it returned.</param>
/// <param name="SyntheticRows">How many rows it made.</param>
public sealed record ResamplingStep(
    string Sampler,
    IReadOnlyDictionary<string, int> CountsBefore,
    IReadOnlyDictionary<string, int> CountsAfter,
    int SyntheticRows);
