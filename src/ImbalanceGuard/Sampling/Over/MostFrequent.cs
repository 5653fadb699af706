namespace ImbalanceGuard.Sampling;

/// <summary>
/// The mode of a few values (a made row's categorical value among its seed's neighbours), counted in place: a
/// dictionary per made row would be most of an over-sampler's garbage.
/// </summary>
internal static class MostFrequent
{
    /// <summary>
    /// Writes the most frequent of <paramref name="values"/> into <paramref name="tied"/> (all of them when several
    /// are equally frequent), in ascending order, and returns how many there are.
    /// </summary>
    public static int Values(ReadOnlySpan<double> values, Span<double> tied)
    {
        var bestCount = 0;
        var tiedCount = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[..i].Contains(values[i]))
            {
                continue;
            }

            var count = values.Count(values[i]);
            if (count > bestCount)
            {
                bestCount = count;
                tiedCount = 0;
            }

            if (count == bestCount)
            {
                tied[tiedCount++] = values[i];
            }
        }

        tied[..tiedCount].Sort();
        return tiedCount;
    }
}
