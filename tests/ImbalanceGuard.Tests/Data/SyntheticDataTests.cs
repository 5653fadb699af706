namespace ImbalanceGuard.Tests.Data;

public class SyntheticDataTests
{
    [Theory]
    [InlineData(1000, 2, 0.1, new[] { 900, 100 })]
    [InlineData(1001, 2, 0.1, new[] { 901, 100 })]
    [InlineData(1000, 3, 0.1, new[] { 450, 450, 100 })]
    [InlineData(1001, 4, 0.01, new[] { 331, 330, 330, 10 })]
    [InlineData(10, 2, 0.5, new[] { 5, 5 })]
    public void The_last_class_gets_the_minority_share_and_the_others_share_the_rest(int rows, int classes, double fraction, int[] expected)
    {
        var data = SyntheticData.MakeClassification(rows, features: 6, informative: 3, classes, fraction, seed: 1);

        Assert.Equal(expected, data.ClassCounts);
        Assert.Equal(rows, data.RowCount);
    }

    [Fact]
    public void Names_columns_x0_and_on_and_the_label_column_label_with_classes_0_to_c_minus_1()
    {
        var data = SyntheticData.MakeClassification(100, 11, 4, 3, 0.2, seed: 0);

        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"x{i}"), data.Schema.FeatureNames);
        Assert.Equal("label", data.Schema.LabelName);
        Assert.Equal(["0", "1", "2"], data.Schema.ClassNames);
        Assert.All(data.Schema.FeatureKinds, k => Assert.Equal(FeatureKind.Continuous, k));
    }

    [Fact]
    public void Is_deterministic_by_seed()
    {
        var a = SyntheticData.MakeClassification(500, 8, 4, 2, 0.1, seed: 42);
        var b = SyntheticData.MakeClassification(500, 8, 4, 2, 0.1, seed: 42);
        var c = SyntheticData.MakeClassification(500, 8, 4, 2, 0.1, seed: 43);

        Assert.True(a.Features.SequenceEqual(b.Features));
        Assert.True(a.Labels.SequenceEqual(b.Labels));
        Assert.False(a.Features.SequenceEqual(c.Features));
    }

    [Fact]
    public void Redundant_features_are_linear_combinations_of_the_informative_ones()
    {
        // Unshuffled: x0..x2 informative, x3..x4 redundant, x5 noise.
        var data = SyntheticData.MakeClassification(300, 6, 3, 2, 0.2, seed: 5, shuffle: false);
        var d = data.FeatureCount;
        var x = data.Features.ToArray();

        foreach (var redundant in new[] { 3, 4 })
        {
            var coefficients = Solve3(x, d, redundant);
            for (var r = 0; r < data.RowCount; r++)
            {
                var predicted = (coefficients[0] * x[r * d]) + (coefficients[1] * x[(r * d) + 1]) + (coefficients[2] * x[(r * d) + 2]);
                Assert.Equal(x[(r * d) + redundant], predicted, 8);
            }
        }

        // The noise column is not such a combination.
        var noise = Solve3(x, d, 5);
        var residual = Enumerable.Range(0, data.RowCount)
            .Max(r => Math.Abs(x[(r * d) + 5] - ((noise[0] * x[r * d]) + (noise[1] * x[(r * d) + 1]) + (noise[2] * x[(r * d) + 2]))));
        Assert.True(residual > 0.1);
    }

    [Fact]
    public void Noise_features_are_standard_normal_and_unrelated_to_the_class()
    {
        var data = SyntheticData.MakeClassification(20_000, 6, 2, 2, 0.3, seed: 9, shuffle: false);
        var d = data.FeatureCount;
        var x = data.Features.ToArray();
        var labels = data.Labels.ToArray();
        foreach (var column in new[] { 4, 5 })
        {
            var values = Enumerable.Range(0, data.RowCount).Select(r => x[(r * d) + column]).ToArray();
            var mean = values.Average();
            var sd = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
            Assert.InRange(mean, -0.05, 0.05);
            Assert.InRange(sd, 0.95, 1.05);
            var mean0 = Enumerable.Range(0, data.RowCount).Where(r => labels[r] == 0).Average(r => x[(r * d) + column]);
            var mean1 = Enumerable.Range(0, data.RowCount).Where(r => labels[r] == 1).Average(r => x[(r * d) + column]);
            Assert.InRange(mean1 - mean0, -0.1, 0.1);
        }
    }

    [Fact]
    public void Classes_are_clusters_around_distinct_hypercube_vertices()
    {
        // One cluster per class and no covariance mixing beyond the random matrix: the class means differ.
        var data = SyntheticData.MakeClassification(4000, 2, 2, 2, 0.5, seed: 3, clustersPerClass: 1, classSeparation: 3, shuffle: false);
        var x = data.Features.ToArray();
        var labels = data.Labels.ToArray();
        double Mean(int label, int column) => Enumerable.Range(0, data.RowCount).Where(r => labels[r] == label).Average(r => x[(r * 2) + column]);

        var distance = Math.Sqrt(Math.Pow(Mean(0, 0) - Mean(1, 0), 2) + Math.Pow(Mean(0, 1) - Mean(1, 1), 2));
        Assert.True(distance >= 5.5, $"class means only {distance} apart; vertices of a side-6 square are at least 6 apart");
    }

    [Fact]
    public void Shuffle_mixes_the_classes_and_flip_y_adds_label_noise()
    {
        var shuffled = SyntheticData.MakeClassification(1000, 4, 2, 2, 0.5, seed: 1);
        var flipped = SyntheticData.MakeClassification(1000, 4, 2, 2, 0.1, seed: 1, flipY: 0.5);

        Assert.Contains(1, shuffled.Labels[..20].ToArray());
        Assert.Contains(0, shuffled.Labels[..20].ToArray());
        Assert.InRange(flipped.ClassCounts[1], 150, 400);
    }

    [Theory]
    [InlineData(0, 4, 2, 2, 0.1, "rows")]
    [InlineData(100, 0, 1, 2, 0.1, "features")]
    [InlineData(100, 4, 5, 2, 0.1, "informative")]
    [InlineData(100, 4, 0, 2, 0.1, "informative")]
    [InlineData(100, 4, 2, 1, 0.1, "classes")]
    [InlineData(100, 4, 2, 2, 0.0, "minorityFraction")]
    [InlineData(100, 4, 2, 2, 1.0, "minorityFraction")]
    [InlineData(100, 4, 2, 2, double.NaN, "minorityFraction")]
    [InlineData(100, 4, 2, 3, 0.4, "minorityFraction")]
    [InlineData(10, 4, 2, 2, 0.01, "minorityFraction")]
    [InlineData(100, 4, 1, 2, 0.1, "informative")]
    [InlineData(100, 4, 2, 3, 0.1, "informative")]
    public void Rejects_arguments_out_of_range_naming_the_argument(int rows, int features, int informative, int classes, double fraction, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeClassification(rows, features, informative, classes, fraction, seed: 0));

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Rejects_bad_optional_arguments()
    {
        Assert.Equal("redundant", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeClassification(100, 4, 2, 2, 0.1, 0, redundant: 3)).ParamName);
        Assert.Equal("clustersPerClass", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeClassification(100, 4, 2, 2, 0.1, 0, clustersPerClass: 0)).ParamName);
        Assert.Equal("classSeparation", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeClassification(100, 4, 2, 2, 0.1, 0, classSeparation: 0)).ParamName);
        Assert.Equal("flipY", Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticData.MakeClassification(100, 4, 2, 2, 0.1, 0, flipY: 1.5)).ParamName);
    }

    [Fact]
    public void Many_informative_features_still_get_distinct_vertices()
    {
        var data = SyntheticData.MakeClassification(200, 40, 35, 5, 0.05, seed: 2, clustersPerClass: 3);

        Assert.Equal(200, data.RowCount);
        Assert.Equal(10, data.ClassCounts[4]);
    }

    /// <summary>Coefficients c with x[column] = c0 x0 + c1 x1 + c2 x2 on the first three rows (Cramer's rule).</summary>
    private static double[] Solve3(double[] x, int d, int column)
    {
        double A(int r, int c) => x[(r * d) + c];
        double Det(Func<int, int, double> m)
            => (m(0, 0) * ((m(1, 1) * m(2, 2)) - (m(1, 2) * m(2, 1))))
             - (m(0, 1) * ((m(1, 0) * m(2, 2)) - (m(1, 2) * m(2, 0))))
             + (m(0, 2) * ((m(1, 0) * m(2, 1)) - (m(1, 1) * m(2, 0))));
        var det = Det(A);
        return [.. Enumerable.Range(0, 3).Select(k => Det((r, c) => c == k ? A(r, column) : A(r, c)) / det)];
    }
}
