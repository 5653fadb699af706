namespace ImbalanceGuard.Tests.Splitting;

/// <summary>Datasets for split tests and the checks every split must pass.</summary>
internal static class SplitData
{
    /// <summary>A dataset with these class labels, in this order, and two random features per row.</summary>
    public static Dataset WithLabels(IReadOnlyList<int> labels, int seed = 0)
    {
        var random = new Random(seed);
        var features = new double[labels.Count, 2];
        for (var i = 0; i < labels.Count; i++)
        {
            features[i, 0] = i;
            features[i, 1] = random.NextDouble();
        }

        return Dataset.FromArrays(features, labels);
    }

    /// <summary><paramref name="counts"/>[c] rows of class c, in a seeded random order.</summary>
    public static int[] ShuffledLabels(IReadOnlyList<int> counts, int seed)
    {
        var labels = counts.SelectMany((count, c) => Enumerable.Repeat(c, count)).ToArray();
        new Random(seed).Shuffle(labels);
        return labels;
    }

    /// <summary>
    /// The split divides the dataset: both position lists are ascending, disjoint and together cover every
    /// row once; each side holds exactly the dataset's rows at its positions (features, label, provenance).
    /// </summary>
    public static void AssertPartition(Dataset data, TrainHoldoutSplit split)
    {
        var training = split.TrainingRows;
        var holdout = split.HoldoutRows;
        Assert.Equal(training.Count, split.Training.RowCount);
        Assert.Equal(holdout.Count, split.Holdout.RowCount);
        Assert.True(training.SequenceEqual(training.Order()), "Training positions are not ascending.");
        Assert.True(holdout.SequenceEqual(holdout.Order()), "Holdout positions are not ascending.");
        Assert.Empty(training.Intersect(holdout));
        Assert.Equal(Enumerable.Range(0, data.RowCount), training.Concat(holdout).Order());
        AssertSideHolds(data, split.Training, training);
        AssertSideHolds(data, split.Holdout, holdout);
        Assert.Same(data.Schema, split.Training.Schema);
        Assert.Same(data.Schema, split.Holdout.Schema);
    }

    /// <summary>Row <c>i</c> of <paramref name="side"/> is row <c>positions[i]</c> of the dataset, with its provenance.</summary>
    public static void AssertSideHolds(Dataset data, LabeledData side, IReadOnlyList<int> positions)
    {
        for (var i = 0; i < positions.Count; i++)
        {
            var position = positions[i];
            Assert.True(side.GetRow(i).SequenceEqual(data.GetRow(position)), $"Row {i} is not dataset row {position}.");
            Assert.Equal(data.Labels[position], side.Labels[i]);
            Assert.Equal(data.GetProvenance(position), side.GetProvenance(i));
        }
    }

    /// <summary>The number of rows of each class among <paramref name="positions"/>.</summary>
    public static int[] ClassCounts(Dataset data, IEnumerable<int> positions)
    {
        var counts = new int[data.ClassCount];
        foreach (var position in positions)
        {
            counts[data.Labels[position]]++;
        }

        return counts;
    }
}
