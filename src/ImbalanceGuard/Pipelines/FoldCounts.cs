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
    private bool _timeOrdered;
    private string? _timeOrderedProblem; // why some training fold's time-ordered inner folds cannot work

    private FoldCounts(Dataset data) => _data = data;

    /// <summary>
    /// Counts the training folds of <paramref name="splitter"/> and the inner training parts of
    /// <paramref name="innerFolds"/> inner folds (0 for none), stratified and shuffled by <paramref name="seed"/> or,
    /// with <paramref name="timeOrdered"/>, in time with class <paramref name="positive"/> checked in their blocks.
    /// </summary>
    public static FoldCounts Of(Dataset data, IFoldSplitter splitter, int innerFolds, int seed, bool timeOrdered, int positive)
    {
        var result = new FoldCounts(data) { _timeOrdered = timeOrdered && innerFolds >= 2 };
        var k = data.ClassCount;

        // The library's splitters read labels only: folds of a feature-less copy cost no copy of the features.
        var source = splitter is StratifiedKFold or RepeatedStratifiedKFold or TimeSeriesSplit or StratifiedGroupKFold ? LabelsOnly(data) : data;
        var index = 0;
        foreach (var fold in splitter.Split(source))
        {
            index++;
            var labels = fold.Training.Labels;
            var counts = Count(labels, k, _ => true);
            result._outer.Add(counts);
            if (innerFolds < 2 || (!timeOrdered && labels.Length < innerFolds))
            {
                continue;
            }

            // The same inner folds ImbalancePipeline.Fit makes.
            var times = timeOrdered ? InnerSplit.TimesOf(splitter, fold) : null;
            var inner = InnerSplit.Folds(labels, k, innerFolds, timeOrdered, times, seed, out var blocks);
            var shortfall = inner is not null && timeOrdered
                ? InnerSplit.TimeOrderedShortfall(inner, labels, positive, data.Schema.ClassNames[positive], "a training fold")
                : null;
            if (inner is null || shortfall is not null)
            {
                result._timeOrderedProblem ??= shortfall is not null
                    ? Invariant($"{shortfall} (training fold {index} of {splitter.SplitCount}); use fewer folds or give more data.")
                    : Invariant($"Calibration and threshold tuning use time-ordered inner folds of each training fold, but in training fold {index} of {splitter.SplitCount}: {blocks}");
                continue;
            }

            foreach (var (train, _) in inner)
            {
                result._inner.Add(CountRows(labels, k, train));
            }
        }

        return result;
    }

    /// <summary>The first thing these counts make impossible, or null.</summary>
    public CrossValidationProblem? Problem(IReadOnlyList<Sampler> samplers, int positive, int innerFolds)
    {
        var names = _data.Schema.ClassNames;
        if (_timeOrderedProblem is { } timeOrdered)
        {
            return new CrossValidationProblem(timeOrdered);
        }

        // Stratified inner folds need a positive row in each; time-ordered ones were checked block by block.
        if (innerFolds >= 2 && !_timeOrdered && _outer.Count > 0 && _outer.Min(c => c[positive]) is var fewest && fewest < innerFolds)
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

    private static int[] CountRows(ReadOnlySpan<int> labels, int classes, int[] rows)
    {
        var counts = new int[classes];
        foreach (var row in rows)
        {
            counts[labels[row]]++;
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
