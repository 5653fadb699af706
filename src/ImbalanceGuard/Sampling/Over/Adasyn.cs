namespace ImbalanceGuard.Sampling;

/// <summary>
/// ADASYN (He et al. 2008; imbalanced-learn's <c>ADASYN</c>): like SMOTE, but each row of the class seeds
/// a number of new rows in proportion to the share of other classes among its <see cref="NNeighbors"/>
/// nearest neighbours (all classes) — the harder the row, the more it seeds. Per-row counts are rounded
/// (half to even) exactly as imbalanced-learn computes them, so the total can differ slightly from the target;
/// when every share rounds to zero the class is left as it is, with a warning (imbalanced-learn fails).
/// </summary>
public sealed class Adasyn : SeededSampler
{
    private readonly int _nNeighbors = 5;

    /// <inheritdoc/>
    public override string Name => "adasyn";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    /// <summary>The neighbourhood that measures difficulty and supplies interpolation partners (<c>n_neighbors</c>), default 5.</summary>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ParameterCheck.AtLeast(value, 1, "n_neighbors");
    }

    internal static Adasyn FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        NNeighbors = p.Int("n_neighbors", 5),
    };

    internal override IEnumerable<RowNeed> RowNeeds(SamplingTargets targets) => PerGrownClass(targets, NNeighbors + 1, "n_neighbors", NNeighbors);

    /// <inheritdoc/>
    public override bool InterpolatesFeatures => true;

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var k = NNeighbors;
        var warnings = new List<string>();

        // The per-row counts first: their rounded total sizes the output exactly.
        var perRowByClass = new Dictionary<int, int[]>();
        foreach (var c in targets.TargetedClasses)
        {
            if (targets[c] == 0)
            {
                continue;
            }

            var perRow = RowsPerSeed(input, c, targets[c], k, Name);
            if (perRow.Sum() == 0)
            {
                warnings.Add(
                    $"{Name}: asked for {targets[c]} rows of class '{input.ClassNames[c]}', but each row's share rounds to zero; the class was left as it is.");
                continue;
            }

            perRowByClass[c] = perRow;
        }

        var random = new SeededRandom(Seed);
        var synthetic = new SyntheticRows(input.Dimensions, perRowByClass.Values.Sum(counts => counts.Sum()));
        Span<int> parents = stackalloc int[2];
        foreach (var (c, perRow) in perRowByClass)
        {
            var rows = input.RowsOfClass(c);
            var neighbours = SmoteGeneration.NeighboursWithin(input, rows, k);
            for (var i = 0; i < rows.Length; i++)
            {
                for (var j = 0; j < perRow[i]; j++)
                {
                    var neighbour = neighbours[(i * k) + random.NextInt(k)];
                    var gap = random.NextDouble();
                    parents[0] = rows[i];
                    parents[1] = neighbour;
                    SmoteGeneration.Between(input.Row(rows[i]), input.Row(neighbour), gap, synthetic.Add(c, Name, parents));
                }
            }
        }

        return new SamplerOutput([.. Enumerable.Range(0, input.RowCount)], synthetic, warnings);
    }

    /// <summary>How many rows each row of class <paramref name="c"/> seeds, computed as imbalanced-learn does in floating point.</summary>
    internal static int[] RowsPerSeed(SamplerInput input, int c, int wanted, int k, string sampler)
    {
        var shares = OtherClassShares(input, c, k, sampler);
        var total = NumpySum.Pairwise(shares);
        if (total == 0)
        {
            throw new SamplingException(
                $"{sampler}: no row of class '{input.ClassNames[c]}' has a neighbour of another class, so ADASYN has nothing to weigh by (a division by zero). Use SMOTE for this data.");
        }

        return Apportion(shares, total, wanted);
    }

    /// <summary>Per row of class <paramref name="c"/>, the share of other classes among its <paramref name="k"/> nearest rows.</summary>
    internal static double[] OtherClassShares(SamplerInput input, int c, int k, string sampler)
    {
        var rows = input.RowsOfClass(c);
        if (k >= input.RowCount)
        {
            throw new SamplingException($"{sampler}: n_neighbors={k} needs more than {k} rows; there are {input.RowCount}.");
        }

        var neighbours = input.IndexAll().QueryRows(rows, k);
        var shares = new double[rows.Length];
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

            shares[i] = others / (double)k;
        }

        return shares;
    }

    /// <summary>Rounds (half to even) each row's part of <paramref name="wanted"/> in proportion to its share.</summary>
    internal static int[] Apportion(double[] shares, double total, int wanted)
    {
        var counts = new int[shares.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            counts[i] = (int)Math.Round(shares[i] / total * wanted, MidpointRounding.ToEven);
        }

        return counts;
    }
}
