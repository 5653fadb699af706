namespace ImbalanceGuard;

/// <summary>
/// Copies many rows into a new matrix block by block, spread over threads when there is enough to copy: the
/// copying is mostly first writes to fresh memory, which cost the same in any order, so the result does not
/// depend on the thread count. Small copies stay on one thread, where starting workers would cost more than
/// the copy.
/// </summary>
internal static class RowCopying
{
    // Rows per work item: large enough that scheduling is noise next to the copying.
    private const int BlockRows = 8192;

    // Values (rows × features) below which the copy stays on the calling thread: 16 MB of doubles.
    private const long ParallelValues = 1L << 21;

    /// <summary>Calls <paramref name="copy"/> with the first and end row of each block of <paramref name="rows"/> rows.</summary>
    public static void InBlocks(int rows, int dimensions, ParallelOptions parallel, Action<int, int> copy)
    {
        if ((long)rows * dimensions < ParallelValues || rows <= BlockRows)
        {
            copy(0, rows);
            return;
        }

        var blocks = (rows + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, parallel, block => copy(block * BlockRows, Math.Min(rows, (block + 1) * BlockRows)));
    }
}
