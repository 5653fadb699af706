namespace ImbalanceGuard.Sampling;

/// <summary>
/// The interpolation every SMOTE variant shares: a new row lies on the segment from a seed row towards one
/// of its neighbours, <c>seed + gap × (neighbour − seed)</c>, with the seed, the neighbour and the gap drawn
/// at random (the gap uniform in [0, step)). A negative step extrapolates away from the neighbour.
/// </summary>
internal static class SmoteGeneration
{
    /// <summary>The <paramref name="k"/> nearest rows of each of <paramref name="rows"/> among <paramref name="rows"/> (itself excluded), as input row indices.</summary>
    public static int[] NeighboursWithin(SamplerInput input, int[] rows, int k)
    {
        var index = input.IndexOf(rows);
        var local = index.QueryAll(k).RawIndices;
        index.ReleaseSearchBuffers();
        var neighbours = new int[local.Length];
        for (var i = 0; i < local.Length; i++)
        {
            neighbours[i] = rows[local[i]];
        }

        return neighbours;
    }

    /// <summary>
    /// The <paramref name="k"/> nearest rows of <paramref name="from"/> among <paramref name="among"/> (ascending),
    /// as input row indices. Rows in both sets never find themselves.
    /// </summary>
    public static int[] Neighbours(SamplerInput input, int[] from, int[] among, int k)
    {
        var index = input.IndexOf(among);

        // Found by binary search in the ascending rows: a map over all of them would cost more than the search's answer.
        var ownPositions = new int[from.Length];
        for (var i = 0; i < from.Length; i++)
        {
            ownPositions[i] = Math.Max(Array.BinarySearch(among, from[i]), -1);
        }

        Neighbors.NeighborResult result;
        if (ownPositions.All(p => p >= 0))
        {
            result = index.QueryRows(ownPositions, k);
        }
        else if (ownPositions.All(p => p < 0))
        {
            result = index.QueryOutsideRows(input.Features, from, k);
        }
        else
        {
            throw new InvalidOperationException("Seeds must be all inside or all outside the neighbour set.");
        }

        index.ReleaseSearchBuffers();
        var local = result.RawIndices;
        var neighbours = new int[local.Length];
        for (var i = 0; i < local.Length; i++)
        {
            neighbours[i] = among[local[i]];
        }

        return neighbours;
    }

    /// <summary>
    /// Makes <paramref name="count"/> rows of class <paramref name="label"/>: each from a random seed of
    /// <paramref name="seeds"/> towards one of its <paramref name="k"/> neighbours (row-major table, input rows).
    /// </summary>
    public static void Interpolate(
        SamplerInput input,
        ReadOnlySpan<int> seeds,
        int[] neighbours,
        int k,
        int count,
        double step,
        int label,
        string maker,
        SeededRandom random,
        SyntheticRows into)
    {
        if (count <= 0 || seeds.Length == 0)
        {
            return;
        }

        Span<int> parents = stackalloc int[2];
        for (var i = 0; i < count; i++)
        {
            var seedPosition = random.NextInt(seeds.Length);
            var neighbour = neighbours[(seedPosition * k) + random.NextInt(k)];
            var gap = step * random.NextDouble();
            parents[0] = seeds[seedPosition];
            parents[1] = neighbour;
            Between(input.Row(parents[0]), input.Row(neighbour), gap, into.Add(label, maker, parents));
        }
    }

    /// <summary><c>from + gap × (to − from)</c>, feature by feature.</summary>
    public static void Between(ReadOnlySpan<double> from, ReadOnlySpan<double> to, double gap, Span<double> into)
    {
        for (var f = 0; f < from.Length; f++)
        {
            into[f] = from[f] + (gap * (to[f] - from[f]));
        }
    }
}
