namespace ImbalanceGuard.Monitoring;

/// <summary>The reference and current data do not have the same feature columns (names, order or kinds), so they cannot be compared feature by feature.</summary>
public sealed class DriftColumnsException : ArgumentException
{
    /// <summary>Creates the exception with the columns that differ.</summary>
    public DriftColumnsException(string message, IReadOnlyList<string> columns)
        : base(message)
    {
        Columns = columns;
    }

    /// <summary>The names of the columns that differ.</summary>
    public IReadOnlyList<string> Columns { get; }
}
