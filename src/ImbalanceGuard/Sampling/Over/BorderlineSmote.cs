using System.Globalization;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// Borderline-SMOTE (Han et al. 2005; imbalanced-learn's <c>BorderlineSMOTE</c>): SMOTE seeded only from
/// the rows "in danger" — rows whose <see cref="MNeighbors"/> nearest neighbours (all classes) are at least
/// half, but not all, of other classes. Rows whose neighbours are all of other classes are noise and seed
/// nothing. Borderline-1 interpolates towards same-class neighbours; Borderline-2 makes a Beta(10, 10)
/// share of the rows that way and the rest towards the <see cref="KNeighbors"/> nearest rows of other
/// classes, at most half way — as the paper describes (imbalanced-learn 0.10 indexes the other classes'
/// rows with the same-class neighbour positions; this does not). Counts reach the targets exactly; a class
/// with no row in danger is left as it is, with a warning.
/// </summary>
public sealed class BorderlineSmote : SeededSampler
{
    private readonly int _kNeighbors = 5;
    private readonly int _mNeighbors = 10;

    /// <inheritdoc/>
    public override string Name => Kind2 ? "borderline-smote-2" : "borderline-smote-1";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    /// <summary>Borderline-1 or Borderline-2 (<c>kind</c>), default Borderline-1.</summary>
    public BorderlineKind BorderlineKind { get; init; } = BorderlineKind.Borderline1;

    /// <summary>The neighbours a new row may be drawn towards (<c>k_neighbors</c>), default 5.</summary>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = ParameterCheck.AtLeast(value, 1, "k_neighbors");
    }

    /// <summary>The neighbourhood that decides danger and noise (<c>m_neighbors</c>), default 10.</summary>
    public int MNeighbors
    {
        get => _mNeighbors;
        init => _mNeighbors = ParameterCheck.AtLeast(value, 1, "m_neighbors");
    }

    private bool Kind2 => BorderlineKind == BorderlineKind.Borderline2;

    internal static BorderlineSmote FromParameters(SamplerParameters p, BorderlineKind kind) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        BorderlineKind = kind,
        KNeighbors = p.Int("k_neighbors", 5),
        MNeighbors = p.Int("m_neighbors", 10),
    };

    internal override IEnumerable<RowNeed> RowNeeds(SamplingTargets targets) => PerGrownClass(targets, KNeighbors + 1, "k_neighbors", KNeighbors);

    /// <inheritdoc/>
    public override bool InterpolatesFeatures => true;

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var random = new SeededRandom(Seed);
        var synthetic = new SyntheticRows(input.Dimensions, targets.TargetedClasses.Sum(c => Math.Max(targets[c], 0)));
        var warnings = new List<string>();
        foreach (var c in targets.TargetedClasses)
        {
            var wanted = targets[c];
            if (wanted == 0)
            {
                continue;
            }

            var (danger, _) = InDangerAndNoise(input, c, MNeighbors, Name);
            input.ReleaseIndex(); // the neighbour searches below reuse its buffers
            if (danger.Length == 0)
            {
                warnings.Add($"{Name}: no row of class '{input.ClassNames[c]}' is in danger (near the border), so none was added to it.");
                continue;
            }

            var rows = input.RowsOfClass(c);
            var sameClass = SmoteGeneration.Neighbours(input, danger, rows, KNeighbors);
            if (!Kind2)
            {
                SmoteGeneration.Interpolate(input, danger, sameClass, KNeighbors, wanted, 1.0, c, Name, random, synthetic);
                continue;
            }

            var fraction = random.NextBeta(10, 10);
            var towardsOwn = Math.Min(wanted, (int)(fraction * (wanted + 1)));
            SmoteGeneration.Interpolate(input, danger, sameClass, KNeighbors, towardsOwn, 1.0, c, Name, random, synthetic);
            var others = new int[input.RowCount - rows.Length];
            for (int r = 0, next = 0; r < input.RowCount; r++)
            {
                if (input.Labels[r] != c)
                {
                    others[next++] = r;
                }
            }

            var k = Math.Min(KNeighbors, others.Length);
            var otherClass = SmoteGeneration.Neighbours(input, danger, others, k);
            SmoteGeneration.Interpolate(input, danger, otherClass, k, wanted - towardsOwn, 0.5, c, Name, random, synthetic);
        }

        return new SamplerOutput([.. Enumerable.Range(0, input.RowCount)], synthetic, warnings);
    }

    /// <summary>
    /// The rows of class <paramref name="c"/> in danger (at least half, not all, of their
    /// <paramref name="m"/> nearest neighbours of other classes) and the noise rows (all of them).
    /// </summary>
    internal static (int[] Danger, int[] Noise) InDangerAndNoise(SamplerInput input, int c, int m, string sampler)
        => InDangerAndNoise(input, input.RowsOfClass(c), c, m, sampler);

    /// <summary>Danger and noise among <paramref name="rows"/> (rows of class <paramref name="c"/>).</summary>
    internal static (int[] Danger, int[] Noise) InDangerAndNoise(SamplerInput input, int[] rows, int c, int m, string sampler)
    {
        if (m >= input.RowCount)
        {
            throw new SamplingException(string.Create(
                CultureInfo.InvariantCulture,
                $"{sampler}: m_neighbors={m} needs more than {m} rows; there are {input.RowCount}."));
        }

        var neighbours = input.IndexAll().QueryRows(rows, m);
        var danger = new List<int>();
        var noise = new List<int>();
        for (var i = 0; i < rows.Length; i++)
        {
            var others = 0;
            foreach (var neighbour in neighbours.Indices(i))
            {
                if (input.Labels[neighbour] != c)
                {
                    others++;
                }
            }

            if (others == m)
            {
                noise.Add(rows[i]);
            }
            else if (others >= m / 2.0)
            {
                danger.Add(rows[i]);
            }
        }

        return ([.. danger], [.. noise]);
    }
}
