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
        var survivors = Enumerable.Range(0, input.RowCount).ToArray(); // the input row behind each row of current
        for (var r = 0; r < rounds; r++)
        {
            var keep = round(current, r);
            current.ReleaseIndex();
            var keptCount = 0;
            foreach (var kept in keep)
            {
                keptCount += kept ? 1 : 0;
            }

            var unchanged = keptCount == current.RowCount;
            if (!unchanged)
            {
                var next = new int[keptCount];
                for (int i = 0, j = 0; i < keep.Length; i++)
                {
                    if (keep[i])
                    {
                        next[j++] = survivors[i];
                    }
                }

                survivors = next;

                // A view of the input's rows, read where they are: each round's rows are a few arrays of
                // row numbers, not a copy of the data nor a map of a map.
                current = input.Subset(survivors);
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

        return new SamplerOutput(survivors, SyntheticRows.None(input.Dimensions));
    }
}
