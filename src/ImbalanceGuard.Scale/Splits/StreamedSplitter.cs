using System.Globalization;
using System.Text;

namespace ImbalanceGuard.Scale;

/// <summary>
/// Splits a CSV file of any size into a training file and a holdout file by streaming it, without an engine: a pass
/// counts the classes, a few counting passes find where each class's holdout rows end (<see cref="RadixSelection"/>),
/// and a last pass copies every record, as written, to its part. Memory is a few counters per class and one record,
/// whatever the file's size. The rows held out per class are as many as <see cref="Split.Stratified"/> (or
/// <see cref="Split.TimeOrdered"/>) holds out of the same file in memory.
/// </summary>
public static class StreamedSplitter
{
    /// <summary>The least memory limit a streamed pass works under for <paramref name="limits"/>: room for one record of the longest line and a copy of it, as UTF-16.</summary>
    public static long MinimumMemoryBytes(CsvLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return 4L * limits.MaxLineLength;
    }

    /// <summary>
    /// Splits <paramref name="inputPath"/> (CSV with a header line) into <paramref name="trainingPath"/> and
    /// <paramref name="holdoutPath"/> (CSV), by <paramref name="operation"/>: a <see cref="StratifiedHoldout"/> picks, in
    /// each class, the held-out rows with the lowest seeded hashes of their row ids (ties by row id); a
    /// <see cref="TimeOrderedHoldout"/> holds out the latest rows, those sharing the boundary time with them too.
    /// </summary>
    /// <param name="inputPath">The CSV file to split.</param>
    /// <param name="operation">The split.</param>
    /// <param name="labelColumn">The class column; null for the last column.</param>
    /// <param name="trainingPath">Where to write the training part.</param>
    /// <param name="holdoutPath">Where to write the holdout part.</param>
    /// <param name="memoryLimitBytes">The memory limit; below <see cref="MinimumMemoryBytes"/> it is refused.</param>
    /// <param name="separator">The cell separator.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The file is unreadable as CSV, lacks a column named, has an empty label or too many classes, its time cells are unusable, or it cannot be split (too few rows, no class of two rows, every row at the earliest time).</exception>
    /// <exception cref="MemoryLimitException">The limit is too small for a streamed pass.</exception>
    public static SplitOutcome Run(
        string inputPath, TableOperation operation, string? labelColumn, string trainingPath, string holdoutPath, long memoryLimitBytes, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(operation);
        var limits = CsvLimits.Default;
        RequireMemory(memoryLimitBytes, limits);
        var timed = operation as TimeOrderedHoldout;
        var selection = CsvSelection.Count(inputPath, separator, limits, labelColumn, timed?.TimeColumn);
        if (selection.Rows < 2)
        {
            throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"{inputPath}: a split needs at least two rows; the file has {selection.Rows}."));
        }

        var budget = HistogramBudget(memoryLimitBytes);
        Func<CsvRowStream, int, bool> inHoldout;
        switch (operation)
        {
            case StratifiedHoldout stratified:
                var targets = HoldoutTargets(selection.Classes, stratified);
                if (targets.Sum() == 0)
                {
                    throw new DataFormatException($"{inputPath}: no class has two rows, so no row can be held out (a class's single row stays in training); is the label column the right one?");
                }

                var picker = new BoundaryPicker(selection.HashBoundaries(targets, stratified.Seed, budget));
                inHoldout = (row, c) => picker.Take(c, (ulong)PortableHash.Compute(row.RowId, stratified.Seed));
                break;
            case TimeOrderedHoldout split:
                var holdoutRows = Split.TimeOrderedHoldoutCount(selection.Rows, split.Share);
                if (holdoutRows >= selection.Rows)
                {
                    throw new DataFormatException(string.Create(CultureInfo.InvariantCulture, $"{inputPath}: holding out {split.Share} of {selection.Rows} rows rounds up to every row; no row would be left to train on."));
                }

                // The earliest rows before the share held out: the first held-out row's time is the boundary key when
                // rows at that key are left over, else the next one. Every row at or after it is held out, so rows
                // sharing the boundary time stay on one side, as Split.TimeOrdered keeps them.
                var before = selection.Rows - holdoutRows;
                var boundary = selection.TimeBoundary(before, budget);
                var shared = boundary.AtKey < boundary.RowsAtKey;
                if (shared && before - boundary.AtKey == 0)
                {
                    throw new DataFormatException($"{inputPath}: every row up to the split point has the earliest time, so no training row would be earlier than the holdout.");
                }

                inHoldout = shared
                    ? (row, _) => selection.TimeKey(row) >= boundary.Key
                    : (row, _) => selection.TimeKey(row) > boundary.Key;
                break;
            default:
                throw new NotSupportedException($"{operation.GetType().Name} is not a split.");
        }

        var training = new long[selection.Classes.Names.Count];
        var holdout = new long[training.Length];
        using (var trainingWriter = CsvWriter(trainingPath, selection.HeaderText))
        using (var holdoutWriter = CsvWriter(holdoutPath, selection.HeaderText))
        {
            selection.Scan((row, c) =>
            {
                var held = inHoldout(row, c);
                (held ? holdout : training)[c]++;
                var writer = held ? holdoutWriter : trainingWriter;
                writer.Write(row.Record);
                writer.Write('\n');
            });
        }

        return new SplitOutcome(
            new SourceTable(string.Empty, inputPath, selection.Columns, selection.Rows),
            selection.Classes.ToDictionary(training),
            selection.Classes.ToDictionary(holdout));
    }

    /// <summary>Per class index, the rows <paramref name="split"/> holds out of these classes.</summary>
    internal static long[] HoldoutTargets(ClassTable classes, StratifiedHoldout split)
    {
        var byName = split.HoldoutRows(classes.ToDictionary(classes.Rows));
        return [.. classes.Names.Select(name => byName[name])];
    }

    /// <exception cref="MemoryLimitException">The limit is below <see cref="MinimumMemoryBytes"/>.</exception>
    internal static void RequireMemory(long memoryLimitBytes, CsvLimits limits)
    {
        if (memoryLimitBytes < MinimumMemoryBytes(limits))
        {
            throw new MemoryLimitException(
                memoryLimitBytes,
                string.Create(CultureInfo.InvariantCulture, $"reading a CSV file takes room for a record of up to {limits.MaxLineLength:N0} characters and a copy of it, {MemorySize.Format(MinimumMemoryBytes(limits))}"));
        }
    }

    // The histograms of one counting pass: an eighth of the limit, at most 8 MiB (16 bits a pass for up to 8 classes).
    internal static long HistogramBudget(long memoryLimitBytes) => Math.Min(memoryLimitBytes / 8, 8L << 20);

    internal static StreamWriter CsvWriter(string path, string header)
    {
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        writer.Write(header);
        writer.Write('\n');
        return writer;
    }
}
