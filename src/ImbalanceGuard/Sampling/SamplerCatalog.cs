namespace ImbalanceGuard.Sampling;

/// <summary>
/// Every sampler by its command-line name (<c>smote</c>, <c>tomek-links</c>, …), made from text parameters
/// with imbalanced-learn's names. Used by the command line and anything else configured by text.
/// </summary>
public static class SamplerCatalog
{
    private static readonly Dictionary<string, Func<SamplerParameters, Sampler>> Factories = new(StringComparer.Ordinal)
    {
        ["random-over"] = RandomOverSampler.FromParameters,
        ["smote"] = Smote.FromParameters,
        ["borderline-smote-1"] = p => BorderlineSmote.FromParameters(p, BorderlineKind.Borderline1),
        ["borderline-smote-2"] = p => BorderlineSmote.FromParameters(p, BorderlineKind.Borderline2),
        ["svm-smote"] = SvmSmote.FromParameters,
        ["adasyn"] = Adasyn.FromParameters,
        ["kmeans-smote"] = KMeansSmote.FromParameters,
        ["smote-nc"] = SmoteNc.FromParameters,
        ["smoten"] = Smoten.FromParameters,
        ["random-under"] = RandomUnderSampler.FromParameters,
        ["tomek-links"] = TomekLinks.FromParameters,
        ["enn"] = EditedNearestNeighbours.FromParameters,
        ["renn"] = RepeatedEditedNearestNeighbours.FromParameters,
        ["allknn"] = AllKnn.FromParameters,
        ["near-miss-1"] = p => NearMiss.FromParameters(p, 1),
        ["near-miss-2"] = p => NearMiss.FromParameters(p, 2),
        ["near-miss-3"] = p => NearMiss.FromParameters(p, 3),
        ["cnn"] = CondensedNearestNeighbour.FromParameters,
        ["oss"] = OneSidedSelection.FromParameters,
        ["ncr"] = NeighbourhoodCleaningRule.FromParameters,
        ["iht"] = InstanceHardnessThreshold.FromParameters,
        ["cluster-centroids"] = ClusterCentroids.FromParameters,
        ["smote-tomek"] = SmoteTomek.FromParameters,
        ["smote-enn"] = SmoteEnn.FromParameters,
    };

    /// <summary>The names of every sampler.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Keys];

    /// <summary>Makes the sampler <paramref name="name"/> with <paramref name="parameters"/>, reporting to <paramref name="progress"/> when given.</summary>
    /// <exception cref="ArgumentException">The name is unknown, a parameter is unknown to the sampler, or a value is invalid.</exception>
    public static Sampler Create(string name, SamplerParameters parameters, IProgress<SamplingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!Factories.TryGetValue(name, out var factory))
        {
            throw new ArgumentException($"Unknown sampler '{name}'. Known samplers: {string.Join(", ", Names)}.", nameof(name));
        }

        Sampler sampler;
        try
        {
            sampler = factory(parameters);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"{name}: {FirstLine(e.Message)}", e.ParamName, e);
        }

        var unknown = parameters.Unread.ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"{name} has no parameter {string.Join(", ", unknown)}. Its parameters: {string.Join(", ", ParametersOf(name))}.",
                nameof(parameters));
        }

        return sampler.ReportingTo(progress);
    }

    /// <summary>The parameter names sampler <paramref name="name"/> reads.</summary>
    public static IReadOnlyList<string> ParametersOf(string name)
    {
        var probe = new SamplerParameters(new Dictionary<string, string>());
        Factories[name](probe);
        return [.. probe.ReadNames.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Why <paramref name="sampler"/> must not run on data of <paramref name="schema"/>: it interpolates (see
    /// <see cref="Sampler.InterpolatesFeatures"/>) and the data has categorical features, whose codes it would turn
    /// into values that name no category. Null when nothing stands in the way. The message of the
    /// <see cref="CategoricalFeaturesException"/> the sampler would throw, known before any work.
    /// </summary>
    public static string? CategoricalProblem(Sampler sampler, DataSchema schema)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(schema);
        return sampler.CategoricalRefusal(schema)?.Message;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
