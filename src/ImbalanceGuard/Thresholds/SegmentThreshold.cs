namespace ImbalanceGuard.Thresholds;

/// <summary>One segment of a <see cref="SegmentThresholds"/>: its tuning rows and the threshold its rows get.</summary>
/// <param name="Segment">The segment's value of the segment column (a category's name, or a number written in its shortest round-trip form).</param>
/// <param name="Rows">The segment's tuning rows.</param>
/// <param name="PositiveWeight">Its positive rows (weight).</param>
/// <param name="NegativeWeight">Its negative rows (weight).</param>
/// <param name="Threshold">The threshold its rows get: its own when <see cref="IsTuned"/>, otherwise the global one.</param>
/// <param name="IsTuned">Whether the threshold was tuned on the segment's own scores.</param>
/// <param name="Note">Why the segment falls back to the global threshold (too few rows of a class, objective not reachable); null when tuned.</param>
public sealed record SegmentThreshold(string Segment, int Rows, double PositiveWeight, double NegativeWeight, double Threshold, bool IsTuned, string? Note);
