using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli;

/// <summary>
/// What <c>evaluate</c> prints for a whole file, from the in-memory report or from the engine's streamed evaluation,
/// so both paths print the same shape.
/// </summary>
internal sealed record EvaluationFigures(
    long Rows,
    double Positives,
    string PositiveClass,
    string NegativeClass,
    double PositiveShare,
    double RocAuc,
    double AveragePrecision,
    bool ScoresAreProbabilities,
    double? BrierScore,
    double? LogLoss,
    double BaselineBrierScore,
    double? Threshold,
    BinaryConfusion? Confusion)
{
    /// <summary>The number of distinct scores the engine walked; null in memory.</summary>
    public long? DistinctScores { get; init; }

    public static EvaluationFigures Of(EvaluationReport report, ScoredData data) => new(
        report.RowCount, report.PositiveWeight, data.PositiveClass, data.NegativeClass, report.PositiveShare, report.RocAuc, report.AveragePrecision,
        report.ScoresAreProbabilities, report.BrierScore, report.LogLoss, report.BaselineBrierScore, report.Threshold, report.Confusion);

    public static EvaluationFigures Of(StreamedEvaluation e) => new(
        e.Rows, e.Positives, e.PositiveClass, e.NegativeClass, e.PositiveShare, e.RocAuc, e.AveragePrecision,
        e.ScoresAreProbabilities, e.BrierScore, e.LogLoss, e.BaselineBrierScore, e.Threshold, e.Confusion)
    {
        DistinctScores = e.DistinctScores,
    };
}
