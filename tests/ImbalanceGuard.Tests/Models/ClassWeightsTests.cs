using System.Text.Json;
using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class ClassWeightsTests
{
    [Theory]
    [InlineData("pima")]
    [InlineData("glass")]
    [InlineData("satimage")]
    [InlineData("hacide")]
    [InlineData("spam")]
    [InlineData("optical_digits")]
    public void Balanced_weights_match_scikit_learn(string name)
    {
        using var stream = File.OpenRead(RepositoryFiles.TestFile($"oracles/metrics/{name}.json"));
        var expected = JsonDocument.Parse(stream).RootElement.GetProperty("balanced_class_weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var data = RepositoryFiles.LoadData(name + ".csv");

        // The oracle's binary problem: the smallest class (label 1) against the rest (label 0).
        var counts = data.ClassCounts;
        var smallest = Enumerable.Range(0, counts.Count).MinBy(c => counts[c]);
        var labels = data.Labels.ToArray().Select(l => l == smallest ? 1 : 0).ToArray();
        var binary = ModelTestData.Training(data.Features.ToArray(), labels, data.FeatureCount);

        var weights = ClassWeights.Balanced.ForClasses(binary);

        Assert.Equal(expected.Length, weights.Length);
        for (var c = 0; c < weights.Length; c++)
        {
            Assert.Equal(expected[c], weights[c], 1e-12);
        }
    }

    [Fact]
    public void Balanced_weights_give_every_class_the_same_total()
    {
        var data = ModelTestData.AllRows(RepositoryFiles.LoadData("glass.csv"));
        var rows = ClassWeights.Balanced.ForRows(data);
        var totals = new double[data.ClassCount];
        for (var i = 0; i < rows.Length; i++)
        {
            totals[data.Labels[i]] += rows[i];
        }

        var present = totals.Where(t => t > 0).ToArray();
        Assert.All(present, t => Assert.Equal(data.RowCount / (double)present.Length, t, 1e-9));
    }

    [Fact]
    public void Custom_weights_name_classes_and_default_to_one()
    {
        var training = ModelTestData.Training([0, 1, 2, 3], [0, 1, 2, 2], 1, weights: [1, 2, 3, 4]);
        var weighted = ClassWeights.Custom(new Dictionary<string, double> { ["2"] = 10 }).Apply(training);

        Assert.True(weighted.HasWeights);
        Assert.Equal([1.0, 2, 30, 40], weighted.Weights.ToArray());
        Assert.Equal(training.Features.ToArray(), weighted.Features.ToArray());
    }

    [Fact]
    public void Scale_pos_weight_multiplies_the_positive_rows()
    {
        var training = ModelTestData.Training([0, 1, 2, 3], [0, 1, 0, 1], 1);
        Assert.Equal([1.0, 3, 1, 3], ClassWeights.ScalePositiveWeight(3).ForRows(training));
        Assert.Equal([3.0, 1, 3, 1], ClassWeights.ScalePositiveWeight(3, positiveClass: "0").ForRows(training));
    }

    [Fact]
    public void Bad_weights_are_refused()
    {
        var multi = ModelTestData.Training([0, 1, 2], [0, 1, 2], 1);
        Assert.Throws<ArgumentException>(() => ClassWeights.ScalePositiveWeight(2).ForRows(multi));
        Assert.Throws<ArgumentException>(() => ClassWeights.Custom(new Dictionary<string, double> { ["nope"] = 1 }).ForRows(multi));
        Assert.Throws<ArgumentException>(() => ClassWeights.Custom(new Dictionary<string, double> { ["0"] = -1 }));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ClassWeights.ScalePositiveWeight(0));
        Assert.Contains("scale_pos_weight", error.Message, StringComparison.Ordinal);
    }
}
