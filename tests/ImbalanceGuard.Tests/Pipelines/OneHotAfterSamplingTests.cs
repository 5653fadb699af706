using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>
/// A one-hot encoder in <see cref="ImbalancePipeline.Preprocessing"/> runs after a sampler that makes rows, so the
/// sampler sees category codes and no synthetic row holds a fraction of a category; scalers stay before the samplers.
/// </summary>
public class OneHotAfterSamplingTests
{
    /// <summary>pima with its pregnancy count read as a category (17 levels): real data with one categorical column.</summary>
    private static TrainHoldoutSplit PimaWithCategoricalPregnancies()
        => Split.Stratified(Dataset.LoadCsv(RepositoryFiles.DataFile("pima.csv"), new CsvLoadOptions { CategoricalColumns = ["pregnant"] }), 0.25, seed: 3);

    [Fact]
    public void Every_one_hot_block_of_every_synthetic_row_the_learner_sees_is_one_1_and_zeros()
    {
        var (training, _) = PimaWithCategoricalPregnancies();
        var learner = new RecordingTrainer();

        var fitted = new ImbalancePipeline(learner)
        {
            Preprocessing = [new StandardScaler(), new OneHotEncoder()],
            Samplers = [new SmoteNc { Seed = 5 }],
        }.Fit(training);

        Assert.Equal(["standard-scaler", "one-hot-encoder"], fitted.Preprocessing);
        var seen = learner.Seen!;
        var block = Enumerable.Range(0, seen.FeatureCount).Where(j => seen.Schema.FeatureNames[j].StartsWith("pregnant=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(training.ClassCounts.Max() - training.ClassCounts.Min(), seen.SyntheticRowCount);
        Assert.True(block.Length > 10, $"{block.Length} pregnancy levels");
        for (var i = 0; i < seen.RowCount; i++)
        {
            if (seen.GetProvenance(i).IsSynthetic)
            {
                var row = seen.GetRow(i).ToArray();
                Assert.All(block, j => Assert.True(row[j] is 0 or 1, $"row {i}, {seen.Schema.FeatureNames[j]} = {row[j]}"));
                Assert.Equal(1, block.Sum(j => row[j]));
            }
        }
    }

    [Fact]
    public void An_interpolating_sampler_before_the_encoder_refuses_the_categories_instead_of_making_fractions()
    {
        var (training, _) = PimaWithCategoricalPregnancies();
        var pipeline = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler(), new OneHotEncoder()],
            Samplers = [new Smote { Seed = 5 }],
        };

        var refusal = Assert.Throws<CategoricalFeaturesException>(() => pipeline.Fit(training));

        Assert.Equal(["pregnant"], refusal.Columns);
        Assert.Equal("smote-nc", refusal.Alternative);
    }

    [Fact]
    public void On_continuous_data_a_smote_pipeline_keeps_its_neighbours_and_its_scores()
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var plain = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler()], Samplers = [new Smote { Seed = 2 }] }.Fit(training);
        var encoded = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new OneHotEncoder(), new StandardScaler()], Samplers = [new Smote { Seed = 2 }] }.Fit(training);

        Assert.Equal(["standard-scaler", "one-hot-encoder"], encoded.Preprocessing);
        Assert.Equal(plain.PositiveProbabilities(holdout), encoded.PositiveProbabilities(holdout));
    }

    [Fact]
    public void Samplers_that_only_keep_rows_still_see_the_encoded_columns()
    {
        var (training, _) = PimaWithCategoricalPregnancies();

        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new OneHotEncoder(), new StandardScaler()],
            Samplers = [new TomekLinks()],
        }.Fit(training);

        Assert.Equal(["one-hot-encoder", "standard-scaler"], fitted.Preprocessing);
    }

    [Fact]
    public void A_pipeline_with_the_encoder_after_smote_nc_saves_loads_and_scores_identically()
    {
        var (training, holdout) = PimaWithCategoricalPregnancies();
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new StandardScaler(), new OneHotEncoder()],
            Samplers = [new SmoteNc { Seed = 5 }],
            Calibration = CalibrationMethod.PriorCorrection,
        }.Fit(training);

        using var stream = new MemoryStream();
        fitted.Save(stream);
        stream.Position = 0;
        var loaded = FittedPipeline.Load(stream);

        Assert.Equal(fitted.Preprocessing, loaded.Preprocessing);
        Assert.Equal(fitted.PositiveProbabilities(holdout), loaded.PositiveProbabilities(holdout));
    }

    /// <summary>A logistic regression that keeps the rows it was fitted on: the rows after every step before the learner.</summary>
    private sealed class RecordingTrainer : IClassifierTrainer
    {
        public TrainingSet? Seen { get; private set; }

        public IProbabilisticClassifier Fit(TrainingSet training)
        {
            Seen = training;
            return new LogisticRegression().Fit(training);
        }
    }
}
