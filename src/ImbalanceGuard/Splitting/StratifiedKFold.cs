namespace ImbalanceGuard;

/// <summary>
/// Stratified k-fold cross-validation: each class is dealt across the folds as evenly as possible, so
/// every fold keeps the class proportions of the data. Fit (and resample) inside each fold's training side.
/// </summary>
public sealed class StratifiedKFold : IFoldSplitter
{
    /// <summary>Creates the splitter.</summary>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <param name="shuffle">Shuffle each class before dealing it out; without it, folds follow row order.</param>
    /// <param name="seed">Seeds the shuffle.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> is below 2.</exception>
    public StratifiedKFold(int folds = 5, bool shuffle = true, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        Folds = folds;
        Shuffle = shuffle;
        Seed = seed;
    }

    /// <summary>The number of folds.</summary>
    public int Folds { get; }

    /// <inheritdoc/>
    public int SplitCount => Folds;

    /// <summary>Whether classes are shuffled before being dealt.</summary>
    public bool Shuffle { get; }

    /// <summary>The shuffle seed.</summary>
    public int Seed { get; }

    /// <summary>The folds of <paramref name="data"/>, made one at a time as they are enumerated.</summary>
    /// <exception cref="ArgumentException">There are fewer rows than folds.</exception>
    public IEnumerable<Fold> Split(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var assignment = AssignFolds(data.Labels, data.ClassCount, Folds, Shuffle ? new SeededRandom(Seed) : null);
        return Enumerate(data, assignment, Folds, repeat: 0);
    }

    /// <summary>The fold number of each row.</summary>
    /// <exception cref="ArgumentException">There are fewer rows than folds.</exception>
    public IReadOnlyList<int> AssignFolds(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return AssignFolds(data.Labels, data.ClassCount, Folds, Shuffle ? new SeededRandom(Seed) : null);
    }

    internal static int[] AssignFolds(ReadOnlySpan<int> labels, int classCount, int folds, SeededRandom? random)
    {
        CheckRowCount(labels.Length, folds);

        var fold = new int[labels.Length];
        var offset = 0;
        foreach (var rows in ImbalanceGuard.Split.RowsByClass(labels, classCount))
        {
            random?.Shuffle(rows.AsSpan());

            // Continue the deal where the previous class stopped, so fold sizes stay within one row.
            for (var j = 0; j < rows.Length; j++)
            {
                fold[rows[j]] = (offset + j) % folds;
            }

            offset = (offset + rows.Length) % folds;
        }

        return fold;
    }

    internal static void CheckRowCount(int rows, int folds)
    {
        if (rows < folds)
        {
            throw new ArgumentException($"{folds} folds need at least {folds} rows; there are {rows}.");
        }
    }

    internal static IEnumerable<Fold> Enumerate(Dataset data, int[] assignment, int folds, int repeat)
    {
        for (var f = 0; f < folds; f++)
        {
            var inHoldout = new bool[assignment.Length];
            for (var i = 0; i < assignment.Length; i++)
            {
                inHoldout[i] = assignment[i] == f;
            }

            yield return new Fold(f, repeat, ImbalanceGuard.Split.Make(data, inHoldout));
        }
    }
}
