using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// Condensed nearest neighbour (Hart 1968; imbalanced-learn's <c>CondensedNearestNeighbour</c>): for each
/// targeted class, starts a store with every minority row and <see cref="NSeedsS"/> random rows of the
/// class, then passes over the class's rows in order, adding each row that the store's
/// <see cref="NNeighbors"/>-nearest-neighbour vote misclassifies, until a pass adds nothing. Every row of
/// the class is then classified correctly by what is kept (Hart's consistency), which imbalanced-learn's
/// single pass does not promise. Seeds are drawn without repeats.
/// </summary>
public sealed class CondensedNearestNeighbour : SeededSampler
{
    private readonly int _nNeighbors = 1;
    private readonly int _nSeedsS = 1;

    /// <inheritdoc/>
    public override string Name => "cnn";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.Cleaning;

    /// <summary>The neighbours of the nearest-neighbour rule (<c>n_neighbors</c>), default 1.</summary>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ParameterCheck.AtLeast(value, 1, "n_neighbors");
    }

    /// <summary>Rows of the class that seed the store (<c>n_seeds_S</c>), default 1.</summary>
    public int NSeedsS
    {
        get => _nSeedsS;
        init => _nSeedsS = ParameterCheck.AtLeast(value, 1, "n_seeds_S");
    }

    internal static CondensedNearestNeighbour FromParameters(SamplerParameters p) => new()
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
        var minority = input.MinorityByFirstAppearance;
        var kept = new List<int>(input.RowCount);
        for (var c = 0; c < input.ClassCount; c++)
        {
            var rows = input.RowsOfClass(c);
            if (!targets.Targets(c) || rows.Length == 0)
            {
                kept.AddRange(rows);
                continue;
            }

            var seeds = random.SampleWithoutReplacement(rows.Length, Math.Min(NSeedsS, rows.Length)).Select(i => rows[i]);
            var store = input.RowsOfClass(minority).Concat(seeds).Distinct().ToList();
            if (store.Count < NNeighbors)
            {
                throw new SamplingException(
                    $"{Name}: n_neighbors={NNeighbors} needs at least {NNeighbors} rows in the starting store; it has {store.Count} (the minority class and the seeds).");
            }

            kept.AddRange(Condense(input, rows, store).Where(r => input.Labels[r] == c));
        }

        kept.Sort();
        return new SamplerOutput([.. kept.Distinct()], SyntheticRows.None(input.Dimensions));
    }

    /// <summary>
    /// Grows <paramref name="store"/> until it classifies every row of <paramref name="rows"/> correctly.
    /// Hart's rule is sequential — a row is judged by the store as the rows before it left it — but the
    /// expensive part is not: rows are taken in blocks, each row of a block is compared in parallel with the
    /// store as it was when the block began, and then, in order, with what the block itself added.
    /// </summary>
    private List<int> Condense(SamplerInput input, int[] rows, List<int> store)
    {
        const int Block = 512;
        var k = NNeighbors;
        var panels = new PointPanels(input.Dimensions, Math.Max(64, store.Count * 2));
        var inStore = new HashSet<int>(store);
        foreach (var member in store)
        {
            panels.Add(input.Row(member), member);
        }

        var examined = new int[rows.Length];     // store members already compared with each row
        var bestDistance = new double[rows.Length * k];
        var bestIndex = new int[rows.Length * k];
        var counts = new int[rows.Length];
        var votes = new int[input.ClassCount];
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var start = 0; start < rows.Length; start += Block)
            {
                var end = Math.Min(start + Block, rows.Length);
                var storeAtStart = panels.Count;
                var work = (long)(end - start) * storeAtStart * input.Dimensions;
                System.Threading.Tasks.Parallel.For(start, end, ParallelWork.For(work, input.Parallel), i =>
                {
                    if (!inStore.Contains(rows[i]))
                    {
                        Examine(panels, input.Row(rows[i]), i, storeAtStart, k, examined, bestDistance, bestIndex, counts);
                    }
                });

                for (var i = start; i < end; i++)
                {
                    var row = rows[i];
                    if (inStore.Contains(row))
                    {
                        continue;
                    }

                    Examine(panels, input.Row(row), i, panels.Count, k, examined, bestDistance, bestIndex, counts);
                    if (ClassVote.Mode(bestIndex.AsSpan(i * k, counts[i]), input.Labels, votes) != input.Labels[row])
                    {
                        panels.Add(input.Row(row), row);
                        store.Add(row);
                        inStore.Add(row);
                        changed = true;
                    }
                }
            }
        }

        return store;
    }

    private static void Examine(
        PointPanels panels, ReadOnlySpan<double> query, int i, int upTo, int k, int[] examined, double[] bestDistance, int[] bestIndex, int[] counts)
    {
        var top = new TopK(bestDistance.AsSpan(i * k, k), bestIndex.AsSpan(i * k, k), counts[i]);
        panels.Nearest(query, examined[i], upTo, -1, ref top);
        examined[i] = upTo;
        counts[i] = top.Count;
    }
}
