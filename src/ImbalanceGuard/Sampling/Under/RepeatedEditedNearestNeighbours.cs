namespace ImbalanceGuard.Sampling;

/// <summary>
/// Repeated edited nearest neighbours (Tomek 1976; imbalanced-learn's
/// <c>RepeatedEditedNearestNeighbours</c>): applies <see cref="EditedNearestNeighbours"/> again and again
/// until it removes nothing, a class other than the minority shrinks below the minority's size, a class
/// disappears, or <see cref="MaxIter"/> rounds have run. The classes to edit are chosen once, on the input:
/// imbalanced-learn re-reads the strategy each round, so a tie can make the original minority "not the
/// minority" and edit it; here the minority stays protected.
/// </summary>
public sealed class RepeatedEditedNearestNeighbours : Sampler
{
    private readonly int _nNeighbors = 3;
    private readonly int _maxIter = 100;

    /// <inheritdoc/>
    public override string Name => "renn";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.Cleaning;

    /// <summary>The size of the neighbourhood (<c>n_neighbors</c>), default 3.</summary>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ParameterCheck.AtLeast(value, 1, "n_neighbors");
    }

    /// <summary>The most editing rounds (<c>max_iter</c>), default 100.</summary>
    public int MaxIter
    {
        get => _maxIter;
        init => _maxIter = ParameterCheck.AtLeast(value, 1, "max_iter");
    }

    /// <summary>How the neighbours vote (<c>kind_sel</c>), default <see cref="KindSelection.All"/>.</summary>
    public KindSelection KindSel { get; init; } = KindSelection.All;

    internal static RepeatedEditedNearestNeighbours FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        MaxDegreeOfParallelism = p.Threads(),
        NNeighbors = p.Int("n_neighbors", 3),
        MaxIter = p.Int("max_iter", 100),
        KindSel = p.Choice("kind_sel", KindSelection.All, ("all", KindSelection.All), ("mode", KindSelection.Mode)),
    };

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
        => RepeatedEditing.Run(
            input,
            MaxIter,
            (index, labels, round, keep) => EditedNearestNeighbours.Edit(
                index, labels, input.ClassCount, targets, NNeighbors, KindSel, Name, keep),
            stopWhenUnchanged: true,
            allowMinority: false);
}
