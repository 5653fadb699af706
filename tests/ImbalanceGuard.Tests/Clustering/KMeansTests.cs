using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class KMeansTests
{
    [Fact]
    public void Well_separated_blobs_are_recovered_exactly()
    {
        double[] centers = [0, 0, 0, 100, 0, 0, 0, 100, 0, 0, 0, 100, 100, 100, 100];
        var points = ModelTestData.Blobs(centers, 3, 40, 1.0, seed: 3);
        var fit = new KMeans { Clusters = 5, InitRuns = 3, Seed = 1 }.Fit(points, 3);

        // Every blob is one cluster, and no two blobs share one.
        var clusterOfBlob = new int[5];
        for (var b = 0; b < 5; b++)
        {
            clusterOfBlob[b] = fit.Labels[b * 40];
            for (var m = 0; m < 40; m++)
            {
                Assert.Equal(clusterOfBlob[b], fit.Labels[(b * 40) + m]);
            }
        }

        Assert.Equal(5, clusterOfBlob.Distinct().Count());

        // Each centre is its blob's mean, and the inertia is the blobs' scatter.
        var expectedInertia = 0.0;
        for (var b = 0; b < 5; b++)
        {
            var centroid = fit.GetCentroid(clusterOfBlob[b]);
            for (var f = 0; f < 3; f++)
            {
                var mean = Enumerable.Range(0, 40).Average(m => points[(((b * 40) + m) * 3) + f]);
                Assert.Equal(mean, centroid[f], 1e-9);
            }

            for (var m = 0; m < 40; m++)
            {
                for (var f = 0; f < 3; f++)
                {
                    var t = points[(((b * 40) + m) * 3) + f] - centroid[f];
                    expectedInertia += t * t;
                }
            }
        }

        Assert.Equal(expectedInertia, fit.Inertia, expectedInertia * 1e-12);
        Assert.Equal(clusterOfBlob[4], fit.Predict([99, 101, 100]));
        Assert.Equal(15, fit.Centroids.Length);
        Assert.Equal(5, fit.ClusterCount);
        Assert.Equal(3, fit.Dimensions);
    }

    /// <summary>
    /// Lloyd's algorithm never raises the inertia: each assignment and each centre update can only lower it.
    /// Checked over many random problems, with the final labels being the exact nearest centres.
    /// </summary>
    [Fact]
    public void Inertia_never_increases_and_labels_are_nearest_centres()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new SeededRandom(seed);
            var dimensions = 1 + random.NextInt(12);
            var count = 20 + random.NextInt(600);
            var clusters = 1 + random.NextInt(Math.Min(count, 40));
            var points = new double[count * dimensions];
            for (var i = 0; i < points.Length; i++)
            {
                // Some problems on a coarse grid, so exact ties and duplicate points occur.
                points[i] = seed % 3 == 0 ? random.NextInt(4) : random.NextGaussian() * (1 + (i % 5));
            }

            var fit = new KMeans { Clusters = clusters, Seed = seed, Tolerance = seed % 2 == 0 ? 0 : 1e-4 }.Fit(points, dimensions);
            var history = fit.InertiaHistory;
            Assert.NotEmpty(history);
            for (var t = 1; t < history.Count; t++)
            {
                Assert.True(history[t] <= history[t - 1] * (1 + 1e-12) + 1e-12, $"seed {seed}: inertia rose from {history[t - 1]} to {history[t]} at step {t}.");
            }

            Assert.True(fit.Inertia <= history[^1] * (1 + 1e-12) + 1e-12);
            var recomputed = 0.0;
            for (var i = 0; i < count; i++)
            {
                var point = points.AsSpan(i * dimensions, dimensions);
                var own = SquaredDistance(point, fit.GetCentroid(fit.Labels[i]));
                recomputed += own;
                for (var j = 0; j < clusters; j++)
                {
                    Assert.True(own <= SquaredDistance(point, fit.GetCentroid(j)), $"seed {seed}: point {i} is nearer to centre {j} than to its own.");
                }
            }

            Assert.Equal(recomputed, fit.Inertia, Math.Max(1e-9, recomputed * 1e-12));
            Assert.InRange(fit.Iterations, 1, 300);
        }
    }

    /// <summary>
    /// Real data mixes scales (UCI Shuttle: a feature reaching ±26 000 on a few rows, the rest within a few
    /// hundred). The single-precision filters of the seeding and of Lloyd's iterations must not change the
    /// answer: the same data scaled by 2⁶⁶ (exact in binary floating point) is too large for single precision,
    /// so every distance there is measured exactly, and the fits must agree to the bit.
    /// </summary>
    [Theory]
    [InlineData(1, 9, 40)]
    [InlineData(2, 4, 200)]
    [InlineData(3, 20, 600)]
    public void Far_out_rows_leave_seeding_and_assignment_exact(int seed, int dimensions, int clusters)
    {
        var random = new SeededRandom(seed);
        const int count = 4000;
        var points = new double[count * dimensions];
        for (var i = 0; i < count; i++)
        {
            for (var f = 0; f < dimensions; f++)
            {
                points[(i * dimensions) + f] = f % 2 == 0 ? random.NextInt(60) : random.NextGaussian() * 40;
            }

            if (i % 250 == 3)
            {
                points[(i * dimensions) + (dimensions / 2)] = (random.NextInt(2) * 2 - 1) * (5000 + (21_000 * random.NextDouble()));
            }
        }

        var scale = Math.Pow(2, 66);
        var scaled = points.Select(v => v * scale).ToArray();
        var rows = ImbalanceGuard.Neighbors.PointRows.Leading(points, count, dimensions);
        var scaledRows = ImbalanceGuard.Neighbors.PointRows.Leading(scaled, count, dimensions);
        var seeds = KMeansPlusPlus.Seed(rows, dimensions, clusters, new SeededRandom(seed), new ParallelOptions());
        var exactSeeds = KMeansPlusPlus.Seed(scaledRows, dimensions, clusters, new SeededRandom(seed), new ParallelOptions());
        Assert.Equal(exactSeeds, seeds.Select(v => v * scale).ToArray());

        var fit = YinyangLloyd.Run(rows, dimensions, seeds, clusters, 300, 0, new ParallelOptions());
        var exactFit = YinyangLloyd.Run(scaledRows, dimensions, exactSeeds, clusters, 300, 0, new ParallelOptions());
        Assert.Equal(exactFit.Labels.ToArray(), fit.Labels.ToArray());
        Assert.Equal(exactFit.Centroids.ToArray(), fit.Centroids.ToArray().Select(v => v * scale).ToArray());
        Assert.Equal(exactFit.Iterations, fit.Iterations);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_thread_count()
    {
        var random = new SeededRandom(5);
        var points = new double[6000 * 10];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = random.NextGaussian();
        }

        var one = new KMeans { Clusters = 300, Seed = 9, InitRuns = 2, MaxDegreeOfParallelism = 1 }.Fit(points, 10);
        var many = new KMeans { Clusters = 300, Seed = 9, InitRuns = 2, MaxDegreeOfParallelism = 8 }.Fit(points, 10);
        Assert.Equal(one.Centroids.ToArray(), many.Centroids.ToArray());
        Assert.Equal(one.Labels.ToArray(), many.Labels.ToArray());
        Assert.Equal(one.Inertia, many.Inertia);
        Assert.Equal(one.Iterations, many.Iterations);

        var otherSeed = new KMeans { Clusters = 300, Seed = 10, MaxDegreeOfParallelism = 1 }.Fit(points, 10);
        Assert.NotEqual(one.Centroids.ToArray(), otherSeed.Centroids.ToArray());
    }

    [Fact]
    public void An_empty_cluster_moves_to_the_point_farthest_from_its_centre()
    {
        // Ten points at 0, ten at 10, one at 20; two of the starting centres coincide, so one starts empty.
        var points = Enumerable.Repeat(0.0, 10).Concat(Enumerable.Repeat(10.0, 10)).Append(20).ToArray();
        var fit = YinyangLloyd.Run(ImbalanceGuard.Neighbors.PointRows.Leading(points, points.Length, 1), 1, [0, 0, 10], 3, 300, 0, new ParallelOptions());
        Assert.Equal([0.0, 20.0, 10.0], fit.Centroids.ToArray());
        Assert.Equal(0, fit.Inertia);
        Assert.Equal(1, fit.Labels[20]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(16)]
    public void Inertia_on_pima_is_close_to_scikit_learn(int clusters)
    {
        var data = ModelTestData.Standardised("pima");
        var reference = ModelTestData.Fixture("kmeans_pima.json").GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("n_clusters").GetInt32() == clusters);
        var expected = reference.GetProperty("inertia_n_init_10").GetDouble();
        var fit = new KMeans { Clusters = clusters, InitRuns = 10 }.Fit(data.Features, data.FeatureCount);
        Assert.InRange(fit.Inertia, expected * 0.97, expected * 1.03);

        // A single run lands within the spread of scikit-learn's single runs over 20 seeds.
        var singles = reference.GetProperty("inertia_n_init_1_seeds_0_19").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var single = new KMeans { Clusters = clusters, Seed = 4 }.Fit(data.Features, data.FeatureCount);
        Assert.InRange(single.Inertia, singles.Min() * 0.99, singles.Max() * 1.01);
    }

    [Fact]
    public void Bad_parameters_are_refused_with_scikit_learn_names()
    {
        Assert.Contains("n_clusters", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans { Clusters = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("n_init", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans { InitRuns = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("max_iter", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans { MaxIterations = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("tol", Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans { Tolerance = -1 }).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans { MaxDegreeOfParallelism = 0 });

        var tooMany = Assert.Throws<ArgumentException>(() => new KMeans { Clusters = 4 }.Fit([1, 2, 3], 1));
        Assert.Contains("n_clusters=4", tooMany.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new KMeans { Clusters = 1 }.Fit([1, 2, 3], 2));
        Assert.Throws<ArgumentException>(() => new KMeans { Clusters = 1 }.Fit([1, double.NaN], 1));
        Assert.Throws<ArgumentException>(() => new KMeans { Clusters = 1 }.Fit([1, 2], 1).Predict([1, 2]));
    }

    [Fact]
    public void More_clusters_than_distinct_points_still_gives_a_valid_clustering()
    {
        // Three distinct locations, five clusters: k-means++ runs out of potential and repeats a point, and
        // the duplicate centres become empty clusters that are moved, as scikit-learn does (it also warns).
        var points = Enumerable.Range(0, 30).Select(i => (double)(i % 3)).ToArray();
        var fit = new KMeans { Clusters = 5 }.Fit(points, 1);
        Assert.Equal(0, fit.Inertia);
        Assert.All(fit.Labels.ToArray(), label => Assert.InRange(label, 0, 4));
        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(points[i], fit.GetCentroid(fit.Labels[i])[0]);
        }
    }

    [Fact]
    public void One_cluster_is_the_mean()
    {
        var fit = new KMeans { Clusters = 1 }.Fit([1, 2, 3, 6], 1);
        Assert.Equal([3.0], fit.Centroids.ToArray());
        Assert.Equal(14, fit.Inertia, 1e-12);
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var f = 0; f < a.Length; f++)
        {
            var t = a[f] - b[f];
            sum += t * t;
        }

        return sum;
    }

    /// <summary>Clustering rows of a larger matrix where they are gives the fit of those rows copied out.</summary>
    [Fact]
    public void Fitting_rows_in_place_equals_fitting_a_copy_of_them()
    {
        var data = ModelTestData.Standardised("pima");
        var table = data.Table;
        var d = table.FeatureCount;
        var rows = Enumerable.Range(0, table.RowCount).Where(i => i % 3 != 0).ToArray();
        var copy = rows.SelectMany(r => table.Row(r).ToArray()).ToArray();
        var kmeans = new KMeans { Clusters = 9, Seed = 4, InitRuns = 2 };

        var expected = kmeans.Fit(copy, d);
        var actual = kmeans.FitRows(table.Features, rows, d);

        Assert.Equal(expected.Centroids.ToArray(), actual.Centroids.ToArray());
        Assert.Equal(expected.Labels.ToArray(), actual.Labels.ToArray());
        Assert.Equal(expected.Inertia, actual.Inertia);
    }

    /// <summary>
    /// k-means++ records the points each candidate would move, and a block that records more than it may is
    /// measured again for the chosen candidate: recording nothing, or everything, gives the same centres.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void Seeding_gives_the_same_centres_however_little_it_records(int recordLimit)
    {
        var random = new Random(11);
        const int count = 3000, d = 5;
        var points = new double[count * d];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = random.NextDouble() * ((i / d) % 7);
        }

        var rows = ImbalanceGuard.Neighbors.PointRows.Leading(points, count, d);
        var everything = KMeansPlusPlus.Seed(rows, d, 40, new SeededRandom(3), new ParallelOptions(), recordLimit: count * 40);
        var limited = KMeansPlusPlus.Seed(rows, d, 40, new SeededRandom(3), new ParallelOptions(), recordLimit);

        Assert.Equal(everything, limited);
    }
}
