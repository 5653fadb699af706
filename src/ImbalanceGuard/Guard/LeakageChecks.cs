namespace ImbalanceGuard;

/// <summary>Which leakage checks <see cref="LeakageGuard"/> runs.</summary>
[Flags]
public enum LeakageChecks
{
    /// <summary>No check.</summary>
    None = 0,

    /// <summary>Refuse synthetic rows in evaluation data.</summary>
    SyntheticRows = 1,

    /// <summary>Refuse a source row on both sides, and synthetic training rows made from evaluation rows.</summary>
    SharedSourceRows = 2,

    /// <summary>Refuse evaluation rows with the same features and label as a training row.</summary>
    IdenticalRows = 4,

    /// <summary>Every check.</summary>
    All = SyntheticRows | SharedSourceRows | IdenticalRows,
}
