namespace ImbalanceGuard.Sampling;

/// <summary>
/// Random under-sampling (imbalanced-learn's <c>RandomUnderSampler</c>): keeps a random subset of each
/// targeted class, of the size the strategy asks for. Cheap and often enough; throws information away.
/// </summary>
public sealed class RandomUnderSampler : SeededSampler
{
    /// <inheritdoc/>
    public override string Name => "random-under";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.UnderSampling;

    /// <summary>Draw with replacement (<c>replacement</c>, default false): a row may then be kept twice.</summary>
    public bool Replacement { get; init; }

    internal static RandomUnderSampler FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        Replacement = p.Bool("replacement", false),
    };

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var random = new SeededRandom(Seed);
        var kept = new List<int>(input.RowCount);
        for (var c = 0; c < input.ClassCount; c++)
        {
            var rows = input.RowsOfClass(c);
            if (!targets.Targets(c))
            {
                kept.AddRange(rows);
                continue;
            }

            var count = targets[c];
            if (Replacement)
            {
                for (var i = 0; i < count; i++)
                {
                    kept.Add(rows[random.NextInt(rows.Length)]);
                }
            }
            else
            {
                foreach (var position in random.SampleWithoutReplacement(rows.Length, count))
                {
                    kept.Add(rows[position]);
                }
            }
        }

        kept.Sort();
        return new SamplerOutput([.. kept], SyntheticRows.None(input.Dimensions));
    }
}
