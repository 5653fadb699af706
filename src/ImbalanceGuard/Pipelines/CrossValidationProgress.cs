namespace ImbalanceGuard.Pipelines;

/// <summary>Reported by <c>CrossValidation.Run</c> after each fold.</summary>
/// <param name="CompletedFolds">Folds done so far.</param>
/// <param name="TotalFolds">Folds in all.</param>
/// <param name="LastFold">The fold just finished.</param>
public sealed record CrossValidationProgress(int CompletedFolds, int TotalFolds, FoldResult LastFold);
