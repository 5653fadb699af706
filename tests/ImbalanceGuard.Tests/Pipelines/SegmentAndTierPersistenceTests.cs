using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Tests.Thresholds;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Pipelines;

public class SegmentAndTierPersistenceTests
{
    private static readonly Lazy<(FittedPipeline Fitted, HoldoutSet Holdout)> Segmented = new(() =>
    {
        var (training, holdout) = Split.Stratified(SegmentTestData.Load(), holdoutFraction: 0.3, seed: 2);
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler()],
            Calibration = CalibrationMethod.Platt,
            Threshold = ThresholdPolicy.TunedBySegment(ThresholdObjective.Parse("f1,max-alerts:200/1000"), "region"),
            Tiers = SeverityTiers.Parse("page:0.02,ticket:0.08,log:0.2"),
        }.Fit(training);
        return (fitted, holdout);
    });

    private static string Json(FittedPipeline fitted)
    {
        using var stream = new MemoryStream();
        fitted.Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static FittedPipeline Load(string json) => FittedPipeline.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Segment_thresholds_and_tiers_round_trip_and_score_identically()
    {
        var (fitted, holdout) = Segmented.Value;

        var json = Json(fitted);
        var loaded = Load(json);

        Assert.Equal(2, JsonNode.Parse(json)!["version"]!.GetValue<int>());
        Assert.Equal(fitted.ThresholdPolicy.ToString(), loaded.ThresholdPolicy.ToString());
        Assert.Equal(fitted.Threshold, loaded.Threshold);
        Assert.Equal(fitted.SegmentThresholds!.Segments, loaded.SegmentThresholds!.Segments);
        Assert.Equal(fitted.SegmentThresholds.MinimumClassRows, loaded.SegmentThresholds.MinimumClassRows);
        Assert.Equal(fitted.Tiers!.Tiers, loaded.Tiers!.Tiers);
        Assert.Equal(fitted.PositiveProbabilities(holdout), loaded.PositiveProbabilities(holdout));
        Assert.Equal(fitted.RowThresholds(holdout), loaded.RowThresholds(holdout));
        for (var i = 0; i < holdout.RowCount; i++)
        {
            var row = holdout.GetRow(i);
            Assert.Equal(fitted.Predict(row), loaded.Predict(row));
            Assert.Equal(fitted.PredictTier(row), loaded.PredictTier(row));
        }

        Assert.Equal(fitted.Evaluate(holdout).Confusion, loaded.Evaluate(holdout).Confusion);
    }

    [Fact]
    public void A_pipeline_without_segments_or_tiers_is_still_written_as_version_1()
    {
        var training = Split.FromPreSplit(SegmentTestData.Load());
        var fitted = new ImbalancePipeline(new LogisticRegression()) { Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1) }.Fit(training);

        var json = JsonNode.Parse(Json(fitted))!.AsObject();

        Assert.Equal(1, json["version"]!.GetValue<int>());
        Assert.False(json.ContainsKey("segment_thresholds"));
        Assert.False(json.ContainsKey("tiers"));
    }

    [Fact]
    public void A_version_1_file_kept_from_before_version_2_still_loads_and_scores_as_its_coefficients_say()
    {
        var path = RepositoryFiles.TestFile("pipelines/pima-logistic-v1.json");
        var saved = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(1, saved["version"]!.GetValue<int>());

        var loaded = FittedPipeline.Load(path);

        Assert.Equal(saved["threshold"]!.GetValue<double>(), loaded.Threshold);
        Assert.Equal("tuned:f1", loaded.ThresholdPolicy.ToString());
        Assert.Null(loaded.SegmentThresholds);
        Assert.Null(loaded.Tiers);
        var weights = saved["model"]!["coefficients"]![0]!.AsArray().Select(w => w!.GetValue<double>()).ToArray();
        var intercept = saved["model"]!["intercepts"]![0]!.GetValue<double>();
        var pima = RepositoryFiles.LoadData("pima.csv");
        for (var i = 0; i < pima.RowCount; i += 37)
        {
            var row = pima.GetRow(i);
            var z = intercept;
            for (var f = 0; f < weights.Length; f++)
            {
                z += weights[f] * row[f];
            }

            var expected = 1 / (1 + Math.Exp(-z));
            Assert.Equal(expected, loaded.PositiveProbability(row), 12);
            Assert.Equal(expected >= loaded.Threshold ? 1 : 0, loaded.Predict(row));
            Assert.Equal(loaded.Threshold, loaded.ThresholdFor(row));
        }
    }

    public static TheoryData<string, Action<JsonObject>, string> Damaged => new()
    {
        {
            "new content under version 1", json => json["version"] = 1,
            "says format version 1 but holds \"segment_thresholds\""
        },
        {
            "a later version", json => json["version"] = 3,
            "format version 3; this library reads versions 1 and 2"
        },
        {
            "a segment threshold out of range", json => Segments(json)[0]!["threshold"] = JsonNode.Parse("1e400"),
            "threshold of segment"
        },
        {
            "a segment saved twice", json => Segments(json)[1]!["segment"] = Segments(json)[0]!["segment"]!.GetValue<string>(),
            "is saved twice"
        },
        {
            "a fallen-back segment with its own threshold", json => Untuned(json)["threshold"] = 0.123,
            "falls back to the global threshold but holds another one"
        },
        {
            "a segment column that is not a feature", json => json["segment_thresholds"]!["column"] = "country",
            "read the column 'country', which is not a feature"
        },
        {
            "a global threshold that is not the pipeline's", json => json["segment_thresholds"]!["global"] = 0.999,
            "is not the per-segment thresholds' global one"
        },
        {
            "tier budgets not growing", json => json["tiers"]![1]!["budget"] = 0.01,
            "The saved severity tiers are not valid"
        },
        {
            "a tier threshold above the more severe tier's", json => json["tiers"]![2]!["threshold"] = 2.0,
            "above the"
        },
        {
            "tier names not unique", json => json["tiers"]![2]!["name"] = "page",
            "given twice"
        },
        {
            "a tier share above its budget", json => json["tiers"]![0]!["tuning_share"] = 0.5,
            "outside [0, its budget"
        },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void Damaged_segment_or_tier_content_is_refused_naming_what_is_wrong(string damage, Action<JsonObject> spoil, string message)
    {
        var json = JsonNode.Parse(Json(Segmented.Value.Fitted))!.AsObject();
        spoil(json);

        var error = Assert.Throws<DataFormatException>(() => Load(json.ToJsonString()));

        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{damage}: {error.Message}");
    }

    private static JsonArray Segments(JsonObject json) => json["segment_thresholds"]!["segments"]!.AsArray();

    private static JsonObject Untuned(JsonObject json) => Segments(json).Select(s => s!.AsObject()).First(s => !s["tuned"]!.GetValue<bool>());
}
