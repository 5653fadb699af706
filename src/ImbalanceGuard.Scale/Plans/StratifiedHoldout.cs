namespace ImbalanceGuard.Scale;

/// <summary>
/// A stratified holdout split: in each class, the rows with the lowest seeded hashes of their row ids (ties by row
/// id) are the holdout part, <see cref="HoldoutRows"/> of them; the rest are training.
/// </summary>
/// <param name="LabelColumn">The class column.</param>
/// <param name="Share">The holdout share of each class, in (0, 1).</param>
/// <param name="Seed">Seeds the hash that orders the rows.</param>
public sealed record StratifiedHoldout(string LabelColumn, double Share, int Seed) : TableOperation
{
    /// <summary>Holdout rows of a class of <paramref name="classRows"/> rows: floor(rows × share + 0.5), in doubles, as both dialects compute it.</summary>
    public long HoldoutRows(long classRows) => (long)Math.Floor((classRows * Share) + 0.5);
}
