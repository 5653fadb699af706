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
        IReadOnlyList<string> warnings,
        IReadOnlyList<SamplingNote> notes)
    {
        Warnings = warnings;
        Notes = notes;
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

    /// <summary>
    /// What went as asked but deserves a word: a class mostly discarded (<see cref="SamplingNoteKind.HeavyLoss"/>)
    /// or its rows repeated many times (<see cref="SamplingNoteKind.ManyRepeats"/>). Empty when neither happened.
    /// </summary>
    public IReadOnlyList<SamplingNote> Notes { get; }

    internal static SamplingResult Build(string sampler, TrainingSet training, SamplerOutput output, SamplingTargets targets, ParallelOptions parallel)
    {
        var table = training.Table;
        var kept = output.Kept;
        var synthetic = output.Synthetic;
        var notes = NotesOf(sampler, training, kept, synthetic); // before anything writes the copies out
        var rows = kept.Length + synthetic.Count;

        // The largest allocation first: the collector then runs, if it must, before the smaller ones add up.
        var keepsEveryRow = output.KeepsEveryRow(table.RowCount);
        var keepsMostRows = !keepsEveryRow && KeepsMostRows(kept, table.RowCount);
        var copied = keepsEveryRow || keepsMostRows ? null : CopiedMatrix(table, kept, synthetic, parallel);
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

        var provenance = Provenance(table.Provenance, kept, synthetic, keepsEveryRow);
        var rowTable = copied is not null ? new RowTable(table.Schema, copied, labels, weights, provenance)
            : keepsMostRows ? RowTable.Selected(table, kept, synthetic.Count > 0 ? synthetic.TakeMatrix() : null, labels, weights, provenance)
            : synthetic.TryGetCopiedRows(out var copyOf) ? RowTable.WithCopies(table, copyOf, labels, weights, provenance)
            : RowTable.Appended(table, synthetic.TakeMatrix(), labels, weights, provenance);
        var resampled = new TrainingSet(rowTable, resampled: true);
        return new SamplingResult(resampled, kept, synthetic.Count, training.ClassCountsByName(), targets.ByName(table.Schema.ClassNames), output.Warnings, notes);
    }

    /// <summary>Per class: the input rows kept at least once, and every appearance of them (repeats and plain copies).</summary>
    private static IReadOnlyList<SamplingNote> NotesOf(string sampler, TrainingSet training, int[] kept, SyntheticRows synthetic)
    {
        var labels = training.Table.Labels;
        var classes = training.ClassCount;
        var distinct = new int[classes];
        var appearances = new int[classes];
        for (var i = 0; i < kept.Length; i++)
        {
            var c = labels[kept[i]];
            appearances[c]++;
            if (i == 0 || kept[i] != kept[i - 1])
            {
                distinct[c]++; // kept is ascending, so a repeat follows its first
            }
        }

        if (synthetic.TryGetCopiedRows(out var copies))
        {
            foreach (var source in copies)
            {
                appearances[labels[source]]++;
            }
        }

        return SamplingNote.For(sampler, training.Schema.ClassNames, training.ClassCounts, distinct, appearances);
    }

    /// <summary>
    /// The kept rows' provenance, then the made rows' (traced back to original rows). A selection from original
    /// rows shares the kept row list and the input's numbers instead of copying them, followed by the made rows'
    /// parents and makers when there are any.
    /// </summary>
    private static ProvenanceTable Provenance(ProvenanceTable input, int[] kept, SyntheticRows synthetic, bool keepsEveryRow)
    {
        if (synthetic.Count == 0 && input.SyntheticCount == 0)
        {
            return input.Pick(kept);
        }

        if (input.SyntheticCount == 0)
        {
            var makers = synthetic.MakerIndices;
            var samplerOf = new int[makers.Length];
            for (var s = 0; s < samplerOf.Length; s++)
            {
                samplerOf[s] = makers[s];
            }

            var front = keepsEveryRow ? input : input.Pick(kept);
            return ProvenanceTable.Appended(front, input, synthetic.ParentStarts.ToArray(), synthetic.AllParents, samplerOf, [.. synthetic.MakerNames]);
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
    /// Whether the kept rows are distinct, ascending and at least half the input (a cleaner's): the output then
    /// reads them from the input's matrix (<see cref="RowTable.Selected"/>). A smaller selection is copied, so it
    /// does not keep the whole input alive.
    /// </summary>
    private static bool KeepsMostRows(int[] kept, int rowCount)
    {
        if (2L * kept.Length < rowCount)
        {
            return false;
        }

        for (var i = 1; i < kept.Length; i++)
        {
            if (kept[i] <= kept[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The kept rows, then the made rows, in a new matrix: for a sampler that kept a few input rows or repeated
    /// some. One that kept every input row in order (an over-sampler) shares the input's matrix instead and holds
    /// only the rows it made, in the buffer they were made in, or, when they are plain copies of input rows,
    /// which rows they copy; one that kept most of them (a cleaner) reads them through their positions.
    /// </summary>
    private static double[] CopiedMatrix(RowTable table, int[] kept, SyntheticRows synthetic, ParallelOptions parallel)
    {
        var d = table.FeatureCount;
        var features = GC.AllocateUninitializedArray<double>((kept.Length + synthetic.Count) * d);
        CopyKeptRows(table.Features, kept, features, d, parallel);
        synthetic.Features.CopyTo(features.AsSpan(kept.Length * d));
        return features;
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
