using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// The loop shared by repeated editing rules (RENN, AllKNN): apply an editing round to what survived the
/// last one, and stop as imbalanced-learn does — when a round removes nothing, when a class other than
/// the original minority falls below the minority's original size, or when a class disappears.
/// </summary>
internal static class RepeatedEditing
{
    /// <summary>
    /// One editing round over the points of <c>index</c>, whose classes are the first <c>index.Count</c> of
    /// <c>labels</c>: sets <c>keep[i]</c> to whether point i survives.
    /// </summary>
    public delegate void Round(NeighborIndex index, int[] labels, int round, bool[] keep);

    /// <param name="input">The original rows.</param>
    /// <param name="rounds">The most rounds to run.</param>
    /// <param name="round">One editing round.</param>
    /// <param name="stopWhenUnchanged">Stop when a round removes nothing (RENN).</param>
    /// <param name="allowMinority">Do not stop when a class falls below the minority's size (AllKNN's <c>allow_minority</c>).</param>
    public static SamplerOutput Run(
        SamplerInput input,
        int rounds,
        Round round,
        bool stopWhenUnchanged,
        bool allowMinority)
    {
        var minority = input.MinorityByFirstAppearance;
        var minoritySize = input.ClassCounts[minority];
        var presentClasses = input.PresentClassCount;

        // The input row behind each surviving row and its class, in the first survivorCount places: compacted
        // in place each round, read by the next round's index, so a round allocates no per-row arrays.
        var survivors = Enumerable.Range(0, input.RowCount).ToArray();
        var labels = (int[])input.Labels.Clone();
        var keep = new bool[input.RowCount];
        var counts = new int[input.ClassCount];
        var survivorCount = survivors.Length;
        for (var r = 0; r < rounds; r++)
        {
            // Until a row goes, the rows are the input's own, read directly rather than through survivors.
            var index = survivorCount == input.RowCount ? input.IndexAll() : input.IndexOf(survivors, survivorCount);
            round(index, labels, r, keep);
            index.ReleaseSearchBuffers();

            // The index reads rows through survivors; it is not used again, so survivors can be overwritten.
            var keptCount = 0;
            for (var i = 0; i < survivorCount; i++)
            {
                if (keep[i])
                {
                    survivors[keptCount] = survivors[i];
                    labels[keptCount++] = labels[i];
                }
            }

            var unchanged = keptCount == survivorCount;
            survivorCount = keptCount;
            Array.Clear(counts);
            for (var i = 0; i < survivorCount; i++)
            {
                counts[labels[i]]++;
            }

            var belowMinority = !allowMinority
                && Enumerable.Range(0, counts.Length).Any(c => c != minority && counts[c] > 0 && counts[c] < minoritySize);
            var classLost = counts.Count(c => c > 0) < presentClasses;
            if ((stopWhenUnchanged && unchanged) || belowMinority || classLost)
            {
                break;
            }
        }

        return new SamplerOutput(survivors[..survivorCount], SyntheticRows.None(input.Dimensions));
    }
}
