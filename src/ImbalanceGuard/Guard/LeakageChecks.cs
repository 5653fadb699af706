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

    /// <summary>
    /// Refuse evaluation rows that lie on the segment between two training rows of their class, as the rows
    /// SMOTE, Borderline-SMOTE and ADASYN make do: synthetic rows whose provenance was lost (copied into arrays or
    /// a file and rebuilt). Opt-in, not part of <see cref="All"/>: see <see cref="LeakageGuard"/> for what it
    /// finds, what it costs and its measured false alarms.
    /// </summary>
    InterpolatedRows = 8,

    /// <summary>
    /// Every check on by default: <see cref="SyntheticRows"/>, <see cref="SharedSourceRows"/> and
    /// <see cref="IdenticalRows"/>. <see cref="InterpolatedRows"/> is added by hand (<c>All | InterpolatedRows</c>).
    /// </summary>
    All = SyntheticRows | SharedSourceRows | IdenticalRows,
}
