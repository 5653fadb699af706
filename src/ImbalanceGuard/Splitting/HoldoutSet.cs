namespace ImbalanceGuard;

/// <summary>
/// The evaluation side of a split (a test or validation set). No sampler accepts it: evaluation data
/// keeps the class balance of the real world. Made only by splitters.
/// </summary>
public sealed class HoldoutSet : LabeledData
{
    internal HoldoutSet(RowTable table)
        : base(table)
    {
    }
}
