namespace ImbalanceGuard.Models;

/// <summary>Seeds for the members of an ensemble, fixed by the ensemble's seed and the member's position.</summary>
internal static class TrainerSeeds
{
    /// <summary>The trainer reseeded for member <paramref name="member"/>, or the trainer itself when it has no randomness.</summary>
    public static IClassifierTrainer For(IClassifierTrainer trainer, long seed, long member)
        => trainer is ISeedableTrainer seedable ? seedable.WithSeed(MemberSeed(seed, member)) : trainer;

    /// <summary>A seed for member <paramref name="member"/>, independent of the other members'.</summary>
    public static long MemberSeed(long seed, long member) => unchecked((long)SeededRandom.Fork(seed, member).NextUInt64());

    /// <summary>A 32-bit seed (the samplers') for member <paramref name="member"/>, apart from its trainer's seed.</summary>
    public static int SamplerSeed(long seed, long member) => unchecked((int)SeededRandom.Fork(seed ^ 0x5A5A_5A5A_5A5AL, member).NextUInt64());
}
