namespace ImbalanceGuard.Scale;

/// <summary>Which part of a split a file is.</summary>
public enum SplitRole
{
    /// <summary>The training part: may be resampled, must not be split again.</summary>
    Training,

    /// <summary>The holdout part: evaluation data, never resampled or split.</summary>
    Holdout,
}
