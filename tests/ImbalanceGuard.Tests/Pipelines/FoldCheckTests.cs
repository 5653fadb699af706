using System.Globalization;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>What class counts say before any fit: which strategies can run on which folds, and why not.</summary>
public class FoldCheckTests
{
    /// <summary>200 rows of class '0' and 10 of class '5'.</summary>
    private static Dataset SmallClass()
    {
        var rows = new List<double[]>();
        var labels = new List<string>();
        for (var i = 0; i < 210; i++)
        {
            var minority = i >= 200;
            rows.Add([(minority ? 2 : 0) + (i % 17 / 10.0), (minority ? 2 : 0) + (i % 13 / 10.0)]);
            labels.Add(minority ? "5" : "0");
        }

        return Dataset.FromRows(rows, labels);
    }

    private static ImbalancePipeline Smote(int k = 5) => new(new LogisticRegression())
    {
        Samplers = [new Smote { KNeighbors = k }],
        Threshold = ThresholdPolicy.Tuned(ThresholdObjective.F1),
    };

    [Fact]
    public void The_check_names_the_class_the_smallest_training_and_inner_folds_and_what_would_run()
    {
        var problem = CrossValidation.Check(Smote(), SmallClass(), new StratifiedKFold(5, seed: 0));

        Assert.NotNull(problem);
        Assert.Equal(
            "smote cannot run in every fold: class '5' has 10 rows; a training fold holds as few as 8 and an inner fold 5; smote's k_neighbors=5 needs 6.",
            problem.Reason);
        Assert.Equal(("smote", "k_neighbors", 4), (problem.Sampler, problem.Parameter, problem.WorkableValue));
    }

    [Fact]
    public void The_counts_are_those_the_pipeline_really_fits_on()
    {
        // The smallest inner training part, found by fitting: the largest k that runs everywhere is the check's.
        var data = SmallClass();
        var splitter = new StratifiedKFold(5, seed: 0);
        var workable = CrossValidation.Check(Smote(), data, splitter)!.WorkableValue!.Value;

        Assert.Null(CrossValidation.Check(Smote(workable), data, splitter));
        Assert.Equal(5, CrossValidation.Run(Smote(workable), data, splitter).Folds.Count);
        Assert.NotNull(CrossValidation.Check(Smote(workable + 1), data, splitter));
        Assert.Throws<SamplingException>(() => CrossValidation.Run(Smote(workable + 1), data, splitter, new CrossValidationOptions
        {
            Progress = new Synchronous(_ => Assert.Fail("a fold ran before the check refused the pipeline")),
        }));
    }

    [Fact]
    public void Without_inner_folds_only_the_training_folds_count()
    {
        var pipeline = new ImbalancePipeline(new LogisticRegression()) { Samplers = [new Smote()], Threshold = ThresholdPolicy.Fixed(0.5) };

        Assert.Null(CrossValidation.Check(pipeline, SmallClass(), new StratifiedKFold(5, seed: 0)));
        var problem = CrossValidation.Check(new ImbalancePipeline(new LogisticRegression()) { Samplers = [new Smote { KNeighbors = 8 }] }, SmallClass(), new StratifiedKFold(5, seed: 0));
        Assert.Equal("smote cannot run in every fold: class '5' has 10 rows; a training fold holds as few as 8; smote's k_neighbors=8 needs 9.", problem!.Reason);
        Assert.Equal(7, problem.WorkableValue);
    }

    [Fact]
    public void Too_few_positive_rows_for_the_inner_folds_is_a_problem_of_every_strategy()
    {
        Assert.Null(CrossValidation.Check(StrategyCatalog.Create("none"), SmallClass(), new StratifiedKFold(10, seed: 0)));
        var tiny = Dataset.FromRows([[0.0], [0.1], [0.2], [0.3], [1.0], [1.1], [1.2], [1.3]], ["0", "0", "0", "0", "0", "0", "1", "1"]);
        var inner = CrossValidation.Check(StrategyCatalog.Create("none"), tiny, new StratifiedKFold(2, seed: 0));
        Assert.Equal(
            "Calibration and threshold tuning use 3 inner folds of each training fold, but class '1' (positive) has 2 rows and a training fold holds as few as 1 of them; use fewer folds or give more data.",
            inner!.Reason);
        Assert.Null(inner.Sampler);
    }

    [Fact]
    public void Comparison_check_skips_what_cannot_run_and_keeps_the_rest()
    {
        var skipped = StrategyComparison.Check(SmallClass(), ["none", "smote", "random-over", "adasyn"], "logistic", new StratifiedKFold(5, seed: 0));

        Assert.Equal(["smote", "adasyn"], skipped.Select(s => s.Strategy));
        Assert.Equal(4, skipped[0].WorkableValue);
        Assert.Empty(StrategyComparison.Check(
            SmallClass(), ["smote"], "logistic", new StratifiedKFold(5, seed: 0),
            parameters: new Dictionary<string, IReadOnlyDictionary<string, string>> { ["smote"] = new Dictionary<string, string> { ["k_neighbors"] = "4" } }));
    }

    [Fact]
    public void Interpolating_samplers_are_skipped_on_categorical_features()
    {
        var csv = "colour,size,label\n" + string.Join('\n', Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(i % 3 == 0 ? "red" : "blue")},{i % 7},{(i % 5 == 0 ? 1 : 0)}")));
        var data = Dataset.ReadCsv(new StringReader(csv), new CsvLoadOptions { CategoricalColumns = ["colour"] });

        var skipped = StrategyComparison.Check(data, ["none", "smote", "smote-nc", "random-over", "cluster-centroids"], "logistic", new StratifiedKFold(3, seed: 0));

        Assert.Equal(["smote", "smote-nc", "cluster-centroids"], skipped.Select(s => s.Strategy));
        Assert.Contains("fold", skipped[1].Reason, StringComparison.Ordinal);
        Assert.Equal(
            "smote interpolates between rows and would turn the codes of the categorical column 'colour' into values that name no category; use smote-nc (SmoteNc), which interpolates the continuous features and samples categories from the neighbours.",
            skipped[0].Reason);
    }

    [Fact]
    public void Linear_learners_get_categorical_features_one_hot_after_the_samplers()
    {
        var csv = "colour,size,label\n" + string.Join('\n', Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(i % 3) switch { 0 => "red", 1 => "green", _ => "blue" }},{i % 7},{(i % 5 == 0 ? 1 : 0)}")));
        var data = Dataset.ReadCsv(new StringReader(csv), new CsvLoadOptions { CategoricalColumns = ["colour"] });
        var training = Split.FromPreSplit(data);

        var logistic = StrategyCatalog.Create("smote-nc", "logistic", schema: data.Schema).Fit(training);
        var tree = StrategyCatalog.Create("smote-nc", "tree", schema: data.Schema).Fit(training);

        // SMOTE-NC still saw the category codes; the linear model saw one column per colour.
        Assert.Equal(["standard-scaler", "one-hot-encoder"], logistic.Preprocessing);
        Assert.Empty(tree.Preprocessing);
        Assert.Equal(["one-hot-encoder"], StrategyCatalog.Create("focal-loss", schema: data.Schema).AfterSampling.Select(p => p.Name));
        Assert.Empty(StrategyCatalog.Create("none", "logistic").AfterSampling);
    }

    [Fact]
    public void Sampler_parameters_reach_the_sampler_and_only_a_sampler_takes_them()
    {
        var pipeline = StrategyCatalog.Create("smote", seed: 9, samplerParameters: new Dictionary<string, string> { ["k_neighbors"] = "3" });
        var smote = Assert.IsType<Smote>(Assert.Single(pipeline.Samplers));
        Assert.Equal((3, 9), (smote.KNeighbors, smote.Seed));

        Assert.Contains("'none' is not a sampler", Assert.Throws<ArgumentException>(() => StrategyCatalog.Create("none", samplerParameters: new Dictionary<string, string> { ["k"] = "3" })).Message, StringComparison.Ordinal);
        Assert.Contains("smote has no parameter k", Assert.Throws<ArgumentException>(() => StrategyCatalog.Create("smote", samplerParameters: new Dictionary<string, string> { ["k"] = "3" })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_of_one_row_is_one_row()
    {
        var data = Dataset.FromRows([[0.0], [1.0], [2.0], [3.0], [9.0]], ["0", "0", "0", "0", "1"]);

        var error = Assert.Throws<SamplingException>(() => new Smote().Resample(Split.FromPreSplit(data)));

        Assert.Equal("smote: class '1' has 1 row, but k_neighbors=5 needs at least 6. Lower k_neighbors or choose another sampler.", error.Message);
    }

    [Fact]
    public void Inner_folds_of_a_single_positive_row_say_one_row()
    {
        var tiny = Dataset.FromRows([[0.0], [0.1], [0.2], [0.3], [1.0]], ["0", "0", "0", "0", "1"]);

        var error = Assert.Throws<ArgumentException>(() => StrategyCatalog.Create("none").Fit(Split.FromPreSplit(tiny)));

        Assert.Contains("the positive class '1' has only 1 row there", error.Message, StringComparison.Ordinal);
    }

    private sealed class Synchronous(Action<CrossValidationProgress> report) : IProgress<CrossValidationProgress>
    {
        public void Report(CrossValidationProgress value) => report(value);
    }
}
