using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class MiniBatchKMeansTests
{
    [Fact]
    public void Well_separated_blobs_are_recovered()
    {
        double[] centers = [0, 0, 0, 100, 0, 0, 0, 100, 0, 0, 0, 100, 100, 100, 100];
        var points = ModelTestData.Blobs(centers, 3, 400, 1.0, seed: 3);

        var fit = new MiniBatchKMeans { Clusters = 5, BatchSize = 256, Seed = 1 }.Fit(points, 3);

        var clusterOfBlob = Enumerable.Range(0, 5).Select(b => fit.Labels[b * 400]).ToArray();
        Assert.Equal(5, clusterOfBlob.Distinct().Count());
        for (var i = 0; i < 2000; i++)
        {
            Assert.Equal(clusterOfBlob[i / 400], fit.Labels[i]);
        }

        for (var b = 0; b < 5; b++)
        {
            var centroid = fit.GetCentroid(clusterOfBlob[b]);
            for (var f = 0; f < 3; f++)
            {
                Assert.Equal(centers[(b * 3) + f], centroid[f], 0.5); // the running mean of its blob's rows
            }
        }
    }

    [Fact]
    public void Labels_are_the_nearest_final_centres_and_inertia_is_their_scatter()
    {
        var data = ModelTestData.Standardised("satimage");
        var fit = new MiniBatchKMeans { Clusters = 6, Seed = 2 }.Fit(data.Features, data.FeatureCount);

        var inertia = 0.0;
        for (var i = 0; i < data.RowCount; i++)
        {
            var row = data.GetRow(i).ToArray();
            var distances = Enumerable.Range(0, 6).Select(c => Distance(row, fit.GetCentroid(c))).ToArray();
            Assert.Equal(Array.IndexOf(distances, distances.Min()), fit.Labels[i]);
            inertia += distances.Min();
        }

        Assert.Equal(inertia, fit.Inertia, inertia * 1e-9);
        Assert.Equal(fit.Labels[0], fit.Predict(data.GetRow(0)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(16)]
    public void Inertia_on_satimage_is_within_scikit_learns_spread_and_near_full_k_means(int clusters)
    {
        var data = ModelTestData.Standardised("satimage");
        var reference = ModelTestData.Fixture("minibatch_kmeans_satimage.json").GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("n_clusters").GetInt32() == clusters);
        var theirs = reference.GetProperty("minibatch_inertia_seeds_0_19").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var full = reference.GetProperty("kmeans_inertia_n_init_10").GetDouble();

        var ours = Enumerable.Range(0, 10).Select(s => new MiniBatchKMeans { Clusters = clusters, Seed = s }.Fit(data.Features, data.FeatureCount).Inertia).ToArray();

        // Mini-batch runs vary; ours vary over the same range as scikit-learn's, and stay close to full k-means.
        Assert.InRange(ours.Average(), theirs.Min() * 0.98, theirs.Max() * 1.02);
        Assert.All(ours, inertia => Assert.InRange(inertia, full * 0.999, full * 1.10));
    }

    [Fact]
    public void The_same_seed_gives_the_same_clustering_on_any_thread_count()
    {
        var data = ModelTestData.Standardised("pima");

        var one = new MiniBatchKMeans { Clusters = 5, Seed = 9, MaxDegreeOfParallelism = 1 }.Fit(data.Features, data.FeatureCount);
        var all = new MiniBatchKMeans { Clusters = 5, Seed = 9 }.Fit(data.Features, data.FeatureCount);

        Assert.Equal(one.Labels.ToArray(), all.Labels.ToArray());
        Assert.Equal(one.Centroids.ToArray(), all.Centroids.ToArray());
        Assert.NotEqual(one.Inertia, new MiniBatchKMeans { Clusters = 5, Seed = 10 }.Fit(data.Features, data.FeatureCount).Inertia);
    }

    [Fact]
    public void Bad_parameters_are_refused_with_scikit_learn_names()
    {
        Assert.Contains("n_clusters", Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans { Clusters = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("batch_size", Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans { BatchSize = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("max_no_improvement", Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans { MaxNoImprovement = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("reassignment_ratio", Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatchKMeans { ReassignmentRatio = -1 }).Message, StringComparison.Ordinal);
        Assert.Contains("n_clusters=4", Assert.Throws<ArgumentException>(() => new MiniBatchKMeans { Clusters = 4 }.Fit([1, 2, 3], 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new MiniBatchKMeans { Clusters = 1 }.Fit([1, double.NaN], 1));
    }

    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var total = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            total += (a[j] - b[j]) * (a[j] - b[j]);
        }

        return total;
    }
}
