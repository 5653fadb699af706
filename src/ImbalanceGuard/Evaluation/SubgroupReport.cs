namespace ImbalanceGuard.Evaluation;

/// <summary>
/// Metrics per group of rows (a country, a device type, a customer segment), so that a model that serves the data as a
/// whole but fails one group is seen: see <see cref="SubgroupEvaluation.Of"/>.
/// </summary>
/// <param name="Groups">Every group, largest first (ties by name).</param>
/// <param name="LargestRecallGap">
/// Among the groups large enough to judge, the one whose recall at the threshold differs most from the recall on all
/// other rows; null without a threshold or with fewer than two such groups.
/// </param>
/// <param name="LargestCalibrationGap">
/// Among the groups large enough to judge, the one whose calibration in the large differs most from the other rows';
/// null when the scores are not probabilities or with fewer than two such groups.
/// </param>
public sealed record SubgroupReport(IReadOnlyList<SubgroupResult> Groups, SubgroupGap? LargestRecallGap, SubgroupGap? LargestCalibrationGap);
