namespace ImbalanceGuard.Scale;

/// <summary>One resampling a file went through, as its record keeps it: the file it was resampled from and how.</summary>
/// <param name="From">The fingerprint of the file that was resampled.</param>
/// <param name="Method">The sampler, by its command-line name (<c>smote</c>, <c>random-under</c>, …).</param>
/// <param name="Seed">The seed given, or null when none was (the sampler's default).</param>
/// <param name="Parameters">The sampler parameters as given (<c>KEY=VALUE</c>), in order.</param>
public sealed record ResampleStep(FileFingerprint From, string Method, int? Seed, IReadOnlyList<string> Parameters);
