namespace ImbalanceGuard;

/// <summary>Why evaluation data is not independent of training data.</summary>
public enum LeakageCause
{
    /// <summary>The evaluation data holds rows that a sampler made: it no longer measures the real world.</summary>
    SyntheticRowsInHoldout,

    /// <summary>
    /// A source row is on both sides, or a synthetic training row was made from an evaluation row: the
    /// model has seen (a piece of) what it is scored on.
    /// </summary>
    SharedSourceRows,

    /// <summary>
    /// An evaluation row has exactly the features and label of a training row (a copy made by random
    /// over-sampling before the split, or a duplicate in the source).
    /// </summary>
    IdenticalRows,

    /// <summary>
    /// An evaluation row lies on the segment between two training rows of its class, where SMOTE,
    /// Borderline-SMOTE and ADASYN put the rows they make: a synthetic row that lost its provenance.
    /// </summary>
    InterpolatedRows,

    /// <summary>
    /// A decision threshold is reported on the very data it was tuned on: the figures describe the
    /// tuning, not how the threshold will do on new data.
    /// </summary>
    ThresholdTunedOnEvaluationData,
}
