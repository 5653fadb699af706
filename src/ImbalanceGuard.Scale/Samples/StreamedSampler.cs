using System.Globalization;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Scale;

/// <summary>
/// Random under-sampling of a CSV file of any size to exact per-class targets, by streaming it: a pass counts the
/// classes, the strategy is resolved on those counts as the in-memory <see cref="RandomUnderSampler"/> resolves it, a
/// few counting passes find where each class's kept rows end, and a last pass copies the kept records as written, in
/// file order. In each class the rows kept are those with the lowest seeded hashes of their row ids (ties by row id):
/// the same counts as in memory, not the same random draws.
/// </summary>
public static class StreamedSampler
{
    /// <summary>
    /// The rows to keep per class, in the order of <paramref name="classRows"/>: <paramref name="strategy"/> resolved
    /// for under-sampling on those counts, a class it leaves alone kept whole.
    /// </summary>
    /// <exception cref="SamplingException">The strategy cannot be met on these classes (one class, a count above a class's rows, …).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class has more rows than the in-memory strategy counts (2^31 − 1).</exception>
    public static IReadOnlyDictionary<string, long> Targets(SamplingStrategy strategy, IReadOnlyDictionary<string, long> classRows)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(classRows);
        var names = ClassOrder.Sort(classRows.Keys);
        var counts = new int[names.Length];
        for (var c = 0; c < names.Length; c++)
        {
            var rows = classRows[names[c]];
            counts[c] = rows <= int.MaxValue
                ? (int)rows
                : throw new ArgumentOutOfRangeException(nameof(classRows), rows, $"class '{names[c]}' has {rows:N0} rows; sampling strategies count up to {int.MaxValue:N0} a class.");
        }

        var resolved = strategy.Resolve(counts, names, SamplingKind.UnderSampling);
        var targets = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            targets[names[c]] = resolved.Targets(c) ? resolved[c] : counts[c];
        }

        return targets;
    }

    /// <summary>Under-samples <paramref name="inputPath"/> to <paramref name="outputPath"/> (both CSV) by <paramref name="strategy"/>.</summary>
    /// <param name="inputPath">The CSV file (header line first).</param>
    /// <param name="labelColumn">The class column; null for the last column.</param>
    /// <param name="strategy">The sampling strategy, as the in-memory sampler reads it.</param>
    /// <param name="seed">Seeds the hash of row ids that orders each class.</param>
    /// <param name="outputPath">Where to write the kept rows.</param>
    /// <param name="memoryLimitBytes">The memory limit.</param>
    /// <param name="separator">The cell separator.</param>
    /// <param name="limits">What one record may ask of the reader; default <see cref="CsvLimits.Default"/>.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The file is unreadable as CSV, lacks the label column, has an empty label or too many classes.</exception>
    /// <exception cref="SamplingException">The strategy cannot be met on the file's classes.</exception>
    /// <exception cref="MemoryLimitException">The limit is too small for a streamed pass.</exception>
    public static SampleOutcome RandomUnder(
        string inputPath, string? labelColumn, SamplingStrategy strategy, int seed, string outputPath, long memoryLimitBytes, char separator = ',', CsvLimits? limits = null)
    {
        limits ??= CsvLimits.Default;
        StreamedSplitter.RequireMemory(memoryLimitBytes, limits);
        var selection = CsvSelection.Count(inputPath, separator, limits, labelColumn, timeColumn: null);
        var before = selection.Classes.ToDictionary(selection.Classes.Rows);
        var byName = Targets(strategy, before);
        long[] targets = [.. selection.Classes.Names.Select(name => byName[name])];
        var picker = new BoundaryPicker(selection.HashBoundaries(targets, seed, StreamedSplitter.HistogramBudget(memoryLimitBytes)));
        var kept = new long[targets.Length];
        using (var writer = StreamedSplitter.CsvWriter(outputPath, selection.HeaderText))
        {
            selection.Scan((row, c) =>
            {
                if (picker.Take(c, (ulong)PortableHash.Compute(row.RowId, seed)))
                {
                    kept[c]++;
                    writer.Write(row.Record);
                    writer.Write('\n');
                }
            });
        }

        return new SampleOutcome(new SourceTable(string.Empty, inputPath, selection.Columns, selection.Rows), before, selection.Classes.ToDictionary(kept));
    }
}
