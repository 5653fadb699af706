using ImbalanceGuard.Calibration;
using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ImbalanceGuard.ML.Tests;

public class BinaryClassificationTests
{
    private readonly MLContext _ml = new(seed: 1);

    private IEstimator<ITransformer> FastTree() => _ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
    {
        NumberOfLeaves = 8,
        NumberOfTrees = 30,
        MinimumExampleCountPerLeaf = 5,
        FeatureColumnName = "Features",
        NumberOfThreads = 1,
    });

    [Fact]
    public void Cross_validation_resamples_only_inside_each_training_fold()
    {
        var data = MLData.Vector(_ml);

        var result = _ml.BinaryClassification.CrossValidateWithResampling(data, FastTree(), new Smote { Seed = 1 }, numberOfFolds: 4, featureColumnNames: ["Features"], seed: 3);

        Assert.Equal(4, result.Folds.Count);
        Assert.Equal(768, result.OutOfFoldScores.Count);
        Assert.Equal(268, result.OutOfFoldScores.PositiveWeight);
        foreach (var fold in result.Folds)
        {
            Assert.True(fold.ResampledRows > fold.TrainingRows, "SMOTE adds rows to the training fold");
            Assert.Equal(768 - fold.TrainingRows, (int)fold.Scored.GetRowCount()!); // validation rows scored as they are
        }

        var ap = result[MetricNames.AveragePrecision].Mean;
        Assert.InRange(ap, 0.55, 1); // pima: 0.35 positives, a real model does far better than that
        Assert.InRange(result[MetricNames.RocAuc].Mean, 0.75, 1);
    }

    [Fact]
    public void The_out_of_fold_scores_are_those_of_each_fold_model()
    {
        var data = MLData.Vector(_ml);
        var result = _ml.BinaryClassification.CrossValidateWithResampling(data, FastTree(), new RandomUnderSampler { Seed = 2 }, numberOfFolds: 3, featureColumnNames: ["Features"], seed: 5);
        var folds = _ml.Data.StratifiedCrossValidationSplit(data, 3, seed: 5);

        for (var f = 0; f < 3; f++)
        {
            var probabilities = MLData.Column<float>(result.Folds[f].Scored, "Probability");
            for (var i = 0; i < folds[f].TestRows.Count; i++)
            {
                Assert.Equal(probabilities[i], result.OutOfFoldScores.Scores[folds[f].TestRows[i]]);
            }
        }
    }

    [Fact]
    public void A_tuned_threshold_is_applied_to_PredictedLabel_and_evaluated_there()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 2);
        var model = FastTree().Fit(_ml.Data.Resample(split.TrainSet, new RandomOverSampler { Seed = 1 }, ["Features"]));
        var scored = model.Transform(split.TestSet);

        var tuned = _ml.BinaryClassification.TuneThreshold(scored, ThresholdObjective.MinimumRecall(0.9));
        var thresholded = _ml.Transforms.ApplyThreshold(tuned.Threshold).Fit(scored).Transform(scored);

        var probabilities = MLData.Column<float>(thresholded, "Probability");
        var predicted = MLData.Column<bool>(thresholded, "PredictedLabel");
        Assert.All(Enumerable.Range(0, predicted.Length), i => Assert.Equal(probabilities[i] >= (float)tuned.Threshold, predicted[i]));
        Assert.True(predicted.Count(p => p) > MLData.Column<bool>(scored, "PredictedLabel").Count(p => p), "a recall of 0.9 flags more rows than ML.NET's default");

        var report = _ml.BinaryClassification.EvaluateAtThreshold(scored, tuned.Threshold);
        var byHand = BinaryConfusion.At(BinaryScores.Create(MLData.Column<bool>(scored, "Label"), [.. probabilities.Select(p => (double)p)]), tuned.Threshold);
        Assert.Equal(byHand, report.Confusion);
        Assert.True(report.Confusion!.Value.Recall >= 0.9);
    }

    [Fact]
    public void A_constrained_objective_tunes_the_first_item_within_the_floor_and_the_budget()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 2);
        var model = FastTree().Fit(_ml.Data.Resample(split.TrainSet, new RandomOverSampler { Seed = 1 }, ["Features"]));
        var scored = model.Transform(split.TestSet);
        var objective = ThresholdObjective.Parse("f1,max-alerts:500/1000,min-recall:0.7");

        var tuned = _ml.BinaryClassification.TuneThreshold(scored, objective);

        var confusion = _ml.BinaryClassification.EvaluateAtThreshold(scored, tuned.Threshold).Confusion!.Value;
        Assert.True(confusion.Recall >= 0.7);
        Assert.True(confusion.PredictedPositives * 1000 <= 500 * confusion.Total);
        Assert.Equal(confusion.F1, tuned.Value, 12);
        Assert.True(tuned.Value <= _ml.BinaryClassification.TuneThreshold(scored, ThresholdObjective.F1).Value);
    }

    [Fact]
    public void Raw_scores_and_probabilities_are_never_confused()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 2);
        var sdca = _ml.Transforms.NormalizeMinMax("Features").Append(_ml.BinaryClassification.Trainers.SdcaNonCalibrated(featureColumnName: "Features", maximumNumberOfIterations: 20));
        var scored = sdca.Fit(split.TrainSet).Transform(split.TestSet);

        var error = Assert.Throws<ArgumentException>(() => _ml.BinaryClassification.TuneThreshold(scored, ThresholdObjective.F1));
        Assert.Contains("no Probability column", error.Message);
        var onScore = _ml.BinaryClassification.TuneThreshold(scored, ThresholdObjective.F1, scoreColumn: ScoreColumn.Score);
        var applied = _ml.Transforms.ApplyThreshold(onScore.Threshold, ScoreColumn.Score).Fit(scored).Transform(scored);
        var scores = MLData.Column<float>(applied, "Score");
        Assert.All(Enumerable.Range(0, scores.Length), i => Assert.Equal(scores[i] >= (float)onScore.Threshold, MLData.Column<bool>(applied, "PredictedLabel")[i]));
    }

    [Fact]
    public void Balanced_class_weights_feed_a_trainer_and_save_with_the_model()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 2);
        var pipeline = _ml.Transforms.ClassWeights()
            .Append(_ml.Transforms.NormalizeMinMax("Features"))
            .Append(_ml.BinaryClassification.Trainers.SdcaLogisticRegression(featureColumnName: "Features", exampleWeightColumnName: "Weight", maximumNumberOfIterations: 20));

        var model = pipeline.Fit(split.TrainSet);
        var weights = MLData.Column<float>(model.Transform(split.TrainSet), "Weight");
        var labels = MLData.Column<bool>(split.TrainSet, "Label");
        int n = labels.Length, positives = labels.Count(l => l);
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(n / (2f * (labels[i] ? positives : n - positives)), weights[i], 5));

        using var stream = new MemoryStream();
        _ml.Model.Save(model, split.TrainSet.Schema, stream);
        stream.Position = 0;
        var loaded = _ml.Model.Load(stream, out _);
        Assert.Equal(weights, MLData.Column<float>(loaded.Transform(split.TrainSet), "Weight"));
    }

    [Fact]
    public void Prior_correction_maps_resampled_probabilities_back_to_the_base_rate()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 2);
        var resampled = _ml.Data.Resample(split.TrainSet, new RandomOverSampler { Seed = 1 }, ["Features"]);
        var scored = FastTree().Fit(resampled).Transform(split.TestSet);
        var correction = PriorCorrection.For(_ml.Data.ToDataset(split.TrainSet, featureColumnNames: ["Features"]), resampled.Resampling!.Resampled, "True");

        var corrected = _ml.Transforms.CorrectPrior(correction).Fit(scored).Transform(scored);

        var before = MLData.Column<float>(scored, "Probability");
        var after = MLData.Column<float>(corrected, "Probability");
        Assert.All(Enumerable.Range(0, before.Length), i => Assert.Equal(correction.Calibrate(before[i]), after[i], 4));
        Assert.True(after.Average() < before.Average());
    }

    [Fact]
    public void LightGbm_and_FastTree_options_take_the_class_balance()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 2);
        var labels = MLData.Column<bool>(split.TrainSet, "Label");

        var lightGbm = new LightGbmBinaryTrainer.Options { FeatureColumnName = "Features", NumberOfIterations = 20 }.WithClassBalance(split.TrainSet);
        var fastTree = new FastTreeBinaryTrainer.Options().WithClassBalance();

        Assert.Equal(labels.Count(l => !l) / (double)labels.Count(l => l), lightGbm.WeightOfPositiveExamples, 12);
        Assert.True(fastTree.UnbalancedSets);
    }

    [LightGbmFact]
    public void LightGbm_trained_with_the_class_balance_ranks_the_minority()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 2);
        var lightGbm = new LightGbmBinaryTrainer.Options { FeatureColumnName = "Features", NumberOfIterations = 20 }.WithClassBalance(split.TrainSet);

        var scored = _ml.BinaryClassification.Trainers.LightGbm(lightGbm).Fit(split.TrainSet).Transform(split.TestSet);

        Assert.True(_ml.BinaryClassification.EvaluateAtThreshold(scored, 0.3).AveragePrecision > 0.5);
    }
}
