namespace ImbalanceGuard.Sampling;

/// <summary>
/// The loop shared by repeated editing rules (RENN, AllKNN): apply an editing round to what survived the
/// last one, and stop as imbalanced-learn does — when a round removes nothing, when a class other than
/// the original minority falls below the minority's original size, or when a class disappears.
/// </summary>
internal static class RepeatedEditing
{
    /// <param name="input">The original rows.</param>
    /// <param name="rounds">The most rounds to run.</param>
    /// <param name="round">One editing round: (current rows, round number) → which survive.</param>
    /// <param name="stopWhenUnchanged">Stop when a round removes nothing (RENN).</param>
    /// <param name="allowMinority">Do not stop when a class falls below the minority's size (AllKNN's <c>allow_minority</c>).</param>
    public static SamplerOutput Run(
        SamplerInput input,
        int rounds,
        Func<SamplerInput, int, bool[]> round,
        bool stopWhenUnchanged,
        bool allowMinority)
    {
        var minority = input.MinorityByFirstAppearance;
        var minoritySize = input.ClassCounts[minority];
        var presentClasses = input.PresentClassCount;
        var current = input;

        // The input row behind each row of current, in the first survivorCount places: compacted in place
        // each round and read by that round's view, so a round allocates no row list of its own.
        var survivors = Enumerable.Range(0, input.RowCount).ToArray();
        var survivorCount = survivors.Length;
        for (var r = 0; r < rounds; r++)
        {
            var keep = round(current, r);
            current.ReleaseIndex();
            var keptCount = 0;
            for (var i = 0; i < keep.Length; i++)
            {
                // current is not read again once its rows are decided: its row map can be overwritten.
                if (keep[i])
                {
                    survivors[keptCount++] = survivors[i];
                }
            }

            var unchanged = keptCount == survivorCount;
            survivorCount = keptCount;
            if (!unchanged)
            {
                current = input.Subset(survivors, survivorCount);
            }

            var counts = current.ClassCounts;
            var belowMinority = !allowMinority
                && Enumerable.Range(0, counts.Length).Any(c => c != minority && counts[c] > 0 && counts[c] < minoritySize);
            var classLost = current.PresentClassCount < presentClasses;
            if ((stopWhenUnchanged && unchanged) || belowMinority || classLost)
            {
                break;
            }
        }

        return new SamplerOutput(survivors[..survivorCount], SyntheticRows.None(input.Dimensions));
    }
}
