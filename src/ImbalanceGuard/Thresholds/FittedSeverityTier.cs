namespace ImbalanceGuard.Thresholds;

/// <summary>A severity tier with the threshold found for its budget: a row scoring at least <see cref="Threshold"/> (and below the more severe tiers' thresholds) is in this tier.</summary>
/// <param name="Name">The tier's name.</param>
/// <param name="Budget">The share of rows this tier and the more severe ones may flag together.</param>
/// <param name="Threshold">The lowest threshold whose flags fit the budget on the tuning scores; above the highest score when not even the top-scoring rows fit.</param>
/// <param name="TuningShare">
/// The share of the tuning rows scoring at least <see cref="Threshold"/> (this tier and the more severe ones), at most
/// <see cref="Budget"/>; below it when equal scores straddle the budget, and 0 when the budget cannot be met at all.
/// </param>
public sealed record FittedSeverityTier(string Name, double Budget, double Threshold, double TuningShare)
{
    /// <summary>Whether the tier flags no row of the tuning scores: its budget is smaller than the share of the highest-scoring rows (one row, or rows with equal scores).</summary>
    public bool FlagsNothing => TuningShare == 0;
}
