using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Models;
using ImbalanceGuard.Tests.Models;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Ensembles;

public class BalancedBaggingTests
{
    [Fact]
    public void Every_member_trains_on_an_under_sampled_bootstrap()
    {
        var training = EnsembleTestData.PimaTraining();
        var model = new BalancedBaggingClassifier { Seed = 3 }.Fit(training);

        Assert.Equal(10, model.Estimators.Count);
        Assert.All(model.Estimators, e => Assert.IsType<DecisionTreeModel>(e));
        for (var b = 0; b < model.Estimators.Count; b++)
        {
            // The bootstrap: n draws with replacement, so some rows repeat and some are left out.
            var samples = model.EstimatorSamples[b];
            Assert.Equal(training.RowCount, samples.Count);
            Assert.True(samples.Distinct().Count() < training.RowCount);

            // The under-sampler keeps every minority draw and as many majority draws, all from the bootstrap.
            var minorityDraws = samples.Count(r => training.Labels[r] == 1);
            Assert.Equal([minorityDraws, minorityDraws], model.EstimatorClassCounts[b]);
            var drawn = EnsembleTestData.Multiset(samples);
            foreach (var (row, times) in EnsembleTestData.Multiset(model.EstimatorTrainingRows[b]))
            {
                Assert.True(drawn.TryGetValue(row, out var available) && times <= available);
            }

            Assert.Equal(2 * minorityDraws, model.EstimatorTrainingRows[b].Count);
            Assert.Equal(Enumerable.Range(0, training.FeatureCount), model.EstimatorFeatures[b]);
        }

        Assert.NotEqual(model.EstimatorSamples[0], model.EstimatorSamples[1]);
    }

    [Fact]
    public void A_given_sampler_balances_each_member_its_own_way()
    {
        var training = EnsembleTestData.PimaTraining();
        var model = new BalancedBaggingClassifier { Sampler = new RandomOverSampler(), Estimators = 3, Bootstrap = false, MaxSamples = 0.5 }.Fit(training);
        for (var b = 0; b < 3; b++)
        {
            var samples = model.EstimatorSamples[b];
            Assert.Equal(training.RowCount / 2, samples.Distinct().Count());
            var majorityDraws = samples.Count(r => training.Labels[r] == 0);
            Assert.Equal([majorityDraws, majorityDraws], model.EstimatorClassCounts[b]);
        }
    }

    [Fact]
    public void Feature_subsets_are_drawn_per_member()
    {
        var training = EnsembleTestData.PimaTraining();
        var model = new BalancedBaggingClassifier { MaxFeatures = 0.5, Estimators = 4 }.Fit(training);
        Assert.All(model.EstimatorFeatures, f => Assert.Equal(4, f.Distinct().Count()));
        Assert.Contains(model.EstimatorFeatures, f => !f.SequenceEqual(model.EstimatorFeatures[0]));
        var withReplacement = new BalancedBaggingClassifier { BootstrapFeatures = true, Estimators = 4 }.Fit(training);
        Assert.All(withReplacement.EstimatorFeatures, f => Assert.Equal(8, f.Count));
        var probabilities = new double[2];
        withReplacement.PredictProbabilities(training.GetRow(0), probabilities);
        Assert.Equal(1.0, probabilities.Sum(), 1e-12);
    }

    [Fact]
    public void The_model_is_the_same_for_any_thread_count()
    {
        var training = EnsembleTestData.PimaTraining();
        var one = new BalancedBaggingClassifier { Seed = 5, MaxDegreeOfParallelism = 1 }.Fit(training);
        var two = new BalancedBaggingClassifier { Seed = 5, MaxDegreeOfParallelism = 2 }.Fit(training);
        var all = new BalancedBaggingClassifier { Seed = 5 }.Fit(training);

        Assert.Equal(EnsembleTestData.Scores(one, training), EnsembleTestData.Scores(two, training));
        Assert.Equal(EnsembleTestData.Scores(one, training), EnsembleTestData.Scores(all, training));
        Assert.NotEqual(EnsembleTestData.Scores(one, training), EnsembleTestData.Scores(new BalancedBaggingClassifier { Seed = 6 }.Fit(training), training));
    }

    [Fact]
    public void Out_of_fold_auc_on_pima_is_close_to_imbalanced_learn()
    {
        var reference = EnsembleTestData.ReferenceAuc("balanced_bagging");
        var aucs = Enumerable.Range(0, 3).Select(s => EnsembleTestData.OutOfFoldAuc(t => new BalancedBaggingClassifier { Seed = s }.Fit(t))).ToArray();
        Assert.InRange(aucs.Average(), reference - 0.015, reference + 0.015);
    }

    [Fact]
    public void Bad_settings_name_the_imbalanced_learn_parameter()
    {
        Assert.Contains("n_estimators", Assert.Throws<ArgumentOutOfRangeException>(() => new BalancedBaggingClassifier { Estimators = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("max_samples", Assert.Throws<ArgumentOutOfRangeException>(() => new BalancedBaggingClassifier { MaxSamples = 1.5 }).Message, StringComparison.Ordinal);
        Assert.Contains("max_features", Assert.Throws<ArgumentOutOfRangeException>(() => new BalancedBaggingClassifier { MaxFeatures = 0 }).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BalancedBaggingClassifier { MaxDegreeOfParallelism = 0 });
        Assert.Throws<SamplingException>(() => new BalancedBaggingClassifier().Fit(ModelTestData.Training([0, 1, 2], [1, 1, 1], 1, classCount: 2)));
    }
}
