using System.Buffers;
using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// Edited nearest neighbours (Wilson 1972; imbalanced-learn's <c>EditedNearestNeighbours</c>): removes a
/// row of a targeted class when its <see cref="NNeighbors"/> nearest neighbours disagree with its class
/// (all of them must agree for <see cref="KindSelection.All"/>, most for <see cref="KindSelection.Mode"/>).
/// A cleaning rule; default strategy <c>auto</c> (every class but the minority).
/// </summary>
public sealed class EditedNearestNeighbours : Sampler
{
    private readonly int _nNeighbors = 3;

    /// <inheritdoc/>
    public override string Name => "enn";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.Cleaning;

    /// <summary>The size of the neighbourhood (<c>n_neighbors</c>), default 3.</summary>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ParameterCheck.AtLeast(value, 1, "n_neighbors");
    }

    /// <summary>How the neighbours vote (<c>kind_sel</c>), default <see cref="KindSelection.All"/>.</summary>
    public KindSelection KindSel { get; init; } = KindSelection.All;

    internal static EditedNearestNeighbours FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        MaxDegreeOfParallelism = p.Threads(),
        NNeighbors = p.Int("n_neighbors", 3),
        KindSel = p.Choice("kind_sel", KindSelection.All, ("all", KindSelection.All), ("mode", KindSelection.Mode)),
    };

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
        => SamplerOutput.KeepWhere(Keep(input, targets, NNeighbors, KindSel, Name), input.Dimensions);

    /// <summary>Which rows survive one round of editing.</summary>
    internal static bool[] Keep(SamplerInput input, SamplingTargets targets, int nNeighbors, KindSelection kind, string sampler)
    {
        var keep = new bool[input.RowCount];
        Edit(input.IndexAll(), input.Labels, input.ClassCount, targets, nNeighbors, kind, sampler, keep);
        return keep;
    }

    /// <summary>
    /// One round of editing of the points of <paramref name="index"/>, whose classes are the first
    /// <c>index.Count</c> of <paramref name="labels"/>: sets <paramref name="keep"/>[i] to whether point i survives.
    /// Repeated editing passes buffers it compacts in place, so a round allocates no per-row arrays.
    /// </summary>
    internal static void Edit(NeighborIndex index, int[] labels, int classCount, SamplingTargets targets, int nNeighbors, KindSelection kind, string sampler, bool[] keep)
    {
        var count = index.Count;
        if (nNeighbors >= count)
        {
            throw new SamplingException(
                $"{sampler}: n_neighbors={nNeighbors} needs more than {nNeighbors} rows; there are {count}.");
        }

        keep.AsSpan(0, count).Fill(true);
        var votes = new int[classCount];

        // The class's rows, gathered into one pooled buffer rather than a list per class and round, sized for the
        // largest targeted class rather than every row (SMOTE+ENN's two classes of 190 000: 1 MB instead of 2).
        var classSizes = new int[classCount];
        for (var r = 0; r < count; r++)
        {
            classSizes[labels[r]]++;
        }

        var rows = ArrayPool<int>.Shared.Rent(targets.TargetedClasses.Select(c => classSizes[c]).DefaultIfEmpty(0).Max());
        foreach (var c in targets.TargetedClasses)
        {
            var classRows = 0;
            for (var r = 0; r < count; r++)
            {
                if (labels[r] == c)
                {
                    rows[classRows++] = r;
                }
            }

            if (classRows == 0)
            {
                continue;
            }

            index.QueryRowsInChunks(rows, classRows, nNeighbors, (first, neighbours) =>
            {
                for (var i = 0; i < neighbours.QueryCount; i++)
                {
                    var near = neighbours.Indices(i);
                    keep[rows[first + i]] = kind == KindSelection.Mode
                        ? ClassVote.Mode(near, labels, votes) == c
                        : AllOfClass(near, labels, c);
                }
            });
        }

        ArrayPool<int>.Shared.Return(rows);
    }

    private static bool AllOfClass(ReadOnlySpan<int> neighbours, int[] labels, int c)
    {
        foreach (var neighbour in neighbours)
        {
            if (labels[neighbour] != c)
            {
                return false;
            }
        }

        return true;
    }
}
