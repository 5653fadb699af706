namespace ImbalanceGuard.Sampling;

/// <summary>
/// One-sided selection (Kubat and Matwin 1997; imbalanced-learn's <c>OneSidedSelection</c>): for each
/// targeted class, keeps <see cref="NSeedsS"/> random rows and the rows that a nearest-neighbour rule
/// built on the minority class plus those seeds misclassifies (the redundant, easy rows go), then removes
/// the Tomek links of the targeted classes among what is left (the noisy boundary rows go).
/// </summary>
public sealed class OneSidedSelection : SeededSampler
{
    private readonly int _nNeighbors = 1;
    private readonly int _nSeedsS = 1;

    /// <inheritdoc/>
    public override string Name => "oss";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.Cleaning;

    /// <summary>The neighbours of the nearest-neighbour rule (<c>n_neighbors</c>), default 1.</summary>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ParameterCheck.AtLeast(value, 1, "n_neighbors");
    }

    /// <summary>Random rows of the class kept as seeds (<c>n_seeds_S</c>), default 1.</summary>
    public int NSeedsS
    {
        get => _nSeedsS;
        init => _nSeedsS = ParameterCheck.AtLeast(value, 1, "n_seeds_S");
    }

    internal static OneSidedSelection FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        NNeighbors = p.Int("n_neighbors", 1),
        NSeedsS = p.Int("n_seeds_S", 1),
    };

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var random = new SeededRandom(Seed);
        var minorityRows = input.RowsOfClass(input.MinorityByFirstAppearance);
        var kept = new List<int>(input.RowCount);
        var votes = new int[input.ClassCount];
        var near = new int[NNeighbors];
        for (var c = 0; c < input.ClassCount; c++)
        {
            var rows = input.RowsOfClass(c);
            if (!targets.Targets(c) || rows.Length == 0)
            {
                kept.AddRange(rows);
                continue;
            }

            var seedPositions = random.SampleWithoutReplacement(rows.Length, Math.Min(NSeedsS, rows.Length));
            var isSeed = new bool[rows.Length];
            foreach (var position in seedPositions)
            {
                isSeed[position] = true;
            }

            int[] store = [.. minorityRows, .. seedPositions.Select(p => rows[p])];
            if (store.Length < NNeighbors)
            {
                throw new SamplingException(
                    $"{Name}: n_neighbors={NNeighbors} needs at least {NNeighbors} rows in the store; it has {store.Length} (the minority class and the seeds).");
            }

            int[] others = [.. Enumerable.Range(0, rows.Length).Where(p => !isSeed[p]).Select(p => rows[p])];
            kept.AddRange(seedPositions.Select(p => rows[p]));
            if (others.Length == 0)
            {
                continue;
            }

            input.IndexOf(store).QueryOutsideRowsInChunks(input.Features, others, NNeighbors, (first, neighbours) =>
            {
                for (var i = 0; i < neighbours.QueryCount; i++)
                {
                    var positions = neighbours.Indices(i);
                    for (var r = 0; r < positions.Length; r++)
                    {
                        near[r] = store[positions[r]];
                    }

                    if (ClassVote.Mode(near, input.Labels, votes) != c)
                    {
                        kept.Add(others[first + i]);
                    }
                }
            });
        }

        kept.Sort();
        int[] selected = [.. kept];
        var selectedLabels = selected.Select(row => input.Labels[row]).ToArray();
        var tomekTargets = new SamplingTargets([.. Enumerable.Range(0, input.ClassCount).Select(c => targets.Targets(c) ? 0 : -1)]);
        var keep = new bool[selected.Length];
        Array.Fill(keep, true);
        var selectedIndex = input.IndexOf(selected); // the selected rows where they are, not copied
        foreach (var position in TomekLinks.FindLinked(selectedIndex, selectedLabels, tomekTargets))
        {
            keep[position] = false;
        }

        selectedIndex.ReleaseSearchBuffers();
        return new SamplerOutput([.. selected.Where((_, position) => keep[position])], SyntheticRows.None(input.Dimensions));
    }
}
