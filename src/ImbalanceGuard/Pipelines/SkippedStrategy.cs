namespace ImbalanceGuard.Pipelines;

/// <summary>A strategy <see cref="StrategyComparison.Check"/> found cannot run on the data, and why.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Reason">Why, in a sentence, with the counts or columns that cause it.</param>
public sealed record SkippedStrategy(string Strategy, string Reason)
{
    /// <summary>The sampler parameter that asks for more rows than a fold holds, or null.</summary>
    public string? Parameter { get; init; }

    /// <summary>The largest value of <see cref="Parameter"/> that every fold allows, or null.</summary>
    public int? WorkableValue { get; init; }
}
