using System.Text.Json;
using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class SupportVectorClassifierTests
{
    [Fact]
    public void A_separable_problem_gets_the_maximal_margin()
    {
        // Class 0 below the line x + y = 1, class 1 above x + y = 6: the separator is x + y = 3.5 with
        // w = (0.4, 0.4), b = -1.4, and the three points on the margins are the support vectors.
        double[] features = [0, 0, 1, 0, 0, 1, -1, -1, 3, 3, 4, 3, 3, 4, 5, 5];
        int[] labels = [0, 0, 0, 0, 1, 1, 1, 1];
        var model = new SupportVectorClassifier { Kernel = SvmKernel.Linear, C = 1000, Tolerance = 1e-6 }
            .Fit(ModelTestData.Training(features, labels, 2));

        Assert.Equal([1, 2, 4], model.SupportIndices);
        Assert.Equal(-1.4, model.Intercepts[0], 1e-5);
        Assert.Equal(-1.4, model.DecisionFunction([0, 0]), 1e-5);
        Assert.Equal(-1, model.DecisionFunction([1, 0]), 1e-5);
        Assert.Equal(1, model.DecisionFunction([3, 3]), 1e-5);
        Assert.Equal(0, model.DecisionFunction([3.5, 0]), 1e-5);
        for (var i = 0; i < labels.Length; i++)
        {
            Assert.Equal(labels[i], model.Predict(features.AsSpan(i * 2, 2)));
        }

        Assert.Equal([0, 1], model.Classes);
        Assert.False(model.HitIterationLimit);
    }

    [Theory]
    [InlineData("pima", "rbf")]
    [InlineData("hacide", "rbf")]
    [InlineData("pima", "linear")]
    public void Binary_problems_match_scikit_learn(string dataset, string kernel)
    {
        var reference = Case(dataset, kernel);
        var data = ModelTestData.Standardised(dataset);
        var model = new SupportVectorClassifier { Kernel = kernel == "rbf" ? SvmKernel.Rbf : SvmKernel.Linear }
            .Fit(ModelTestData.AllRows(data));

        Assert.Equal(reference.GetProperty("gamma").GetDouble(), model.Gamma, 1e-12);
        var expectedSupport = reference.GetProperty("support").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        Assert.True(Jaccard(expectedSupport, model.SupportIndices) >= 0.97, $"Jaccard {Jaccard(expectedSupport, model.SupportIndices)}");
        Assert.Equal(reference.GetProperty("intercept")[0].GetDouble(), model.Intercepts[0], 1e-3);

        var expected = reference.GetProperty("decision_function").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var predictions = reference.GetProperty("predict").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var disagreements = 0;
        for (var i = 0; i < data.RowCount; i++)
        {
            var row = data.GetRow(i);
            Assert.Equal(expected[i], model.DecisionFunction(row), 2e-3);
            if (model.Predict(row) != predictions[i])
            {
                disagreements++;
            }
        }

        // Only rows on the boundary itself may flip.
        Assert.True(disagreements <= 2, $"{disagreements} predictions differ");
    }

    [Fact]
    public void Multi_class_one_vs_one_matches_scikit_learn_on_glass()
    {
        var reference = Case("glass", "rbf");
        var data = ModelTestData.Standardised("glass");
        var model = new SupportVectorClassifier().Fit(ModelTestData.AllRows(data));

        Assert.Equal(6, model.Classes.Count);
        Assert.Equal(15, model.Intercepts.Count);
        var expectedSupport = reference.GetProperty("support").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        Assert.True(Jaccard(expectedSupport, model.SupportIndices) >= 0.97);
        var intercepts = reference.GetProperty("intercept").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var p = 0; p < intercepts.Length; p++)
        {
            Assert.Equal(intercepts[p], model.Intercepts[p], 1e-3);
        }

        var ovo = reference.GetProperty("decision_function_ovo").EnumerateArray().ToArray();
        var predictions = reference.GetProperty("predict").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var values = new double[15];
        var disagreements = 0;
        for (var i = 0; i < data.RowCount; i++)
        {
            model.PairwiseDecisionValues(data.GetRow(i), values);
            var expected = ovo[i].EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (var p = 0; p < 15; p++)
            {
                Assert.Equal(expected[p], values[p], 2e-3);
            }

            // The reference predicts class labels (1, 2, 3, 5, 6, 7); the model predicts class indices.
            if (data.Schema.ClassNames[model.Predict(data.GetRow(i))] != predictions[i].ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                disagreements++;
            }
        }

        Assert.True(disagreements <= 2, $"{disagreements} predictions differ");
    }

    [Fact]
    public void The_model_does_not_depend_on_threads_or_cache_size()
    {
        var data = ModelTestData.AllRows(ModelTestData.Standardised("glass"));
        var reference = new SupportVectorClassifier { MaxDegreeOfParallelism = 1 }.Fit(data);
        foreach (var other in new[]
        {
            new SupportVectorClassifier { MaxDegreeOfParallelism = 4 },
            new SupportVectorClassifier { MaxDegreeOfParallelism = 1, CacheSizeMegabytes = 0.001 },
        })
        {
            var model = other.Fit(data);
            Assert.Equal(reference.SupportIndices, model.SupportIndices);
            Assert.Equal(reference.Intercepts, model.Intercepts);
            Assert.Equal(reference.Iterations, model.Iterations);
            var a = new double[15];
            var b = new double[15];
            for (var i = 0; i < data.RowCount; i += 7)
            {
                reference.PairwiseDecisionValues(data.GetRow(i), a);
                model.PairwiseDecisionValues(data.GetRow(i), b);
                Assert.Equal(a, b);
            }
        }
    }

    [Fact]
    public void Row_weights_scale_C_and_a_zero_weight_drops_the_row()
    {
        var data = ModelTestData.Standardised("pima");
        var rows = Enumerable.Range(0, 300).ToArray();
        var features = data.Features[..(300 * 8)].ToArray();
        var labels = data.Labels[..300].ToArray();

        var doubled = new SupportVectorClassifier().Fit(ModelTestData.Training(features, labels, 8, Enumerable.Repeat(2.0, 300).ToArray()));
        var largerC = new SupportVectorClassifier { C = 2, Gamma = doubled.Gamma }.Fit(ModelTestData.Training(features, labels, 8));
        Assert.Equal(largerC.SupportIndices, doubled.SupportIndices);
        Assert.Equal(largerC.Intercepts, doubled.Intercepts);

        // Weight 0 on the even rows is the same as fitting the odd rows alone (with the same gamma).
        var weights = rows.Select(i => i % 2 == 0 ? 0.0 : 1.0).ToArray();
        var weighted = new SupportVectorClassifier { Gamma = 0.1 }.Fit(ModelTestData.Training(features, labels, 8, weights));
        var odd = rows.Where(i => i % 2 == 1).ToArray();
        var dropped = new SupportVectorClassifier { Gamma = 0.1 }.Fit(ModelTestData.Training(
            odd.SelectMany(i => features.Skip(i * 8).Take(8)).ToArray(), odd.Select(i => labels[i]).ToArray(), 8));
        Assert.Equal(dropped.SupportIndices.Select(s => odd[s]), weighted.SupportIndices);
        Assert.Equal(dropped.Intercepts, weighted.Intercepts);
        Assert.Equal(dropped.DecisionFunction(data.GetRow(500)), weighted.DecisionFunction(data.GetRow(500)));
    }

    [Fact]
    public void Bad_parameters_and_data_are_refused()
    {
        Assert.Contains("C must", Assert.Throws<ArgumentOutOfRangeException>(() => new SupportVectorClassifier { C = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new SupportVectorClassifier { Gamma = -1 }).Message, StringComparison.Ordinal);
        Assert.Contains("tol", Assert.Throws<ArgumentOutOfRangeException>(() => new SupportVectorClassifier { Tolerance = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("cache_size", Assert.Throws<ArgumentOutOfRangeException>(() => new SupportVectorClassifier { CacheSizeMegabytes = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("max_iter", Assert.Throws<ArgumentOutOfRangeException>(() => new SupportVectorClassifier { MaxIterations = 0 }).Message, StringComparison.Ordinal);

        var oneClass = Assert.Throws<ArgumentException>(() => new SupportVectorClassifier().Fit(ModelTestData.Training([0, 1, 2], [1, 1, 1], 1, classCount: 2)));
        Assert.Contains("greater than one", oneClass.Message, StringComparison.Ordinal);

        var model = new SupportVectorClassifier().Fit(ModelTestData.Training([0, 1, 5, 6], [0, 0, 1, 1], 1));
        Assert.Throws<ArgumentException>(() => model.DecisionFunction([1, 2]));
        var glass = new SupportVectorClassifier().Fit(ModelTestData.AllRows(ModelTestData.Standardised("glass")));
        Assert.Throws<InvalidOperationException>(() => glass.DecisionFunction(new double[9]));
    }

    [Fact]
    public void An_iteration_limit_stops_the_solver()
    {
        var model = new SupportVectorClassifier { MaxIterations = 10 }.Fit(ModelTestData.AllRows(ModelTestData.Standardised("pima")));
        Assert.True(model.HitIterationLimit);
        Assert.Equal(10, model.Iterations[0]);
    }

    private static JsonElement Case(string dataset, string kernel)
        => ModelTestData.Fixture("svc_reference.json").GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("dataset").GetString() == dataset && c.GetProperty("kernel").GetString() == kernel);

    private static double Jaccard(HashSet<int> expected, IReadOnlyList<int> actual)
    {
        var intersection = actual.Count(expected.Contains);
        return intersection / (double)(expected.Count + actual.Count - intersection);
    }
}
