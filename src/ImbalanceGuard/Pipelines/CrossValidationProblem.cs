namespace ImbalanceGuard.Pipelines;

/// <summary>
/// Why a pipeline cannot be cross-validated on some folds, found by <see cref="CrossValidation.Check"/> from class
/// counts alone, before anything is fitted.
/// </summary>
/// <param name="Reason">The problem in a sentence, with the counts that cause it.</param>
public sealed record CrossValidationProblem(string Reason)
{
    /// <summary>The sampler that cannot run (its command-line name), or null when the problem is not a sampler's.</summary>
    public string? Sampler { get; init; }

    /// <summary>The sampler's parameter that asks for more rows than a fold holds (imbalanced-learn's name), or null.</summary>
    public string? Parameter { get; init; }

    /// <summary>The largest value of <see cref="Parameter"/> that every fold allows, or null when none does.</summary>
    public int? WorkableValue { get; init; }
}
