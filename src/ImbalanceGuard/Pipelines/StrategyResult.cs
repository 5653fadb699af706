namespace ImbalanceGuard.Pipelines;

/// <summary>One strategy's cross-validation in a <see cref="StrategyComparison"/>.</summary>
/// <param name="Strategy">The strategy's name (see <see cref="StrategyCatalog"/>).</param>
/// <param name="Result">Its cross-validation.</param>
public sealed record StrategyResult(string Strategy, CrossValidationResult Result);
