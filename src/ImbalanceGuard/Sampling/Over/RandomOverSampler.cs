namespace ImbalanceGuard.Sampling;

/// <summary>
/// Random over-sampling (imbalanced-learn's <c>RandomOverSampler</c>): draws rows of each targeted class
/// with replacement and adds copies of them. With a <see cref="Shrinkage"/> it makes a smoothed bootstrap
/// instead (ROSE, Menardi and Torelli 2014): each copy is moved by Gaussian noise scaled by the shrinkage,
/// the class's standard deviations and Silverman's smoothing constant.
/// </summary>
public sealed class RandomOverSampler : SeededSampler
{
    private readonly double? _shrinkage;
    private readonly IReadOnlyDictionary<string, double>? _shrinkageByClass;

    /// <inheritdoc/>
    public override string Name => "random-over";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    /// <summary>The smoothed-bootstrap shrinkage for every resampled class (<c>shrinkage</c>); null for plain copies.</summary>
    public double? Shrinkage
    {
        get => _shrinkage;
        init => _shrinkage = value is null ? null : ParameterCheck.NonNegative(value.Value, "shrinkage");
    }

    /// <summary>A shrinkage per class (<c>shrinkage</c> as a dict); must name every class that is resampled.</summary>
    public IReadOnlyDictionary<string, double>? ShrinkageByClass
    {
        get => _shrinkageByClass;
        init
        {
            foreach (var (_, factor) in value ?? new Dictionary<string, double>())
            {
                ParameterCheck.NonNegative(factor, "shrinkage");
            }

            _shrinkageByClass = value;
        }
    }

    internal static RandomOverSampler FromParameters(SamplerParameters p)
    {
        var shrinkage = p.Text("shrinkage");
        IReadOnlyDictionary<string, double>? byClass = null;
        double? single = null;
        if (shrinkage is not null && (shrinkage.Contains(':', StringComparison.Ordinal) || shrinkage.Contains('=', StringComparison.Ordinal)))
        {
            byClass = shrinkage.Trim('{', '}').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(e => e.Split([':', '='], 2, StringSplitOptions.TrimEntries))
                .ToDictionary(
                    e => e[0].Trim('\'', '"'),
                    e => double.TryParse(e.ElementAtOrDefault(1), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
                        ? v
                        : throw new ArgumentException($"Parameter shrinkage='{shrinkage}' is not a number or a per-class map such as {{0: 0.5}}.", "shrinkage"),
                    StringComparer.Ordinal);
        }
        else if (shrinkage is not null)
        {
            single = p.DoubleOrNull("shrinkage");
        }

        return new RandomOverSampler
        {
            SamplingStrategy = p.Strategy(),
            Seed = p.Seed(),
            MaxDegreeOfParallelism = p.Threads(),
            Shrinkage = single,
            ShrinkageByClass = byClass,
        };
    }

    /// <inheritdoc/>
    public override bool InterpolatesFeatures => Shrinkage is not null || ShrinkageByClass is not null;

    private protected override string MixesFeatures => "perturbs the rows it copies (shrinkage)";

    // Without shrinkage the sampler copies rows whole, which keeps every category.
    private protected override (string Alternative, string Advice) CategoricalAlternative(bool everyFeatureCategorical)
        => ("random-over", "leave shrinkage unset, so rows are copied whole");

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        if (Shrinkage is not null && ShrinkageByClass is not null)
        {
            throw new SamplingException($"{Name}: give shrinkage either for every class or per class, not both.");
        }

        var random = new SeededRandom(Seed);
        var d = input.Dimensions;
        var wanted = targets.TargetedClasses.Sum(c => Math.Max(targets[c], 0));

        // Plain copies are read from their parents instead of copied (the resampled set repeats input rows).
        var synthetic = Shrinkage is null && ShrinkageByClass is null
            ? SyntheticRows.CopiesOf(input, wanted)
            : new SyntheticRows(d, wanted);
        var smoothing = Math.Pow(4.0 / ((d + 2) * (double)input.RowCount), 1.0 / (d + 4));
        Span<int> parent = stackalloc int[1];
        foreach (var c in targets.TargetedClasses)
        {
            if (targets[c] == 0)
            {
                continue;
            }

            var rows = input.RowsOfClass(c);
            var factor = ShrinkageOf(input.ClassNames[c]);
            if (factor is null)
            {
                var parents = new int[targets[c]];
                for (var i = 0; i < parents.Length; i++)
                {
                    parents[i] = rows[random.NextInt(rows.Length)];
                }

                synthetic.AddCopies(input, c, Name, parents, input.Parallel);
                continue;
            }

            var scale = StandardDeviations(input, rows).Select(s => s * factor.Value * smoothing).ToArray();
            for (var i = 0; i < targets[c]; i++)
            {
                parent[0] = rows[random.NextInt(rows.Length)];
                var row = synthetic.Add(c, Name, parent);
                input.Row(parent[0]).CopyTo(row);
                for (var f = 0; f < d; f++)
                {
                    row[f] += scale[f] * random.NextGaussian();
                }
            }
        }

        return SamplerOutput.KeepAll(input, synthetic);
    }

    private double? ShrinkageOf(string className)
    {
        if (ShrinkageByClass is null)
        {
            return Shrinkage;
        }

        return ShrinkageByClass.TryGetValue(className, out var factor)
            ? factor
            : throw new SamplingException(
                $"{Name}: shrinkage has no factor for class '{className}', which is resampled; give one for every resampled class.");
    }

    /// <summary>Per-feature sample standard deviation (ddof = 1) of the rows; 0 for a single row.</summary>
    private static double[] StandardDeviations(SamplerInput input, int[] rows)
    {
        var d = input.Dimensions;
        var mean = new double[d];
        foreach (var r in rows)
        {
            var row = input.Row(r);
            for (var f = 0; f < d; f++)
            {
                mean[f] += row[f];
            }
        }

        for (var f = 0; f < d; f++)
        {
            mean[f] /= rows.Length;
        }

        var variance = new double[d];
        foreach (var r in rows)
        {
            var row = input.Row(r);
            for (var f = 0; f < d; f++)
            {
                var t = row[f] - mean[f];
                variance[f] += t * t;
            }
        }

        return [.. variance.Select(v => rows.Length > 1 ? Math.Sqrt(v / (rows.Length - 1)) : 0.0)];
    }
}
