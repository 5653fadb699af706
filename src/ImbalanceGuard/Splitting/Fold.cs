namespace ImbalanceGuard;

/// <summary>One fold of a cross-validation: fit on <see cref="Training"/>, score on <see cref="Validation"/>.</summary>
public sealed class Fold
{
    internal Fold(int index, int repeat, TrainHoldoutSplit split)
    {
        Index = index;
        Repeat = repeat;
        Split = split;
    }

    /// <summary>The fold number within its repeat, from 0.</summary>
    public int Index { get; }

    /// <summary>The repeat this fold belongs to, from 0 (always 0 without repeats).</summary>
    public int Repeat { get; }

    /// <summary>The rows to fit (and resample) on: every row outside this fold.</summary>
    public TrainingSet Training => Split.Training;

    /// <summary>The rows of this fold, to score on.</summary>
    public HoldoutSet Validation => Split.Holdout;

    /// <summary>The split with the dataset positions of both sides.</summary>
    public TrainHoldoutSplit Split { get; }

    /// <summary>Deconstructs into the two sides.</summary>
    public void Deconstruct(out TrainingSet training, out HoldoutSet validation)
    {
        training = Training;
        validation = Validation;
    }
}
