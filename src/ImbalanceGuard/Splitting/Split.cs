using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// The splitters that turn a <see cref="Dataset"/> into a <see cref="TrainingSet"/> and a
/// <see cref="HoldoutSet"/>: the only way to make either. Split first, then resample the training side.
/// </summary>
public static class Split
{
    /// <summary>
    /// A stratified random split: each class is divided in the same proportion, and every class with at
    /// least two rows has rows on both sides. A class with a single row stays in training.
    /// </summary>
    /// <param name="data">The rows to split.</param>
    /// <param name="holdoutFraction">The share of rows to hold out, in (0, 1); the count is rounded up.</param>
    /// <param name="seed">Seeds the shuffle: the same seed gives the same split.</param>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside (0, 1).</exception>
    /// <exception cref="ArgumentException">The data has fewer than two rows, or no class has two.</exception>
    public static TrainHoldoutSplit Stratified(Dataset data, double holdoutFraction = 0.25, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(holdoutFraction);
        CheckRowCount(data);
        var counts = data.ClassCounts;
        var perClass = HoldoutCountsByClass(counts, holdoutFraction);
        if (perClass.Sum() == 0)
        {
            throw new ArgumentException(
                "No class has two rows, so no row can be held out (a class's single row stays in training); is the label column the right one?",
                nameof(data));
        }

        var random = new SeededRandom(seed);
        var inHoldout = new bool[data.RowCount];
        var byClass = RowsByClass(data.Labels, data.ClassCount);
        for (var c = 0; c < byClass.Length; c++)
        {
            var rows = byClass[c];
            random.Shuffle(rows.AsSpan());
            for (var i = 0; i < perClass[c]; i++)
            {
                inHoldout[rows[i]] = true;
            }
        }

        return Make(data, inHoldout);
    }

    /// <summary>
    /// A split in time: the latest rows are held out, so no row of the future trains a model of the past.
    /// Rows are ordered by <paramref name="times"/> when given (rows with equal times stay on one side),
    /// otherwise by their position in the data. Classes are not balanced across the sides.
    /// </summary>
    /// <param name="data">The rows to split.</param>
    /// <param name="holdoutFraction">The share of rows to hold out, in (0, 1); the count is rounded up.</param>
    /// <param name="times">A time (or any ordering key) per row; default: row order is time order.</param>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside (0, 1).</exception>
    /// <exception cref="ArgumentException">Too few rows, a time per row is missing or NaN, or one side would be empty.</exception>
    public static TrainHoldoutSplit TimeOrdered(Dataset data, double holdoutFraction = 0.25, IReadOnlyList<double>? times = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFraction(holdoutFraction);
        CheckRowCount(data);
        var n = data.RowCount;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = new double[n];
        if (times is null)
        {
            for (var i = 0; i < n; i++)
            {
                keys[i] = i;
            }
        }
        else
        {
            if (times.Count != n)
            {
                throw new ArgumentException($"{times.Count} times for {n} rows.", nameof(times));
            }

            for (var i = 0; i < n; i++)
            {
                keys[i] = times[i];
                if (double.IsNaN(keys[i]))
                {
                    throw new ArgumentException($"The time of row {i} is NaN.", nameof(times));
                }
            }

            // Stable: equal times keep row order.
            order = [.. order.OrderBy(i => keys[i])];
        }

        var holdoutCount = (int)TimeOrderedHoldoutCount(n, holdoutFraction);
        if (holdoutCount >= n)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Holding out {holdoutFraction} of {n} rows rounds up to every row; no row would be left to train on."),
                nameof(holdoutFraction));
        }

        var cut = n - holdoutCount;

        // Rows sharing the boundary time all go to the holdout, so every training time is earlier.
        while (cut > 0 && keys[order[cut - 1]] == keys[order[cut]])
        {
            cut--;
        }

        if (cut == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Every row up to the split point has the earliest time, {keys[order[0]]}, so no training row would be earlier than the holdout."),
                nameof(times));
        }

        var inHoldout = new bool[n];
        for (var i = cut; i < n; i++)
        {
            inHoldout[order[i]] = true;
        }

        return Make(data, inHoldout);
    }

    /// <summary>
    /// A split that keeps each group (a patient, a customer, a device, …) whole on one side, so that rows
    /// that are near-copies of each other cannot sit on both. Groups are taken in a seeded random order and
    /// each is placed on the side that keeps both the holdout share and the class proportions closest to
    /// the target.
    /// </summary>
    /// <param name="data">The rows to split.</param>
    /// <param name="groups">The group of each row.</param>
    /// <param name="holdoutFraction">The share of rows to hold out, in (0, 1).</param>
    /// <param name="seed">Seeds the group order.</param>
    /// <exception cref="ArgumentException">Groups are missing or there are fewer than two of them.</exception>
    public static TrainHoldoutSplit Grouped(Dataset data, IReadOnlyList<string> groups, double holdoutFraction = 0.25, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(groups);
        CheckFraction(holdoutFraction);
        CheckRowCount(data);
        var n = data.RowCount;
        if (groups.Count != n)
        {
            throw new ArgumentException($"{groups.Count} group keys for {n} rows.", nameof(groups));
        }

        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowGroup = new int[n];
        for (var i = 0; i < n; i++)
        {
            var key = groups[i] ?? throw new ArgumentException($"Row {i} has no group.", nameof(groups));
            if (!groupIndex.TryGetValue(key, out var g))
            {
                g = groupIndex.Count;
                groupIndex.Add(key, g);
            }

            rowGroup[i] = g;
        }

        var groupCount = groupIndex.Count;
        if (groupCount < 2)
        {
            throw new ArgumentException("A grouped split needs at least two groups.", nameof(groups));
        }

        var k = data.ClassCount;
        var groupClassCounts = new int[groupCount, k];
        var groupSize = new int[groupCount];
        var labels = data.Labels;
        for (var i = 0; i < n; i++)
        {
            groupClassCounts[rowGroup[i], labels[i]]++;
            groupSize[rowGroup[i]]++;
        }

        var order = Enumerable.Range(0, groupCount).ToArray();
        new SeededRandom(seed).Shuffle(order.AsSpan());

        // Place big groups first: they constrain the most.
        order = [.. order.OrderByDescending(g => groupSize[g])];
        var classTotals = data.ClassCounts;
        var holdoutClass = new double[k];
        var holdoutRows = 0.0;
        var toHoldout = new bool[groupCount];
        foreach (var g in order)
        {
            var costHoldout = GroupCost(holdoutClass, holdoutRows, g, groupClassCounts, groupSize[g], classTotals, n, holdoutFraction, add: true);
            var costTraining = GroupCost(holdoutClass, holdoutRows, g, groupClassCounts, groupSize[g], classTotals, n, holdoutFraction, add: false);
            if (costHoldout < costTraining)
            {
                toHoldout[g] = true;
                holdoutRows += groupSize[g];
                for (var c = 0; c < k; c++)
                {
                    holdoutClass[c] += groupClassCounts[g, c];
                }
            }
        }

        if (holdoutRows == 0 || holdoutRows == n)
        {
            // Too few groups to reach the share: hold out the smallest group.
            var smallest = Enumerable.Range(0, groupCount).MinBy(g => groupSize[g]);
            Array.Clear(toHoldout);
            toHoldout[smallest] = true;
        }

        var inHoldout = new bool[n];
        for (var i = 0; i < n; i++)
        {
            inHoldout[i] = toHoldout[rowGroup[i]];
        }

        return Make(data, inHoldout);
    }

    /// <summary>
    /// The escape hatch for data that arrives already split (a published train/test pair, a file per
    /// month): declares <paramref name="training"/> the training side and <paramref name="holdout"/> the
    /// holdout side. Nothing is checked beyond the schemas; <see cref="LeakageGuard"/> checks the rows.
    /// Categorical text columns are recoded so that a code means the same category on both sides (each
    /// file numbers its categories in order of first appearance); the text of every row stays as it was.
    /// Greppable on purpose: every use is a place where a leak could enter.
    /// </summary>
    /// <exception cref="ArgumentException">The two datasets do not have the same features and classes.</exception>
    public static TrainHoldoutSplit FromPreSplit(Dataset training, Dataset holdout)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(holdout);
        if (!training.Schema.IsCompatibleWith(holdout.Schema))
        {
            throw new ArgumentException(
                "The training and holdout data must have the same features, feature kinds, label column and classes.",
                nameof(holdout));
        }

        // Each file numbers its category texts by first appearance: recode so a code means one category.
        var (trainingTable, holdoutTable) = CategoryAlignment.Align(training.Table, holdout.Table);
        return new TrainHoldoutSplit(
            new TrainingSet(trainingTable),
            new HoldoutSet(holdoutTable),
            [.. Enumerable.Range(0, training.RowCount)],
            [.. Enumerable.Range(0, holdout.RowCount)]);
    }

    /// <summary>
    /// The escape hatch for a file that is already the training side of a split made elsewhere (for
    /// example the input of the <c>imbalance-guard resample</c> command): declares all of
    /// <paramref name="training"/> training data. Greppable on purpose, like its two-sided overload.
    /// </summary>
    public static TrainingSet FromPreSplit(Dataset training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new TrainingSet(training.Table);
    }

    internal static TrainHoldoutSplit Make(Dataset data, bool[] inHoldout)
        => Make(data, Array.ConvertAll(inHoldout, h => (bool?)h));

    /// <summary>A split where each row is training (false), holdout (true) or left out (null).</summary>
    internal static TrainHoldoutSplit Make(Dataset data, bool?[] side)
    {
        var training = new List<int>(side.Length);
        var holdout = new List<int>();
        for (var i = 0; i < side.Length; i++)
        {
            if (side[i] is { } inHoldout)
            {
                (inHoldout ? holdout : training).Add(i);
            }
        }

        int[] trainingRows = [.. training];
        int[] holdoutRows = [.. holdout];
        return new TrainHoldoutSplit(
            new TrainingSet(data.Table.Select(trainingRows)),
            new HoldoutSet(data.Table.Select(holdoutRows)),
            trainingRows,
            holdoutRows);
    }

    internal static int[][] RowsByClass(ReadOnlySpan<int> labels, int classCount)
    {
        var counts = new int[classCount];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var rows = new int[classCount][];
        for (var c = 0; c < classCount; c++)
        {
            rows[c] = new int[counts[c]];
        }

        Array.Clear(counts);
        for (var i = 0; i < labels.Length; i++)
        {
            rows[labels[i]][counts[labels[i]]++] = i;
        }

        return rows;
    }

    /// <summary>
    /// How many rows of each class to hold out: the total rounded up, shared in proportion to class size
    /// by largest remainder, then moved so that every class of two or more rows is on both sides. Rows are
    /// moved, not added or dropped: the total stays the rounded-up share unless those bounds cannot hold
    /// it (more small classes than rows to hold out, say), and then it is the nearest total they allow.
    /// </summary>
    internal static int[] HoldoutCountsByClass(IReadOnlyList<int> counts, double fraction)
        => Array.ConvertAll(HoldoutCountsByClass(counts.Select(c => (long)c).ToArray(), fraction), c => (int)c);

    /// <summary>
    /// <see cref="HoldoutCountsByClass(IReadOnlyList{int}, double)"/> for counts beyond <see cref="int"/>, as the
    /// out-of-core split counts a file: the same rule, so a file split out of core holds out what it would in memory.
    /// </summary>
    internal static long[] HoldoutCountsByClass(IReadOnlyList<long> counts, double fraction)
    {
        var k = counts.Count;
        var n = counts.Sum();

        // A class of two or more rows keeps a row on each side; a single row stays in training.
        var low = new long[k];
        var high = new long[k];
        for (var c = 0; c < k; c++)
        {
            low[c] = counts[c] >= 2 ? 1 : 0;
            high[c] = counts[c] >= 2 ? counts[c] - 1 : 0;
        }

        var total = Math.Clamp((long)Math.Ceiling(n * fraction), low.Sum(), high.Sum());
        var exact = new double[k];
        var take = new long[k];
        for (var c = 0; c < k; c++)
        {
            exact[c] = counts[c] * fraction;
            take[c] = Math.Clamp((long)Math.Floor(exact[c]), low[c], high[c]);
        }

        // Add each missing row to the class furthest below its proportional share, and take each surplus row
        // from the class furthest above it; ties go to the first class. Without bounds in play this is the
        // largest-remainder rule.
        var remaining = total - take.Sum();
        while (remaining != 0)
        {
            var best = -1;
            for (var c = 0; c < k; c++)
            {
                var movable = remaining > 0 ? take[c] < high[c] : take[c] > low[c];
                if (movable && (best < 0 || Gap(c) > Gap(best)))
                {
                    best = c;
                }
            }

            take[best] += Math.Sign(remaining);
            remaining -= Math.Sign(remaining);
        }

        return take;

        // How far the class is from its share, in the direction rows are moving.
        double Gap(int c) => remaining > 0 ? exact[c] - take[c] : take[c] - exact[c];
    }

    /// <summary>The rows <see cref="TimeOrdered"/> holds out of <paramref name="rows"/> before rows sharing the boundary time join them: the share rounded up.</summary>
    internal static long TimeOrderedHoldoutCount(long rows, double fraction) => (long)Math.Ceiling(rows * fraction);

    private static double GroupCost(
        double[] holdoutClass, double holdoutRows, int group, int[,] groupClassCounts, int groupSize,
        IReadOnlyList<int> classTotals, int n, double fraction, bool add)
    {
        var cost = 0.0;
        for (var c = 0; c < holdoutClass.Length; c++)
        {
            if (classTotals[c] == 0)
            {
                continue;
            }

            var share = (holdoutClass[c] + (add ? groupClassCounts[group, c] : 0)) / classTotals[c];
            cost += (share - fraction) * (share - fraction);
        }

        var rowShare = (holdoutRows + (add ? groupSize : 0)) / n;
        return (cost / holdoutClass.Length) + ((rowShare - fraction) * (rowShare - fraction));
    }

    private static void CheckFraction(double holdoutFraction)
    {
        if (!(holdoutFraction > 0 && holdoutFraction < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(holdoutFraction),
                holdoutFraction,
                "The holdout fraction must be strictly between 0 and 1.");
        }
    }

    private static void CheckRowCount(Dataset data)
    {
        if (data.RowCount < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A split needs at least two rows; the data has {data.RowCount}."),
                nameof(data));
        }
    }
}
