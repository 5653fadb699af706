using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>
/// SMOTEN's own rule: a made row's neighbours are its seed's nearest rows of the class under the value
/// difference metric (imbalanced-learn's, with k=1 and r=2), and each feature is the value most frequent
/// among the seed and those neighbours, the smallest of equally frequent ones.
/// </summary>
public class SmotenTests
{
    [Theory]
    [InlineData(5, 1, 2)]
    [InlineData(3, 2, 2)]
    [InlineData(1, 3, 2)]
    [InlineData(3, 4, 3)]
    [InlineData(5, 5, 3)]
    public void Every_made_row_takes_the_most_frequent_value_of_its_seed_and_the_seeds_nearest_rows(int k, int seed, int classes)
    {
        var training = CategoricalData(seed, classes);
        var result = new Smoten { KNeighbors = k, Seed = seed }.FitResample(training);
        var resampled = result.Resampled;
        var distance = ValueDifference(training);

        Assert.True(result.SyntheticCount > 0);
        for (var s = resampled.RowCount - result.SyntheticCount; s < resampled.RowCount; s++)
        {
            var parents = resampled.GetProvenance(s).ParentRows.ToArray().Select(p => (int)p).ToArray();
            var origin = parents[0];
            var label = training.Labels[origin];
            int[] nearest = [.. Enumerable.Range(0, training.RowCount)
                .Where(r => r != origin && training.Labels[r] == label)
                .OrderBy(r => distance(origin, r))
                .ThenBy(r => r)
                .Take(k)];
            Assert.Equal(nearest, parents[1..]);
            Assert.Equal(label, resampled.Labels[s]);

            for (var f = 0; f < training.FeatureCount; f++)
            {
                var values = parents.Select(p => training.GetRow(p)[f]).ToArray();
                var mostFrequent = values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                Assert.Equal(mostFrequent, resampled.GetRow(s)[f]);
            }
        }
    }

    [Fact]
    public void With_one_neighbour_every_feature_is_the_smaller_of_two_differing_values()
    {
        var training = CategoricalData(4);
        var result = new Smoten { KNeighbors = 1, Seed = 9 }.FitResample(training);
        var resampled = result.Resampled;

        for (var s = resampled.RowCount - result.SyntheticCount; s < resampled.RowCount; s++)
        {
            var parents = resampled.GetProvenance(s).ParentRows.ToArray();
            for (var f = 0; f < training.FeatureCount; f++)
            {
                Assert.Equal(Math.Min(training.GetRow((int)parents[0])[f], training.GetRow((int)parents[1])[f]), resampled.GetRow(s)[f]);
            }
        }
    }

    /// <summary>
    /// Three categorical features of four levels, the levels leaning by class; 48 rows of class 0 and 12 of class 1,
    /// or with three classes 36, 12 and 12 (two classes grown).
    /// </summary>
    private static TrainingSet CategoricalData(int seed, int classes = 2)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, 60).Select(i => i % 5 < classes - 1 ? 1 + (i % 5) : 0).ToArray();
        var rows = labels.Select(label => Enumerable.Range(0, 3).Select(_ => (double)Math.Min(3, random.Next(3) + label)).ToArray()).ToArray();
        return Split.FromPreSplit(Dataset.FromRows(rows, labels, new DatasetOptions { FeatureKinds = [FeatureKind.Categorical, FeatureKind.Categorical, FeatureKind.Categorical] }));
    }

    /// <summary>imbalanced-learn's value difference metric, squared: Σ_f (Σ_c |P(c | a_f) − P(c | b_f)|)².</summary>
    private static Func<int, int, double> ValueDifference(TrainingSet data)
    {
        var d = data.FeatureCount;
        var classes = data.ClassCount;
        var probability = new Dictionary<(int Feature, double Value), double[]>();
        for (var f = 0; f < d; f++)
        {
            foreach (var group in Enumerable.Range(0, data.RowCount).GroupBy(r => data.GetRow(r)[f]))
            {
                var counts = new double[classes];
                foreach (var r in group)
                {
                    counts[data.Labels[r]]++;
                }

                var total = counts.Sum();
                probability[(f, group.Key)] = [.. counts.Select(c => c / total)];
            }
        }

        return (a, b) =>
        {
            var sum = 0.0;
            for (var f = 0; f < d; f++)
            {
                var pa = probability[(f, data.GetRow(a)[f])];
                var pb = probability[(f, data.GetRow(b)[f])];
                var l1 = 0.0;
                for (var c = 0; c < classes; c++)
                {
                    l1 += Math.Abs(pa[c] - pb[c]);
                }

                sum += l1 * l1;
            }

            return sum;
        };
    }
}
