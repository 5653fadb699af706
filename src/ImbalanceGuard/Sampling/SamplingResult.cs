namespace ImbalanceGuard.Sampling;

/// <summary>The outcome of one resampling: the new training set and what happened to get there.</summary>
public sealed class SamplingResult
{
    internal SamplingResult(
        TrainingSet resampled,
        int[] keptIndices,
        int syntheticCount,
        IReadOnlyDictionary<string, int> countsBefore,
        IReadOnlyDictionary<string, int> targets,
        IReadOnlyList<string> warnings)
    {
        Warnings = warnings;
        Resampled = resampled;
        KeptIndices = keptIndices;
        SyntheticCount = syntheticCount;
        CountsBefore = countsBefore;
        Targets = targets;
    }

    /// <summary>
    /// The resampled rows: the kept input rows first, in their input order, then the synthetic rows.
    /// </summary>
    public TrainingSet Resampled { get; }

    /// <summary>
    /// The positions, in the input training set, of the rows kept (ascending; a position repeats when a
    /// sampler drew the row more than once). Over-samplers keep every row.
    /// </summary>
    public IReadOnlyList<int> KeptIndices { get; }

    /// <summary>The number of rows the sampler made.</summary>
    public int SyntheticCount { get; }

    /// <summary>Rows per class before resampling.</summary>
    public IReadOnlyDictionary<string, int> CountsBefore { get; }

    /// <summary>Rows per class after resampling.</summary>
    public IReadOnlyDictionary<string, int> CountsAfter => Resampled.ClassCountsByName();

    /// <summary>
    /// The sampling strategy as resolved on the input, per targeted class: rows to add (over-samplers),
    /// rows to keep (under-samplers), or the minority count (cleaning samplers, whose rule decides).
    /// </summary>
    public IReadOnlyDictionary<string, int> Targets { get; }

    /// <summary>
    /// What the sampler could not do as asked without failing: for example a class with no borderline rows
    /// that Borderline-SMOTE therefore left as it was. Empty when everything went as asked.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    internal static SamplingResult Build(TrainingSet training, SamplerOutput output, SamplingTargets targets, ParallelOptions parallel)
    {
        var table = training.Table;
        var kept = output.Kept;
        var synthetic = output.Synthetic;
        var rows = kept.Length + synthetic.Count;
        var labels = new int[rows];
        var weights = table.Weights is null ? null : new double[rows];
        for (var i = 0; i < kept.Length;)
        {
            var first = kept[i];
            var length = RunLength(kept, i);
            Array.Copy(table.Labels, first, labels, i, length);
            if (weights is not null)
            {
                Array.Copy(table.Weights!, first, weights, i, length);
            }

            i += length;
        }

        synthetic.Labels.CopyTo(labels.AsSpan(kept.Length));
        if (weights is not null)
        {
            for (var s = 0; s < synthetic.Count; s++)
            {
                // A synthetic row stands in for the row it was grown from.
                var parents = synthetic.Parents(s);
                weights[kept.Length + s] = parents.Length > 0 ? table.Weights![parents[0]] : 1.0;
            }
        }

        var provenance = Provenance(table.Provenance, kept, synthetic);
        var resampled = new TrainingSet(Rows(table, kept, synthetic, labels, weights, provenance, parallel), resampled: true);
        return new SamplingResult(resampled, kept, synthetic.Count, training.ClassCountsByName(), targets.ByName(table.Schema.ClassNames), output.Warnings);
    }

    /// <summary>
    /// The kept rows' provenance, then the made rows' (traced back to original rows). A selection from original
    /// rows shares the kept row list and the input's numbers instead of copying them; so does an over-sampler
    /// that kept every original row, followed by its own rows.
    /// </summary>
    private static ProvenanceTable Provenance(ProvenanceTable input, int[] kept, SyntheticRows synthetic)
    {
        if (synthetic.Count == 0 && input.SyntheticCount == 0)
        {
            return input.Pick(kept);
        }

        if (input.SyntheticCount == 0 && KeepsEveryRow(kept, input.Count))
        {
            var made = new ProvenanceTable.Builder(input.SourceKey, synthetic.Count, synthetic.Count, synthetic.ParentCount);
            for (var s = 0; s < synthetic.Count; s++)
            {
                made.AddSynthetic(synthetic.Maker(s), input, synthetic.Parents(s));
            }

            return ProvenanceTable.Appended(input, made.Build());
        }

        var provenance = new ProvenanceTable.Builder(input.SourceKey, kept.Length + synthetic.Count, synthetic.Count, synthetic.ParentCount);
        for (var i = 0; i < kept.Length;)
        {
            var length = RunLength(kept, i);
            provenance.CopyRange(input, kept[i], length);
            i += length;
        }

        for (var s = 0; s < synthetic.Count; s++)
        {
            provenance.AddSynthetic(synthetic.Maker(s), input, synthetic.Parents(s));
        }

        return provenance.Build();
    }

    /// <summary>
    /// The resampled table. When every input row was kept, in order (an over-sampler), it shares the input's
    /// matrix and holds only the made rows, in the buffer they were made in, or, when they are plain copies of
    /// input rows, which rows they copy; otherwise the kept rows are copied.
    /// </summary>
    private static RowTable Rows(RowTable table, int[] kept, SyntheticRows synthetic, int[] labels, double[]? weights, ProvenanceTable provenance, ParallelOptions parallel)
    {
        var d = table.FeatureCount;
        if (KeepsEveryRow(kept, table.RowCount))
        {
            if (synthetic.TryGetCopiedRows(out var copyOf))
            {
                return RowTable.WithCopies(table, copyOf, labels, weights, provenance);
            }

            var made = synthetic.TryTakeMatrix(out var buffer) ? buffer : synthetic.Features.ToArray();
            return RowTable.Appended(table, made, labels, weights, provenance);
        }

        var features = GC.AllocateUninitializedArray<double>(labels.Length * d);
        CopyKeptRows(table.Features, kept, features, d, parallel);
        synthetic.Features.CopyTo(features.AsSpan(kept.Length * d));
        return new RowTable(table.Schema, features, labels, weights, provenance);
    }

    private static bool KeepsEveryRow(int[] kept, int rowCount)
    {
        if (kept.Length != rowCount)
        {
            return false;
        }

        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i] != i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Copies the kept rows to the front of the new matrix, a run of consecutive rows at a time (an
    /// over-sampler keeps them all: one run), block by block over threads when there are many.
    /// </summary>
    private static void CopyKeptRows(double[] from, int[] kept, double[] to, int d, ParallelOptions parallel)
        => RowCopying.InBlocks(kept.Length, d, parallel, (start, end) =>
        {
            for (var i = start; i < end;)
            {
                var length = Math.Min(RunLength(kept, i), end - i);
                Array.Copy(from, (long)kept[i] * d, to, (long)i * d, (long)length * d);
                i += length;
            }
        });

    /// <summary>How many of the rows from position <paramref name="i"/> on are consecutive input rows.</summary>
    private static int RunLength(int[] kept, int i)
    {
        var length = 1;
        while (i + length < kept.Length && kept[i + length] == kept[i] + length)
        {
            length++;
        }

        return length;
    }
}
