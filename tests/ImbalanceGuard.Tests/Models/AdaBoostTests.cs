using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class AdaBoostTests
{
    /// <summary>
    /// x = 0..4, y = 0 0 1 0 1, weights 1/5 each. Round 1: the best Gini stump cuts at 1.5 (left 0 0 pure,
    /// right 1 0 1 → predicts 1) and gets row 3 wrong: ε₁ = 1/5, α₁ = ln((1-ε)/ε) + ln(K-1) = ln 4; row 3's weight
    /// goes ×4, then all are rescaled: 1/8 1/8 1/8 1/2 1/8. Round 2: the stump at 3.5 has the lowest weighted
    /// Gini (0.214 against 0.333 at 1.5) and gets only row 2 wrong: ε₂ = 1/8, α₂ = ln 7.
    /// </summary>
    [Fact]
    public void Samme_weights_and_errors_on_a_hand_checked_problem()
    {
        var training = ModelTestData.Training([0, 1, 2, 3, 4], [0, 0, 1, 0, 1], 1);
        var model = new AdaBoostClassifier { Estimators = 2 }.Fit(training);

        Assert.Equal(2, model.Estimators.Count);
        Assert.Equal(0.2, model.EstimatorErrors[0], 1e-12);
        Assert.Equal(Math.Log(4), model.EstimatorWeights[0], 1e-12);
        Assert.Equal(0.125, model.EstimatorErrors[1], 1e-12);
        Assert.Equal(Math.Log(7), model.EstimatorWeights[1], 1e-12);

        // At x = 2 the first stump votes 1 and the second 0: the score difference is (ln 4 - ln 7) / (ln 4 + ln 7),
        // and scikit-learn's binary probability is its logistic function.
        var votes = new double[2];
        model.Votes([2.0], votes);
        Assert.Equal(Math.Log(7) / Math.Log(28), votes[0], 1e-12);
        var probabilities = new double[2];
        model.PredictProbabilities([2.0], probabilities);
        var d = (Math.Log(4) - Math.Log(7)) / Math.Log(28);
        Assert.Equal(1 / (1 + Math.Exp(-d)), probabilities[1], 1e-12);
        Assert.Equal(1.0, probabilities.Sum(), 1e-12);
    }

    [Fact]
    public void A_perfect_learner_ends_boosting_with_weight_one()
    {
        var model = new AdaBoostClassifier().Fit(ModelTestData.Training([0, 1, 2, 3], [0, 0, 1, 1], 1));
        Assert.Single(model.Estimators);
        Assert.Equal(1.0, model.EstimatorWeights[0]);
        Assert.Equal(0.0, model.EstimatorErrors[0]);
    }

    [Fact]
    public void Starting_weights_are_the_row_weights()
    {
        // Weighing row 3 as four rows makes round 1 of the hand-checked problem start where round 2 did.
        var weighted = new AdaBoostClassifier { Estimators = 1 }.Fit(ModelTestData.Training([0, 1, 2, 3, 4], [0, 0, 1, 0, 1], 1, [1, 1, 1, 4, 1]));
        Assert.Equal(0.125, weighted.EstimatorErrors[0], 1e-12);
    }

    [Fact]
    public void Multiclass_weights_add_log_of_k_minus_one()
    {
        // Three classes on a line, one stump: it can separate one class only, so it errs on a third.
        var training = ModelTestData.Training([0, 1, 2, 3, 4, 5], [0, 0, 1, 1, 2, 2], 1);
        var model = new AdaBoostClassifier { Estimators = 1 }.Fit(training);
        Assert.Equal(1.0 / 3, model.EstimatorErrors[0], 1e-12);
        Assert.Equal(Math.Log(2) + Math.Log(2), model.EstimatorWeights[0], 1e-12);
        var probabilities = new double[3];
        model.PredictProbabilities([0.0], probabilities);
        Assert.Equal(1.0, probabilities.Sum(), 1e-12);
    }

    [Fact]
    public void Out_of_fold_auc_on_pima_is_close_to_scikit_learn()
    {
        var reference = EnsembleReference("adaboost_samme");
        var auc = ModelTestData.OutOfFoldAuc(RepositoryFiles.LoadData("pima.csv"), ModelTestData.PimaFolds(), t => new AdaBoostClassifier().Fit(t));
        Assert.InRange(auc, reference - 0.01, reference + 0.01);
    }

    [Fact]
    public void Other_weak_learners_take_the_round_weights()
    {
        var data = ModelTestData.Standardised("pima");
        var model = new AdaBoostClassifier { Estimator = new LogisticRegression(), Estimators = 5 }.Fit(ModelTestData.AllRows(data));
        Assert.All(model.Estimators, e => Assert.IsType<LogisticRegressionModel>(e));
        Assert.True(model.Estimators.Count > 1);
    }

    [Fact]
    public void Bad_settings_name_the_scikit_learn_parameter()
    {
        Assert.Contains("n_estimators", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaBoostClassifier { Estimators = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("learning_rate", Assert.Throws<ArgumentOutOfRangeException>(() => new AdaBoostClassifier { LearningRate = 0 }).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AdaBoostClassifier().Fit(ModelTestData.Training([0, 1], [1, 1], 1, classCount: 2)));
    }

    internal static double EnsembleReference(string model)
    {
        using var stream = File.OpenRead(RepositoryFiles.TestFile(Path.Combine("ImbalanceGuard.Tests", "Ensembles", "Fixtures", "ensembles_pima.json")));
        return System.Text.Json.JsonDocument.Parse(stream).RootElement.GetProperty("models").GetProperty(model).GetProperty("mean").GetDouble();
    }
}
