namespace ImbalanceGuard.Sampling;

/// <summary>What a <see cref="SamplingNote"/> is about.</summary>
public enum SamplingNoteKind
{
    /// <summary>
    /// The sampler discarded more than <see cref="SamplingNote.HeavyLossShare"/> of a class's rows: the learner
    /// sees that class through a few rows, and what the discarded rows knew is lost.
    /// </summary>
    HeavyLoss,

    /// <summary>
    /// The resampled rows repeat each row of a class <see cref="SamplingNote.ManyRepeats"/> times or more on
    /// average (plain copies): a flexible learner can memorise those rows instead of learning the class.
    /// </summary>
    ManyRepeats,
}
