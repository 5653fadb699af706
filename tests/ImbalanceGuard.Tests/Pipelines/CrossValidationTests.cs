using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Pipelines;

public class CrossValidationTests
{
    private static ImbalancePipeline SmotePipeline(ThresholdPolicy? threshold = null, string? positiveClass = null) => new(new LogisticRegression())
    {
        PositiveClass = positiveClass,
        Preprocessing = [new StandardScaler()],
        Samplers = [new Smote { Seed = 7 }],
        Threshold = threshold ?? ThresholdPolicy.Tuned(ThresholdObjective.F1),
    };

    [Fact]
    public void Every_row_gets_exactly_one_out_of_fold_score_from_a_model_that_never_saw_it()
    {
        var data = PipelineTestData.Binary();
        var splitter = new StratifiedKFold(5, seed: 1);

        var result = CrossValidation.Run(SmotePipeline(), data, splitter);

        Assert.Equal(5, result.Folds.Count);
        var outOfFold = result.OutOfFoldProbabilities();
        Assert.All(outOfFold, p => Assert.InRange(p, 0, 1));
        Assert.Equal(data.RowCount, result.OutOfFoldScores.Count);

        // Fold by fold, the out-of-fold scores are what a pipeline fitted on that fold's training side gives.
        foreach (var fold in splitter.Split(data))
        {
            var fitted = SmotePipeline(positiveClass: "1").Fit(fold.Training);
            var expected = fitted.PositiveProbabilities(fold.Validation);
            var rows = fold.Split.HoldoutRows;
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(expected[i], outOfFold[rows[i]]);
            }
        }
    }

    [Fact]
    public void Fold_metrics_are_those_of_the_fold_and_the_summary_is_their_mean_and_spread()
    {
        var data = PipelineTestData.Binary();
        var result = CrossValidation.Run(SmotePipeline(), data, new StratifiedKFold(4, seed: 2));

        foreach (var name in MetricNames.ThresholdFree.Concat(MetricNames.AtThreshold).Append(MetricNames.FitSeconds))
        {
            var values = result.Folds.Select(f => f.Metrics[name]).ToArray();
            var mean = values.Average();
            Assert.Equal(mean, result[name].Mean, 12);
            Assert.Equal(Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length), result[name].StandardDeviation, 12);
        }

        foreach (var fold in result.Folds)
        {
            Assert.Equal(data.RowCount, fold.TrainingRows + fold.ValidationRows);
            Assert.True(fold.ResampledRows > fold.TrainingRows, "SMOTE adds rows inside the fold");
            Assert.InRange(fold.Metrics[MetricNames.Threshold], 0, 1);
        }
    }

    [Fact]
    public void Each_fold_reports_its_objective_on_its_validation_rows_and_whether_the_constraints_held()
    {
        var data = PipelineTestData.Binary();
        var objective = ThresholdObjective.Parse("cost:fp=1,fn=5,max-alerts:150/1000");
        var splitter = new StratifiedKFold(3, seed: 1);
        var pipeline = SmotePipeline(ThresholdPolicy.Tuned(objective), positiveClass: "1");

        var result = CrossValidation.Run(pipeline, data, splitter);

        var positive = data.Schema.ClassIndex("1");
        foreach (var (fold, measured) in splitter.Split(data).Zip(result.Folds))
        {
            var fitted = pipeline.Fit(fold.Training);
            var labels = fold.Validation.Labels.ToArray().Select(l => l == positive).ToArray();
            var confusion = BinaryConfusion.At(BinaryScores.Create(labels, fitted.PositiveProbabilities(fold.Validation)), fitted.Threshold!.Value);
            Assert.Equal(confusion.ExpectedCost(1, 5), measured.Metrics[MetricNames.ObjectiveValue], 12);
            Assert.Equal(confusion.PredictedPositives * 1000 <= 150 * confusion.Total ? 1 : 0, measured.Metrics[MetricNames.ConstraintsMet]);
        }
    }

    [Fact]
    public void A_fold_where_no_threshold_meets_the_constraints_is_reported_as_such_not_thrown()
    {
        var data = PipelineTestData.Binary();

        // Under 1 000 rows a budget of one flag per 1 000 allows none, and a recall floor of 1 needs every positive flagged.
        var impossible = ThresholdPolicy.Tuned(ThresholdObjective.Parse("f1,max-alerts:1/1000,min-recall:1"));

        var result = CrossValidation.Run(SmotePipeline(impossible), data, new StratifiedKFold(3, seed: 1));

        Assert.All(result.Folds, f =>
        {
            Assert.Equal(0, f.Metrics[MetricNames.ConstraintsMet]);
            Assert.True(double.IsNaN(f.Metrics[MetricNames.ObjectiveValue]));
            Assert.False(f.Metrics.ContainsKey(MetricNames.Threshold));
        });
        Assert.Equal(3, result[MetricNames.AveragePrecision].DefinedFolds);

        // Fitting alone still refuses: a lone fit has no fold to report the finding in.
        var error = Assert.Throws<UnreachableObjectiveException>(() => SmotePipeline(impossible).Fit(PipelineTestData.BinarySplit().Training));
        Assert.Contains("none meets them all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_metrics_need_a_threshold()
    {
        var result = CrossValidation.Run(SmotePipeline(ThresholdPolicy.None), PipelineTestData.Binary(), new StratifiedKFold(3));

        Assert.True(result.Metrics.ContainsKey(MetricNames.AveragePrecision));
        var error = Assert.Throws<KeyNotFoundException>(() => result[MetricNames.F1]);
        Assert.Contains("average_precision", error.Message);
    }

    [Fact]
    public void The_same_seeds_give_the_same_result()
    {
        var data = PipelineTestData.Binary();
        var first = CrossValidation.Run(SmotePipeline(), data, new StratifiedKFold(5, seed: 3));
        var second = CrossValidation.Run(SmotePipeline(), data, new StratifiedKFold(5, seed: 3));

        Assert.Equal(first.OutOfFoldProbabilities(), second.OutOfFoldProbabilities());
        Assert.Equal(first[MetricNames.Mcc], second[MetricNames.Mcc]);
    }

    [Fact]
    public void Progress_is_reported_after_every_fold()
    {
        var reports = new List<CrossValidationProgress>();
        var progress = new SynchronousProgress<CrossValidationProgress>(reports.Add);

        CrossValidation.Run(SmotePipeline(), PipelineTestData.Binary(), new RepeatedStratifiedKFold(3, repeats: 2, seed: 1), new CrossValidationOptions { Progress = progress });

        Assert.Equal([1, 2, 3, 4, 5, 6], reports.Select(r => r.CompletedFolds));
        Assert.All(reports, r => Assert.Equal(6, r.TotalFolds));
        Assert.Equal([0, 0, 0, 1, 1, 1], reports.Select(r => r.LastFold.Repeat));
    }

    [Fact]
    public void Repeats_give_one_out_of_fold_vector_each()
    {
        var data = PipelineTestData.Binary();
        var result = CrossValidation.Run(SmotePipeline(), data, new RepeatedStratifiedKFold(3, repeats: 2, seed: 1));

        Assert.Equal(2, result.Repeats);
        Assert.All(result.OutOfFoldProbabilities(1), p => Assert.False(double.IsNaN(p)));
        Assert.NotEqual(result.OutOfFoldProbabilities(0), result.OutOfFoldProbabilities(1));
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress<CrossValidationProgress>(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => CrossValidation.Run(
            SmotePipeline(), PipelineTestData.Binary(), new StratifiedKFold(5), new CrossValidationOptions { Progress = progress, CancellationToken = cancellation.Token }));
    }

    [Fact]
    public void A_time_ordered_split_leaves_the_first_block_unscored()
    {
        var data = PipelineTestData.Binary(rows: 600);
        var result = CrossValidation.Run(SmotePipeline(ThresholdPolicy.None), data, new TimeSeriesSplit(folds: 3));

        var outOfFold = result.OutOfFoldProbabilities();
        Assert.True(double.IsNaN(outOfFold[0]), "the first rows only ever train");
        Assert.False(double.IsNaN(outOfFold[^1]));
        Assert.Equal(outOfFold.Count(p => !double.IsNaN(p)), result.OutOfFoldScores.Count);
    }

    [Fact]
    public void Out_of_fold_scores_feed_threshold_tuning_and_calibration()
    {
        var result = CrossValidation.Run(SmotePipeline(ThresholdPolicy.None), PipelineTestData.Binary(), new StratifiedKFold(5, seed: 1));

        var tuned = ThresholdTuner.Tune(result.OutOfFoldScores, ThresholdObjective.F1);
        var calibrator = ImbalanceGuard.Calibration.IsotonicCalibration.Fit(result.OutOfFoldScores);

        Assert.InRange(tuned.Threshold, 0, 1);
        Assert.True(tuned.WasTunedOn(result.OutOfFoldScores));
        Assert.InRange(calibrator.Calibrate(tuned.Threshold), 0, 1);
    }

    [Fact]
    public void The_training_side_of_a_split_can_be_cross_validated_and_its_folds_never_touch_the_holdout()
    {
        var data = PipelineTestData.Binary();
        var (training, holdout) = Split.Stratified(data, 0.25, seed: 2);

        var result = CrossValidation.Run(SmotePipeline(), training, new StratifiedKFold(4, seed: 1));

        Assert.Equal(training.RowCount, result.OutOfFoldScores.Count);
        Assert.Equal(4, result.Folds.Count);
        Assert.All(result.Folds, f => Assert.Equal(training.RowCount, f.TrainingRows + f.ValidationRows));
        var fitted = SmotePipeline().Fit(training);
        Assert.Equal(holdout.RowCount, fitted.Score(holdout).Count); // the holdout is still independent
    }

    [Fact]
    public void A_resampled_training_set_cannot_be_cross_validated()
    {
        var (training, _) = Split.Stratified(PipelineTestData.Binary(), 0.25, seed: 2);
        var cleaned = new TomekLinks().Resample(training); // no synthetic rows, but chosen by a sampler
        var weighted = ClassWeights.Balanced.Apply(new RandomUnderSampler { Seed = 1 }.Resample(training));

        Assert.True(cleaned.IsResampled);
        Assert.Contains("was resampled", Assert.Throws<ArgumentException>(() => CrossValidation.Run(SmotePipeline(), cleaned, new StratifiedKFold(3))).Message);
        Assert.Throws<ArgumentException>(() => StrategyComparison.Run(weighted, ["none"], "logistic", new StratifiedKFold(3)));
        Assert.False(training.IsResampled);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order, on the calling thread.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
