using System.Globalization;
using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// SMOTE, SMOTE-NC and SMOTEN on a CSV file larger than memory. Only the rows of the classes they grow are held
/// in memory: these samplers search for neighbours within the class, so the other rows are never compared. The
/// file is read once to count its classes exactly (not when the strategy names per-class counts, which say
/// which classes grow), and once more to copy every row to the output as it is written while the rows of the
/// classes to grow are kept; the synthetic rows are appended after the last input row.
/// </summary>
/// <remarks>
/// Every row is read with <see cref="Dataset.LoadCsv"/>'s rules (checks, category levels in order of first
/// appearance over the whole file, classes of the whole file), so the rows kept have the values loading the whole
/// file gives them, and the strategy is resolved on the exact counts of every class. The sampler then makes, with
/// the same seed, the same synthetic rows as on the whole file in memory: its random draws depend only on the
/// rows of the classes it grows, and SMOTEN's value difference metric takes its counts from every row, counted
/// while the file streams past.
/// </remarks>
public static class StreamedOversampling
{
    // What a kept row costs at the peak, per feature: its value while read, in the table, and in the class's
    // neighbour index; per categorical feature, the text held until the levels are known.
    private const long BytesPerValue = 3 * sizeof(double);
    private const long BytesPerCategoryText = 48;
    private const long BytesPerRow = 64;

    /// <summary>Whether <paramref name="sampler"/> can run streamed: it grows classes from their own rows alone.</summary>
    public static bool Supports(Sampler sampler) => sampler is Smote or SmoteNc or Smoten;

    /// <summary>
    /// Whether <paramref name="sampler"/> can run streamed on a sample of the classes it does not grow
    /// (<see cref="LargeClassSampling"/>): an over-sampler whose neighbour search includes other classes.
    /// </summary>
    public static bool SupportsWithSample(Sampler sampler) => sampler is BorderlineSmote or SvmSmote or Adasyn or KMeansSmote;

    /// <summary>
    /// Resamples the CSV file <paramref name="path"/> with <paramref name="sampler"/> and writes the result to
    /// <paramref name="output"/>: the header of the columns a loaded dataset writes back, every input row as it is
    /// written in the file (its cells joined with commas when the file's separator is another or columns are
    /// ignored), then the synthetic rows as <see cref="LabeledData.WriteCsv"/> writes them.
    /// </summary>
    /// <param name="path">The CSV file, a training split.</param>
    /// <param name="options">How to read it, as for <see cref="Dataset.LoadCsv"/>; a weight column is not supported.</param>
    /// <param name="sampler">SMOTE, SMOTE-NC or SMOTEN, with its strategy and seed.</param>
    /// <param name="output">Where the resampled rows go.</param>
    /// <param name="memoryLimitBytes">The most memory the rows of the classes to grow may take (see the remarks of the class).</param>
    /// <param name="sampling">
    /// For a sampler that compares rows of every class (<see cref="SupportsWithSample"/>): which rows of the classes
    /// not grown it sees. Its output then differs from the in-memory one, which sees every row.
    /// </param>
    /// <exception cref="ArgumentException">The sampler is not SMOTE, SMOTE-NC or SMOTEN (nor, with <paramref name="sampling"/>, one of <see cref="SupportsWithSample"/>), a weight column is named, or the limit is not positive.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not usable; the message says where and why.</exception>
    /// <exception cref="SamplingException">The strategy cannot be met, the sampler cannot run on the rows, or the rows to grow do not fit in the limit.</exception>
    public static StreamedOversamplingResult Resample(string path, CsvLoadOptions options, Sampler sampler, TextWriter output, long memoryLimitBytes, LargeClassSampling? sampling = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(output);
        if (sampling is null ? !Supports(sampler) : !SupportsWithSample(sampler))
        {
            throw new ArgumentException(
                sampling is null
                    ? $"{sampler.Name} compares rows of other classes and cannot run streamed without a sample of them; smote, smote-nc and smoten can."
                    : $"{sampler.Name} does not run streamed on a sample of the large classes; borderline-smote, svm-smote, adasyn and kmeans-smote do.",
                nameof(sampler));
        }

        if (options.WeightColumn is not null)
        {
            throw new ArgumentException("Streamed over-sampling does not take a weight column.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryLimitBytes);
        var header = Dataset.CsvColumns(path, options);
        var rowBudget = memoryLimitBytes / RowBytes(header.Count, options, sampler);

        // The classes to grow: those a per-class count strategy names, or, for any other strategy, those it
        // grows on the exact counts of a first pass.
        var named = sampler.SamplingStrategy.NamedClasses;
        Func<string, bool> grows;
        IReadOnlySet<long>? sampled = null;
        if (named is not null && sampling is null)
        {
            var set = named.ToHashSet(StringComparer.Ordinal);
            grows = set.Contains;
        }
        else
        {
            var counting = new ClassRowFilter(_ => false, null, false, rowBudget, memoryLimitBytes)
            {
                Ranks = sampling is null ? null : new LowestRanks(sampling.RowsPerClass, sampling.Rank),
            };
            var firstPass = Read(path, options, counting);
            var firstTargets = Resolve(sampler, firstPass.Schema, counting.Tally);
            var growing = Enumerable.Range(0, firstPass.Schema.ClassCount).Where(c => firstTargets.Targets(c) && firstTargets[c] > 0)
                .Select(c => firstPass.Schema.ClassNames[c]).ToHashSet(StringComparer.Ordinal);
            grows = growing.Contains;
            if (counting.Ranks is { } ranks)
            {
                sampled = counting.Tally.Distinct.Where(label => !growing.Contains(label))
                    .SelectMany(label => ranks.Rows(counting.CodeOf(label))).ToHashSet();
            }
        }

        var filter = new ClassRowFilter(grows, output, sampler is Smoten, rowBudget, memoryLimitBytes) { SampledRows = sampled };
        var kept = Read(path, options, filter);
        var schema = kept.Schema;
        var targets = Resolve(sampler, schema, filter.Tally);
        var table = kept.Table;
        var input = new SamplerInput(table.Features, table.Labels, schema, new NeighborSearchOptions { MaxDegreeOfParallelism = sampler.MaxDegreeOfParallelism });
        var counted = filter.Tally.ByLabel();
        var before = schema.ClassNames.ToDictionary(name => name, name => counted[name], StringComparer.Ordinal);
        foreach (var c in targets.TargetedClasses.Where(c => targets[c] > 0))
        {
            if (input.ClassCounts[c] != before[schema.ClassNames[c]])
            {
                throw new InvalidOperationException($"Class '{schema.ClassNames[c]}' is grown but its rows were not all kept.");
            }
        }

        // The synthetic rows are made in memory before they are written: they count against the limit too.
        var made = targets.TargetedClasses.Sum(c => (long)Math.Max(targets[c], 0));
        var needed = (filter.KeptRows * RowBytes(header.Count, options, sampler)) + (made * SyntheticRowBytes(schema.FeatureCount));
        if (needed > memoryLimitBytes)
        {
            throw new SamplingException(string.Create(
                CultureInfo.InvariantCulture,
                $"the {filter.KeptRows:N0} rows of the classes to grow and the {made:N0} rows to make need about {Megabytes(needed)} MB, more than the memory limit of {Megabytes(memoryLimitBytes)} MB; raise the memory limit."));
        }

        var run = sampler is Smoten smoten ? smoten.WithValueCounts(filter.ValueCounts(schema)) : sampler;
        var result = run.Run(input, targets);
        var synthetic = result.Synthetic;
        var labels = synthetic.Labels.ToArray();
        if (labels.Length > 0)
        {
            var matrix = synthetic.TakeMatrix();
            if (matrix.Length != labels.Length * schema.FeatureCount)
            {
                matrix = matrix[..(labels.Length * schema.FeatureCount)];
            }

            var rows = new Dataset(new RowTable(schema, matrix, labels, null, ProvenanceTable.Original(labels.Length)));
            CsvDatasetWriter.Write(rows, output, header: false);
        }

        var after = new Dictionary<string, long>(before, StringComparer.Ordinal);
        foreach (var label in labels)
        {
            after[schema.ClassNames[label]]++;
        }

        var held = sampled is null
            ? new Dictionary<string, long>(StringComparer.Ordinal)
            : Enumerable.Range(0, schema.ClassCount).Where(c => !grows(schema.ClassNames[c]))
                .ToDictionary(c => schema.ClassNames[c], c => (long)input.ClassCounts[c], StringComparer.Ordinal);
        return new StreamedOversamplingResult(before, after, labels.Length, filter.KeptRows, result.Warnings) { SampledClasses = held };
    }

    private static Dataset Read(string path, CsvLoadOptions options, ClassRowFilter filter)
    {
        using var reader = CsvRecordReader.Open(path, options.Limits);
        return CsvDatasetReader.ReadTable(reader, options, Path.GetFileName(path), null, filter).Data;
    }

    private static SamplingTargets Resolve(Sampler sampler, DataSchema schema, LabelTally tally)
    {
        var counts = new int[schema.ClassCount];
        for (var code = 0; code < tally.Distinct.Count; code++)
        {
            var count = tally.Count(code);
            counts[schema.ClassIndex(tally.Distinct[code])] = count <= int.MaxValue
                ? (int)count
                : throw new SamplingException(string.Create(CultureInfo.InvariantCulture, $"{sampler.Name}: class '{tally.Distinct[code]}' has {count:N0} rows, more than a strategy can count ({int.MaxValue:N0}); name per-class counts of the classes to grow."));
        }

        try
        {
            return sampler.SamplingStrategy.Resolve(counts, schema.ClassNames, sampler.Kind);
        }
        catch (ArgumentException e)
        {
            throw new SamplingException($"{sampler.Name}: {e.Message}");
        }
    }

    /// <summary>What one synthetic row costs until it is written: its values, label and two parents.</summary>
    private static long SyntheticRowBytes(int features) => (features * sizeof(double)) + 16;

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>What one kept row costs at the peak, in bytes, for a file of <paramref name="columns"/> columns.</summary>
    private static long RowBytes(int columns, CsvLoadOptions options, Sampler sampler)
    {
        var categorical = sampler is Smoten ? columns : (options.CategoricalColumns?.Count ?? 0) + (sampler is SmoteNc ? 1 : 0);
        return BytesPerRow + (columns * BytesPerValue) + (Math.Min(categorical, columns) * BytesPerCategoryText);
    }
}
