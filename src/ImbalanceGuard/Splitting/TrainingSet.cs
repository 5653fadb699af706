namespace ImbalanceGuard;

/// <summary>
/// The training side of a split: the only data a sampler accepts, and what every sampler returns.
/// Made only by splitters (<see cref="Split"/>, <see cref="StratifiedKFold"/>, …) and samplers; nothing
/// turns it back into a <see cref="Dataset"/>, so resampled rows cannot reach a splitter.
/// </summary>
public sealed class TrainingSet : LabeledData
{
    internal TrainingSet(RowTable table)
        : base(table)
    {
    }
}
