using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// Cross-validation in time (scikit-learn's <c>TimeSeriesSplit</c>): rows are in time order; fold k
/// validates on the k-th of <see cref="Folds"/> consecutive blocks after an initial stretch and trains on
/// everything before it (optionally only the last <see cref="MaxTrainingRows"/> rows, and leaving a
/// <see cref="Gap"/> between them), so no row of the future trains a model of the past. Classes are not
/// balanced across folds: a fold may lack the rare class, and the results say so.
/// </summary>
public sealed class TimeSeriesSplit : IFoldSplitter
{
    /// <summary>Creates the splitter.</summary>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <param name="maxTrainingRows">Train on at most this many of the latest rows before the fold; null for all of them.</param>
    /// <param name="gap">Rows left out between the training side and the fold (to stop leakage through lagged features).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public TimeSeriesSplit(int folds = 5, int? maxTrainingRows = null, int gap = 0)
    {
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

    /// <summary>The most training rows per fold, or null for all earlier rows.</summary>
    public int? MaxTrainingRows { get; }

    /// <inheritdoc/>
    public int SplitCount => Folds;

    /// <summary>Rows skipped between the training side and the fold.</summary>
    public int Gap { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">There are too few rows for the folds and the gap.</exception>
    public IEnumerable<Fold> Split(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.RowCount;
        var foldSize = n / (Folds + 1);
        if (foldSize < 1 || n - (Folds * foldSize) - Gap < 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{Folds} time-ordered folds with a gap of {Gap} need more than {(Folds + 1) + Gap} rows; there are {n}."),
                nameof(data));
        }

        return Enumerate(data, n, foldSize);
    }

    private IEnumerable<Fold> Enumerate(Dataset data, int n, int foldSize)
    {
        for (var k = 0; k < Folds; k++)
        {
            var validationStart = n - ((Folds - k) * foldSize);
            var trainingEnd = validationStart - Gap;
            var trainingStart = MaxTrainingRows is { } most ? Math.Max(0, trainingEnd - most) : 0;
            var side = new bool?[n];
            for (var i = trainingStart; i < trainingEnd; i++)
            {
                side[i] = false;
            }

            for (var i = validationStart; i < validationStart + foldSize; i++)
            {
                side[i] = true;
            }

            yield return new Fold(k, 0, ImbalanceGuard.Split.Make(data, side));
        }
    }
}
