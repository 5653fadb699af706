namespace ImbalanceGuard.Sampling;

/// <summary>
/// A sampler that makes new feature values (SMOTE's interpolation, cluster centroids, a smoothed bootstrap) was
/// given data with categorical features: it would turn their codes into values that name no category (a country
/// code of 2.37). The message names the columns and what to use instead (<see cref="SmoteNc"/> for mixed data,
/// <see cref="Smoten"/> when every feature is categorical).
/// </summary>
public sealed class CategoricalFeaturesException : SamplingException
{
    /// <summary>Creates the exception for <paramref name="sampler"/> and the categorical <paramref name="columns"/>.</summary>
    public CategoricalFeaturesException(string sampler, IReadOnlyList<string> columns, string alternative, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Sampler = sampler;
        Columns = [.. columns];
        Alternative = alternative;
    }

    /// <summary>The sampler that refused, by its short name (<c>smote</c>).</summary>
    public string Sampler { get; }

    /// <summary>The categorical feature columns, in column order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>What to use instead: a sampler's short name (<c>smote-nc</c>, <c>smoten</c>) or a setting (<c>voting=hard</c>).</summary>
    public string Alternative { get; }
}
