using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// Stratified group k-fold (scikit-learn's <c>StratifiedGroupKFold</c>): every group (a patient, a customer, a
/// device…) lies wholly in one fold, so no group has rows on both sides of any split, and the groups are dealt so
/// that each fold keeps the class proportions of the data as closely as whole groups allow. Fit (and resample)
/// inside each fold's training side.
/// </summary>
/// <remarks>
/// Groups are taken largest class spread first (after a seeded shuffle, so equal groups are not dealt in file
/// order); each goes to the fold where the per-class shares of the folds end up most even, the smaller fold on
/// ties — scikit-learn's greedy rule.
/// </remarks>
public sealed class StratifiedGroupKFold : IFoldSplitter
{
    private readonly string[] _groups;

    /// <summary>Creates the splitter.</summary>
    /// <param name="groups">The group of every row of the data the splitter will split, in row order.</param>
    /// <param name="folds">The number of folds, at least 2.</param>
    /// <param name="shuffle">Shuffle the groups before dealing them, so groups that look alike are not dealt in file order.</param>
    /// <param name="seed">Seeds the shuffle.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="folds"/> is below 2.</exception>
    /// <exception cref="ArgumentException">A group is null.</exception>
    public StratifiedGroupKFold(IReadOnlyList<string> groups, int folds = 5, bool shuffle = true, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (groups.Any(g => g is null))
        {
            throw new ArgumentException("Every row needs a group; one is null.", nameof(groups));
        }

        _groups = [.. groups];
        Folds = folds;
        Shuffle = shuffle;
        Seed = seed;
    }

    /// <summary>The number of folds.</summary>
    public int Folds { get; }

    /// <inheritdoc/>
    public int SplitCount => Folds;

    /// <summary>Whether groups are shuffled before being dealt.</summary>
    public bool Shuffle { get; }

    /// <summary>The shuffle seed.</summary>
    public int Seed { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The groups do not match the rows, or there are fewer groups than folds.</exception>
    public IEnumerable<Fold> Split(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return StratifiedKFold.Enumerate(data, AssignFolds(data), Folds, repeat: 0);
    }

    /// <summary>The fold number of each row.</summary>
    /// <exception cref="ArgumentException">The groups do not match the rows, or there are fewer groups than folds.</exception>
    public int[] AssignFolds(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_groups.Length != data.RowCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{_groups.Length} groups for {data.RowCount} rows."), nameof(data));
        }

        var names = _groups.Distinct(StringComparer.Ordinal).ToArray();
        if (names.Length < Folds)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{Folds} folds need at least {Folds} groups, since a group is never split; there are {names.Length}."),
                nameof(data));
        }

        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var classes = data.ClassCount;
        var groupCounts = new int[names.Length, classes];
        var labels = data.Labels;
        for (var row = 0; row < labels.Length; row++)
        {
            groupCounts[index[_groups[row]], labels[row]]++;
        }

        var order = Enumerable.Range(0, names.Length).ToArray();
        if (Shuffle)
        {
            new SeededRandom(Seed).Shuffle(order.AsSpan());
        }

        // Groups whose classes are most uneven first: they are the hardest to balance (stable, so the shuffle breaks ties).
        order = [.. order.OrderByDescending(g => Spread(Enumerable.Range(0, classes).Select(c => (double)groupCounts[g, c]).ToArray()))];

        var totals = data.ClassCounts;
        var foldCounts = new int[Folds, classes];
        var foldSizes = new int[Folds];
        var groupFold = new int[names.Length];
        foreach (var g in order)
        {
            var best = -1;
            var bestSpread = double.PositiveInfinity;
            for (var f = 0; f < Folds; f++)
            {
                var spread = SpreadWith(foldCounts, groupCounts, g, f, totals);
                if (spread < bestSpread || (spread == bestSpread && foldSizes[f] < foldSizes[best]))
                {
                    best = f;
                    bestSpread = spread;
                }
            }

            groupFold[g] = best;
            for (var c = 0; c < classes; c++)
            {
                foldCounts[best, c] += groupCounts[g, c];
                foldSizes[best] += groupCounts[g, c];
            }
        }

        // A fold no group reached (a few huge groups) would validate on nothing: give it the smallest group of the
        // largest fold that has two or more (there is one: there are at least as many groups as folds).
        for (var f = 0; f < Folds; f++)
        {
            if (foldSizes[f] == 0)
            {
                var largest = Enumerable.Range(0, Folds).Where(k => groupFold.Count(x => x == k) > 1).MaxBy(k => foldSizes[k]);
                var moved = Enumerable.Range(0, names.Length).Where(g => groupFold[g] == largest).MinBy(g => Size(groupCounts, g, classes));
                groupFold[moved] = f;
                foldSizes[largest] -= Size(groupCounts, moved, classes);
                foldSizes[f] += Size(groupCounts, moved, classes);
            }
        }

        var assignment = new int[labels.Length];
        for (var row = 0; row < labels.Length; row++)
        {
            assignment[row] = groupFold[index[_groups[row]]];
        }

        return assignment;
    }

    /// <summary>The mean over classes of the spread of that class's share across folds, were group <paramref name="g"/> in fold <paramref name="fold"/>.</summary>
    private static double SpreadWith(int[,] foldCounts, int[,] groupCounts, int g, int fold, IReadOnlyList<int> totals)
    {
        var folds = foldCounts.GetLength(0);
        var sum = 0.0;
        var shares = new double[folds];
        for (var c = 0; c < totals.Count; c++)
        {
            if (totals[c] == 0)
            {
                continue;
            }

            for (var f = 0; f < folds; f++)
            {
                shares[f] = (foldCounts[f, c] + (f == fold ? groupCounts[g, c] : 0)) / (double)totals[c];
            }

            sum += Spread(shares);
        }

        return sum / totals.Count;
    }

    private static int Size(int[,] groupCounts, int g, int classes)
    {
        var size = 0;
        for (var c = 0; c < classes; c++)
        {
            size += groupCounts[g, c];
        }

        return size;
    }

    /// <summary>The population standard deviation.</summary>
    private static double Spread(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
