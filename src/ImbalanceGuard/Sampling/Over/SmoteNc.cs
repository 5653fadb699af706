using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// SMOTE-NC (Chawla et al. 2002; imbalanced-learn's <c>SMOTENC</c>) for data with continuous and
/// categorical features. Neighbours are found with the Euclidean distance on the continuous features plus,
/// for every categorical feature that differs, the square of the median of the class's continuous standard
/// deviations — the paper's rule (imbalanced-learn 0.10 adds half of that). Continuous features are
/// interpolated as in SMOTE; each categorical feature takes the most frequent value among the seed's
/// <see cref="KNeighbors"/> neighbours (ties drawn at random).
/// </summary>
public sealed class SmoteNc : SeededSampler
{
    private readonly int _kNeighbors = 5;

    /// <inheritdoc/>
    public override string Name => "smote-nc";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    /// <summary>
    /// The positions of the categorical features (<c>categorical_features</c>); default: the features the
    /// data's schema marks <see cref="FeatureKind.Categorical"/>.
    /// </summary>
    public IReadOnlyCollection<int>? CategoricalFeatures { get; init; }

    /// <summary>The neighbours a new row may be drawn towards (<c>k_neighbors</c>), default 5.</summary>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = ParameterCheck.AtLeast(value, 1, "k_neighbors");
    }

    internal static SmoteNc FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        KNeighbors = p.Int("k_neighbors", 5),
        CategoricalFeatures = p.Features("categorical_features"),
    };

    internal override IEnumerable<RowNeed> RowNeeds(SamplingTargets targets) => PerGrownClass(targets, KNeighbors + 1, "k_neighbors", KNeighbors);

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var d = input.Dimensions;
        var categorical = new bool[d];
        if (CategoricalFeatures is null)
        {
            for (var f = 0; f < d; f++)
            {
                categorical[f] = input.Kinds[f] == FeatureKind.Categorical;
            }
        }
        else
        {
            foreach (var f in CategoricalFeatures)
            {
                if (f < 0 || f >= d)
                {
                    throw new SamplingException($"{Name}: categorical_features names feature {f}, but there are {d} features (0 to {d - 1}).");
                }

                categorical[f] = true;
            }
        }

        int[] categories = [.. Enumerable.Range(0, d).Where(f => categorical[f])];
        int[] continuous = [.. Enumerable.Range(0, d).Where(f => !categorical[f])];
        if (categories.Length == 0)
        {
            throw new SamplingException($"{Name}: no feature is categorical; mark the categorical features (categorical_features) or use SMOTE for continuous data.");
        }

        if (continuous.Length == 0)
        {
            throw new SamplingException($"{Name}: every feature is categorical; SMOTE-NC needs continuous features too. Use SMOTEN for categorical data.");
        }

        var random = new SeededRandom(Seed);
        var synthetic = new SyntheticRows(input.Dimensions, targets.TargetedClasses.Sum(c => Math.Max(targets[c], 0)));
        var k = KNeighbors;
        Span<int> parents = stackalloc int[2];
        var values = new double[k];
        var tied = new double[k];
        foreach (var c in targets.TargetedClasses)
        {
            if (targets[c] == 0)
            {
                continue;
            }

            var rows = input.RowsOfClass(c);
            var encoded = Encode(input, rows, continuous, categories, out var encodedWidth);
            var local = new NeighborIndex(encoded, encodedWidth, input.NeighborOptions).QueryAll(k).RawIndices;
            for (var i = 0; i < targets[c]; i++)
            {
                var seed = random.NextInt(rows.Length);
                var neighbour = rows[local[(seed * k) + random.NextInt(k)]];
                var gap = random.NextDouble();
                parents[0] = rows[seed];
                parents[1] = neighbour;
                var row = synthetic.Add(c, Name, parents);
                SmoteGeneration.Between(input.Row(rows[seed]), input.Row(neighbour), gap, row);
                var seedNeighbours = local.AsSpan(seed * k, k);
                foreach (var f in categories)
                {
                    for (var j = 0; j < k; j++)
                    {
                        values[j] = input.Row(rows[seedNeighbours[j]])[f];
                    }

                    row[f] = Mode(values, tied, random);
                }
            }
        }

        return SamplerOutput.KeepAll(input, synthetic);
    }

    /// <summary>
    /// The class's rows as continuous features followed by one-hot categories whose "on" value makes a
    /// mismatch cost exactly the squared median standard deviation.
    /// </summary>
    private static double[] Encode(SamplerInput input, int[] rows, int[] continuous, int[] categories, out int width)
    {
        var medianStd = MedianStandardDeviation(input, rows, continuous);
        var on = medianStd / Math.Sqrt(2);
        var levels = categories.Select(f => rows.Select(r => input.Row(r)[f]).Distinct().Order().ToArray()).ToArray();
        width = continuous.Length + levels.Sum(l => l.Length);
        var encoded = new double[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            var source = input.Row(rows[i]);
            var target = encoded.AsSpan(i * width, width);
            for (var j = 0; j < continuous.Length; j++)
            {
                target[j] = source[continuous[j]];
            }

            var offset = continuous.Length;
            for (var j = 0; j < categories.Length; j++)
            {
                target[offset + Array.BinarySearch(levels[j], source[categories[j]])] = on;
                offset += levels[j].Length;
            }
        }

        return encoded;
    }

    private static double MedianStandardDeviation(SamplerInput input, int[] rows, int[] continuous)
    {
        var deviations = new double[continuous.Length];
        for (var j = 0; j < continuous.Length; j++)
        {
            var f = continuous[j];
            var mean = rows.Average(r => input.Row(r)[f]);
            var variance = rows.Sum(r => (input.Row(r)[f] - mean) * (input.Row(r)[f] - mean)) / rows.Length;
            deviations[j] = Math.Sqrt(variance);
        }

        Array.Sort(deviations);
        var middle = deviations.Length / 2;
        return deviations.Length % 2 == 1 ? deviations[middle] : (deviations[middle - 1] + deviations[middle]) / 2;
    }

    /// <summary>The most frequent of <paramref name="values"/>; of equally frequent ones, one drawn at random among them in ascending order.</summary>
    private static double Mode(ReadOnlySpan<double> values, Span<double> tied, SeededRandom random)
    {
        var count = MostFrequent.Values(values, tied);
        return count == 1 ? tied[0] : tied[random.NextInt(count)];
    }
}
