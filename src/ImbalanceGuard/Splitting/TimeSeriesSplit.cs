using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// Cross-validation in time (scikit-learn's <c>TimeSeriesSplit</c>): rows are in time order; fold k
/// validates on the k-th of <see cref="Folds"/> consecutive blocks after an initial stretch and trains on
/// everything before it (optionally only the last <see cref="MaxTrainingRows"/> rows, and leaving a
/// <see cref="Gap"/> between them), so no row of the future trains a model of the past. Classes are not
/// balanced across folds: a fold may lack the rare class, and the results say so. With <see cref="Times"/> the
/// rows are ordered by time instead of position, and rows with equal times stay in one block: a boundary
/// that would cut through them moves before them, so every training row is strictly earlier than its fold.
/// </summary>
public sealed class TimeSeriesSplit : IFoldSplitter
{
    /// <summary>Creates the splitter.</summary>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <param name="maxTrainingRows">Train on at most this many of the latest rows before the fold; null for all of them.</param>
    /// <param name="gap">Rows left out between the training side and the fold (to stop leakage through lagged features).</param>
    /// <param name="times">A time (or any ordering key) per row of the data to split; null when row order is time order.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    /// <exception cref="ArgumentException">A time is NaN.</exception>
    public TimeSeriesSplit(int folds = 5, int? maxTrainingRows = null, int gap = 0, IReadOnlyList<double>? times = null)
    {
        for (var i = 0; i < (times?.Count ?? 0); i++)
        {
            if (double.IsNaN(times![i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The time of row {i} is NaN."), nameof(times));
            }
        }

        Times = times is null ? null : [.. times];
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (maxTrainingRows is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTrainingRows), maxTrainingRows, "At least one training row is needed.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        Folds = folds;
        MaxTrainingRows = maxTrainingRows;
        Gap = gap;
    }

    /// <summary>The number of folds.</summary>
    public int Folds { get; }

    /// <summary>The time of each row, or null when row order is time order.</summary>
    public IReadOnlyList<double>? Times { get; }

    /// <summary>The most training rows per fold, or null for all earlier rows.</summary>
    public int? MaxTrainingRows { get; }

    /// <inheritdoc/>
    public int SplitCount => Folds;

    /// <summary>Rows skipped between the training side and the fold.</summary>
    public int Gap { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">
    /// There are too few rows for the folds and the gap, the times do not match the rows, or so many rows share a
    /// time that a fold would be empty.
    /// </exception>
    public IEnumerable<Fold> Split(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.RowCount;
        if (Times is not null && Times.Count != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Times.Count} times for {n} rows."), nameof(data));
        }

        if (!TryBlocks(n, Folds, Gap, Times, "time-ordered folds", out var order, out var starts, out var problem))
        {
            throw new ArgumentException(problem, nameof(data));
        }

        return Enumerate(data, order, starts);
    }

    /// <summary>
    /// The rows in time order and where each of the <paramref name="folds"/> validation blocks starts (a last entry
    /// of <paramref name="rowCount"/> closes the last one); every row before a block, less the gap, trains for it. A
    /// boundary that would cut through rows of equal <paramref name="times"/> moves before them. False, with the
    /// problem in words naming <paramref name="what"/>, when the rows are too few for the blocks or so many share a
    /// time that a block would be empty.
    /// </summary>
    internal static bool TryBlocks(int rowCount, int folds, int gap, IReadOnlyList<double>? times, string what, out int[] order, out int[] starts, out string? problem)
    {
        var n = rowCount;
        var foldSize = n / (folds + 1);
        order = [];
        starts = [];
        if (foldSize < 1 || n - (folds * foldSize) - gap < 1)
        {
            var withGap = gap > 0 ? string.Create(CultureInfo.InvariantCulture, $" with a gap of {gap}") : string.Empty;
            problem = string.Create(CultureInfo.InvariantCulture, $"{folds} {what}{withGap} need more than {folds + 1 + gap} rows; there are {n}.");
            return false;
        }

        // Positions in time order (stable: equal times keep row order), and where each block starts.
        order = times is null ? Enumerable.Range(0, n).ToArray() : [.. Enumerable.Range(0, n).OrderBy(i => times[i])];
        starts = new int[folds + 1];
        for (var k = 0; k <= folds; k++)
        {
            starts[k] = k == folds ? n : n - ((folds - k) * foldSize);
            while (times is not null && k < folds && starts[k] > 0 && times[order[starts[k] - 1]] == times[order[starts[k]]])
            {
                starts[k]--;
            }
        }

        for (var k = 0; k < folds; k++)
        {
            if (starts[k] >= starts[k + 1] || starts[k] - gap < 1)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"So many rows share a time that {what[..^1]} {k + 1} of {folds} would have no rows to validate or train on; use fewer folds.");
                return false;
            }
        }

        problem = null;
        return true;
    }

    private IEnumerable<Fold> Enumerate(Dataset data, int[] order, int[] starts)
    {
        var n = order.Length;
        for (var k = 0; k < Folds; k++)
        {
            var validationStart = starts[k];
            var trainingEnd = validationStart - Gap;
            var trainingStart = MaxTrainingRows is { } most ? Math.Max(0, trainingEnd - most) : 0;
            var side = new bool?[n];
            for (var i = trainingStart; i < trainingEnd; i++)
            {
                side[order[i]] = false;
            }

            for (var i = validationStart; i < starts[k + 1]; i++)
            {
                side[order[i]] = true;
            }

            yield return new Fold(k, 0, ImbalanceGuard.Split.Make(data, side));
        }
    }
}
