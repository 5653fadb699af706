namespace ImbalanceGuard;

/// <summary>The two sides of one split. Deconstructs as <c>var (training, holdout) = split;</c>.</summary>
public sealed class TrainHoldoutSplit
{
    internal TrainHoldoutSplit(TrainingSet training, HoldoutSet holdout, int[] trainingRows, int[] holdoutRows)
    {
        Training = training;
        Holdout = holdout;
        TrainingRows = trainingRows;
        HoldoutRows = holdoutRows;
    }

    /// <summary>The rows to fit (and resample) on.</summary>
    public TrainingSet Training { get; }

    /// <summary>The rows to evaluate on.</summary>
    public HoldoutSet Holdout { get; }

    /// <summary>The positions, in the split dataset, of the training rows (ascending).</summary>
    public IReadOnlyList<int> TrainingRows { get; }

    /// <summary>The positions, in the split dataset, of the holdout rows (ascending).</summary>
    public IReadOnlyList<int> HoldoutRows { get; }

    /// <summary>Deconstructs into the two sides.</summary>
    public void Deconstruct(out TrainingSet training, out HoldoutSet holdout)
    {
        training = Training;
        holdout = Holdout;
    }
}
