using System.Globalization;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Thresholds;

/// <summary>
/// A decision threshold per segment of a column (region, product, channel…), each tuned for the same objective on
/// that segment's own scores, with the global threshold (tuned on every row) for the rest: a segment with fewer
/// than <see cref="MinimumClassRows"/> positive or negative rows (weight) — an empty segment, or one with a single
/// class — a segment where no threshold meets the objective, and a segment not seen when tuning.
/// </summary>
/// <remarks>
/// A segment's threshold is tuned on fewer rows than the global one, so it is noisier; the floor on each class keeps
/// one row from moving a segment's recall by a tenth or more (<see cref="SubgroupEvaluation.MinimumClassRows"/>).
/// </remarks>
public sealed class SegmentThresholds
{
    private readonly SegmentThreshold[] _segments;
    private readonly Dictionary<string, double> _thresholds;

    internal SegmentThresholds(string column, double globalThreshold, int minimumClassRows, IReadOnlyList<SegmentThreshold> segments)
    {
        Column = column;
        GlobalThreshold = globalThreshold;
        MinimumClassRows = minimumClassRows;
        _segments = [.. segments];
        _thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var segment in _segments)
        {
            _thresholds[segment.Segment] = segment.Threshold;
        }
    }

    /// <summary>The segment column's name.</summary>
    public string Column { get; }

    /// <summary>The threshold tuned on every row: what a segment too small to tune, or unseen, gets.</summary>
    public double GlobalThreshold { get; }

    /// <summary>The positive and the negative rows (weight) a segment needs to get its own threshold.</summary>
    public int MinimumClassRows { get; }

    /// <summary>The segments seen when tuning, largest first (then by name), each with the threshold its rows get.</summary>
    public IReadOnlyList<SegmentThreshold> Segments => _segments;

    /// <summary>The threshold for rows of <paramref name="segment"/>: its own when it was tuned, otherwise <see cref="GlobalThreshold"/>.</summary>
    public double ThresholdFor(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return _thresholds.TryGetValue(segment, out var threshold) ? threshold : GlobalThreshold;
    }

    /// <summary>
    /// Tunes the global threshold on every row of <paramref name="scores"/> and one per segment of
    /// <paramref name="segments"/> (each row's segment, in row order) on that segment's rows, all for
    /// <paramref name="objective"/>. Tune on validation or out-of-fold scores, never on the rows you report on.
    /// </summary>
    /// <param name="scores">The scored rows.</param>
    /// <param name="segments">Each row's segment.</param>
    /// <param name="objective">What every threshold is tuned for.</param>
    /// <param name="column">The segment column's name, for messages and files.</param>
    /// <param name="minimumClassRows">The positive and the negative rows (weight) a segment needs to be tuned; default <see cref="SubgroupEvaluation.MinimumClassRows"/>.</param>
    /// <exception cref="ArgumentException">No scores, the segments do not match the rows, a segment is null, or the column is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumClassRows"/> is below 1.</exception>
    /// <exception cref="UnreachableObjectiveException">No threshold meets the objective on all the rows.</exception>
    public static SegmentThresholds Tune(
        BinaryScores scores, IReadOnlyList<string> segments, ThresholdObjective objective, string column, int minimumClassRows = SubgroupEvaluation.MinimumClassRows)
    {
        Check(scores, segments, objective, column, minimumClassRows);
        return Tune(scores, segments, objective, column, minimumClassRows, ThresholdTuner.Tune(scores, objective).Threshold);
    }

    /// <summary>As <see cref="Tune(BinaryScores, IReadOnlyList{string}, ThresholdObjective, string, int)"/>, but null when no global threshold meets the objective.</summary>
    internal static SegmentThresholds? TryTune(BinaryScores scores, IReadOnlyList<string> segments, ThresholdObjective objective, string column, int minimumClassRows)
    {
        Check(scores, segments, objective, column, minimumClassRows);
        return ThresholdTuner.TryTune(scores, objective) is { } global
            ? Tune(scores, segments, objective, column, minimumClassRows, global.Threshold)
            : null;
    }

    /// <inheritdoc/>
    public override string ToString()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"thresholds per '{Column}': {_segments.Count(s => s.IsTuned)} of {_segments.Length} segments tuned, global {GlobalThreshold:G6}");

    private static SegmentThresholds Tune(
        BinaryScores scores, IReadOnlyList<string> segments, ThresholdObjective objective, string column, int minimumClassRows, double global)
    {
        var rowsBySegment = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Count; i++)
        {
            var name = segments[i] ?? throw new ArgumentException($"Row {i} has no segment.", nameof(segments));
            if (!rowsBySegment.TryGetValue(name, out var rows))
            {
                rowsBySegment[name] = rows = [];
            }

            rows.Add(i);
        }

        var result = new List<SegmentThreshold>(rowsBySegment.Count);
        foreach (var (name, rows) in rowsBySegment.OrderByDescending(s => s.Value.Count).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            var subset = scores.Select(rows);
            double positives = subset.PositiveWeight, negatives = subset.NegativeWeight;
            if (positives < minimumClassRows || negatives < minimumClassRows)
            {
                var note = string.Create(CultureInfo.InvariantCulture, $"{positives:G6} positive and {negatives:G6} negative rows; a segment needs {minimumClassRows} of each");
                result.Add(new SegmentThreshold(name, rows.Count, positives, negatives, global, IsTuned: false, note));
            }
            else if (ThresholdTuner.TryTune(subset, objective) is { } tuned)
            {
                result.Add(new SegmentThreshold(name, rows.Count, positives, negatives, tuned.Threshold, IsTuned: true, Note: null));
            }
            else
            {
                result.Add(new SegmentThreshold(name, rows.Count, positives, negatives, global, IsTuned: false, $"{objective.Unreachable(subset.Sweep)} on this segment"));
            }
        }

        return new SegmentThresholds(column, global, minimumClassRows, result);
    }

    private static void Check(BinaryScores scores, IReadOnlyList<string> segments, ThresholdObjective objective, string column, int minimumClassRows)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(column);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumClassRows, 1);
        if (string.IsNullOrWhiteSpace(column))
        {
            throw new ArgumentException("The segment column needs a name.", nameof(column));
        }

        if (segments.Count != scores.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"There are {segments.Count} segments for {scores.Count} rows; give one per row."), nameof(segments));
        }
    }
}
