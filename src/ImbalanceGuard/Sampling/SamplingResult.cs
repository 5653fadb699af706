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

    internal static SamplingResult Build(TrainingSet training, SamplerOutput output, SamplingTargets targets)
    {
        var table = training.Table;
        var d = table.FeatureCount;
        var kept = output.Kept;
        var synthetic = output.Synthetic;
        var rows = kept.Length + synthetic.Count;
        var inPlace = synthetic.TryTakeMatrix(kept.Length, out var features);
        if (!inPlace)
        {
            features = new double[rows * d];
        }

        var labels = new int[rows];
        var weights = table.Weights is null ? null : new double[rows];
        var provenance = new ProvenanceTable.Builder(table.Provenance.SourceKey, rows, synthetic.Count, synthetic.ParentCount);
        for (var i = 0; i < kept.Length; i++)
        {
            var row = kept[i];
            Array.Copy(table.Features, row * d, features, i * d, d);
            labels[i] = table.Labels[row];
            if (weights is not null)
            {
                weights[i] = table.Weights![row];
            }

            provenance.CopyFrom(table.Provenance, row);
        }

        if (!inPlace)
        {
            synthetic.Features.CopyTo(features.AsSpan(kept.Length * d));
        }

        synthetic.Labels.CopyTo(labels.AsSpan(kept.Length));
        var roots = new List<long>();
        for (var s = 0; s < synthetic.Count; s++)
        {
            roots.Clear();
            var parents = synthetic.Parents(s);
            foreach (var parent in parents)
            {
                table.Provenance.AppendRoots(parent, roots);
            }

            provenance.AddSynthetic(synthetic.Maker(s), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(roots));
            if (weights is not null)
            {
                // A synthetic row stands in for the row it was grown from.
                weights[kept.Length + s] = parents.Length > 0 ? table.Weights![parents[0]] : 1.0;
            }
        }

        var resampled = new TrainingSet(new RowTable(table.Schema, features, labels, weights, provenance.Build()), resampled: true);
        return new SamplingResult(resampled, kept, synthetic.Count, training.ClassCountsByName(), targets.ByName(table.Schema.ClassNames), output.Warnings);
    }
}
