using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Models;

namespace ImbalanceGuard.Tests.Models;

/// <summary>The isolation forest against scikit-learn's, in distribution (random draws cannot agree), and its invariants.</summary>
public class IsolationForestTests
{
    public static TheoryData<string> Datasets() => new() { "hacide", "satimage", "optical_digits" };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Average_precision_over_seeds_agrees_with_scikit_learn_in_distribution(string dataset)
    {
        var reference = Case(dataset);
        var sklearn = reference.GetProperty("average_precision").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var data = RepositoryFiles.LoadData(dataset + ".csv");
        var rare = data.Schema.ClassIndex(reference.GetProperty("rare_class").GetString()!);

        var ours = Enumerable.Range(0, sklearn.Length).Select(seed => AveragePrecision(data, rare, seed)).ToArray();

        // Two means of 20 independent runs each: they agree when their difference is within three standard errors.
        var standardError = Math.Sqrt((Variance(ours) + Variance(sklearn)) / sklearn.Length);
        Assert.True(
            Math.Abs(ours.Average() - sklearn.Average()) <= 3 * standardError,
            $"{dataset}: mean AP {ours.Average():0.0000} (sd {Math.Sqrt(Variance(ours)):0.0000}) against scikit-learn's {sklearn.Average():0.0000} (sd {Math.Sqrt(Variance(sklearn)):0.0000})");
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Mean_scores_of_each_class_agree_with_scikit_learn(string dataset)
    {
        var reference = Case(dataset);
        var data = RepositoryFiles.LoadData(dataset + ".csv");
        var rare = data.Schema.ClassIndex(reference.GetProperty("rare_class").GetString()!);
        var model = new IsolationForest { Seed = 0 }.Fit(ModelTestData.AllRows(data));

        var scores = Enumerable.Range(0, data.RowCount).Select(i => model.AnomalyScore(data.GetRow(i))).ToArray();

        var labels = data.Labels.ToArray();
        var normalMean = reference.GetProperty("mean_score_normal").EnumerateArray().Average(e => e.GetDouble());
        var rareMean = reference.GetProperty("mean_score_rare").EnumerateArray().Average(e => e.GetDouble());
        Assert.Equal(normalMean, scores.Where((_, i) => labels[i] != rare).Average(), 0.01);
        Assert.Equal(rareMean, scores.Where((_, i) => labels[i] == rare).Average(), 0.01);
    }

    [Fact]
    public void The_average_path_length_is_that_of_the_paper()
    {
        Assert.Equal(0, IsolationForest.AveragePathLength(1));
        Assert.Equal(1, IsolationForest.AveragePathLength(2));
        Assert.Equal((2 * (Math.Log(255) + 0.5772156649015329)) - (2.0 * 255 / 256), IsolationForest.AveragePathLength(256), 15);
    }

    [Fact]
    public void Trees_stay_within_the_depth_limit_and_the_probabilities_are_the_score_shared_out()
    {
        var data = RepositoryFiles.LoadData("glass.csv");
        var model = new IsolationForest { Seed = 3, Trees = 25 }.Fit(ModelTestData.AllRows(data));

        var normalRows = data.ClassCounts.Max();
        var samples = Math.Min(256, normalRows);
        Assert.Equal(samples, model.Samples);
        Assert.All(model.Trees, t => Assert.InRange(t.Depth, 1, (int)Math.Ceiling(Math.Log2(samples))));
        Assert.Equal(data.ClassCounts.ToList().IndexOf(normalRows), model.NormalClass);
        var probabilities = new double[data.ClassCount];
        model.PredictProbabilities(data.GetRow(5), probabilities);
        var score = model.AnomalyScore(data.GetRow(5));
        Assert.Equal(1 - score, probabilities[model.NormalClass], 15);
        Assert.Equal(1, probabilities.Sum(), 12);
        Assert.All(probabilities.Where((_, c) => c != model.NormalClass), p => Assert.Equal(score / (data.ClassCount - 1), p, 15));
    }

    [Fact]
    public void Constant_rows_cannot_be_isolated_and_all_score_one_half()
    {
        var training = ModelTestData.Training([.. Enumerable.Repeat(3.0, 40 * 2)], [.. Enumerable.Range(0, 40).Select(i => i < 30 ? 0 : 1)], 2);

        var model = new IsolationForest { Seed = 1 }.Fit(training);

        Assert.All(model.Trees, t => Assert.Equal(1, t.NodeCount));
        Assert.Equal(0.5, model.AnomalyScore([3.0, 3.0]), 12);
    }

    [Fact]
    public void The_same_seed_gives_the_same_forest_on_any_thread_count()
    {
        var data = RepositoryFiles.LoadData("pima.csv");
        var one = new IsolationForest { Seed = 9, MaxDegreeOfParallelism = 1 }.Fit(ModelTestData.AllRows(data));
        var many = new IsolationForest { Seed = 9, MaxDegreeOfParallelism = 4 }.Fit(ModelTestData.AllRows(data));

        for (var i = 0; i < data.RowCount; i += 7)
        {
            Assert.Equal(one.AnomalyScore(data.GetRow(i)), many.AnomalyScore(data.GetRow(i)));
        }
    }

    [Fact]
    public void Too_few_rows_of_the_largest_class_or_too_many_samples_are_refused()
    {
        var tiny = ModelTestData.Training([1.0, 2.0], [0, 1], 1);
        Assert.Contains("at least 2 rows of the largest class", Assert.Throws<ArgumentException>(() => new IsolationForest().Fit(tiny)).Message, StringComparison.Ordinal);

        var data = ModelTestData.AllRows(RepositoryFiles.LoadData("glass.csv"));
        Assert.Contains("max_samples=500 exceeds", Assert.Throws<ArgumentException>(() => new IsolationForest { MaxSamples = 500 }.Fit(data)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsolationForest { MaxSamples = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsolationForest { Trees = 0 });
    }

    private static double AveragePrecision(Dataset data, int rare, int seed)
    {
        var model = new IsolationForest { Seed = seed }.Fit(ModelTestData.AllRows(data));
        var scores = Enumerable.Range(0, data.RowCount).Select(i => model.AnomalyScore(data.GetRow(i))).ToArray();
        var labels = data.Labels.ToArray();
        return BinaryMetrics.AveragePrecision(BinaryScores.Create([.. labels.Select(l => l == rare)], scores));
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    private static System.Text.Json.JsonElement Case(string dataset)
        => ModelTestData.Fixture("isolation_forest.json").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("dataset").GetString() == dataset);
}
