namespace ImbalanceGuard.ML;

/// <summary>
/// Which column of an ML.NET binary scorer's output a threshold applies to. They are different scales: a
/// threshold on <see cref="Probability"/> (in [0, 1], calibrated trainers only) is not one on <see cref="Score"/>
/// (the raw margin, where ML.NET's own <c>Evaluate</c> and <c>ChangeModelThreshold</c> work, 0 by default).
/// </summary>
public enum ScoreColumn
{
    /// <summary>The <c>Probability</c> column.</summary>
    Probability,

    /// <summary>The raw <c>Score</c> column.</summary>
    Score,
}
