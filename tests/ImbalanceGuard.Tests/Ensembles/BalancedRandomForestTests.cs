using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Models;
using ImbalanceGuard.Tests.Models;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Ensembles;

public class BalancedRandomForestTests
{
    [Fact]
    public void Defaults_are_those_of_imbalanced_learn_0_13()
    {
        var forest = new BalancedRandomForestClassifier();
        Assert.Equal(100, forest.Trees);
        Assert.Same(SamplingStrategy.All, forest.SamplingStrategy);
        Assert.True(forest.Replacement);
        Assert.False(forest.Bootstrap);
    }

    [Fact]
    public void Every_tree_grows_on_a_balanced_bootstrap_of_each_class()
    {
        var training = EnsembleTestData.PimaTraining();
        var model = new BalancedRandomForestClassifier { Trees = 20 }.Fit(training);

        Assert.Equal(20, model.Estimators.Count);
        for (var t = 0; t < 20; t++)
        {
            // sampling_strategy="all" with replacement: both classes drawn, with repeats, to the minority's 268.
            Assert.Equal([268, 268], model.EstimatorClassCounts[t]);
            var rows = model.EstimatorTrainingRows[t];
            Assert.Equal(536, rows.Count);
            Assert.True(rows.Where(r => training.Labels[r] == 1).Distinct().Count() < 268);
            Assert.Equal(training.RowCount, model.EstimatorSamples[t].Count);
        }

        Assert.NotEqual(model.EstimatorTrainingRows[0], model.EstimatorTrainingRows[1]);
    }

    [Fact]
    public void The_older_defaults_keep_the_minority_and_bootstrap_afterwards()
    {
        var training = EnsembleTestData.PimaTraining();
        var model = new BalancedRandomForestClassifier { Trees = 5, SamplingStrategy = SamplingStrategy.Auto, Replacement = false, Bootstrap = true }.Fit(training);
        for (var t = 0; t < 5; t++)
        {
            // The under-sample keeps every minority row and 268 distinct majority rows; the tree's bootstrap
            // then draws 536 of those 536 with replacement.
            var rows = model.EstimatorTrainingRows[t];
            Assert.Equal(536, rows.Count);
            Assert.Equal(536, model.EstimatorClassCounts[t].Sum());
            Assert.True(rows.Distinct().Count() < 536);
        }

        var withoutBootstrap = new BalancedRandomForestClassifier { Trees = 2, SamplingStrategy = SamplingStrategy.Auto, Replacement = false }.Fit(training);
        Assert.Equal(Enumerable.Range(0, training.RowCount).Where(i => training.Labels[i] == 1), withoutBootstrap.EstimatorTrainingRows[0].Where(r => training.Labels[r] == 1));
        Assert.Equal(268, withoutBootstrap.EstimatorTrainingRows[0].Count(r => training.Labels[r] == 0));
    }

    [Fact]
    public void The_forest_is_the_same_for_any_thread_count()
    {
        var training = EnsembleTestData.PimaTraining();
        var one = new BalancedRandomForestClassifier { Trees = 30, Seed = 2, MaxDegreeOfParallelism = 1 }.Fit(training);
        var two = new BalancedRandomForestClassifier { Trees = 30, Seed = 2, MaxDegreeOfParallelism = 2 }.Fit(training);
        Assert.Equal(EnsembleTestData.Scores(one, training), EnsembleTestData.Scores(two, training));
    }

    [Fact]
    public void Row_weights_reach_the_trees()
    {
        var training = ModelTestData.Training([0, 1, 2, 3, 4, 5], [0, 0, 0, 1, 1, 1], 1, weights: [1, 1, 1, 0, 0, 1]);
        var model = new BalancedRandomForestClassifier { Trees = 10 }.Fit(training);
        Assert.All(model.Estimators, e => Assert.IsType<DecisionTreeModel>(e));
        var probabilities = new double[2];
        model.PredictProbabilities([5.0], probabilities);
        Assert.True(probabilities[1] > 0.5);
    }

    [Fact]
    public void Out_of_fold_auc_on_pima_is_close_to_imbalanced_learn()
    {
        var reference = EnsembleTestData.ReferenceAuc("balanced_random_forest");
        var aucs = Enumerable.Range(0, 2).Select(s => EnsembleTestData.OutOfFoldAuc(t => new BalancedRandomForestClassifier { Seed = s }.Fit(t))).ToArray();
        Assert.InRange(aucs.Average(), reference - 0.015, reference + 0.015);
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Contains("n_estimators", Assert.Throws<ArgumentOutOfRangeException>(() => new BalancedRandomForestClassifier { Trees = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("max_features", Assert.Throws<ArgumentOutOfRangeException>(() => new BalancedRandomForestClassifier { MaxFeatures = 0 }).Message, StringComparison.Ordinal);
        Assert.Throws<SamplingException>(() => new BalancedRandomForestClassifier().Fit(ModelTestData.Training([0, 1], [0, 0], 1, classCount: 2)));
        Assert.Throws<ArgumentException>(() => new BalancedRandomForestClassifier { MaxFeatures = 9 }.Fit(EnsembleTestData.PimaTraining()));
    }
}
