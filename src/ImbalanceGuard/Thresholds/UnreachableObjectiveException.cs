namespace ImbalanceGuard.Thresholds;

/// <summary>No threshold meets the objective on the data given (a precision floor above every threshold's precision, a recall floor with no positives…).</summary>
public sealed class UnreachableObjectiveException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that says what could not be reached.</summary>
    public UnreachableObjectiveException(string message)
        : base(message)
    {
    }
}
