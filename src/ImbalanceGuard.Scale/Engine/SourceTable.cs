namespace ImbalanceGuard.Scale;

/// <summary>
/// A file loaded into the engine as a table whose <c>rowid</c> is the row's position in the file (0 for the first
/// data row), whatever the thread count.
/// </summary>
/// <param name="Name">The table's name in the engine.</param>
/// <param name="Path">The file it was read from.</param>
/// <param name="Columns">The file's columns, in file order.</param>
/// <param name="RowCount">The number of data rows.</param>
public sealed record SourceTable(string Name, string Path, IReadOnlyList<string> Columns, long RowCount)
{
    /// <summary>The column named <paramref name="column"/> (exactly), or a <see cref="DataFormatException"/> naming the columns there are.</summary>
    /// <exception cref="DataFormatException">The file has no such column.</exception>
    public string Require(string column)
    {
        if (!Columns.Contains(column, StringComparer.Ordinal))
        {
            throw new DataFormatException(
                $"{Path} has no column '{column}'; its columns are {string.Join(", ", Columns.Take(12))}{(Columns.Count > 12 ? ", …" : string.Empty)}.");
        }

        return column;
    }
}
