namespace ImbalanceGuard;

/// <summary>
/// Evaluation data is not independent of the training data, so any metric computed on it would overstate
/// the model. The message names the rows and the cause; the properties carry them for code.
/// </summary>
public sealed class LeakageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LeakageException(string message, LeakageCause cause, IReadOnlyList<int> holdoutRows)
        : base(message)
    {
        Cause = cause;
        HoldoutRows = holdoutRows;
    }

    /// <summary>Why the data leaks.</summary>
    public LeakageCause Cause { get; }

    /// <summary>The positions, in the evaluation data, of the rows that leak.</summary>
    public IReadOnlyList<int> HoldoutRows { get; }
}
