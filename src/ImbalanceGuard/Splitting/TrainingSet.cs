namespace ImbalanceGuard;

/// <summary>
/// The training side of a split: the only data a sampler accepts, and what every sampler returns.
/// Made only by splitters (<see cref="Split"/>, <see cref="StratifiedKFold"/>, …) and samplers; nothing
/// turns it back into a <see cref="Dataset"/>, so resampled rows cannot reach a splitter.
/// </summary>
public sealed class TrainingSet : LabeledData
{
    internal TrainingSet(RowTable table, bool resampled = false)
        : base(table)
    {
        IsResampled = resampled;
    }

    /// <summary>
    /// Whether a sampler made this set (rows added or removed). A resampled set can be trained on but not
    /// cross-validated: its validation folds would hold rows the sampler made or chose.
    /// </summary>
    public bool IsResampled { get; }
}
