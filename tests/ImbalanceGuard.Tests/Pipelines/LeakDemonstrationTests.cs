using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;
using Xunit.Abstractions;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>
/// The leak the toolkit exists to prevent, measured: on a real dataset, over-sampling the whole dataset by hand
/// and cross-validating afterwards (copies of a validation row sit in the training folds) reports a far better
/// model than the same over-sampling done inside each fold by the pipeline.
/// </summary>
public class LeakDemonstrationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("satimage.csv")]
    [InlineData("pima.csv")]
    public void Resampling_before_the_split_inflates_pr_auc_and_recall(string file)
    {
        var data = RepositoryFiles.LoadData(file);
        var model = new DecisionTreeClassifier { Seed = 0 };
        var threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1);
        var splitter = new StratifiedKFold(5, seed: 0);

        // Honest: the pipeline over-samples inside each training fold.
        var honest = CrossValidation.Run(
            new ImbalancePipeline(model) { Samplers = [new RandomOverSampler { Seed = 0 }], Threshold = threshold },
            data,
            splitter);

        // Leaky, by hand and outside the safe types: duplicate minority rows of the whole dataset, then cross-validate.
        var leaked = CrossValidation.Run(new ImbalancePipeline(model) { Threshold = threshold }, OversampledByHand(data), splitter);

        var ap = (Honest: honest[MetricNames.AveragePrecision].Mean, Leaked: leaked[MetricNames.AveragePrecision].Mean);
        var recall = (Honest: honest[MetricNames.Recall].Mean, Leaked: leaked[MetricNames.Recall].Mean);
        output.WriteLine($"{file}: PR-AUC honest {ap.Honest:F3}, leaked {ap.Leaked:F3}; recall honest {recall.Honest:F3}, leaked {recall.Leaked:F3}");
        Assert.True(ap.Leaked > ap.Honest + 0.15, $"PR-AUC: leaked {ap.Leaked:F3} vs honest {ap.Honest:F3}");
        Assert.True(recall.Leaked > recall.Honest + 0.15, $"recall: leaked {recall.Leaked:F3} vs honest {recall.Honest:F3}");
    }

    /// <summary>What hand-rolled code does: copies random minority rows until the classes balance, then builds a fresh dataset.</summary>
    private static Dataset OversampledByHand(Dataset data)
    {
        var rows = Enumerable.Range(0, data.RowCount).Select(i => data.GetRow(i).ToArray()).ToList();
        var labels = Enumerable.Range(0, data.RowCount).Select(data.GetClassName).ToList();
        var counts = data.ClassCountsByName();
        var minority = counts.MinBy(c => c.Value).Key;
        var minorityRows = Enumerable.Range(0, data.RowCount).Where(i => labels[i] == minority).ToArray();
        var random = new Random(0);
        for (var i = 0; i < counts.Values.Max() - counts[minority]; i++)
        {
            var copy = minorityRows[random.Next(minorityRows.Length)];
            rows.Add(rows[copy]);
            labels.Add(minority);
        }

        return Dataset.FromRows(rows, labels);
    }
}
