namespace ImbalanceGuard.Scale;

/// <summary>
/// A time-ordered holdout split: the rows are ordered by <see cref="TimeColumn"/> (ties by row id) and the last
/// floor(rows × share + 0.5) are the holdout part, so every holdout time is at or after every training time.
/// </summary>
/// <param name="TimeColumn">The column that orders the rows in time (a number, a date or a timestamp).</param>
/// <param name="Share">The holdout share of all rows, in (0, 1).</param>
/// <param name="OrderAs">
/// A SQL type to order the time column as (<c>DOUBLE</c>, <c>TIMESTAMP</c>) when it holds text, as a CSV file read
/// cell by cell does; null to order it as it is.
/// </param>
public sealed record TimeOrderedHoldout(string TimeColumn, double Share, string? OrderAs = null) : TableOperation;
