using ImbalanceGuard.CodeFixes;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0008's code fixes: the bridge's stratified split or folds, or the key removed.</summary>
public class SamplingKeyIsLabelCodeFixTests
{
    private static Task Verify(string source, string fixedSource, string key, bool bridge = true, bool topLevel = false)
        => CodeFixVerifier.VerifyAsync<SamplingKeyIsLabelAnalyzer, SamplingKeyIsLabelCodeFixProvider>(source, fixedSource, key, bridge, topLevel);

    private static Task VerifyNotOffered(string source, string key, bool bridge = true)
        => CodeFixVerifier.VerifyNotOfferedAsync<SamplingKeyIsLabelAnalyzer, SamplingKeyIsLabelCodeFixProvider>(source, key, bridge);

    // ------------------------------------------------------------------ the bridge's stratified split

    /// <summary>ML.NET's default test fraction (0.1) made explicit, the key become the label, the using added.</summary>
    [Fact]
    public Task TrainTestSplit_becomes_the_stratified_split_with_ML_NETs_test_fraction()
        => Verify(
            """
            namespace App;

            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, {|IG0008:samplingKeyColumnName: "Label"|});
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                    var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
                }
            }
            """,
            """
            using ImbalanceGuard.ML;

            namespace App;

            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.1, labelColumnName: "Label");
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                    var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
                }
            }
            """,
            SamplingKeyIsLabelCodeFixProvider.UseStratified);

    [Fact]
    public Task Positional_fraction_and_int_seed_kept_and_the_declared_type_becomes_var()
        => Verify(
            """
            using System.Text;
            using Microsoft.ML.Trainers;

            static class Churn
            {
                private const string LabelColumn = "Churned";

                public static void Run(MLContext ml, IDataView data)
                {
                    var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: LabelColumn);
                    DataOperationsCatalog.TrainTestData split = ml.Data.TrainTestSplit(data, 0.25, {|IG0008:LabelColumn|}, 42);
                    IDataView train = split.TrainSet;
                    var test = split.TestSet;
                    var model = trainer.Fit(train);
                }
            }
            """,
            """
            using ImbalanceGuard.ML;
            using System.Text;
            using Microsoft.ML.Trainers;

            static class Churn
            {
                private const string LabelColumn = "Churned";

                public static void Run(MLContext ml, IDataView data)
                {
                    var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: LabelColumn);
                    var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.25, labelColumnName: LabelColumn, seed: 42);
                    IDataView train = split.TrainSet;
                    var test = split.TestSet;
                    var model = trainer.Fit(train);
                }
            }
            """,
            SamplingKeyIsLabelCodeFixProvider.UseStratified);

    [Fact]
    public Task Nullable_seed_gets_a_default_and_the_parts_read_straight_off_the_call()
        => Verify(
            """
            using ImbalanceGuard.ML;

            static class Fraud
            {
                public static IDataView Run(MLContext ml, IDataView data, int? seed)
                    => ml.Data.TrainTestSplit(data, testFraction: 0.3, {|IG0008:samplingKeyColumnName: nameof(Transaction.Label)|}, seed: seed).TestSet;
            }
            """,
            """
            using ImbalanceGuard.ML;

            static class Fraud
            {
                public static IDataView Run(MLContext ml, IDataView data, int? seed)
                    => ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.3, labelColumnName: nameof(Transaction.Label), seed: seed ?? 0).TestSet;
            }
            """,
            SamplingKeyIsLabelCodeFixProvider.UseStratified);

    [Fact]
    public Task CrossValidationSplit_folds_read_in_a_foreach_become_stratified_folds()
        => Verify(
            """
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var folds = ml.Data.CrossValidationSplit(data, numberOfFolds: 4, {|IG0008:samplingKeyColumnName: "Label"|}, seed: 7);
                    Console.WriteLine($"{folds.Count} folds");
                    foreach (var fold in folds)
                    {
                        var model = pipeline.Fit(fold.TrainSet);
                        var metrics = ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(fold.TestSet));
                    }
                }
            }
            """,
            """
            using ImbalanceGuard.ML;

            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var folds = ml.Data.StratifiedCrossValidationSplit(data, numberOfFolds: 4, labelColumnName: "Label", seed: 7);
                    Console.WriteLine($"{folds.Count} folds");
                    foreach (var fold in folds)
                    {
                        var model = pipeline.Fit(fold.TrainSet);
                        var metrics = ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(fold.TestSet));
                    }
                }
            }
            """,
            SamplingKeyIsLabelCodeFixProvider.UseStratified);

    [Fact]
    public Task Fix_all_in_a_top_level_program_adds_the_using_once()
        => Verify(
            """
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromTextFile<Transaction>("fraud.csv", hasHeader: true, separatorChar: ',');
            var first = ml.Data.TrainTestSplit(data, 0.2, {|IG0008:"Label"|});
            var second = ml.Data.TrainTestSplit(first.TrainSet, 0.25, {|IG0008:"Label"|});
            Console.WriteLine(second.TestSet.Schema.Count);
            """,
            """
            using ImbalanceGuard.ML;

            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromTextFile<Transaction>("fraud.csv", hasHeader: true, separatorChar: ',');
            var first = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.2, labelColumnName: "Label");
            var second = ml.Data.StratifiedTrainTestSplit(first.TrainSet, testFraction: 0.25, labelColumnName: "Label");
            Console.WriteLine(second.TestSet.Schema.Count);
            """,
            SamplingKeyIsLabelCodeFixProvider.UseStratified,
            topLevel: true);

    /// <summary>In a lambda of a field initializer, with the key on a line of its own and ML.NET's type spelled out.</summary>
    [Fact]
    public Task Split_in_a_lazy_field_initializer()
        => Verify(
            """
            using static Microsoft.ML.DataOperationsCatalog;

            static class TextModel
            {
                public const string Label = "Label";

                public static readonly Lazy<ITransformer> Model = new(() =>
                {
                    var ml = new MLContext(1);
                    var data = ml.Data.LoadFromEnumerable(new List<Transaction>());
                    TrainTestData parts = ml.Data.TrainTestSplit(data, testFraction: 0.2,
                        {|IG0008:samplingKeyColumnName: Label|});
                    var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: Label, featureColumnName: "Features");
                    return ml.Transforms.Concatenate("Features", "Amount").Append(trainer).Fit(parts.TrainSet);
                });
            }
            """,
            """
            using ImbalanceGuard.ML;
            using static Microsoft.ML.DataOperationsCatalog;

            static class TextModel
            {
                public const string Label = "Label";

                public static readonly Lazy<ITransformer> Model = new(() =>
                {
                    var ml = new MLContext(1);
                    var data = ml.Data.LoadFromEnumerable(new List<Transaction>());
                    var parts = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.2, labelColumnName: Label);
                    var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: Label, featureColumnName: "Features");
                    return ml.Transforms.Concatenate("Features", "Amount").Append(trainer).Fit(parts.TrainSet);
                });
            }
            """,
            SamplingKeyIsLabelCodeFixProvider.UseStratified);

    [Fact]
    public Task Not_offered_without_the_bridge()
        => VerifyNotOffered(
            """
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, {|IG0008:samplingKeyColumnName: "Label"|});
                    var train = split.TrainSet;
                }
            }
            """,
            SamplingKeyIsLabelCodeFixProvider.UseStratified,
            bridge: false);

    /// <summary>The result leaves the method as ML.NET's type, or a part's local is assigned another view: the bridge's types would not compile there.</summary>
    [Fact]
    public Task Not_offered_where_the_result_must_stay_ML_NETs_type()
        => VerifyNotOffered(
            """
            static class Fraud
            {
                public static DataOperationsCatalog.TrainTestData Returned(MLContext ml, IDataView data)
                    => ml.Data.TrainTestSplit(data, {|IG0008:samplingKeyColumnName: "Label"|});

                public static void Reassigned(MLContext ml, IDataView data, IDataView other)
                {
                    var split = ml.Data.TrainTestSplit(data, {|IG0008:samplingKeyColumnName: "Label"|});
                    var train = split.TrainSet;
                    train = other;
                }

                public static void Listed(MLContext ml, IDataView data)
                {
                    var folds = ml.Data.CrossValidationSplit(data, {|IG0008:samplingKeyColumnName: "Label"|});
                    var first = folds.First();
                }

                public static void CrossValidated(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var results = ml.BinaryClassification.CrossValidate(data, pipeline, {|IG0008:samplingKeyColumnName: "Label"|});
                }
            }
            """,
            SamplingKeyIsLabelCodeFixProvider.UseStratified);

    // ------------------------------------------------------------------ the key removed

    [Fact]
    public Task Key_removed_from_TrainTestSplit_without_the_bridge()
        => Verify(
            """
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, {|IG0008:samplingKeyColumnName: "Label"|}, seed: 1);
                }
            }
            """,
            """
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
                }
            }
            """,
            SamplingKeyIsLabelCodeFixProvider.RemoveKey,
            bridge: false);

    /// <summary>A positional seed after a removed positional key would shift into the key's place: it is named.</summary>
    [Fact]
    public Task Key_removed_from_positional_CrossValidate_and_CrossValidationSplit()
        => Verify(
            """
            static class Experiments
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var binary = ml.BinaryClassification.CrossValidate(data, pipeline, 5, "Label", {|IG0008:"Label"|}, 3);
                    var regression = ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Fare", {|IG0008:samplingKeyColumnName: "Fare"|});
                    var folds = ml.Data.CrossValidationSplit(data, 5, {|IG0008:"Label"|});
                    var ranked = ml.Ranking.CrossValidate(data, pipeline, 3, "Label", {|IG0008:"Label"|});
                }
            }
            """,
            """
            static class Experiments
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var binary = ml.BinaryClassification.CrossValidate(data, pipeline, 5, "Label", seed: 3);
                    var regression = ml.Regression.CrossValidate(data, pipeline, labelColumnName: "Fare");
                    var folds = ml.Data.CrossValidationSplit(data, 5);
                    var ranked = ml.Ranking.CrossValidate(data, pipeline, 3, "Label");
                }
            }
            """,
            SamplingKeyIsLabelCodeFixProvider.RemoveKey);
}
