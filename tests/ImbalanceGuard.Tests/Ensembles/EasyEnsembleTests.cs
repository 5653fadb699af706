using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Ensembles;

public class EasyEnsembleTests
{
    [Fact]
    public void Every_member_is_adaboost_on_a_balanced_under_sample()
    {
        var training = EnsembleTestData.PimaTraining();
        var model = new EasyEnsembleClassifier { Estimators = 4 }.Fit(training);

        Assert.Equal(4, model.Estimators.Count);
        for (var b = 0; b < 4; b++)
        {
            var boosted = Assert.IsType<AdaBoostModel>(model.Estimators[b]);
            Assert.Equal(50, boosted.Estimators.Count);
            Assert.All(boosted.Estimators, s => Assert.Equal(1, Assert.IsType<DecisionTreeModel>(s).Depth));

            // No bootstrap: every row is offered, the minority kept whole, the majority cut to its size.
            Assert.Equal(Enumerable.Range(0, training.RowCount), model.EstimatorSamples[b]);
            Assert.Equal([268, 268], model.EstimatorClassCounts[b]);
            var rows = model.EstimatorTrainingRows[b];
            Assert.Equal(rows.Count, rows.Distinct().Count());
            Assert.Equal(Enumerable.Range(0, training.RowCount).Where(i => training.Labels[i] == 1), rows.Where(r => training.Labels[r] == 1));
        }

        Assert.NotEqual(model.EstimatorTrainingRows[0], model.EstimatorTrainingRows[1]);
    }

    [Fact]
    public void The_model_is_the_same_for_any_thread_count()
    {
        var training = EnsembleTestData.PimaTraining();
        var one = new EasyEnsembleClassifier { Seed = 9, MaxDegreeOfParallelism = 1 }.Fit(training);
        var two = new EasyEnsembleClassifier { Seed = 9, MaxDegreeOfParallelism = 2 }.Fit(training);
        Assert.Equal(EnsembleTestData.Scores(one, training), EnsembleTestData.Scores(two, training));
    }

    [Fact]
    public void Out_of_fold_auc_on_pima_is_close_to_imbalanced_learn()
    {
        var reference = EnsembleTestData.ReferenceAuc("easy_ensemble");
        var auc = EnsembleTestData.OutOfFoldAuc(t => new EasyEnsembleClassifier().Fit(t));
        Assert.InRange(auc, reference - 0.015, reference + 0.015);
    }
}
