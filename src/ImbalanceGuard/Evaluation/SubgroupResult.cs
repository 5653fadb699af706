namespace ImbalanceGuard.Evaluation;

/// <summary>One group's evaluation in a <see cref="SubgroupReport"/>.</summary>
/// <param name="Group">The group's name (the cell of the group column; empty for blank cells).</param>
/// <param name="Rows">The rows of the group.</param>
/// <param name="PositiveWeight">Its positive rows (weight).</param>
/// <param name="NegativeWeight">Its negative rows (weight).</param>
/// <param name="MeanScore">The mean score of its rows: with probabilities, the positive rate the model expects there.</param>
/// <param name="Report">Its metrics, threshold-free and at the threshold; null when the group has only one class, where ranking metrics are undefined.</param>
/// <param name="CalibrationError">Its expected calibration error (<see cref="BinaryMetrics.ExpectedCalibrationError"/>); null when the scores are not probabilities.</param>
/// <param name="TooSmall">
/// Whether the group has too few positives or negatives to judge (<see cref="SubgroupEvaluation.MinimumClassRows"/>): its
/// figures are shown but are mostly noise, and it is never called out.
/// </param>
public sealed record SubgroupResult(
    string Group,
    int Rows,
    double PositiveWeight,
    double NegativeWeight,
    double MeanScore,
    EvaluationReport? Report,
    double? CalibrationError,
    bool TooSmall)
{
    /// <summary>The group's share of positives: its base rate.</summary>
    public double BaseRate => PositiveWeight / (PositiveWeight + NegativeWeight);

    /// <summary>
    /// Calibration in the large: the mean score minus the base rate (positive when the model over-predicts the
    /// positive class for this group). Meaningful for probabilities only.
    /// </summary>
    public double CalibrationInTheLarge => MeanScore - BaseRate;
}
