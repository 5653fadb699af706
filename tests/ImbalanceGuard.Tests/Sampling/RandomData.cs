namespace ImbalanceGuard.Tests.Sampling;

/// <summary>Small random labelled data with the awkward parts real data has: imbalance, ties and duplicate rows.</summary>
internal static class RandomData
{
    /// <param name="seed">Seeds everything.</param>
    /// <param name="classes">The number of classes; class 0 is the largest.</param>
    /// <param name="minClassRows">The fewest rows any class gets.</param>
    public static TrainingSet Make(int seed, int classes = 2, int minClassRows = 8, int dimensions = 0)
    {
        var random = new Random(seed);
        var d = dimensions > 0 ? dimensions : random.Next(1, 6);
        var sizes = Enumerable.Range(0, classes).Select(c => c == 0 ? random.Next(40, 120) : random.Next(minClassRows, minClassRows + 25)).ToArray();
        var grid = random.Next(3) == 0;
        var rows = new List<double[]>();
        var labels = new List<int>();
        for (var c = 0; c < classes; c++)
        {
            var centre = Enumerable.Range(0, d).Select(_ => random.NextDouble() * 3).ToArray();
            for (var i = 0; i < sizes[c]; i++)
            {
                var row = centre.Select(m => grid ? Math.Round(m + random.NextDouble() * 2) : m + Gaussian(random)).ToArray();
                rows.Add(row);
                labels.Add(c);
            }
        }

        // Duplicates, some across classes.
        for (var i = 0; i < rows.Count / 15; i++)
        {
            var from = random.Next(rows.Count);
            rows[random.Next(rows.Count)] = (double[])rows[from].Clone();
        }

        // Shuffle so classes interleave.
        var order = Enumerable.Range(0, rows.Count).OrderBy(_ => random.Next()).ToArray();
        return Split.FromPreSplit(Dataset.FromRows(order.Select(i => rows[i]).ToArray(), order.Select(i => labels[i]).ToArray()));
    }

    private static double Gaussian(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
