namespace ImbalanceGuard.Models;

/// <summary>
/// A trainer with random choices that can hand out a copy drawing from another seed: ensembles give each
/// member its own stream this way (imbalanced-learn and scikit-learn set each member's <c>random_state</c>).
/// </summary>
internal interface ISeedableTrainer
{
    /// <summary>The same trainer, seeded with <paramref name="seed"/>.</summary>
    IClassifierTrainer WithSeed(long seed);
}
