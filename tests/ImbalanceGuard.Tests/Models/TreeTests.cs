using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

public class TreeTests
{
    [Fact]
    public void A_tree_fits_xor_exactly()
    {
        // No single split improves the Gini impurity of XOR; CART splits anyway and gets it right.
        double[] features = [0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 0];
        int[] labels = [0, 0, 1, 1, 0, 0, 1, 1];
        var tree = new DecisionTreeClassifier().Fit(ModelTestData.Training(features, labels, 2));
        var probabilities = new double[2];
        for (var i = 0; i < labels.Length; i++)
        {
            tree.PredictProbabilities(features.AsSpan(i * 2, 2), probabilities);
            Assert.Equal(labels[i], tree.Predict(features.AsSpan(i * 2, 2)));
            Assert.Equal(1.0, probabilities[labels[i]]);
        }

        Assert.Equal(2, tree.Depth);
        Assert.Equal(4, tree.LeafCount);
        Assert.Equal(7, tree.NodeCount);
    }

    [Fact]
    public void Weights_move_the_split()
    {
        // Unweighted, the best stump cuts at 2.5 (left 0,1,0 / right 1,1,1); weighing the 1 at x = 1 ten
        // times makes cutting at 0.5 best (left 0 / right: one 0 against thirteen 1s).
        double[] x = [0, 1, 2, 3, 4, 5];
        int[] y = [0, 1, 0, 1, 1, 1];
        var stump = new DecisionTreeClassifier { MaxDepth = 1 };
        var plain = stump.Fit(ModelTestData.Training(x, y, 1));
        var weighted = stump.Fit(ModelTestData.Training(x, y, 1, [1, 10, 1, 1, 1, 1]));

        Assert.Equal([2.0 / 3, 1.0 / 3], Probabilities(plain, 0.2), Close);
        Assert.Equal([2.0 / 3, 1.0 / 3], Probabilities(plain, 2.0), Close);
        Assert.Equal([0.0, 1.0], Probabilities(plain, 2.6), Close);
        Assert.Equal([1.0, 0.0], Probabilities(weighted, 0.2), Close);
        Assert.Equal([1.0 / 14, 13.0 / 14], Probabilities(weighted, 2.0), Close);
    }

    [Fact]
    public void A_zero_weight_is_the_same_as_dropping_the_row()
    {
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv"));
        var random = new SeededRandom(8);
        var weights = Enumerable.Range(0, data.RowCount).Select(_ => random.NextInt(4) == 0 ? 0.0 : 0.5 + random.NextDouble()).ToArray();
        var kept = Enumerable.Range(0, data.RowCount).Where(i => weights[i] > 0).ToArray();
        var features = data.Features.ToArray();
        var labels = data.Labels.ToArray();
        var keptFeatures = kept.SelectMany(i => features.Skip(i * 8).Take(8)).ToArray();

        var tree = new DecisionTreeClassifier { MaxFeatures = 3, Seed = 5 };
        var withZeros = tree.Fit(ModelTestData.Training(features, labels, 8, weights));
        var dropped = tree.Fit(ModelTestData.Training(keptFeatures, kept.Select(i => labels[i]).ToArray(), 8, kept.Select(i => weights[i]).ToArray()));

        Assert.Equal(dropped.NodeCount, withZeros.NodeCount);
        var a = new double[2];
        var b = new double[2];
        for (var i = 0; i < data.RowCount; i++)
        {
            withZeros.PredictProbabilities(data.GetRow(i), a);
            dropped.PredictProbabilities(data.GetRow(i), b);
            Assert.Equal(b, a);
        }
    }

    [Fact]
    public void Limits_bound_the_tree()
    {
        var data = ModelTestData.AllRows(Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv")));
        var full = new DecisionTreeClassifier().Fit(data);
        var shallow = new DecisionTreeClassifier { MaxDepth = 3 }.Fit(data);
        var coarse = new DecisionTreeClassifier { MinSamplesLeaf = 40 }.Fit(data);
        var unsplittable = new DecisionTreeClassifier { MinSamplesSplit = 1000 }.Fit(data);

        Assert.True(full.Depth > 3);
        Assert.True(shallow.Depth <= 3 && shallow.LeafCount <= 8);
        Assert.True(coarse.LeafCount <= 768 / 40);
        Assert.Equal(1, unsplittable.LeafCount);
        var probabilities = new double[2];
        unsplittable.PredictProbabilities(data.GetRow(0), probabilities);
        Assert.Equal([500.0 / 768, 268.0 / 768], probabilities, Close);

        // Trees are exact on the rows they were grown on when no two rows share all bins with different labels.
        Assert.True(Enumerable.Range(0, data.RowCount).Count(i => full.Predict(data.GetRow(i)) == data.Labels[i]) >= 760);
    }

    [Fact]
    public void Forest_probabilities_are_distributions_and_the_mean_of_the_trees()
    {
        var data = ModelTestData.AllRows(Dataset.LoadCsv(RepositoryFiles.DataFile("glass.csv")));
        var forest = new RandomForestClassifier { Trees = 25, Seed = 3 }.Fit(data);
        Assert.Equal(25, forest.Trees.Count);
        Assert.Equal(6, forest.ClassCount);
        var batch = forest.PredictProbabilities(data);
        var probabilities = new double[6];
        var leaf = new double[6];
        for (var i = 0; i < data.RowCount; i++)
        {
            forest.PredictProbabilities(data.GetRow(i), probabilities);
            Assert.Equal(1.0, probabilities.Sum(), 1e-12);
            Assert.All(probabilities, p => Assert.InRange(p, 0, 1));
            Assert.Equal(probabilities, batch.AsSpan(i * 6, 6).ToArray());

            var mean = new double[6];
            foreach (var tree in forest.Trees)
            {
                tree.PredictProbabilities(data.GetRow(i), leaf);
                for (var c = 0; c < 6; c++)
                {
                    mean[c] += leaf[c] / 25;
                }
            }

            Assert.Equal(mean, probabilities, Close);
        }
    }

    [Fact]
    public void The_forest_does_not_depend_on_the_thread_count()
    {
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("satimage.csv"));
        var training = ModelTestData.Rows(data, Enumerable.Range(0, 3000));
        var one = new RandomForestClassifier { Trees = 16, Seed = 11, MaxDegreeOfParallelism = 1 }.Fit(training);
        var many = new RandomForestClassifier { Trees = 16, Seed = 11, MaxDegreeOfParallelism = 4 }.Fit(training);
        Assert.Equal(one.PredictProbabilities(data), many.PredictProbabilities(data));
        Assert.Equal(one.Trees.Select(t => t.NodeCount), many.Trees.Select(t => t.NodeCount));

        var reseeded = new RandomForestClassifier { Trees = 16, Seed = 12 }.Fit(training);
        Assert.NotEqual(one.PredictProbabilities(data), reseeded.PredictProbabilities(data));
    }

    [Fact]
    public void Without_bootstrap_every_tree_sees_every_row()
    {
        var data = ModelTestData.AllRows(Dataset.LoadCsv(RepositoryFiles.DataFile("hacide.csv")));
        var forest = new RandomForestClassifier { Trees = 4, Bootstrap = false, MaxFeatures = 2 }.Fit(data);

        // With every feature at every split, all trees are the same fully grown tree but for ties.
        var probabilities = new double[2];
        for (var i = 0; i < data.RowCount; i++)
        {
            forest.PredictProbabilities(data.GetRow(i), probabilities);
            Assert.Equal(1.0, probabilities[data.Labels[i]]);
        }
    }

    /// <summary>
    /// Out-of-fold ROC-AUC on pima against scikit-learn's <c>RandomForestClassifier(random_state=0)</c> on the
    /// same folds; the reference and the folds come from <c>Fixtures/generate_fixtures.py</c>.
    /// </summary>
    [Fact]
    public void Out_of_fold_auc_on_pima_is_close_to_scikit_learn()
    {
        var fixture = ModelTestData.Fixture("forest_pima.json");
        var folds = fixture.GetProperty("fold_of_row").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var expected = fixture.GetProperty("oof_roc_auc_random_state_0").GetDouble();
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv"));
        var scores = new double[data.RowCount];
        for (var f = 0; f < 5; f++)
        {
            var fold = f;
            var model = new RandomForestClassifier().Fit(ModelTestData.Rows(data, Enumerable.Range(0, data.RowCount).Where(i => folds[i] != fold)));
            var probabilities = new double[2];
            for (var i = 0; i < data.RowCount; i++)
            {
                if (folds[i] == fold)
                {
                    model.PredictProbabilities(data.GetRow(i), probabilities);
                    scores[i] = probabilities[1];
                }
            }
        }

        var auc = RocAuc(scores, data.Labels.ToArray());
        Assert.InRange(auc, expected - 0.02, expected + 0.02);
    }

    [Fact]
    public void Bad_parameters_are_refused_with_scikit_learn_names()
    {
        Assert.Contains("max_depth", Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionTreeClassifier { MaxDepth = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("min_samples_split", Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionTreeClassifier { MinSamplesSplit = 1 }).Message, StringComparison.Ordinal);
        Assert.Contains("min_samples_leaf", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomForestClassifier { MinSamplesLeaf = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("max_features", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomForestClassifier { MaxFeatures = 0 }).Message, StringComparison.Ordinal);
        Assert.Contains("n_estimators", Assert.Throws<ArgumentOutOfRangeException>(() => new RandomForestClassifier { Trees = 0 }).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomForestClassifier { MaxDegreeOfParallelism = -2 });

        var training = ModelTestData.Training([0, 1, 2, 3], [0, 1, 0, 1], 1);
        Assert.Contains("max_features", Assert.Throws<ArgumentException>(() => new DecisionTreeClassifier { MaxFeatures = 2 }.Fit(training)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RandomForestClassifier().Fit(ModelTestData.Training([0, 1], [0, 1], 1, [0, 0])));
        var tree = new DecisionTreeClassifier().Fit(training);
        Assert.Throws<ArgumentException>(() => tree.PredictProbabilities([1, 2], new double[2]));
        Assert.Throws<ArgumentException>(() => tree.PredictProbabilities([1], new double[3]));
        IClassifierTrainer trainer = new RandomForestClassifier { Trees = 3 };
        Assert.IsType<RandomForestModel>(trainer.Fit(training));
    }

    private static readonly IEqualityComparer<double> Close = EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) < 1e-12, _ => 0);

    private static double[] Probabilities(DecisionTreeModel tree, double x)
    {
        var probabilities = new double[2];
        tree.PredictProbabilities([x], probabilities);
        return probabilities;
    }

    /// <summary>ROC-AUC as the Mann–Whitney statistic, ties counting one half.</summary>
    private static double RocAuc(double[] scores, int[] labels)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var positiveRanks = 0.0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]] == 1)
                {
                    positiveRanks += rank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = scores.Length - positives;
        return (positiveRanks - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>
    /// The streaming fit (each tree answers and is dropped) gives the fitted forest's probabilities bit for bit,
    /// whatever the thread count, with and without bootstrap samples.
    /// </summary>
    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 3)]
    [InlineData(false, 2)]
    public void Fit_and_predict_equals_the_fitted_forest(bool bootstrap, int threads)
    {
        var data = ModelTestData.Standardised("pima");
        var table = data.Table;
        var d = table.FeatureCount;
        var training = Enumerable.Range(0, table.RowCount).Where(i => i % 4 != 1).ToArray();
        var held = Enumerable.Range(0, table.RowCount).Where(i => i % 4 == 1).ToArray();
        var forest = new RandomForestClassifier { Trees = 13, Seed = 5, Bootstrap = bootstrap, MaxDegreeOfParallelism = threads };
        var fitted = forest.Fit(ModelTestData.Rows(data, training));

        var streamed = forest.FitAndPredict(
            table.Features, d, training, [.. training.Select(i => table.Labels[i])], table.Schema.ClassCount, held);

        var expected = new double[table.Schema.ClassCount];
        for (var q = 0; q < held.Length; q++)
        {
            fitted.PredictProbabilities(table.Row(held[q]), expected);
            Assert.Equal(expected, streamed.AsSpan(q * expected.Length, expected.Length).ToArray());
        }
    }

    /// <summary>
    /// Forests rent their row-length scratch and bins and give them back: a fit after another fit on more rows
    /// (which leaves the pooled arrays longer and full of its values) answers exactly as before it.
    /// </summary>
    [Fact]
    public void A_fit_answers_the_same_after_a_larger_fit_has_used_the_pooled_scratch()
    {
        var data = ModelTestData.Standardised("pima");
        var table = data.Table;
        var d = table.FeatureCount;
        var classes = table.Schema.ClassCount;
        var small = Enumerable.Range(0, table.RowCount).Where(i => i % 3 == 0).ToArray();
        var held = Enumerable.Range(0, table.RowCount).Where(i => i % 3 == 1).ToArray();
        var large = Enumerable.Range(0, table.RowCount).Where(i => i % 3 != 0).ToArray();
        var forest = new RandomForestClassifier { Trees = 7, Seed = 2, MaxDegreeOfParallelism = 1 };
        double[] Answers(int[] rows, int[] queries)
            => forest.FitAndPredict(table.Features, d, rows, [.. rows.Select(i => table.Labels[i])], classes, queries);

        var before = Answers(small, held);
        Answers(large, small);
        forest.Fit(ModelTestData.Rows(data, large));
        var after = Answers(small, held);

        Assert.Equal(before, after);
    }
}
