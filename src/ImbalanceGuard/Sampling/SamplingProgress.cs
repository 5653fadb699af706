namespace ImbalanceGuard.Sampling;

/// <summary>How far a sampler is through its current step, reported to <see cref="Sampler.Progress"/>.</summary>
/// <param name="Step">What it is doing, such as <c>smote</c> or <c>tomek-links: neighbour search</c>.</param>
/// <param name="Done">Units of the step done (rows searched).</param>
/// <param name="Total">Units of the step in all.</param>
public sealed record SamplingProgress(string Step, long Done, long Total);
