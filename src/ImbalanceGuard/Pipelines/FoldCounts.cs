using System.Globalization;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// The class counts of every training fold of a splitter, and of every inner training part a pipeline fits
/// on inside them for calibration or threshold tuning: the data its samplers will really see. Counting needs
/// the labels only, so it costs nothing next to a single fit.
/// </summary>
internal sealed class FoldCounts
{
    private readonly List<int[]> _outer = [];
    private readonly List<int[]> _inner = [];
    private readonly Dataset _data;

    private FoldCounts(Dataset data) => _data = data;

    public static FoldCounts Of(Dataset data, IFoldSplitter splitter, int innerFolds, int seed)
    {
        var result = new FoldCounts(data);
        var k = data.ClassCount;

        // The library's splitters read labels only: folds of a feature-less copy cost no copy of the features.
        var source = splitter is StratifiedKFold or RepeatedStratifiedKFold or TimeSeriesSplit or StratifiedGroupKFold ? LabelsOnly(data) : data;
        foreach (var fold in splitter.Split(source))
        {
            var labels = fold.Training.Labels;
            var counts = Count(labels, k, _ => true);
            result._outer.Add(counts);
            if (innerFolds < 2 || labels.Length < innerFolds)
            {
                continue;
            }

            // The same inner folds ImbalancePipeline.Fit makes.
            var assignment = StratifiedKFold.AssignFolds(labels, k, innerFolds, new SeededRandom(seed));
            for (var f = 0; f < innerFolds; f++)
            {
                result._inner.Add(Count(labels, k, i => assignment[i] != f));
            }
        }

        return result;
    }

    /// <summary>The first thing these counts make impossible, or null.</summary>
    public CrossValidationProblem? Problem(IReadOnlyList<Sampler> samplers, int positive, int innerFolds)
    {
        var names = _data.Schema.ClassNames;
        if (innerFolds >= 2 && _outer.Count > 0 && _outer.Min(c => c[positive]) is var fewest && fewest < innerFolds)
        {
            return new CrossValidationProblem(Invariant(
                $"Calibration and threshold tuning use {innerFolds} inner folds of each training fold, but class '{names[positive]}' (positive) has {Plural.Rows(_data.ClassCounts[positive])} and a training fold holds as few as {fewest} of them; use fewer folds or give more data."));
        }

        foreach (var sampler in samplers)
        {
            foreach (var counts in _outer.Concat(_inner))
            {
                RowNeed[] needs;
                try
                {
                    needs = [.. sampler.RowNeedsFor(counts, names)];
                }
                catch (SamplingException e)
                {
                    return new CrossValidationProblem($"{e.Message} (in a training fold of {Describe(counts)})") { Sampler = sampler.Name };
                }

                foreach (var need in needs)
                {
                    if (counts[need.Class] < need.Rows)
                    {
                        return Shortfall(sampler, need);
                    }
                }
            }
        }

        return null;
    }

    private CrossValidationProblem Shortfall(Sampler sampler, RowNeed need)
    {
        var c = need.Class;
        var outer = _outer.Min(counts => counts[c]);
        var inner = _inner.Count > 0 ? _inner.Min(counts => counts[c]) : (int?)null;
        var fewest = Math.Min(outer, inner ?? outer);
        var where = inner is { } i ? Invariant($"a training fold holds as few as {outer} and an inner fold {i}") : Invariant($"a training fold holds as few as {outer}");
        var workable = need.Workable(fewest);
        return new CrossValidationProblem(Invariant(
            $"{sampler.Name} cannot run in every fold: class '{_data.Schema.ClassNames[c]}' has {Plural.Rows(_data.ClassCounts[c])}; {where}; {sampler.Name}'s {need.Parameter}={need.Value} needs {need.Rows}."))
        {
            Sampler = sampler.Name,
            Parameter = need.Parameter,
            WorkableValue = workable,
        };
    }

    private string Describe(int[] counts)
        => string.Join(", ", counts.Select((n, c) => $"'{_data.Schema.ClassNames[c]}' {n.ToString(CultureInfo.InvariantCulture)}"));

    private static int[] Count(ReadOnlySpan<int> labels, int classes, Func<int, bool> include)
    {
        var counts = new int[classes];
        for (var i = 0; i < labels.Length; i++)
        {
            if (include(i))
            {
                counts[labels[i]]++;
            }
        }

        return counts;
    }

    private static Dataset LabelsOnly(Dataset data)
    {
        var schema = new DataSchema([], [], data.Schema.LabelName, [.. data.Schema.ClassNames]);
        return new Dataset(new RowTable(schema, [], data.Labels.ToArray(), null, ProvenanceTable.Original(data.RowCount)));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
