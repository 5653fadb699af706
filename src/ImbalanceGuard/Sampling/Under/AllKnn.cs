namespace ImbalanceGuard.Sampling;

/// <summary>
/// All k-NN (Tomek 1976; imbalanced-learn's <c>AllKNN</c>): edited nearest neighbours with a growing
/// neighbourhood, 1, 2, … <see cref="NNeighbors"/>, each round on the previous round's survivors; stops
/// early when a class other than the minority shrinks below the minority's size (unless
/// <see cref="AllowMinority"/>) or a class disappears. The classes to edit are chosen once, on the input,
/// so the original minority stays protected in every round.
/// </summary>
public sealed class AllKnn : Sampler
{
    private readonly int _nNeighbors = 3;

    /// <inheritdoc/>
    public override string Name => "allknn";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.Cleaning;

    /// <summary>The largest neighbourhood (<c>n_neighbors</c>), default 3.</summary>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ParameterCheck.AtLeast(value, 1, "n_neighbors");
    }

    /// <summary>How the neighbours vote (<c>kind_sel</c>), default <see cref="KindSelection.All"/>.</summary>
    public KindSelection KindSel { get; init; } = KindSelection.All;

    /// <summary>Carry on when a class becomes smaller than the original minority (<c>allow_minority</c>), default false.</summary>
    public bool AllowMinority { get; init; }

    internal static AllKnn FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        MaxDegreeOfParallelism = p.Threads(),
        NNeighbors = p.Int("n_neighbors", 3),
        KindSel = p.Choice("kind_sel", KindSelection.All, ("all", KindSelection.All), ("mode", KindSelection.Mode)),
        AllowMinority = p.Bool("allow_minority", false),
    };

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        // Refuse a neighbourhood the data cannot hold even if an early stop would never reach it.
        if (NNeighbors >= input.RowCount)
        {
            throw new SamplingException($"{Name}: n_neighbors={NNeighbors} needs more than {NNeighbors} rows; there are {input.RowCount}.");
        }

        return RepeatedEditing.Run(
            input,
            NNeighbors,
            (index, labels, round, keep) => EditedNearestNeighbours.Edit(
                index, labels, input.ClassCount, targets, round + 1, KindSel, Name, keep),
            stopWhenUnchanged: false,
            allowMinority: AllowMinority);
    }
}
