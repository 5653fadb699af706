using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Reporting;

/// <summary>
/// What a drift page (<see cref="DriftHtmlReport"/>) and the <c>drift</c> command show: the feature drift between a
/// reference and a current dataset, the class counts when labels exist, and the estimated positive rate when only the
/// current scores do.
/// </summary>
/// <param name="ReferenceName">The reference file's name.</param>
/// <param name="CurrentName">The current file's name.</param>
/// <param name="ReferenceRows">The reference's rows.</param>
/// <param name="CurrentRows">The current data's rows.</param>
public sealed record DriftReportData(string ReferenceName, string CurrentName, int ReferenceRows, int CurrentRows)
{
    /// <summary>The adjusted p-value below which a feature counts as drifted: a 5 % false-discovery rate across the features.</summary>
    public const double FalseDiscoveryRate = 0.05;

    /// <summary>The per-feature drift, the most severe first; null when neither file has a feature column (scores alone).</summary>
    public DriftReport? Drift { get; init; }

    /// <summary>The reference rows <see cref="Drift"/> compares (their features are drawn against the current ones); null with it.</summary>
    public LabeledData? Reference { get; init; }

    /// <summary>The current rows <see cref="Drift"/> compares; null with it.</summary>
    public LabeledData? Current { get; init; }

    /// <summary>Every feature's drift, the most severe first; none without <see cref="Drift"/>.</summary>
    public IReadOnlyList<FeatureDrift> Features => Drift?.Features ?? [];

    /// <summary>Rows per class in the reference, when it has labels; null otherwise.</summary>
    public IReadOnlyDictionary<string, int>? ClassCountsReference { get; init; }

    /// <summary>Rows per class in the current data, when it has the label column too; null otherwise.</summary>
    public IReadOnlyDictionary<string, int>? ClassCountsCurrent { get; init; }

    /// <summary>The reference's labelled scores, when a score column was given.</summary>
    public BinaryScores? ReferenceScores { get; init; }

    /// <summary>The current scores, when a score column was given and the current data has no labels.</summary>
    public IReadOnlyList<double>? CurrentScores { get; init; }

    /// <summary>The current positive rate estimated from <see cref="CurrentScores"/> (with the threshold's figures when one was given).</summary>
    public PriorShiftEstimate? Estimate { get; init; }

    /// <summary>The features whose adjusted p-value is below <see cref="FalseDiscoveryRate"/>, the most severe first.</summary>
    public IReadOnlyList<FeatureDrift> Drifted => [.. Features.Where(f => f.AdjustedPValue < FalseDiscoveryRate)];

    /// <summary>
    /// The chi-square test of the class counts (reference against current, classes matched by name; a class only one
    /// side has counts 0 on the other) when both sides have labels; null otherwise.
    /// </summary>
    public ChiSquareResult? ClassChange
    {
        get
        {
            if (ClassCountsReference is not { } reference || ClassCountsCurrent is not { } current)
            {
                return null;
            }

            var classes = Classes;
            return ChiSquareTest.Homogeneity(
                [.. classes.Select(c => (long)reference.GetValueOrDefault(c))],
                [.. classes.Select(c => (long)current.GetValueOrDefault(c))]);
        }
    }

    /// <summary>Whether the reference's positive rate lies outside the 95 % interval of the current estimate: the base rate has moved.</summary>
    public bool PositiveRateMoved => Estimate is { } e && (e.ReferencePositiveRate < e.IntervalLow || e.ReferencePositiveRate > e.IntervalHigh);

    /// <summary>Whether anything moved: a feature drifted, the class counts changed, or the positive rate moved.</summary>
    public bool Changed => Drifted.Count > 0 || ClassChange is { PValue: < FalseDiscoveryRate } || PositiveRateMoved;

    /// <summary>Every class either side has: the reference's in its order, then any only the current data has.</summary>
    public IReadOnlyList<string> Classes
        => [.. (ClassCountsReference?.Keys ?? []).Concat(ClassCountsCurrent?.Keys ?? []).Distinct(StringComparer.Ordinal)];
}
