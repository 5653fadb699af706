namespace ImbalanceGuard.Sampling;

/// <summary>
/// A sampler that makes random choices (which rows to draw, where to interpolate, how to cluster): every one
/// of them comes from <see cref="Seed"/>, so the same seed gives the same output on any machine and thread
/// count. Unlike imbalanced-learn's <c>random_state=None</c>, the default seed is 0: results are reproducible
/// unless the seed is varied on purpose.
/// </summary>
public abstract class SeededSampler : Sampler
{
    private protected SeededSampler()
    {
    }

    private int _seed;

    /// <summary>Seeds every random choice (<c>random_state</c>); default 0.</summary>
    public int Seed
    {
        get => _seed;
        init => _seed = value;
    }

    internal override Sampler WithSeed(int seed)
    {
        var copy = (SeededSampler)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }
}
