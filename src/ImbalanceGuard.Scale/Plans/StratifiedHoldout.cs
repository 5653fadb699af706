namespace ImbalanceGuard.Scale;

/// <summary>
/// A stratified holdout split: in each class, the rows with the lowest seeded hashes of their row ids (ties by row
/// id) are the holdout part, as many as <see cref="Split.Stratified"/> holds out of that class in memory; the rest
/// are training. The plan runs in two steps: a class-count query (<see cref="TablePlan.RenderClassCounts"/>), then
/// the selection with the per-class <see cref="Targets"/> computed from its counts (<see cref="WithClassCounts"/>).
/// </summary>
/// <param name="LabelColumn">The class column.</param>
/// <param name="Share">The holdout share of each class, in (0, 1).</param>
/// <param name="Seed">Seeds the hash that orders the rows.</param>
public sealed record StratifiedHoldout(string LabelColumn, double Share, int Seed) : TableOperation
{
    /// <summary>The rows to hold out per class, by the class as text; null until <see cref="WithClassCounts"/> sets them.</summary>
    public IReadOnlyDictionary<string, long>? Targets { get; init; }

    /// <summary>This split with its <see cref="Targets"/> computed from the rows of each class.</summary>
    public StratifiedHoldout WithClassCounts(IReadOnlyDictionary<string, long> classRows) => this with { Targets = HoldoutRows(classRows) };

    /// <summary>
    /// The rows to hold out of each class, by <see cref="Split.Stratified"/>'s rule: the share of all rows rounded
    /// up, shared by largest remainder in the classes' in-memory order (numeric when every class is a number), every
    /// class of two rows or more on both sides.
    /// </summary>
    public IReadOnlyDictionary<string, long> HoldoutRows(IReadOnlyDictionary<string, long> classRows)
    {
        ArgumentNullException.ThrowIfNull(classRows);
        var order = ClassOrder.Sort(classRows.Keys);
        var counts = Split.HoldoutCountsByClass([.. order.Select(c => classRows[c])], Share);
        var targets = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < order.Length; i++)
        {
            targets[order[i]] = counts[i];
        }

        return targets;
    }
}
