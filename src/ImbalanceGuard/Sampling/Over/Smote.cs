namespace ImbalanceGuard.Sampling;

/// <summary>
/// SMOTE (Chawla et al. 2002; imbalanced-learn's <c>SMOTE</c>): each new row of a class lies on the segment
/// between a random row of the class and one of its <see cref="KNeighbors"/> nearest rows of the same class.
/// </summary>
public sealed class Smote : SeededSampler
{
    private readonly int _kNeighbors = 5;

    /// <inheritdoc/>
    public override string Name => "smote";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    /// <summary>The neighbours a new row may be drawn towards (<c>k_neighbors</c>), default 5.</summary>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = ParameterCheck.AtLeast(value, 1, "k_neighbors");
    }

    internal static Smote FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        KNeighbors = p.Int("k_neighbors", 5),
    };

    internal override IEnumerable<RowNeed> RowNeeds(SamplingTargets targets) => PerGrownClass(targets, KNeighbors + 1, "k_neighbors", KNeighbors);

    /// <inheritdoc/>
    public override bool InterpolatesFeatures => true;

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var random = new SeededRandom(Seed);
        var synthetic = new SyntheticRows(input.Dimensions, targets.TargetedClasses.Sum(c => Math.Max(targets[c], 0)));
        foreach (var c in targets.TargetedClasses)
        {
            if (targets[c] == 0)
            {
                continue;
            }

            var rows = input.RowsOfClass(c);
            var neighbours = SmoteGeneration.NeighboursWithin(input, rows, KNeighbors);
            SmoteGeneration.Interpolate(input, rows, neighbours, KNeighbors, targets[c], 1.0, c, Name, random, synthetic);
        }

        return SamplerOutput.KeepAll(input, synthetic);
    }
}
