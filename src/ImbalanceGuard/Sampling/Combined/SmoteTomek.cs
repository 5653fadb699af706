namespace ImbalanceGuard.Sampling;

/// <summary>
/// SMOTE then Tomek links (Batista et al. 2004; imbalanced-learn's <c>SMOTETomek</c>): over-samples with
/// <see cref="Smote"/> (its strategy is this sampler's), then removes the Tomek links of every class, synthetic
/// rows included, to clean the boundary the interpolation blurred.
/// </summary>
public sealed class SmoteTomek : SeededSampler
{
    private readonly int _kNeighbors = 5;

    /// <inheritdoc/>
    public override string Name => "smote-tomek";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    /// <summary>The over-sampler (<c>smote</c>); default a <see cref="Sampling.Smote"/> with <see cref="KNeighbors"/> and <see cref="SeededSampler.Seed"/>.</summary>
    public Smote? Smote { get; init; }

    /// <summary>The cleaner (<c>tomek</c>); default <see cref="TomekLinks"/> on every class.</summary>
    public TomekLinks? Tomek { get; init; }

    /// <summary>The default SMOTE's <c>k_neighbors</c>, default 5.</summary>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = ParameterCheck.AtLeast(value, 1, "k_neighbors");
    }

    internal static SmoteTomek FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        KNeighbors = p.Int("k_neighbors", 5),
    };

    // The over-sampler runs on the same input with the same targets, so its needs are this sampler's.
    internal override IEnumerable<RowNeed> RowNeeds(SamplingTargets targets) => (Smote ?? new Smote { KNeighbors = KNeighbors }).RowNeeds(targets);

    /// <inheritdoc/>
    public override bool InterpolatesFeatures => true;

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var smote = Smote ?? new Smote { KNeighbors = KNeighbors, Seed = Seed, MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        var tomek = Tomek ?? new TomekLinks { SamplingStrategy = SamplingStrategy.All, MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        var oversampled = smote.Run(input, targets);
        return oversampled.Then(input, tomek.Run(oversampled.ToInput(input)));
    }
}
