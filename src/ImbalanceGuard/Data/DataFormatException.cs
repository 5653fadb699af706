namespace ImbalanceGuard;

/// <summary>
/// Data that cannot be used as given: a malformed CSV file, a non-numeric or missing value, an unknown
/// column, or arrays whose shapes do not agree. The message names the place and the problem.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public DataFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
