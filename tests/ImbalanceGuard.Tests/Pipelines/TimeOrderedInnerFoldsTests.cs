using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>
/// Inner folds in time (<see cref="ImbalancePipeline.TimeOrderedInnerFolds"/>): the out-of-fold scores that tune the
/// threshold and the calibrator come from models of earlier rows only, equal times stay together, and too few
/// positive rows is said before any fit.
/// </summary>
public class TimeOrderedInnerFoldsTests
{
    /// <summary>
    /// 240 rows whose first feature is the row's time, 12 rows per time (20 times) in a shuffled row order; every
    /// fourth time step has a positive row among its twelve.
    /// </summary>
    private static (Dataset Data, double[] Times) Dated(int seed = 5)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, 240).Select(i => (Time: (double)(i / 12), Positive: i % 12 == 0 && (i / 12) % 2 == 0, Noise: random.NextDouble())).ToArray();
        random.Shuffle(rows);
        var data = Dataset.FromRows(
            [.. rows.Select(r => new[] { r.Time, r.Noise + (r.Positive ? 0.5 : 0) })],
            [.. rows.Select(r => r.Positive ? "1" : "0")]);
        return (data, [.. rows.Select(r => r.Time)]);
    }

    /// <summary>
    /// 120 rows in time order, a positive every fourth row from row 12: two time-ordered folds train first on rows
    /// 0-39 (7 positives, enough for three stratified inner folds), whose earliest time-ordered inner block, rows
    /// 0-9, has none.
    /// </summary>
    private static Dataset LateStart() => Dataset.FromRows(
        [.. Enumerable.Range(0, 120).Select(i => new[] { i, 0.0 })],
        [.. Enumerable.Range(0, 120).Select(i => i >= 12 && i % 4 == 0 ? "1" : "0")]);

    private static ImbalancePipeline Recorded(List<RecordingModel> models, bool timeOrdered) => new(new RecordingTrainer(models))
    {
        Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1),
        Calibration = CalibrationMethod.Platt,
        TimeOrderedInnerFolds = timeOrdered,
    };

    [Fact]
    public void The_blocks_chain_forward_and_keep_equal_times_together()
    {
        var (data, times) = Dated();

        var folds = InnerSplit.Folds(data.Labels, data.ClassCount, 3, timeOrdered: true, times, seed: 0, out var problem)!;

        Assert.Null(problem);
        Assert.Equal(3, folds.Length);
        for (var f = 0; f < folds.Length; f++)
        {
            var (train, score) = folds[f];

            // Strictly later: a time never lies on both sides, so equal times share a block.
            Assert.True(train.Max(i => times[i]) < score.Min(i => times[i]), $"inner fold {f}");

            // Each model trains on every row before its block: the earlier blocks together.
            Assert.Equal(Enumerable.Range(0, times.Length).Where(i => times[i] < score.Min(j => times[j])), train);
        }

        var scored = folds.SelectMany(f => f.Score).ToArray();
        Assert.Equal(scored.Length, scored.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, times.Length).Except(folds[0].Train).Order(), scored.Order());
    }

    [Fact]
    public void No_model_in_a_time_ordered_cross_validation_scores_a_row_earlier_than_one_it_trained_on()
    {
        var (data, times) = Dated();
        var models = new List<RecordingModel>();

        var result = CrossValidation.Run(Recorded(models, timeOrdered: true), data, new TimeSeriesSplit(2, times: times));

        // Per outer fold: the final fit and the inner fits (the final model scores the fold's validation rows).
        Assert.Equal(2 * (1 + 3), models.Count);
        Assert.All(models.Where(m => m.Scored.Count > 0), m => Assert.True(m.TrainedOn.Max() < m.Scored.Min(), $"trained up to {m.TrainedOn.Max()}, scored from {m.Scored.Min()}"));
        Assert.All(result.Folds, fold => Assert.True(fold.Metrics.ContainsKey(MetricNames.Threshold)));
    }

    [Fact]
    public void Shuffled_inner_folds_would_score_earlier_rows_with_models_of_later_ones()
    {
        var (data, times) = Dated();
        var models = new List<RecordingModel>();

        CrossValidation.Run(Recorded(models, timeOrdered: false), data, new TimeSeriesSplit(2, times: times));

        // What the option prevents: the default stratified inner folds mix the training window's times.
        Assert.Contains(models, m => m.Scored.Count > 0 && m.TrainedOn.Max() > m.Scored.Min());
    }

    [Fact]
    public void A_lone_fit_takes_the_rows_in_the_order_given()
    {
        var ordered = Dataset.FromRows(
            [.. Enumerable.Range(0, 80).Select(i => new[] { i, i % 8 == 0 ? 1.0 : 0.0 })],
            [.. Enumerable.Range(0, 80).Select(i => i % 8 == 0 ? "1" : "0")]);
        var models = new List<RecordingModel>();

        Recorded(models, timeOrdered: true).Fit(Split.FromPreSplit(ordered));

        var inner = models.Skip(1).ToArray(); // the final fit comes first and scores nothing
        Assert.Equal(3, inner.Length);
        Assert.All(inner, m => Assert.Equal(m.TrainedOn.Max() + 1, m.Scored.Min()));

        // Four blocks of 20 rows: the first (rows 0-19) only trains.
        Assert.Equal(Enumerable.Range(20, 60).Select(i => (double)i), inner.SelectMany(m => m.Scored).Order());
    }

    [Fact]
    public void No_positive_row_in_the_earliest_block_is_a_clear_error_before_any_fit_and_in_the_check()
    {
        // Positives only in the last 40 of 120 rows: the first of four inner blocks (30 rows) has none.
        var late = Dataset.FromRows(
            [.. Enumerable.Range(0, 120).Select(i => new[] { i, 0.0 })],
            [.. Enumerable.Range(0, 120).Select(i => i >= 80 && i % 4 == 0 ? "1" : "0")]);
        var models = new List<RecordingModel>();

        var error = Assert.Throws<ArgumentException>(() => Recorded(models, timeOrdered: true).Fit(Split.FromPreSplit(late)));

        Assert.StartsWith(
            "Calibration and threshold tuning use 3 time-ordered inner folds of the training rows (each block scored by a model of the blocks before it), but the positive class '1' has 0 rows in the earliest block, which every inner model trains on, and 10 rows in the later blocks, which are scored; each needs one; lower InnerFolds or give more data.",
            error.Message);
        Assert.Single(models); // only the final fit ran

        var problem = CrossValidation.Check(Recorded(models, timeOrdered: true), LateStart(), new TimeSeriesSplit(2));
        Assert.Equal(
            "Calibration and threshold tuning use 3 time-ordered inner folds of a training fold (each block scored by a model of the blocks before it), but the positive class '1' has 0 rows in the earliest block, which every inner model trains on, and 7 rows in the later blocks, which are scored; each needs one (training fold 1 of 2); use fewer folds or give more data.",
            problem!.Reason);
    }

    [Fact]
    public void Too_many_equal_times_for_the_blocks_is_a_problem_named_in_the_check()
    {
        // The first 30 rows share a time: the first training fold (rows 0-39) cannot be cut into four blocks.
        var times = Enumerable.Range(0, 120).Select(i => i < 30 ? 0.0 : i).ToArray();
        var data = Dataset.FromRows(
            [.. times.Select(t => new[] { t, 0.0 })],
            [.. Enumerable.Range(0, 120).Select(i => i % 6 == 0 ? "1" : "0")]);

        var problem = CrossValidation.Check(Recorded([], timeOrdered: true), data, new TimeSeriesSplit(2, times: times));

        Assert.Equal(
            "Calibration and threshold tuning use time-ordered inner folds of each training fold, but in training fold 1 of 2: So many rows share a time that time-ordered inner fold 1 of 3 would have no rows to validate or train on; use fewer folds.",
            problem!.Reason);
    }

    [Fact]
    public void A_comparison_on_time_ordered_folds_tunes_on_time_ordered_inner_folds()
    {
        // The stratified inner folds find LateStart's positives, the time-ordered ones cannot: the check says so
        // only because the comparison set the option.
        var late = LateStart();

        Assert.Null(CrossValidation.Check(StrategyCatalog.Create("none"), late, new TimeSeriesSplit(2)));
        var skipped = Assert.Single(StrategyComparison.Check(late, ["none"], "logistic", new TimeSeriesSplit(2)));
        Assert.Contains("time-ordered inner folds", skipped.Reason, StringComparison.Ordinal);
        Assert.Empty(StrategyComparison.Check(late, ["none"], "logistic", new StratifiedKFold(2, seed: 0)));
    }

    [Fact]
    public void The_check_counts_the_blocks_the_pipeline_really_fits_on()
    {
        // goog_drops in date order: the largest k_neighbors the check allows runs in every fold, one more is refused.
        var data = Dataset.LoadCsv(RepositoryFiles.DataFile("goog_drops.csv"), new CsvLoadOptions { IgnoreColumns = ["date"] });
        var splitter = new TimeSeriesSplit(5);
        ImbalancePipeline Smote(int k) => new(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler()],
            Samplers = [new Smote { KNeighbors = k, Seed = 1 }],
            Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1),
            TimeOrderedInnerFolds = true,
        };

        var problem = CrossValidation.Check(Smote(5), data, splitter)!;
        var workable = problem.WorkableValue!.Value;

        Assert.Contains("an inner fold", problem.Reason, StringComparison.Ordinal);
        Assert.Null(CrossValidation.Check(Smote(workable), data, splitter));
        Assert.Equal(5, CrossValidation.Run(Smote(workable), data, splitter).Folds.Count);
        Assert.NotNull(CrossValidation.Check(Smote(workable + 1), data, splitter));
    }

    private sealed class RecordingTrainer(List<RecordingModel> models) : IClassifierTrainer
    {
        public IProbabilisticClassifier Fit(TrainingSet training)
        {
            var model = new RecordingModel([.. Enumerable.Range(0, training.RowCount).Select(i => training.GetRow(i)[0])]);
            models.Add(model);
            return model;
        }
    }

    /// <summary>Remembers the times (first feature) it trained on and scored; its probability is the second feature.</summary>
    private sealed class RecordingModel(double[] trainedOn) : IProbabilisticClassifier
    {
        public double[] TrainedOn { get; } = trainedOn;

        public List<double> Scored { get; } = [];

        public int ClassCount => 2;

        public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
        {
            Scored.Add(features[0]);
            probabilities[1] = Math.Clamp(features[1] / 1.5, 0.01, 0.99);
            probabilities[0] = 1 - probabilities[1];
        }
    }
}
