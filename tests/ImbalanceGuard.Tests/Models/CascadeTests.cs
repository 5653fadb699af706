using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;

namespace ImbalanceGuard.Tests.Models;

/// <summary>The two-stage cascade: a first stage that keeps the rare rows, a second stage that sees only what it lets through.</summary>
public class CascadeTests
{
    private static readonly Lazy<(Dataset Data, TrainingSet Training, CascadeModel Model)> Satimage = new(() =>
    {
        var data = ModelTestData.Standardised("satimage");
        var training = ModelTestData.AllRows(data);
        var model = new CascadeClassifier { SecondStage = new RandomForestClassifier { Trees = 20, Seed = 1 }, Seed = 1 }.Fit(training);
        return (data, training, model);
    });

    [Fact]
    public void The_first_stage_keeps_the_rare_rows_and_passes_on_only_a_share_of_the_rest()
    {
        var (data, _, model) = Satimage.Value;
        var rare = data.Schema.ClassIndex("1");

        var reached = Enumerable.Range(0, data.RowCount).Where(i => model.ReachesSecondStage(data.GetRow(i))).ToArray();

        Assert.Equal(rare, model.RareClass);
        var rareRows = Enumerable.Range(0, data.RowCount).Count(i => data.Labels[i] == rare);
        // Tuned for 95 % recall out of fold; refitted on every row, the first stage keeps at least that many in sample.
        Assert.True(reached.Count(i => data.Labels[i] == rare) >= 0.95 * rareRows, $"{reached.Count(i => data.Labels[i] == rare)} of {rareRows}");
        Assert.InRange(model.TrainingSecondStageShare, 0.05, 0.9);
        Assert.InRange(reached.Length / (double)data.RowCount, 0.05, 0.9);
    }

    [Fact]
    public void Every_row_the_first_stage_stops_scores_below_every_row_it_lets_through()
    {
        var (data, _, model) = Satimage.Value;
        var probabilities = new double[data.ClassCount];
        var stopped = new List<double>();
        var passed = new List<double>();

        for (var i = 0; i < data.RowCount; i++)
        {
            model.PredictProbabilities(data.GetRow(i), probabilities);
            Assert.Equal(1, probabilities.Sum(), 12);
            (model.ReachesSecondStage(data.GetRow(i)) ? passed : stopped).Add(probabilities[model.RareClass]);
        }

        Assert.True(stopped.Max() < 0.5 && passed.Min() >= 0.5, $"stopped up to {stopped.Max()}, passed from {passed.Min()}");
    }

    [Fact]
    public void The_cascade_strategy_reports_the_share_of_validation_rows_that_reach_the_second_stage()
    {
        var data = RepositoryFiles.LoadData("pima.csv");

        var result = CrossValidation.Run(StrategyCatalog.Create("cascade", "tree", seed: 2), data, new StratifiedKFold(3, shuffle: true, seed: 2));

        Assert.True(result.ProbabilitiesCalibrated);
        Assert.All(result.Folds, f => Assert.InRange(f.Metrics[MetricNames.SecondStageShare], 0.1, 1.0));
        Assert.InRange(result[MetricNames.AveragePrecision].Mean, 0.5, 1.0);
        Assert.False(CrossValidation.Run(StrategyCatalog.Create("none", "tree", seed: 2), data, new StratifiedKFold(3, shuffle: true, seed: 2)).Metrics.ContainsKey(MetricNames.SecondStageShare));
    }

    [Fact]
    public void A_bad_setting_or_too_few_rare_rows_for_the_inner_folds_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CascadeClassifier { FirstStageRecall = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CascadeClassifier { FirstStageRecall = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CascadeClassifier { InnerFolds = 1 });
        var tiny = ModelTestData.Training([0, 1, 2, 3, 4, 5], [0, 0, 0, 0, 1, 1], 1);
        Assert.Contains("has only 2 rows", Assert.Throws<ArgumentException>(() => new CascadeClassifier().Fit(tiny)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_cascade()
    {
        var data = ModelTestData.Standardised("pima");
        var first = new CascadeClassifier { SecondStage = new RandomForestClassifier { Trees = 10, Seed = 4 }, Seed = 4 }.Fit(ModelTestData.AllRows(data));
        var second = new CascadeClassifier { SecondStage = new RandomForestClassifier { Trees = 10, Seed = 4 }, Seed = 4 }.Fit(ModelTestData.AllRows(data));

        Assert.Equal(first.FirstStageThreshold, second.FirstStageThreshold);
        var a = new double[2];
        var b = new double[2];
        for (var i = 0; i < data.RowCount; i += 11)
        {
            first.PredictProbabilities(data.GetRow(i), a);
            second.PredictProbabilities(data.GetRow(i), b);
            Assert.Equal(a, b);
        }
    }
}
