using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Sampling;

/// <summary>The samplers built on a learner: SVM-SMOTE, KMeans-SMOTE, cluster centroids, instance hardness.</summary>
public class ModelBasedSamplerTests
{
    [Fact]
    public void Svm_smote_grows_rows_from_support_vectors_towards_or_away_from_class_neighbours()
    {
        for (var seed = 0; seed < 8; seed++)
        {
            var training = RandomData.Make(seed, classes: 2, minClassRows: 20, dimensions: 3);
            var result = new SvmSmote { Seed = seed }.FitResample(training);
            var support = new SupportVectorClassifier().Fit(training).SupportIndices.ToHashSet();
            Assert.Equal(result.CountsAfter["0"], result.CountsAfter["1"]);
            for (var i = result.KeptIndices.Count; i < result.Resampled.RowCount; i++)
            {
                var parents = result.Resampled.GetProvenance(i).ParentRows.ToArray();
                var (seedRow, partner) = ((int)parents[0], (int)parents[1]);
                Assert.Contains(seedRow, support);
                Assert.Equal(training.Labels[seedRow], training.Labels[partner]);
                var gap = SamplerPropertyTests.GapAlong(training.GetRow(seedRow), training.GetRow(partner), result.Resampled.GetRow(i));
                Assert.InRange(gap, -0.5 - 1e-9, 1 + 1e-9);
            }
        }
    }

    [Fact]
    public void Kmeans_smote_interpolates_within_clusters_and_reaches_the_target_exactly()
    {
        var data = SyntheticData.MakeClassification(rows: 2000, features: 4, informative: 3, classes: 2, minorityFraction: 0.1, seed: 4);
        var training = Split.FromPreSplit(data);
        var result = new KMeansSmote { Clusters = 6, ClusterBalanceThreshold = 0.05, Seed = 1 }.FitResample(training);
        Assert.Equal(result.CountsAfter["0"], result.CountsAfter["1"]);
        for (var i = result.KeptIndices.Count; i < result.Resampled.RowCount; i++)
        {
            var parents = result.Resampled.GetProvenance(i).ParentRows.ToArray();
            Assert.All(parents, p => Assert.Equal(1, training.Labels[(int)p]));
            var gap = SamplerPropertyTests.GapAlong(training.GetRow((int)parents[0]), training.GetRow((int)parents[1]), result.Resampled.GetRow(i));
            Assert.InRange(gap, -1e-9, 1 + 1e-9);
        }
    }

    [Fact]
    public void Kmeans_smote_shares_rows_in_proportion_to_sparsity_by_largest_remainder()
    {
        Assert.Equal([1, 2, 7], KMeansSmote.Apportion([0.1, 0.2, 0.7], 10));
        Assert.Equal([4, 3, 3], KMeansSmote.Apportion([1, 1, 1], 10));
        Assert.Equal(1000, KMeansSmote.Apportion([0.3, 0.11, 0.59], 1000).Sum());
    }

    [Theory]
    [InlineData(CentroidVoting.Soft)]
    [InlineData(CentroidVoting.Hard)]
    public void Cluster_centroids_keep_one_row_per_cluster(CentroidVoting voting)
    {
        var training = RandomData.Make(11, classes: 2, minClassRows: 15, dimensions: 3);
        var result = new ClusterCentroids { Voting = voting, Seed = 2 }.FitResample(training);
        Assert.Equal(training.ClassCounts[1], result.CountsAfter["0"]);
        Assert.Equal(training.ClassCounts[1], result.CountsAfter["1"]);
        if (voting == CentroidVoting.Hard)
        {
            Assert.Equal(0, result.SyntheticCount);
            return;
        }

        // Every centroid is a synthetic majority row inside the bounding box of the rows it stands for,
        // and together they stand for every majority row once.
        Assert.Equal(training.ClassCounts[1], result.SyntheticCount);
        var covered = new List<long>();
        for (var i = result.KeptIndices.Count; i < result.Resampled.RowCount; i++)
        {
            var parents = result.Resampled.GetProvenance(i).ParentRows.ToArray();
            covered.AddRange(parents);
            var centroid = result.Resampled.GetRow(i);
            for (var f = 0; f < training.FeatureCount; f++)
            {
                Assert.InRange(centroid[f], parents.Min(p => training.GetRow((int)p)[f]) - 1e-9, parents.Max(p => training.GetRow((int)p)[f]) + 1e-9);
            }
        }

        Assert.Equal(Enumerable.Range(0, training.RowCount).Where(r => training.Labels[r] == 0).Select(r => (long)r), covered.Order());
    }

    [Fact]
    public void Instance_hardness_keeps_the_rows_at_or_above_the_percentile_of_their_own_class_probability()
    {
        // A classifier whose probability of class 0 is the first feature: hardness is known in advance.
        var rows = Enumerable.Range(0, 60).Select(i => new[] { (i % 30) / 30.0, i }).ToArray();
        var labels = Enumerable.Range(0, 60).Select(i => i < 50 ? 0 : 1).ToArray();
        var training = Split.FromPreSplit(Dataset.FromRows(rows, labels));
        var result = new InstanceHardnessThreshold { Estimator = new FirstFeatureIsProbability(), Seed = 1 }.FitResample(training);

        var majority = Enumerable.Range(0, 50).ToArray();
        var threshold = ImbalanceGuard.Evaluation.NumpyReduce.Percentile([.. majority.Select(r => rows[r][0])], (1 - (10 / 50.0)) * 100);
        Assert.Equal(majority.Where(r => rows[r][0] >= threshold), result.KeptIndices.Where(r => labels[r] == 0));
        Assert.Equal(Enumerable.Range(50, 10), result.KeptIndices.Where(r => labels[r] == 1));
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 50, 2.5)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0, 1)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 100, 4)]
    [InlineData(new[] { 5.0, 1, 3 }, 25, 2)]
    [InlineData(new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 }, 80, 0.58)]
    public void Percentile_is_numpys_linear_percentile(double[] values, double percent, double expected)
        => Assert.Equal(expected, ImbalanceGuard.Evaluation.NumpyReduce.Percentile(values, percent), 12);

    private sealed class FirstFeatureIsProbability : IClassifierTrainer
    {
        public IProbabilisticClassifier Fit(TrainingSet training) => new Model();

        private sealed class Model : IProbabilisticClassifier
        {
            public int ClassCount => 2;

            public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
            {
                probabilities[0] = features[0];
                probabilities[1] = 1 - features[0];
            }
        }
    }
}
