using System.Text.Json;
using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class LogisticRegressionTests
{
    private static readonly JsonElement Reference = ModelTestData.Fixture("logistic_reference.json");

    public static TheoryData<int> Cases => new(Enumerable.Range(0, Reference.GetProperty("cases").GetArrayLength()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Coefficients_match_scikit_learn(int index)
    {
        var reference = Reference.GetProperty("cases")[index];
        var data = ModelTestData.Standardised(reference.GetProperty("dataset").GetString()!);
        var weights = reference.GetProperty("sample_weight").ValueKind == JsonValueKind.Null ? null : RowWeights(data.RowCount);
        var training = ModelTestData.Training(data.Features.ToArray(), data.Labels.ToArray(), data.FeatureCount, weights, data.ClassCount);
        var learner = new LogisticRegression { C = reference.GetProperty("C").GetDouble(), Tolerance = 1e-9, MaxIterations = 10_000 };

        var model = learner.Fit(training);

        Assert.True(model.Converged);
        var coef = reference.GetProperty("coef");
        var intercepts = reference.GetProperty("intercept");
        Assert.Equal(coef.GetArrayLength(), model.Coefficients.Count);
        for (var o = 0; o < model.Coefficients.Count; o++)
        {
            Assert.Equal(intercepts[o].GetDouble(), model.Intercepts[o], 1e-5);
            for (var f = 0; f < data.FeatureCount; f++)
            {
                Assert.Equal(coef[o][f].GetDouble(), model.Coefficients[o][f], 1e-5);
            }
        }
    }

    [Fact]
    public void Default_tolerance_converges_close_to_the_exact_fit()
    {
        var data = ModelTestData.Standardised("pima");
        var reference = Reference.GetProperty("cases")[0];
        var model = new LogisticRegression().Fit(ModelTestData.AllRows(data));

        Assert.True(model.Converged);
        Assert.InRange(model.Iterations, 1, 100);
        for (var f = 0; f < data.FeatureCount; f++)
        {
            Assert.Equal(reference.GetProperty("coef")[0][f].GetDouble(), model.Coefficients[0][f], 1e-3);
        }
    }

    [Fact]
    public void Probabilities_follow_the_coefficients()
    {
        var data = ModelTestData.Standardised("glass");
        var model = new LogisticRegression().Fit(ModelTestData.AllRows(data));
        var probabilities = new double[data.ClassCount];
        model.PredictProbabilities(data.GetRow(0), probabilities);

        Assert.Equal(1.0, probabilities.Sum(), 1e-12);
        Assert.Equal(6, model.Coefficients.Count);
        Assert.Equal(data.ClassCount, model.ClassCount);
    }

    [Fact]
    public void Out_of_fold_roc_auc_matches_scikit_learn()
    {
        var auc = ModelTestData.OutOfFoldAuc(RepositoryFiles.LoadData("pima.csv"), ModelTestData.PimaFolds(), t => new LogisticRegression().Fit(t), standardise: true);
        Assert.Equal(Reference.GetProperty("pima_oof_roc_auc_default").GetDouble(), auc, 1e-4);
    }

    [Theory]
    [InlineData(2.0, 0.25)]
    [InlineData(0.5, null)]
    [InlineData(0.0, 0.75)]
    [InlineData(3.0, null)]
    public void Focal_gradient_matches_finite_differences_binary(double gamma, double? alpha)
        => CheckGradient(ModelTestData.Standardised("pima"), new FocalLoss { Gamma = gamma, Alpha = alpha }, outputs: 1);

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.5)]
    public void Focal_gradient_matches_finite_differences_multinomial(double gamma)
        => CheckGradient(ModelTestData.Standardised("glass"), new FocalLoss { Gamma = gamma }, outputs: 6);

    [Fact]
    public void Log_loss_gradient_matches_finite_differences()
        => CheckGradient(ModelTestData.Standardised("glass"), null, outputs: 6);

    [Theory]
    [InlineData("pima")]
    [InlineData("glass")]
    public void Focal_loss_with_gamma_zero_is_the_log_loss_fit(string name)
    {
        var training = ModelTestData.AllRows(ModelTestData.Standardised(name));
        var plain = new LogisticRegression { Tolerance = 1e-10, MaxIterations = 10_000 }.Fit(training);
        var focal = new LogisticRegression { Tolerance = 1e-10, MaxIterations = 10_000, FocalLoss = new FocalLoss { Gamma = 0 } }.Fit(training);

        for (var o = 0; o < plain.Coefficients.Count; o++)
        {
            Assert.Equal(plain.Intercepts[o], focal.Intercepts[o], 1e-5);
            for (var f = 0; f < training.FeatureCount; f++)
            {
                Assert.Equal(plain.Coefficients[o][f], focal.Coefficients[o][f], 1e-5);
            }
        }
    }

    [Fact]
    public void Focal_loss_alpha_shifts_scores_towards_the_positive_class()
    {
        var training = ModelTestData.AllRows(ModelTestData.Standardised("pima"));
        var plain = new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2 } }.Fit(training);
        var positive = new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2, Alpha = 0.9 } }.Fit(training);

        Assert.True(plain.Converged && positive.Converged);
        Assert.True(positive.Intercepts[0] > plain.Intercepts[0] + 0.5);
    }

    [Fact]
    public void Weights_equal_repeated_rows()
    {
        double[] x = [0, 1, 2, 3, 4, 5];
        int[] y = [0, 0, 1, 0, 1, 1];
        var weighted = new LogisticRegression { Tolerance = 1e-10 }.Fit(ModelTestData.Training(x, y, 1, [1, 3, 1, 1, 2, 1]));
        var repeated = new LogisticRegression { Tolerance = 1e-10 }.Fit(ModelTestData.Training([0, 1, 1, 1, 2, 3, 4, 4, 5], [0, 0, 0, 0, 1, 0, 1, 1, 1], 1));

        Assert.Equal(repeated.Coefficients[0][0], weighted.Coefficients[0][0], 1e-7);
        Assert.Equal(repeated.Intercepts[0], weighted.Intercepts[0], 1e-7);
    }

    [Fact]
    public void Bad_settings_name_the_scikit_learn_parameter()
    {
        Assert.Contains("C must", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression { C = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("max_iter", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression { MaxIterations = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("tol", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression { Tolerance = -1 }).Message, StringComparison.Ordinal);
        Assert.Contains("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new FocalLoss { Gamma = -1 }).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FocalLoss { Alpha = 1 });
        var glass = ModelTestData.AllRows(ModelTestData.Standardised("glass"));
        Assert.Throws<ArgumentException>(() => new LogisticRegression { FocalLoss = new FocalLoss { Alpha = 0.5 } }.Fit(glass));
        Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(ModelTestData.Training([0, 1], [1, 1], 1, classCount: 2)));
    }

    private static void CheckGradient(Dataset data, FocalLoss? focal, int outputs)
    {
        var present = data.ClassCounts.Select((count, c) => (count, c)).Where(p => p.count > 0).Select(p => p.c).ToArray();
        var targets = data.Labels.ToArray().Select(l => outputs == 1 ? l : Array.IndexOf(present, l)).ToArray();
        var objective = new LogisticObjective(data.Features.ToArray(), targets, RowWeights(data.RowCount), data.FeatureCount, outputs, true, 0.5, focal);
        var random = new SeededRandom(7);
        var point = Enumerable.Range(0, objective.ParameterCount).Select(_ => random.NextGaussian()).ToArray();
        var gradient = new double[point.Length];
        objective.Evaluate(point, gradient);
        var scratch = new double[point.Length];
        const double h = 1e-6;
        for (var j = 0; j < point.Length; j++)
        {
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[j] += h;
            down[j] -= h;
            var numeric = (objective.Evaluate(up, scratch) - objective.Evaluate(down, scratch)) / (2 * h);
            Assert.Equal(numeric, gradient[j], 1e-7);
        }
    }

    private static double[] RowWeights(int rows) => Enumerable.Range(0, rows).Select(i => 0.5 * (1 + (i % 4))).ToArray();
}
