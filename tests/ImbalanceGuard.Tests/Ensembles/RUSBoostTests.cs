using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Models;
using ImbalanceGuard.Tests.Models;

namespace ImbalanceGuard.Tests.Ensembles;

public class RUSBoostTests
{
    [Fact]
    public void Every_round_under_samples_afresh()
    {
        var training = EnsembleTestData.PimaTraining();
        var model = new RUSBoostClassifier().Fit(training);

        Assert.InRange(model.Estimators.Count, 2, 50);
        foreach (var rows in model.RoundRows)
        {
            Assert.Equal(268, rows.Count(r => training.Labels[r] == 1));
            Assert.Equal(268, rows.Count(r => training.Labels[r] == 0));
            Assert.Equal(rows.Count, rows.Distinct().Count());
        }

        Assert.NotEqual(model.RoundRows[0], model.RoundRows[1]);
    }

    [Fact]
    public void The_weak_learner_sees_the_boosting_weights_of_the_kept_rows()
    {
        // One round with every row kept (a balanced problem) is plain AdaBoost's first round.
        var training = ModelTestData.Training([0, 1, 2, 3, 4, 5], [0, 0, 1, 0, 1, 1], 1);
        var rus = new RUSBoostClassifier { Estimators = 3 }.Fit(training);
        var ada = new AdaBoostClassifier { Estimators = 3 }.Fit(training);
        Assert.Equal(ada.EstimatorWeights, rus.EstimatorWeights);
        Assert.Equal(ada.EstimatorErrors, rus.EstimatorErrors);
    }

    [Fact]
    public void The_model_does_not_depend_on_anything_but_the_seed()
    {
        var training = EnsembleTestData.PimaTraining();
        var first = new RUSBoostClassifier { Seed = 4 }.Fit(training);
        var again = new RUSBoostClassifier { Seed = 4 }.Fit(training);
        Assert.Equal(EnsembleTestData.Scores(first, training), EnsembleTestData.Scores(again, training));
        Assert.NotEqual(first.RoundRows[0], new RUSBoostClassifier { Seed = 5 }.Fit(training).RoundRows[0]);
    }

    [Fact]
    public void Out_of_fold_auc_on_pima_is_close_to_imbalanced_learn()
    {
        var reference = EnsembleTestData.ReferenceAuc("rus_boost");
        var aucs = Enumerable.Range(0, 3).Select(s => EnsembleTestData.OutOfFoldAuc(t => new RUSBoostClassifier { Seed = s }.Fit(t))).ToArray();
        Assert.InRange(aucs.Average(), reference - 0.02, reference + 0.02);
    }

    [Fact]
    public void Bad_settings_name_the_imbalanced_learn_parameter()
    {
        Assert.Contains("n_estimators", Assert.Throws<ArgumentOutOfRangeException>(() => new RUSBoostClassifier { Estimators = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("learning_rate", Assert.Throws<ArgumentOutOfRangeException>(() => new RUSBoostClassifier { LearningRate = -1 }).Message, StringComparison.Ordinal);
    }
}
