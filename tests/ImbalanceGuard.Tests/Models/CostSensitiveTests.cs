using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class CostSensitiveTests
{
    private static readonly double[][] MissCostsFive = [[0, 1], [5, 0]];

    [Fact]
    public void The_least_expected_cost_class_by_hand()
    {
        // Predicting 0 costs 0.3·5 = 1.5, predicting 1 costs 0.7·1 = 0.7.
        Assert.Equal(1, CostSensitiveModel.LeastCostClass([0.7, 0.3], MissCostsFive));
        Assert.Equal(0, CostSensitiveModel.LeastCostClass([0.7, 0.3], [[0, 1], [1, 0]]));

        // Three classes: column costs 0.2·4 + 0.3·1 = 1.1, 0.5·2 + 0.3·2 = 1.6, 0.5·1 + 0.2·1 = 0.7.
        double[][] costs = [[0, 2, 1], [4, 0, 1], [1, 2, 0]];
        Assert.Equal(2, CostSensitiveModel.LeastCostClass([0.5, 0.2, 0.3], costs));
        Assert.Throws<ArgumentException>(() => CostSensitiveModel.LeastCostClass([0.5, 0.5], costs));
    }

    [Fact]
    public void Decisions_follow_the_bayes_threshold_of_the_costs()
    {
        // With C(1→0) = 5 and C(0→1) = 1, predicting 1 is cheaper exactly when p₁ > 1 / (1 + 5).
        var training = ModelTestData.AllRows(ModelTestData.Standardised("pima"));
        var model = new CostSensitiveClassifier { Estimator = new LogisticRegression(), Costs = MissCostsFive }.Fit(training);
        var p = new double[2];
        var costs = new double[2];
        for (var i = 0; i < training.RowCount; i++)
        {
            model.PredictProbabilities(training.GetRow(i), p);
            Assert.Equal(p[1] > 1.0 / 6 ? 1 : 0, model.Predict(training.GetRow(i)));
            model.ExpectedCosts(training.GetRow(i), costs);
            Assert.Equal(5 * p[1], costs[0], 1e-12);
            Assert.Equal(p[0], costs[1], 1e-12);
        }

        Assert.False(model.Relabelled);
    }

    [Fact]
    public void MetaCost_relabels_towards_the_expensive_class_and_retrains()
    {
        var training = ModelTestData.AllRows(ModelTestData.Standardised("pima"));
        var trainer = new CostSensitiveClassifier { Estimator = new DecisionTreeClassifier { MaxDepth = 4 }, Costs = MissCostsFive, MetaCost = true };
        var model = trainer.Fit(training);

        Assert.True(model.Relabelled);
        Assert.InRange(model.ChangedLabels, 1, training.RowCount - 1);
        var plain = new DecisionTreeClassifier { MaxDepth = 4 }.Fit(training);
        var positives = Enumerable.Range(0, training.RowCount).Count(i => model.Predict(training.GetRow(i)) == 1);
        var plainPositives = Enumerable.Range(0, training.RowCount).Count(i => plain.Predict(training.GetRow(i)) == 1);
        Assert.True(positives > plainPositives + 50);

        Assert.Equal(Predictions(model, training), Predictions(new CostSensitiveClassifier { Estimator = new DecisionTreeClassifier { MaxDepth = 4 }, Costs = MissCostsFive, MetaCost = true, MaxDegreeOfParallelism = 1 }.Fit(training), training));
    }

    [Fact]
    public void Bad_cost_matrices_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CostSensitiveClassifier { Estimator = new LogisticRegression(), Costs = [[0, 1], [1]] });
        Assert.Throws<ArgumentException>(() => new CostSensitiveClassifier { Estimator = new LogisticRegression(), Costs = [[0, double.NaN], [1, 0]] });
        var three = new CostSensitiveClassifier { Estimator = new LogisticRegression(), Costs = [[0, 1, 1], [1, 0, 1], [1, 1, 0]] };
        Assert.Throws<ArgumentException>(() => three.Fit(ModelTestData.Training([0, 1], [0, 1], 1)));
        Assert.Contains("m must", Assert.Throws<ArgumentOutOfRangeException>(() => new CostSensitiveClassifier { Estimator = new LogisticRegression(), Costs = MissCostsFive, MetaCostBags = 0 }).Message, StringComparison.Ordinal);
    }

    private static int[] Predictions(CostSensitiveModel model, LabeledData data)
        => Enumerable.Range(0, data.RowCount).Select(i => model.Predict(data.GetRow(i))).ToArray();
}
