namespace ImbalanceGuard.Pipelines;

/// <summary>Reported by <c>StrategyComparison.Run</c> after each fold of each strategy.</summary>
/// <param name="Strategy">The strategy running.</param>
/// <param name="StrategyIndex">Its position in the comparison, from 0.</param>
/// <param name="StrategyCount">How many strategies are compared.</param>
/// <param name="Fold">The fold just finished.</param>
public sealed record ComparisonProgress(string Strategy, int StrategyIndex, int StrategyCount, CrossValidationProgress Fold);
