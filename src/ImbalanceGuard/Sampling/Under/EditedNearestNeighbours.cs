using System.Buffers;

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
        if (nNeighbors >= input.RowCount)
        {
            throw new SamplingException(
                $"{sampler}: n_neighbors={nNeighbors} needs more than {nNeighbors} rows; there are {input.RowCount}.");
        }

        var keep = new bool[input.RowCount];
        Array.Fill(keep, true);
        var labels = input.Labels;
        var index = input.IndexAll();
        var votes = new int[input.ClassCount];

        // The class's rows, gathered into one pooled buffer: repeated editing asks this of a new view every
        // round, and per-class row lists of every view would all stay allocated until the end.
        var rows = ArrayPool<int>.Shared.Rent(input.RowCount);
        foreach (var c in targets.TargetedClasses)
        {
            var count = 0;
            for (var r = 0; r < labels.Length; r++)
            {
                if (labels[r] == c)
                {
                    rows[count++] = r;
                }
            }

            if (count == 0)
            {
                continue;
            }

            index.QueryRowsInChunks(rows, count, nNeighbors, (first, neighbours) =>
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
        return keep;
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
