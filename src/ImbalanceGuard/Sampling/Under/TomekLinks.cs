using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// Tomek links (imbalanced-learn's <c>TomekLinks</c>): two rows of different classes that are each
/// other's nearest neighbour form a link; the linked rows of the targeted classes are removed, which
/// clears the boundary between classes. A cleaning rule: the strategy only chooses the classes
/// (default <c>auto</c>: every class but the minority).
/// </summary>
public sealed class TomekLinks : Sampler
{
    /// <inheritdoc/>
    public override string Name => "tomek-links";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.Cleaning;

    internal static TomekLinks FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        MaxDegreeOfParallelism = p.Threads(),
    };

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var keep = new bool[input.RowCount];
        Array.Fill(keep, true);
        foreach (var row in FindLinked(input, targets))
        {
            keep[row] = false;
        }

        return SamplerOutput.KeepWhere(keep, input.Dimensions);
    }

    /// <summary>The rows of targeted classes that are in a Tomek link.</summary>
    internal static IEnumerable<int> FindLinked(SamplerInput input, SamplingTargets targets)
        => input.RowCount < 2 ? [] : FindLinked(input.IndexAll(), input.Labels, targets);

    /// <summary>The points of <paramref name="index"/> (whose classes are <paramref name="labels"/>) of targeted classes that are in a Tomek link.</summary>
    internal static IEnumerable<int> FindLinked(NeighborIndex index, int[] labels, SamplingTargets targets)
    {
        if (index.Count < 2)
        {
            yield break;
        }

        // Each point's nearest neighbour, answered a chunk at a time: only the neighbours are kept, not their
        // distances nor the whole answer.
        var nearest = new int[index.Count];
        index.QueryAllInChunks(1, (first, neighbours) =>
        {
            for (var q = 0; q < neighbours.QueryCount; q++)
            {
                nearest[first + q] = neighbours.Indices(q)[0];
            }
        });

        for (var i = 0; i < nearest.Length; i++)
        {
            var j = nearest[i];
            if (targets.Targets(labels[i]) && labels[j] != labels[i] && nearest[j] == i)
            {
                yield return i;
            }
        }
    }
}
