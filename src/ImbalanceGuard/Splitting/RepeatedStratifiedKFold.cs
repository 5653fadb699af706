namespace ImbalanceGuard;

/// <summary>
/// Stratified k-fold repeated with a fresh shuffle each time: more estimates of the same quantity, and a
/// spread that reflects the split as well as the model.
/// </summary>
public sealed class RepeatedStratifiedKFold : IFoldSplitter
{
    /// <summary>Creates the splitter.</summary>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <param name="repeats">The number of repeats, at least 1.</param>
    /// <param name="seed">Seeds every shuffle; repeat <c>r</c> uses its own stream of it.</param>
    public RepeatedStratifiedKFold(int folds = 5, int repeats = 10, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        Folds = folds;
        Repeats = repeats;
        Seed = seed;
    }

    /// <summary>The number of folds per repeat.</summary>
    public int Folds { get; }

    /// <summary>The number of repeats.</summary>
    public int Repeats { get; }

    /// <inheritdoc/>
    public int SplitCount => Folds * Repeats;

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>All folds of all repeats, made one at a time as they are enumerated.</summary>
    /// <exception cref="ArgumentException">There are fewer rows than folds.</exception>
    public IEnumerable<Fold> Split(Dataset data)
    {
        // Checked here, not when the folds are first enumerated, like StratifiedKFold.Split.
        ArgumentNullException.ThrowIfNull(data);
        StratifiedKFold.CheckRowCount(data.RowCount, Folds);
        return Enumerate(data);
    }

    private IEnumerable<Fold> Enumerate(Dataset data)
    {
        for (var r = 0; r < Repeats; r++)
        {
            var assignment = StratifiedKFold.AssignFolds(data.Labels, data.ClassCount, Folds, SeededRandom.Fork(Seed, r));
            foreach (var fold in StratifiedKFold.Enumerate(data, assignment, Folds, r))
            {
                yield return fold;
            }
        }
    }
}
