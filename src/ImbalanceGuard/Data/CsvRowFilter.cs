namespace ImbalanceGuard;

/// <summary>
/// Decides, row by row in file order, which rows of a CSV file a filtered read keeps in memory
/// (<see cref="CsvDatasetReader.ReadTable"/>); it sees every row once it has been checked, kept or not.
/// </summary>
internal abstract class CsvRowFilter
{
    /// <summary>Every distinct label of the rows seen, kept or not: the table's classes.</summary>
    public abstract IEnumerable<string> Labels { get; }

    /// <summary>Called once, after the header is read: what the data lines hold, and the columns a table writes back.</summary>
    public abstract void Begin(CsvLayout layout, IReadOnlyList<string> writtenColumns);

    /// <summary>Whether row <paramref name="row"/> of the parsed <paramref name="batch"/> is kept.</summary>
    public abstract bool Keep(CsvRowBatch batch, int row);
}
