using ImbalanceGuard.Calibration;
using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Pipelines;

public class ImbalancePipelineTests
{
    [Fact]
    public void Fit_resamples_the_training_rows_and_scoring_never_does()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var pipeline = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler()],
            Samplers = [new Smote { Seed = 1 }],
        };

        var fitted = pipeline.Fit(training);

        var step = Assert.Single(fitted.Resampling);
        Assert.Equal("smote", step.Sampler);
        Assert.Equal(training.ClassCounts[0], step.CountsAfter["1"]);
        Assert.Equal(training.ClassCounts[0] - training.ClassCounts[1], step.SyntheticRows);
        Assert.Equal(0, training.SyntheticRowCount); // the caller's training set is untouched
        var scores = fitted.Score(holdout);
        Assert.Equal(holdout.RowCount, scores.Count);
        Assert.All(scores.Scores.ToArray(), p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void The_pipeline_scores_exactly_as_its_steps_applied_by_hand()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler()] }.Fit(training);

        // By hand: standardise with the training rows' mean and population deviation, then the same model.
        var d = training.FeatureCount;
        var mean = new double[d];
        var deviation = new double[d];
        for (var j = 0; j < d; j++)
        {
            var column = Enumerable.Range(0, training.RowCount).Select(i => training.GetRow(i)[j]).ToArray();
            mean[j] = column.Average();
            deviation[j] = Math.Sqrt(column.Sum(v => (v - mean[j]) * (v - mean[j])) / column.Length);
        }

        var model = Assert.IsType<LogisticRegressionModel>(fitted.Model);
        for (var i = 0; i < holdout.RowCount; i++)
        {
            var row = holdout.GetRow(i).ToArray();
            var scaled = row.Select((v, j) => (v - mean[j]) / deviation[j]).ToArray();
            var probabilities = new double[2];
            model.PredictProbabilities(scaled, probabilities);
            Assert.Equal(probabilities[1], fitted.PositiveProbability(row), 12);
        }
    }

    [Fact]
    public void Preprocessing_is_fitted_on_the_training_rows_only()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new MinMaxScaler()] }.Fit(training);
        var refit = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new MinMaxScaler()] }.Fit(training);

        // Same training rows, same model, whatever holdout is scored afterwards; and holdout rows beyond the
        // training range are not clipped (their scaled value leaves [0, 1], so the minimum was the training one).
        Assert.Equal(fitted.PositiveProbabilities(holdout), refit.PositiveProbabilities(holdout));
        var min = Enumerable.Range(0, training.FeatureCount).Select(j => Enumerable.Range(0, training.RowCount).Min(i => training.GetRow(i)[j])).ToArray();
        var below = Enumerable.Range(0, holdout.RowCount).Any(i => Enumerable.Range(0, holdout.FeatureCount).Any(j => holdout.GetRow(i)[j] < min[j]));
        Assert.True(below, "the test needs a holdout value below the training minimum");
    }

    [Fact]
    public void A_tuned_threshold_comes_from_inner_out_of_fold_scores_of_the_training_rows()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var pipeline = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler()],
            Samplers = [new RandomUnderSampler { Seed = 2 }],
            Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1),
        };

        var fitted = pipeline.Fit(training);

        Assert.NotNull(fitted.TunedThreshold);
        Assert.Equal(fitted.TunedThreshold!.Threshold, fitted.Threshold);
        Assert.Equal(training.RowCount, fitted.TunedThreshold.Confusion.Total); // every training row scored once, out of fold
        var report = fitted.Evaluate(holdout);
        Assert.Equal(fitted.Threshold, report.Threshold);
        Assert.NotNull(report.Confusion);
        Assert.Equal(holdout.RowCount, report.Confusion!.Value.Total);
    }

    [Fact]
    public void A_fixed_threshold_decides_predictions()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler()], Threshold = ThresholdPolicy.Fixed(0.2) }.Fit(training);

        for (var i = 0; i < holdout.RowCount; i++)
        {
            var expected = fitted.PositiveProbability(holdout.GetRow(i)) >= 0.2 ? fitted.PositiveClassIndex : 1 - fitted.PositiveClassIndex;
            Assert.Equal(expected, fitted.Predict(holdout.GetRow(i)));
        }
    }

    [Fact]
    public void A_binary_pipeline_without_a_threshold_refuses_to_predict_a_class()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression()).Fit(training);

        var error = Assert.Throws<InvalidOperationException>(() => fitted.Predict(holdout.GetRow(0)));
        Assert.Contains("silent 0.5", error.Message);
        Assert.Null(fitted.Evaluate(holdout).Threshold);
    }

    [Fact]
    public void The_positive_class_defaults_to_the_rarest_and_can_be_named()
    {
        var (training, _) = PipelineTestData.BinarySplit();
        Assert.Equal("1", new ImbalancePipeline(new LogisticRegression()).Fit(training).PositiveClass);
        Assert.Equal("0", new ImbalancePipeline(new LogisticRegression()) { PositiveClass = "0" }.Fit(training).PositiveClass);
        var error = Assert.Throws<ArgumentException>(() => new ImbalancePipeline(new LogisticRegression()) { PositiveClass = "fraud" }.Fit(training));
        Assert.Contains("'fraud'", error.Message);
    }

    [Fact]
    public void Fit_refuses_training_rows_that_were_already_resampled()
    {
        var (training, _) = PipelineTestData.BinarySplit();
        var resampled = new Smote { Seed = 1 }.Resample(training);

        var error = Assert.Throws<ArgumentException>(() => new ImbalancePipeline(new LogisticRegression()).Fit(resampled));
        Assert.Contains("synthetic rows", error.Message);
    }

    [Fact]
    public void Too_few_positive_rows_for_the_inner_folds_is_a_clear_error()
    {
        var labels = Enumerable.Repeat(0, 40).Concat([1, 1]).ToArray();
        var data = Splitting.SplitData.WithLabels(labels);
        var training = Split.FromPreSplit(data);
        var pipeline = new ImbalancePipeline(new LogisticRegression()) { Threshold = ThresholdPolicy.Tuned(ThresholdObjective.Mcc) };

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(training));
        Assert.Contains("only 2 rows", error.Message);
    }

    [Fact]
    public void Scoring_a_holdout_that_shares_rows_with_the_training_side_throws_LeakageException()
    {
        var data = PipelineTestData.Binary();
        var split = Split.Stratified(data, 0.3, seed: 3);
        var fitted = new ImbalancePipeline(new LogisticRegression()).Fit(split.Training);
        var overlapping = Split.Stratified(data, 0.3, seed: 4).Holdout; // another split of the same rows

        var error = Assert.Throws<LeakageException>(() => fitted.Score(overlapping));
        Assert.Equal(LeakageCause.SharedSourceRows, error.Cause);
    }

    [Fact]
    public void Prior_correction_maps_back_to_the_true_base_rate()
    {
        var (training, _) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler()],
            Samplers = [new RandomOverSampler { Seed = 1 }],
            Calibration = CalibrationMethod.PriorCorrection,
        }.Fit(training);

        var prior = Assert.IsType<PriorCorrection>(fitted.Calibrator);
        Assert.Equal(training.ClassCounts[1] / (double)training.RowCount, prior.TruePositiveRate, 12);
        Assert.Equal(0.5, prior.TrainingPositiveRate, 12);
        var mean = fitted.PositiveProbabilities(training).Average();
        Assert.InRange(mean, 0.5 * prior.TruePositiveRate, 2 * prior.TruePositiveRate);
    }

    [Theory]
    [InlineData(CalibrationMethod.Platt)]
    [InlineData(CalibrationMethod.Isotonic)]
    public void Calibration_methods_fitted_on_inner_folds_give_probabilities_near_the_base_rate(CalibrationMethod method)
    {
        var (training, holdout) = PipelineTestData.BinarySplit(rows: 800);
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler()],
            Samplers = [new Smote { Seed = 4 }],
            Calibration = method,
        }.Fit(training);

        Assert.NotNull(fitted.Calibrator);
        var uncalibrated = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler()], Samplers = [new Smote { Seed = 4 }], Calibration = CalibrationMethod.None }.Fit(training);
        var brier = BinaryMetrics.BrierScore(fitted.Score(holdout));
        var rawBrier = BinaryMetrics.BrierScore(uncalibrated.Score(holdout));
        Assert.True(brier < rawBrier, $"calibrated Brier {brier} should beat the SMOTE-trained model's {rawBrier}");
    }

    [Fact]
    public void Class_weights_reach_the_learner()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var plain = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler()] }.Fit(training);
        var weighted = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler()], ClassWeights = ClassWeights.Balanced, Calibration = CalibrationMethod.None }.Fit(training);

        // The learner's own probabilities (no prior correction): balanced weights raise the minority's probabilities overall, as they raise its share of the loss.
        Assert.True(weighted.PositiveProbabilities(holdout).Average() > 2 * plain.PositiveProbabilities(holdout).Average());
    }

    [Fact]
    public void One_hot_encoding_expands_categorical_columns_and_ignores_unknown_levels()
    {
        var csv = "colour,size,label\n" + string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{(i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue")},{i % 7},{(i % 10 == 0 ? "yes" : "no")}"));
        var data = Dataset.ReadCsv(new StringReader(csv), new CsvLoadOptions { CategoricalColumns = ["colour"] });
        var (training, _) = Split.Stratified(data, 0.25, seed: 1);
        var fitted = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new OneHotEncoder()] }.Fit(training);

        var model = Assert.IsType<LogisticRegressionModel>(fitted.Model);
        Assert.Equal(4, model.FeatureCount); // three colours, one size
        var unknownColour = fitted.PositiveProbability([99, 3]);
        Assert.InRange(unknownColour, 0, 1);
    }

    [Fact]
    public void Ensembles_are_trainers_of_a_pipeline()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        IClassifierTrainer[] trainers =
        [
            new BalancedRandomForestClassifier { Trees = 10, Seed = 1 },
            new EasyEnsembleClassifier { Estimators = 3, Seed = 1 },
            new BalancedBaggingClassifier { Estimators = 4, Seed = 1 },
            new RUSBoostClassifier { Estimators = 5, Seed = 1 },
        ];
        foreach (var trainer in trainers)
        {
            var auc = BinaryMetrics.RocAuc(new ImbalancePipeline(trainer).Fit(training).Score(holdout));
            Assert.True(auc > 0.6, $"{trainer.GetType().Name}: ROC-AUC {auc}");
        }
    }
}
