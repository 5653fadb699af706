using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Tests.Pipelines;

public class PipelinePersistenceTests
{
    public static TheoryData<string> Trainers => new(TrainerByName.Keys);

    private static readonly Dictionary<string, Func<IClassifierTrainer>> TrainerByName = new()
    {
        ["logistic"] = () => new LogisticRegression(),
        ["focal-logistic"] = () => new LogisticRegression { FocalLoss = new FocalLoss { Gamma = 2, Alpha = 0.25 } },
        ["tree"] = () => new DecisionTreeClassifier { MaxDepth = 6, Seed = 1 },
        ["forest"] = () => new RandomForestClassifier { Trees = 12, Seed = 1 },
        ["balanced-random-forest"] = () => new BalancedRandomForestClassifier { Trees = 8, Seed = 1 },
        ["easy-ensemble"] = () => new EasyEnsembleClassifier { Estimators = 3, Seed = 1 },
        ["balanced-bagging"] = () => new BalancedBaggingClassifier { Estimators = 4, Seed = 1, MaxFeatures = 0.5 },
        ["rus-boost"] = () => new RUSBoostClassifier { Estimators = 6, Seed = 1 },
        ["adaboost"] = () => new AdaBoostClassifier { Estimators = 6, Seed = 1 },
        ["cost-sensitive"] = () => new CostSensitiveClassifier { Estimator = new LogisticRegression(), Costs = [[0, 1], [10, 0]] },
        ["cascade"] = () => new CascadeClassifier { SecondStage = new DecisionTreeClassifier { MaxDepth = 4, Seed = 1 }, Seed = 1 },
        ["isolation-forest"] = () => new IsolationForest { Trees = 10, Seed = 1 },
    };

    [Theory]
    [MemberData(nameof(Trainers))]
    public void A_saved_pipeline_loads_back_and_scores_identically(string trainer)
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(TrainerByName[trainer]())
        {
            Preprocessing = [new StandardScaler()],
            Samplers = [new Smote { Seed = 3 }],
            Calibration = CalibrationMethod.Platt,
            Threshold = ThresholdPolicy.Tuned(ThresholdObjective.FBeta(2)),
        }.Fit(training);

        var loaded = RoundTrip(fitted);

        Assert.Equal(fitted.PositiveProbabilities(holdout), loaded.PositiveProbabilities(holdout));
        Assert.Equal(fitted.Threshold, loaded.Threshold);
        Assert.Equal(fitted.ThresholdPolicy.ToString(), loaded.ThresholdPolicy.ToString());
        Assert.Equal(fitted.PositiveClass, loaded.PositiveClass);
        Assert.Equal(fitted.Preprocessing, loaded.Preprocessing);
        Assert.Equal(fitted.Resampling.Single().CountsAfter, loaded.Resampling.Single().CountsAfter);
        for (var i = 0; i < holdout.RowCount; i++)
        {
            Assert.Equal(fitted.Predict(holdout.GetRow(i)), loaded.Predict(holdout.GetRow(i)));
        }
    }

    [Theory]
    [InlineData(CalibrationMethod.Isotonic)]
    [InlineData(CalibrationMethod.PriorCorrection)]
    [InlineData(CalibrationMethod.None)]
    public void Every_calibrator_round_trips(CalibrationMethod method)
    {
        var (training, holdout) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new LogisticRegression())
        {
            Preprocessing = [new MinMaxScaler()],
            Samplers = [new RandomUnderSampler { Seed = 2 }],
            Calibration = method,
            Threshold = ThresholdPolicy.Fixed(0.3),
        }.Fit(training);

        Assert.Equal(fitted.PositiveProbabilities(holdout), RoundTrip(fitted).PositiveProbabilities(holdout));
    }

    [Fact]
    public void One_hot_encoding_and_categorical_schemas_round_trip()
    {
        var csv = "colour,size,label\n" + string.Join("\n", Enumerable.Range(0, 90).Select(i => $"{(i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue")},{i % 7},{(i % 9 == 0 ? "yes" : "no")}"));
        var data = Dataset.ReadCsv(new StringReader(csv), new CsvLoadOptions { CategoricalColumns = ["colour"] });
        var (training, holdout) = Split.Stratified(data, 0.25, seed: 1);
        var fitted = new ImbalancePipeline(new DecisionTreeClassifier { Seed = 1 }) { Preprocessing = [new OneHotEncoder(), new StandardScaler()] }.Fit(training);

        var loaded = RoundTrip(fitted);

        Assert.Equal(fitted.PositiveProbabilities(holdout), loaded.PositiveProbabilities(holdout));
        Assert.Equal(data.Schema.CategoryLevels(0), loaded.Schema.CategoryLevels(0));
        Assert.Equal(["one-hot-encoder", "standard-scaler"], loaded.Preprocessing);
    }

    [Fact]
    public void A_loaded_pipeline_still_refuses_synthetic_evaluation_rows()
    {
        var training = Dataset.FromRows([[1.0, 1], [2.0, 2], [3.0, 3], [4.0, 1], [5.0, 2], [6.0, 0]], ["a", "b", "a", "a", "b", "a"]);
        var holdout = Dataset.FromRows(
            [[10.0, 10], [11.0, 11], [12.0, 12]],
            ["a", "b", "a"],
            new DatasetOptions { Provenance = [RowProvenance.Original(0), RowProvenance.Synthetic("smote", 4, 7), RowProvenance.Original(2)] });
        var (train, test) = Split.FromPreSplit(training, holdout);
        var loaded = RoundTrip(new ImbalancePipeline(new LogisticRegression()).Fit(train));

        var leak = Assert.Throws<LeakageException>(() => loaded.Score(test));

        Assert.Equal(LeakageCause.SyntheticRowsInHoldout, leak.Cause);
        Assert.Equal([1], leak.HoldoutRows);
    }

    [Fact]
    public void Loading_something_else_is_a_DataFormatException()
    {
        Assert.Throws<DataFormatException>(() => FittedPipeline.Load(new MemoryStream("{\"hello\": 1}"u8.ToArray())));
        Assert.Throws<DataFormatException>(() => FittedPipeline.Load(new MemoryStream("not json"u8.ToArray())));
        var damaged = Assert.Throws<DataFormatException>(() => FittedPipeline.Load(new MemoryStream("{\"format\": \"imbalance-guard-pipeline\", \"version\": 1}"u8.ToArray())));
        Assert.Contains("damaged", damaged.Message);
    }

    [Fact]
    public void A_model_from_outside_the_library_cannot_be_saved()
    {
        var (training, _) = PipelineTestData.BinarySplit();
        var fitted = new ImbalancePipeline(new ConstantTrainer()).Fit(training);

        var error = Assert.Throws<NotSupportedException>(() => fitted.Save(new MemoryStream()));
        Assert.Contains(nameof(ConstantModel), error.Message);
    }

    private static FittedPipeline RoundTrip(FittedPipeline fitted)
    {
        using var stream = new MemoryStream();
        fitted.Save(stream);
        stream.Position = 0;
        return FittedPipeline.Load(stream);
    }

    private sealed class ConstantTrainer : IClassifierTrainer
    {
        public IProbabilisticClassifier Fit(TrainingSet training) => new ConstantModel();
    }

    private sealed class ConstantModel : IProbabilisticClassifier
    {
        public int ClassCount => 2;

        public void PredictProbabilities(ReadOnlySpan<double> features, Span<double> probabilities)
        {
            probabilities[0] = 0.9;
            probabilities[1] = 0.1;
        }
    }
}
