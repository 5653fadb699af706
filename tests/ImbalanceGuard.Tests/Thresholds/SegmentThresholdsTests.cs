using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Thresholds;

public class SegmentThresholdsTests
{
    /// <summary>Scores where segment "b" sits higher than "a" for both classes, plus a small segment "c".</summary>
    private static (BinaryScores Scores, string[] Segments) TwoSegments()
    {
        var random = new Random(11);
        var positive = new List<bool>();
        var scores = new List<double>();
        var segments = new List<string>();
        foreach (var (name, rows, offset) in new[] { ("a", 300, 0.0), ("b", 300, 0.3), ("c", 12, 0.0) })
        {
            for (var i = 0; i < rows; i++)
            {
                var isPositive = i % 5 == 0;
                positive.Add(isPositive);
                scores.Add(Math.Clamp((isPositive ? 0.45 : 0.2) + offset + (random.NextDouble() * 0.3) - 0.15, 0, 1));
                segments.Add(name);
            }
        }

        return (BinaryScores.Create(positive.ToArray(), scores.ToArray()), segments.ToArray());
    }

    private static BinaryScores Rows(BinaryScores scores, string[] segments, string segment)
        => scores.Select([.. Enumerable.Range(0, segments.Length).Where(i => segments[i] == segment)]);

    [Fact]
    public void Each_segment_gets_the_threshold_tuned_on_its_own_scores_and_the_rest_the_global_one()
    {
        var (scores, segments) = TwoSegments();

        var tuned = SegmentThresholds.Tune(scores, segments, ThresholdObjective.F1, "region");

        Assert.Equal(ThresholdTuner.Tune(scores, ThresholdObjective.F1).Threshold, tuned.GlobalThreshold);
        Assert.Equal(ThresholdTuner.Tune(Rows(scores, segments, "a"), ThresholdObjective.F1).Threshold, tuned.ThresholdFor("a"));
        Assert.Equal(ThresholdTuner.Tune(Rows(scores, segments, "b"), ThresholdObjective.F1).Threshold, tuned.ThresholdFor("b"));
        Assert.True(tuned.ThresholdFor("b") > tuned.ThresholdFor("a"), "segment b scores 0.3 higher, so its best threshold is higher");
        Assert.Equal(["a", "b", "c"], tuned.Segments.Select(s => s.Segment));
        Assert.Equal([300, 300, 12], tuned.Segments.Select(s => s.Rows));

        // Per-row thresholds beat the one global threshold on F1 here: that is what segments are for.
        var perRow = segments.Select(tuned.ThresholdFor).ToArray();
        Assert.True(BinaryConfusion.At(scores, perRow).F1 > BinaryConfusion.At(scores, tuned.GlobalThreshold).F1);
    }

    [Fact]
    public void A_small_segment_a_one_class_segment_and_an_unseen_one_fall_back_to_the_global_threshold()
    {
        var (scores, segments) = TwoSegments();
        // Make segment "a" all negative: one class, nothing to tune.
        var positive = scores.IsPositive.ToArray();
        for (var i = 0; i < segments.Length; i++)
        {
            positive[i] &= segments[i] != "a";
        }

        var tuned = SegmentThresholds.Tune(BinaryScores.Create(positive, scores.Scores), segments, ThresholdObjective.F1, "region");

        var a = tuned.Segments.Single(s => s.Segment == "a");
        var c = tuned.Segments.Single(s => s.Segment == "c");
        Assert.False(a.IsTuned);
        Assert.Equal(0, a.PositiveWeight);
        Assert.Contains("0 positive", a.Note);
        Assert.False(c.IsTuned); // 12 rows: 3 positives, 9 negatives, below 10 of each
        Assert.Contains("needs 10 of each", c.Note);
        Assert.Equal(tuned.GlobalThreshold, tuned.ThresholdFor("a"));
        Assert.Equal(tuned.GlobalThreshold, tuned.ThresholdFor("c"));
        Assert.Equal(tuned.GlobalThreshold, tuned.ThresholdFor("never seen"));
        Assert.True(tuned.Segments.Single(s => s.Segment == "b").IsTuned);
    }

    [Fact]
    public void A_segment_where_the_objective_cannot_be_met_falls_back_and_says_why()
    {
        var (scores, segments) = TwoSegments();
        // In segment "b" score every positive below every negative (and those as low as segment a's): no threshold
        // there reaches precision 0.9, while over all rows the top scores are a's positives.
        var values = scores.Scores.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            if (segments[i] == "b")
            {
                values[i] = scores.IsPositive[i] ? 0.01 : values[i] - 0.3;
            }
        }

        var objective = ThresholdObjective.MinimumPrecision(0.9);
        var tuned = SegmentThresholds.Tune(BinaryScores.Create(scores.IsPositive, values), segments, objective, "region");

        var b = tuned.Segments.Single(s => s.Segment == "b");
        Assert.False(b.IsTuned);
        Assert.Equal(tuned.GlobalThreshold, b.Threshold);
        Assert.Contains("on this segment", b.Note);
        Assert.True(tuned.Segments.Single(s => s.Segment == "a").IsTuned);
    }

    [Fact]
    public void Segments_must_match_the_rows_and_the_objective_be_met_somewhere()
    {
        var (scores, segments) = TwoSegments();

        var error = Assert.Throws<ArgumentException>(() => SegmentThresholds.Tune(scores, segments[1..], ThresholdObjective.F1, "region"));
        Assert.Contains("611 segments for 612 rows", error.Message);
        Assert.Throws<ArgumentException>(() => SegmentThresholds.Tune(scores, segments, ThresholdObjective.F1, " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentThresholds.Tune(scores, segments, ThresholdObjective.F1, "region", minimumClassRows: 0));
        var nothingPositive = BinaryScores.Create(new bool[scores.Count], scores.Scores);
        Assert.Throws<UnreachableObjectiveException>(() => SegmentThresholds.Tune(nothingPositive, segments, ThresholdObjective.MinimumRecall(0.5), "region"));
    }

    [Fact]
    public void A_pipeline_tuned_by_segment_judges_each_row_at_its_segments_threshold()
    {
        var (training, holdout) = Split.Stratified(SegmentTestData.Load(), holdoutFraction: 0.3, seed: 2);
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Threshold = ThresholdPolicy.TunedBySegment(ThresholdObjective.F1, "region"),
            Seed = 4,
        }.Fit(training);

        var segments = fitted.SegmentThresholds!;
        Assert.Equal("region", segments.Column);
        Assert.Equal(segments.GlobalThreshold, fitted.Threshold);
        Assert.Equal("tuned:f1 per segment of 'region'", fitted.ThresholdPolicy.ToString());
        Assert.Null(fitted.TunedThreshold);

        // Tuned on the training rows' out-of-fold scores only: every training row, no holdout row.
        Assert.Equal(training.RowCount, segments.Segments.Sum(s => s.Rows));
        Assert.True(segments.Segments.Single(s => s.Segment == "north").IsTuned);
        Assert.True(segments.Segments.Single(s => s.Segment == "south").IsTuned);
        Assert.False(segments.Segments.Single(s => s.Segment == "tiny").IsTuned);
        Assert.NotEqual(segments.ThresholdFor("north"), segments.ThresholdFor("south"));

        var region = holdout.Schema.FeatureIndex("region");
        var probabilities = fitted.PositiveProbabilities(holdout);
        var perRow = fitted.RowThresholds(holdout)!;
        for (var i = 0; i < holdout.RowCount; i++)
        {
            var row = holdout.GetRow(i);
            var expected = segments.ThresholdFor(holdout.Schema.CategoryLevels(region)![(int)row[region]]);
            Assert.Equal(expected, fitted.ThresholdFor(row));
            Assert.Equal(expected, perRow[i]);
            Assert.Equal(probabilities[i] >= expected ? fitted.PositiveClassIndex : 1 - fitted.PositiveClassIndex, fitted.Predict(row));
        }

        var report = fitted.Evaluate(holdout);
        Assert.Equal(BinaryConfusion.At(fitted.Score(holdout), perRow), report.Confusion);
        Assert.Equal(segments.GlobalThreshold, report.Threshold);
    }

    [Fact]
    public void A_category_unseen_in_training_gets_the_global_threshold()
    {
        // The holdout file has a region the training file lacks; the split codes it after the training categories.
        var (training, holdout) = Split.FromPreSplit(SegmentTestData.Load(seed: 5), SegmentTestData.Load(seed: 9, withWest: true));
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Threshold = ThresholdPolicy.TunedBySegment(ThresholdObjective.F1, "region"),
        }.Fit(training);

        Assert.DoesNotContain(fitted.SegmentThresholds!.Segments, s => s.Segment == "west");
        var region = holdout.Schema.FeatureIndex("region");
        var westRows = Enumerable.Range(0, holdout.RowCount).Where(i => holdout.Schema.CategoryLevels(region)![(int)holdout.GetRow(i)[region]] == "west").ToArray();
        Assert.Equal(60, westRows.Length);
        var perRow = fitted.RowThresholds(holdout)!;
        Assert.All(westRows, i => Assert.Equal(fitted.SegmentThresholds.GlobalThreshold, perRow[i]));
        Assert.All(westRows, i => Assert.Equal(fitted.SegmentThresholds.GlobalThreshold, fitted.ThresholdFor(holdout.GetRow(i))));
    }

    [Fact]
    public void Cross_validation_judges_each_fold_row_at_its_segments_threshold()
    {
        var data = SegmentTestData.Load();
        var splitter = new StratifiedKFold(3, seed: 1);
        var pipeline = new ImbalancePipeline(new LogisticRegression()) { Threshold = ThresholdPolicy.TunedBySegment(ThresholdObjective.F1, "region") };

        var result = CrossValidation.Run(pipeline, data, splitter);

        foreach (var (fold, measured) in splitter.Split(data).Zip(result.Folds))
        {
            var fitted = pipeline.Fit(fold.Training);
            var decision = BinaryConfusion.At(fitted.Score(fold.Validation), fitted.RowThresholds(fold.Validation)!);
            Assert.Equal(decision.F1, measured.Metrics[MetricNames.F1], 12);
            Assert.Equal(decision.Recall, measured.Metrics[MetricNames.Recall], 12);
            Assert.Equal(fitted.Threshold!.Value, measured.Metrics[MetricNames.Threshold]);
        }
    }

    [Fact]
    public void The_segment_column_must_be_a_feature()
    {
        var training = Split.FromPreSplit(SegmentTestData.Load());
        var pipeline = new ImbalancePipeline(new LogisticRegression()) { Threshold = ThresholdPolicy.TunedBySegment(ThresholdObjective.F1, "country") };

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(training));
        Assert.Contains("'country' is not a feature", error.Message);
    }
}
