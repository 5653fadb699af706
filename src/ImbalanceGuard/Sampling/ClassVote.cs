namespace ImbalanceGuard.Sampling;

/// <summary>Majority votes among neighbour labels, as scikit-learn's mode: on a tie the class that sorts first wins.</summary>
internal static class ClassVote
{
    public static int Mode(ReadOnlySpan<int> neighbours, ReadOnlySpan<int> labels, Span<int> counts)
    {
        counts.Clear();
        foreach (var neighbour in neighbours)
        {
            counts[labels[neighbour]]++;
        }

        var best = 0;
        for (var c = 1; c < counts.Length; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }

        return best;
    }
}
