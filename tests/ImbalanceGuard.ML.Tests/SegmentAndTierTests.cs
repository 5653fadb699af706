using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Thresholds;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML.Tests;

public class SegmentAndTierTests
{
    private readonly MLContext _ml = new(seed: 1);

    public sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Probability { get; set; }

        public string Segment { get; set; } = string.Empty;
    }

    /// <summary>pima scored by a logistic model on a holdout, with a text AgeBand column (young, middle, older).</summary>
    private IDataView ScoredPima()
    {
        var split = _ml.Data.StratifiedTrainTestSplit(MLData.Vector(_ml), seed: 2);
        var model = _ml.Transforms.NormalizeMinMax("Features")
            .Append(_ml.BinaryClassification.Trainers.SdcaLogisticRegression(featureColumnName: "Features", maximumNumberOfIterations: 30))
            .Append(_ml.Transforms.Expression("AgeBand", "a => a < 30 ? \"young\" : a < 45 ? \"middle\" : \"older\"", "Age"))
            .Fit(split.TrainSet);
        return model.Transform(split.TestSet);
    }

    private static string[] Text(IDataView data, string column) => [.. data.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString())];

    [Fact]
    public void Per_segment_thresholds_are_tuned_per_segment_applied_row_by_row_and_saved_with_the_model()
    {
        var scored = ScoredPima();
        var bands = Text(scored, "AgeBand");

        var segments = _ml.BinaryClassification.TuneThresholdBySegment(scored, ThresholdObjective.F1, "AgeBand");

        var library = SegmentThresholds.Tune(_ml.BinaryClassification.ReadScores(scored), bands, ThresholdObjective.F1, "AgeBand");
        Assert.Equal(library.Segments, segments.Segments);
        Assert.Contains(segments.Segments, s => s.IsTuned && s.Threshold != segments.GlobalThreshold);
        var transform = _ml.Transforms.ApplyThreshold(segments, "AgeBand").Fit(scored);
        var applied = transform.Transform(scored);
        var probabilities = MLData.Column<float>(applied, "Probability");
        var predicted = MLData.Column<bool>(applied, "PredictedLabel");
        Assert.All(Enumerable.Range(0, predicted.Length), i => Assert.Equal(probabilities[i] >= segments.ThresholdFor(bands[i]), predicted[i]));

        using var stream = new MemoryStream();
        _ml.Model.Save(transform, scored.Schema, stream);
        stream.Position = 0;
        Assert.Equal(predicted, MLData.Column<bool>(_ml.Model.Load(stream, out _).Transform(scored), "PredictedLabel"));
    }

    [Fact]
    public void A_segment_unseen_when_tuning_and_names_with_quotes_get_the_right_threshold()
    {
        // Two segments with 40 rows each, scores spread so each gets its own F1 threshold.
        var rows = new List<ScoredRow>();
        foreach (var (segment, offset) in new[] { ("say \"hi\" \\ there", 0f), ("plain", 0.3f) })
        {
            for (var i = 0; i < 40; i++)
            {
                var positive = i % 3 == 0;
                rows.Add(new ScoredRow { Label = positive, Probability = offset + ((positive ? 0.4f : 0.1f) + (i % 7 * 0.05f)), Segment = segment });
            }
        }

        var tuning = _ml.Data.LoadFromEnumerable(rows);
        var segments = _ml.BinaryClassification.TuneThresholdBySegment(tuning, ThresholdObjective.F1, "Segment");
        Assert.All(segments.Segments, s => Assert.True(s.IsTuned));
        Assert.NotEqual(segments.Segments[0].Threshold, segments.Segments[1].Threshold);

        ScoredRow[] scoring = [.. rows, .. rows.Take(10).Select(r => new ScoredRow { Label = r.Label, Probability = r.Probability, Segment = "new" })];
        var applied = _ml.Transforms.ApplyThreshold(segments, "Segment").Fit(tuning).Transform(_ml.Data.LoadFromEnumerable(scoring));

        var predicted = MLData.Column<bool>(applied, "PredictedLabel");
        Assert.All(Enumerable.Range(0, scoring.Length), i => Assert.Equal(scoring[i].Probability >= segments.ThresholdFor(scoring[i].Segment), predicted[i]));
        Assert.All(Enumerable.Range(rows.Count, 10), i => Assert.Equal(scoring[i].Probability >= segments.GlobalThreshold, predicted[i]));
    }

    [Fact]
    public void Tiers_are_placed_on_scored_data_and_named_row_by_row()
    {
        var scored = ScoredPima();
        var tiers = _ml.BinaryClassification.TuneTiers(scored, SeverityTiers.Parse("page:0.05,ticket:0.15,log:0.4"));

        var applied = _ml.Transforms.ApplyTiers(tiers, noTier: "none").Fit(scored).Transform(scored);

        var probabilities = MLData.Column<float>(applied, "Probability");
        var named = Text(applied, "Tier");
        Assert.All(Enumerable.Range(0, named.Length), i => Assert.Equal(tiers.Of(probabilities[i])?.Name ?? "none", named[i]));
        Assert.Equal(tiers.Tiers[0].TuningShare, named.Count(n => n == "page") / (double)named.Length, 12);
        Assert.Equal(tiers.Tiers[2].TuningShare, named.Count(n => n != "none") / (double)named.Length, 12);
    }

    [Fact]
    public void A_tier_that_flags_nothing_flags_nothing_in_the_transform_too()
    {
        // Five rows tie at the top score: a one-row budget cannot take them, and its threshold, one double ulp above
        // that score, must not round down onto it as a float.
        var rows = Enumerable.Range(0, 100).Select(i => new ScoredRow { Label = i % 4 == 0, Probability = i < 5 ? 0.9f : i / 200f }).ToList();
        var data = _ml.Data.LoadFromEnumerable(rows);
        var tiers = _ml.BinaryClassification.TuneTiers(data, new SeverityTiers(new SeverityTier("page", 0.01), new SeverityTier("ticket", 0.2)));
        Assert.True(tiers.Tiers[0].FlagsNothing);

        var named = Text(_ml.Transforms.ApplyTiers(tiers).Fit(data).Transform(data), "Tier");

        Assert.DoesNotContain("page", named);
        Assert.Equal(Enumerable.Repeat("ticket", 5), named.Take(5));
    }

    [Fact]
    public void Subgroups_of_scored_data_are_the_librarys_report_for_a_text_or_key_group_column()
    {
        var scored = ScoredPima();

        var report = _ml.BinaryClassification.EvaluateBySubgroup(scored, "AgeBand", threshold: 0.4);

        var expected = SubgroupEvaluation.Of(_ml.BinaryClassification.ReadScores(scored), Text(scored, "AgeBand"), 0.4);
        Assert.Equal(expected.Groups.Select(g => (g.Group, g.Rows, g.PositiveWeight)), report.Groups.Select(g => (g.Group, g.Rows, g.PositiveWeight)));
        Assert.Equal(expected.Groups.Select(g => g.Report?.Confusion), report.Groups.Select(g => g.Report?.Confusion));
        Assert.Equal(expected.LargestRecallGap, report.LargestRecallGap);
        Assert.Equal(["middle", "older", "young"], report.Groups.Select(g => g.Group).Order(StringComparer.Ordinal));

        var error = Assert.Throws<ArgumentException>(() => _ml.BinaryClassification.EvaluateBySubgroup(scored, "Region"));
        Assert.Contains("no column 'Region'", error.Message);
        var vector = Assert.Throws<ArgumentException>(() => _ml.BinaryClassification.EvaluateBySubgroup(scored, "Features"));
        Assert.Contains("a group column holds text, a number, a Boolean or a key", vector.Message);
    }

    [Fact]
    public void A_key_group_column_names_groups_by_key()
    {
        var data = MLData.Scalars(_ml);
        var scored = _ml.Transforms.Conversion.MapValue("Label", [new KeyValuePair<string, bool>("diabetic", true), new KeyValuePair<string, bool>("healthy", false)], "Outcome")
            .Append(_ml.Transforms.Concatenate("Features", "Glucose", "Mass"))
            .Append(_ml.Transforms.NormalizeMinMax("Features"))
            .Append(_ml.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 20))
            .Fit(data).Transform(data);

        var report = _ml.BinaryClassification.EvaluateBySubgroup(scored, "Band");

        Assert.Equal(["1", "2", "3"], report.Groups.Select(g => g.Group).Order(StringComparer.Ordinal));
        Assert.Equal(768, report.Groups.Sum(g => g.Rows));
    }
}
