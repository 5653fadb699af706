namespace ImbalanceGuard.Scale;

/// <summary>
/// Where a group's pick ends: every row whose key is below <see cref="Key"/>, and the first <see cref="AtKey"/> rows
/// (in row-id order) whose key equals it.
/// </summary>
/// <param name="Key">The boundary key.</param>
/// <param name="AtKey">How many rows with exactly that key are picked, the earliest first.</param>
/// <param name="RowsAtKey">How many rows of the group have exactly that key (0 for <see cref="None"/> and <see cref="All"/>).</param>
public readonly record struct KeyBoundary(ulong Key, long AtKey, long RowsAtKey)
{
    /// <summary>A boundary that picks no row.</summary>
    public static KeyBoundary None => new(0, 0, 0);

    /// <summary>A boundary that picks every row of a group of <paramref name="rows"/> rows.</summary>
    public static KeyBoundary All(long rows) => new(ulong.MaxValue, rows, 0);
}
