namespace ImbalanceGuard.Evaluation;

/// <summary>
/// Evaluates a model's scores group by group: every metric of <see cref="EvaluationReport"/>, the calibration error and
/// the base rate per group, the groups too small to judge marked as such, and the groups whose recall or calibration
/// differ most from the rest called out. A rare class can be rare in different ways for different groups; a single
/// overall figure hides a group the model fails.
/// </summary>
public static class SubgroupEvaluation
{
    /// <summary>
    /// The positives and the negatives (weight) a group needs for its figures to be judged: with fewer, one row moves its
    /// recall by a tenth or more. Smaller groups are still reported, marked <see cref="SubgroupResult.TooSmall"/>.
    /// </summary>
    public const int MinimumClassRows = 10;

    /// <summary>The evaluation of each group of <paramref name="data"/>, and at <paramref name="threshold"/> when one is given.</summary>
    /// <param name="data">The scored rows.</param>
    /// <param name="groups">Each row's group, in row order.</param>
    /// <param name="threshold">The decision threshold (rows scoring at least it are flagged); null for threshold-free metrics only.</param>
    /// <exception cref="ArgumentException">The data is empty, or <paramref name="groups"/> does not have one entry per row.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN.</exception>
    public static SubgroupReport Of(BinaryScores data, IReadOnlyList<string> groups, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(groups);
        if (data.Count == 0)
        {
            throw new ArgumentException("Subgroups need scored rows; the data is empty.", nameof(data));
        }

        if (groups.Count != data.Count)
        {
            throw new ArgumentException($"There are {groups.Count} group names for {data.Count} rows; give one per row.", nameof(groups));
        }

        if (threshold is { } t && double.IsNaN(t))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), t, "The threshold must be a number.");
        }

        var probabilities = true;
        foreach (var score in data.Scores)
        {
            probabilities &= score is >= 0 and <= 1;
        }

        var rowsByGroup = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var name = groups[i] ?? throw new ArgumentException($"Row {i} has no group name.", nameof(groups));
            if (!rowsByGroup.TryGetValue(name, out var rows))
            {
                rowsByGroup[name] = rows = [];
            }

            rows.Add(i);
        }

        var ordered = rowsByGroup.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToArray();
        var results = new SubgroupResult[ordered.Length];
        var subsets = new BinaryScores[ordered.Length];
        for (var g = 0; g < ordered.Length; g++)
        {
            var subset = subsets[g] = data.Select(ordered[g].Value);
            var report = subset.PositiveWeight > 0 && subset.NegativeWeight > 0
                ? threshold is { } cut ? EvaluationReport.Of(subset, cut) : EvaluationReport.Of(subset)
                : null;
            results[g] = new SubgroupResult(
                ordered[g].Key,
                subset.Count,
                subset.PositiveWeight,
                subset.NegativeWeight,
                MeanScore(subset),
                report,
                probabilities ? BinaryMetrics.ExpectedCalibrationError(subset) : null,
                subset.PositiveWeight < MinimumClassRows || subset.NegativeWeight < MinimumClassRows);
        }

        // Each judged group against all other rows, built once for both call-outs.
        var comparisons = new List<(int Group, BinaryScores Others)>();
        for (var g = 0; g < ordered.Length && ordered.Length > 1; g++)
        {
            if (!results[g].TooSmall && Rest(data, ordered[g].Value) is { PositiveWeight: > 0, NegativeWeight: > 0 } rest)
            {
                comparisons.Add((g, rest));
            }
        }

        var recallGap = threshold is { } at
            ? LargestGap(comparisons, subsets, results, "recall", rows => BinaryConfusion.At(rows, at).Recall)
            : null;
        var calibrationGap = probabilities
            ? LargestGap(comparisons, subsets, results, "calibration", rows => MeanScore(rows) - (rows.PositiveWeight / (rows.PositiveWeight + rows.NegativeWeight)))
            : null;
        return new SubgroupReport(results, recallGap, calibrationGap);
    }

    /// <summary>The compared group whose <paramref name="metric"/> differs most from that of all other rows (the first on a tie).</summary>
    private static SubgroupGap? LargestGap(
        List<(int Group, BinaryScores Others)> comparisons,
        BinaryScores[] subsets,
        SubgroupResult[] results,
        string name,
        Func<BinaryScores, double> metric)
    {
        SubgroupGap? largest = null;
        foreach (var (g, rest) in comparisons)
        {
            var gap = new SubgroupGap(results[g].Group, name, metric(subsets[g]), metric(rest));
            if (largest is null || Math.Abs(gap.Difference) > Math.Abs(largest.Difference))
            {
                largest = gap;
            }
        }

        return largest;
    }

    /// <summary>Every row of <paramref name="data"/> but <paramref name="rows"/>.</summary>
    private static BinaryScores Rest(BinaryScores data, List<int> rows)
    {
        var inGroup = new bool[data.Count];
        foreach (var row in rows)
        {
            inGroup[row] = true;
        }

        return data.Select([.. Enumerable.Range(0, data.Count).Where(i => !inGroup[i])]);
    }

    private static double MeanScore(BinaryScores data)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < data.Count; i++)
        {
            sum += data.Weight(i) * data.Scores[i];
            total += data.Weight(i);
        }

        return sum / total;
    }
}
