using System.Globalization;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// The inner folds of a pipeline's training rows, which give the out-of-fold scores calibration and threshold
/// tuning are fitted on: shuffled stratified folds, or time-ordered ones (forward chaining). One definition
/// for <see cref="ImbalancePipeline"/>, which fits on them, and <see cref="FoldCounts"/>, which counts them.
/// </summary>
internal static class InnerSplit
{
    /// <summary>What time-ordered inner folds are called in messages.</summary>
    private const string TimeOrdered = "time-ordered inner folds";

    /// <summary>
    /// The inner folds of <paramref name="labels"/>: per fold, the rows a chain trains on and the rows it scores
    /// (both ascending). Stratified folds score every row once; time-ordered ones cut the rows, in time order,
    /// into <paramref name="folds"/> + 1 blocks and score each block after the first with a chain trained on the
    /// blocks before it, so the first block is never scored.
    /// </summary>
    /// <param name="labels">The training rows' labels.</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="folds">The number of inner folds.</param>
    /// <param name="timeOrdered">Forward chaining in time instead of shuffled stratified folds.</param>
    /// <param name="times">With <paramref name="timeOrdered"/>, the time of each row; null when row order is time order.</param>
    /// <param name="seed">Seeds the stratified shuffle.</param>
    /// <param name="problem">Why the rows cannot be cut into time-ordered folds (too few, or too many equal times); null otherwise.</param>
    public static (int[] Train, int[] Score)[]? Folds(ReadOnlySpan<int> labels, int classCount, int folds, bool timeOrdered, IReadOnlyList<double>? times, int seed, out string? problem)
    {
        var n = labels.Length;
        if (!timeOrdered)
        {
            problem = null;
            var assignment = StratifiedKFold.AssignFolds(labels, classCount, folds, new SeededRandom(seed));
            return [.. Enumerable.Range(0, folds).Select(f => (Rows(n, i => assignment[i] != f), Rows(n, i => assignment[i] == f)))];
        }

        if (!TimeSeriesSplit.TryBlocks(n, folds, gap: 0, times, TimeOrdered, out var order, out var starts, out problem))
        {
            return null;
        }

        return [.. Enumerable.Range(0, folds).Select(f => (Sorted(order.AsSpan(0, starts[f])), Sorted(order.AsSpan(starts[f], starts[f + 1] - starts[f]))))];
    }

    /// <summary>
    /// The time of each of <paramref name="fold"/>'s training rows when <paramref name="splitter"/> ordered the
    /// rows by times of its own; null when row order is time order (or the splitter does not order by time).
    /// </summary>
    public static IReadOnlyList<double>? TimesOf(IFoldSplitter splitter, Fold fold)
        => splitter is TimeSeriesSplit { Times: { } times } ? [.. fold.Split.TrainingRows.Select(r => times[r])] : null;

    /// <summary>
    /// Why time-ordered <paramref name="folds"/> cannot give out-of-fold scores of class <paramref name="positive"/>,
    /// or null: the first block, which every inner chain trains on, needs a positive row, and so do the scored
    /// rows, which calibration and tuning are fitted on. (Stratified folds need one per fold; their callers say so.)
    /// </summary>
    /// <param name="folds">The time-ordered inner folds, as <see cref="Folds"/> made them.</param>
    /// <param name="labels">The training rows' labels.</param>
    /// <param name="positive">The positive class.</param>
    /// <param name="className">The positive class's name.</param>
    /// <param name="where">The rows the folds are of, in words: "the training rows" or "a training fold".</param>
    public static string? TimeOrderedShortfall((int[] Train, int[] Score)[] folds, ReadOnlySpan<int> labels, int positive, string className, string where)
    {
        var first = Count(folds[0].Train, labels, positive);
        var scored = 0;
        foreach (var fold in folds)
        {
            scored += Count(fold.Score, labels, positive);
        }

        return first == 0 || scored == 0
            ? Invariant($"Calibration and threshold tuning use {folds.Length} {TimeOrdered} of {where} (each block scored by a model of the blocks before it), but the positive class '{className}' has {Plural.Rows(first)} in the earliest block, which every inner model trains on, and {Plural.Rows(scored)} in the later blocks, which are scored; each needs one")
            : null;
    }

    private static int Count(int[] rows, ReadOnlySpan<int> labels, int positive)
    {
        var count = 0;
        foreach (var row in rows)
        {
            count += labels[row] == positive ? 1 : 0;
        }

        return count;
    }

    private static int[] Rows(int n, Func<int, bool> include) => [.. Enumerable.Range(0, n).Where(include)];

    private static int[] Sorted(ReadOnlySpan<int> rows)
    {
        var sorted = rows.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
