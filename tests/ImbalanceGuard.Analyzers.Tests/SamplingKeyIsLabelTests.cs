using Microsoft.CodeAnalysis.Testing;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0008: ML.NET's sampling key given the label column.</summary>
public class SamplingKeyIsLabelTests
{
    private const string Stratified = "; for a split that keeps the class balance use ImbalanceGuard.ML's StratifiedTrainTestSplit or StratifiedCrossValidationSplit";

    private static Task Verify(string source, bool topLevel = false)
        => Verifier.VerifyAsync<SamplingKeyIsLabelAnalyzer>(source, topLevel: topLevel);

    private static DiagnosticResult Expected(int location, params object[] arguments)
        => new DiagnosticResult(Rules.SamplingKeyIsLabel).WithLocation(location).WithArguments(arguments);

    // ------------------------------------------------------------------ flagged

    /// <summary>The shape of dotnet/machinelearning#1204: the key given in the belief that it stratifies.</summary>
    [Fact]
    public Task Binary_CrossValidate_with_the_default_label_as_key_and_the_whole_message()
        => Verifier.VerifyAsync<SamplingKeyIsLabelAnalyzer>(
            """
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age")
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    var results = ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5, {|#0:samplingKeyColumnName: "Label"|});
                }
            }
            """,
            [Expected(
                0,
                "CrossValidate",
                "Label",
                "samplingKeyColumnName",
                "each class lands wholly in training or wholly in test (a class only in test is never learned, one only in training is never tested)",
                Stratified)]);

    [Fact]
    public Task Multiclass_CrossValidate_with_positional_arguments()
        => Verify("""
            static class Iris
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var results = ml.MulticlassClassification.CrossValidate(data, pipeline, 5, "Label", {|IG0008:"Label"|});
                }
            }
            """);

    [Fact]
    public Task Regression_CrossValidate_says_why_identical_targets_kept_together_are_wrong()
        => Verifier.VerifyAsync<SamplingKeyIsLabelAnalyzer>(
            """
            static class Taxi
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Distance", "Passengers")
                        .Append(ml.Regression.Trainers.Sdca(labelColumnName: "FareAmount"));
                    var results = ml.Regression.CrossValidate(data, pipeline, 5, labelColumnName: "FareAmount", {|#0:samplingKeyColumnName: "FareAmount"|});
                }
            }
            """,
            [Expected(
                0,
                "CrossValidate",
                "FareAmount",
                "samplingKeyColumnName",
                "rows with the same target value are kept together and every target value in the test part is one the model never saw in training (an extrapolation test, not a random split)",
                string.Empty)]);

    /// <summary>A ranking cross-validation's sampling key is its <c>rowGroupColumnName</c>: the query id, never the relevance label.</summary>
    [Fact]
    public Task Ranking_CrossValidate_grouped_by_the_label()
        => Verify("""
            static class Search
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var results = ml.Ranking.CrossValidate(data, pipeline, numberOfFolds: 3, {|IG0008:rowGroupColumnName: "Label"|});
                }
            }
            """);

    [Fact]
    public Task TrainTestSplit_keyed_by_the_default_label()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, {|IG0008:samplingKeyColumnName: "Label"|}, seed: 1);
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                }
            }
            """);

    [Fact]
    public Task CrossValidationSplit_with_positional_key()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var folds = ml.Data.CrossValidationSplit(data, 5, {|IG0008:"Label"|});
                }
            }
            """);

    [Fact]
    public Task Label_given_to_the_trainer_and_as_the_key_through_one_constant()
        => Verify("""
            static class Churn
            {
                private const string LabelColumn = "Churned";

                public static void Run(MLContext ml, IDataView data)
                {
                    var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: LabelColumn);
                    var split = ml.Data.TrainTestSplit(data, 0.2, {|IG0008:LabelColumn|});
                }
            }
            """);

    [Fact]
    public Task Label_given_to_the_trainer_as_a_literal_and_the_key_as_the_same_literal()
        => Verify("""
            static class Churn
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Tenure", "Charges")
                        .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Churned"));
                    var split = ml.Data.TrainTestSplit(data, {|IG0008:samplingKeyColumnName: "Churned"|});
                }
            }
            """);

    [Fact]
    public Task Key_written_as_nameof_the_label_property()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var results = ml.BinaryClassification.CrossValidateNonCalibrated(data, pipeline, {|IG0008:samplingKeyColumnName: nameof(Transaction.Label)|});
                }
            }
            """);

    [Fact]
    public Task Key_held_in_a_static_readonly_field_and_a_local()
        => Verify("""
            static class Fraud
            {
                private static readonly string LabelName = "Label";

                public static void Run(MLContext ml, IDataView data)
                {
                    var key = "Label";
                    var split = ml.Data.TrainTestSplit(data, {|IG0008:samplingKeyColumnName: LabelName|});
                    var folds = ml.Data.CrossValidationSplit(data, {|IG0008:samplingKeyColumnName: key|});
                }
            }
            """);

    [Fact]
    public Task One_parameter_given_as_both_label_and_key()
        => Verify("""
            static class Experiment
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline, string labelColumn)
                {
                    var results = ml.BinaryClassification.CrossValidate(data, pipeline, labelColumnName: labelColumn, {|IG0008:samplingKeyColumnName: labelColumn|});
                }
            }
            """);

    [Fact]
    public Task Label_named_in_a_trainers_options()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var options = new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = "IsFraud", L2Regularization = 0.1f };
                    var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(options);
                    var split = ml.Data.TrainTestSplit(data, {|IG0008:samplingKeyColumnName: "IsFraud"|});
                }
            }
            """);

    /// <summary>
    /// The machinelearning-samples taxi-fare shape: the target copied into "Label"; keying by the source column is
    /// keying by the label. A data split has no task of its own: the regression trainer in the method gives the message.
    /// </summary>
    [Fact]
    public Task Column_copied_into_the_label_is_the_label()
        => Verifier.VerifyAsync<SamplingKeyIsLabelAnalyzer>(
            """
            static class Taxi
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.CopyColumns(outputColumnName: "Label", inputColumnName: "FareAmount")
                        .Append(ml.Transforms.Concatenate("Features", "Distance"))
                        .Append(ml.Regression.Trainers.Sdca());
                    var split = ml.Data.TrainTestSplit(data, 0.2, {|#0:samplingKeyColumnName: "FareAmount"|});
                }
            }
            """,
            [Expected(
                0,
                "TrainTestSplit",
                "FareAmount",
                "samplingKeyColumnName",
                "rows with the same target value are kept together and every target value in the test part is one the model never saw in training (an extrapolation test, not a random split)",
                string.Empty)]);

    [Fact]
    public Task Key_mapped_multiclass_label_in_a_local_function_of_the_method()
        => Verify("""
            static class Issues
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Conversion.MapValueToKey(outputColumnName: "Label", inputColumnName: "Area")
                        .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
                    Evaluate();

                    void Evaluate()
                    {
                        var results = ml.MulticlassClassification.CrossValidate(data, pipeline, {|IG0008:samplingKeyColumnName: "Area"|});
                    }
                }
            }
            """);

    /// <summary>
    /// A shape found in public code: the key is <c>nameof</c> of the label property, and the label is named to the
    /// trainer only further down the method (the code then catches the "AUC is not defined" that this split causes).
    /// </summary>
    [Fact]
    public Task Key_is_nameof_the_property_the_trainer_later_takes_as_its_label()
        => Verify("""
            sealed class WeatherRow
            {
                public float Rain { get; set; }
                public float Wind { get; set; }
                public bool Flooded { get; set; }
            }

            sealed class RiskModel
            {
                private readonly MLContext _ml = new(seed: 42);

                public void Train(IEnumerable<WeatherRow> rows)
                {
                    var view = _ml.Data.LoadFromEnumerable(rows);
                    var split = _ml.Data.TrainTestSplit(view, testFraction: 0.2,
                        {|IG0008:samplingKeyColumnName: nameof(WeatherRow.Flooded)|});
                    var pipeline = _ml.Transforms.Concatenate("Features", nameof(WeatherRow.Rain), nameof(WeatherRow.Wind))
                        .Append(_ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: nameof(WeatherRow.Flooded)));
                    var model = pipeline.Fit(split.TrainSet);
                }
            }
            """);

    /// <summary>Another public shape: the split inside a lambda of a static field initializer, the label a constant shared with the trainer.</summary>
    [Fact]
    public Task Split_in_a_lazy_field_initializer_keyed_by_the_label_constant()
        => Verify("""
            static class TextModel
            {
                public const string Label = "Label";

                public static readonly Lazy<ITransformer> Model = new(() =>
                {
                    var ml = new MLContext(1);
                    var data = ml.Data.LoadFromEnumerable(new List<Transaction>());
                    DataOperationsCatalog.TrainTestData parts = ml.Data.TrainTestSplit(data, testFraction: 0.2, {|IG0008:samplingKeyColumnName: Label|});
                    var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: Label, featureColumnName: "Features");
                    return ml.Transforms.Concatenate("Features", "Amount").Append(trainer).Fit(parts.TrainSet);
                });
            }
            """);

    [Fact]
    public Task Top_level_program()
        => Verify(
            """
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromTextFile<Transaction>("fraud.csv", hasHeader: true, separatorChar: ',');
            var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, {|IG0008:samplingKeyColumnName: "Label"|});
            """,
            topLevel: true);

    // ------------------------------------------------------------------ not flagged

    /// <summary>What the key is for: one user's rows on one side.</summary>
    [Fact]
    public Task Real_group_id_as_key_in_CrossValidate_and_TrainTestSplit()
        => Verify("""
            static class Sessions
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var results = ml.BinaryClassification.CrossValidate(data, pipeline, 5, "Label", "UserId");
                    var split = ml.Data.TrainTestSplit(data, 0.2, samplingKeyColumnName: "UserId");
                    var folds = ml.Data.CrossValidationSplit(data, samplingKeyColumnName: "SessionId");
                }
            }
            """);

    [Fact]
    public Task Label_named_differently_makes_a_column_called_Label_a_feature()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Label")
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "IsFraud"));
                    var split = ml.Data.TrainTestSplit(data, samplingKeyColumnName: "Label");
                }
            }
            """);

    [Fact]
    public Task Ranking_CrossValidate_grouped_by_the_query_id()
        => Verify("""
            static class Search
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var byDefault = ml.Ranking.CrossValidate(data, pipeline, numberOfFolds: 3);
                    var byQuery = ml.Ranking.CrossValidate(data, pipeline, 3, "Label", "QueryId");
                }
            }
            """);

    [Fact]
    public Task No_key_or_a_null_key()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var split = ml.Data.TrainTestSplit(data, 0.2);
                    var folds = ml.Data.CrossValidationSplit(data, 5, null, 1);
                    var results = ml.BinaryClassification.CrossValidate(data, pipeline, samplingKeyColumnName: null);
                }
            }
            """);

    [Fact]
    public Task Regression_keyed_by_a_vendor_not_the_fare()
        => Verify("""
            static class Taxi
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var results = ml.Regression.CrossValidate(data, pipeline, 5, labelColumnName: "FareAmount", samplingKeyColumnName: "VendorId");
                }
            }
            """);

    [Fact]
    public Task Key_from_a_parameter_whose_value_is_unknown()
        => Verify("""
            static class Experiment
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline, string groupColumn, string labelColumn)
                {
                    var results = ml.BinaryClassification.CrossValidate(data, pipeline, labelColumnName: labelColumn, samplingKeyColumnName: groupColumn);
                    var split = ml.Data.TrainTestSplit(data, samplingKeyColumnName: groupColumn);
                }
            }
            """);

    [Fact]
    public Task Local_that_held_the_label_name_and_was_reassigned()
        => Verify("""
            static class Experiment
            {
                public static void Run(MLContext ml, IDataView data, bool grouped)
                {
                    var key = "Label";
                    if (grouped)
                    {
                        key = "CustomerId";
                    }

                    var split = ml.Data.TrainTestSplit(data, samplingKeyColumnName: key);
                }
            }
            """);

    [Fact]
    public Task A_users_own_TrainTestSplit_with_a_parameter_of_the_same_name()
        => Verify("""
            static class Mine
            {
                static (IDataView, IDataView) TrainTestSplit(IDataView data, string samplingKeyColumnName) => (data, data);

                public static void Run(IDataView data)
                {
                    var (train, test) = TrainTestSplit(data, samplingKeyColumnName: "Label");
                }
            }
            """);

    /// <summary>ML.NET's column names are case-sensitive: "label" is another column.</summary>
    [Fact]
    public Task Column_differing_from_the_label_only_in_case()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, samplingKeyColumnName: "label");
                }
            }
            """);

    [Fact]
    public Task A_label_named_in_another_method_does_not_make_the_key_a_label()
        => Verify("""
            static class Fraud
            {
                public static IEstimator<ITransformer> Trainer(MLContext ml)
                    => ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "IsFraud");

                public static void Split(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, samplingKeyColumnName: "IsFraud");
                }
            }
            """);

    [Fact]
    public Task Column_copied_into_a_feature_is_not_the_label()
        => Verify("""
            static class Taxi
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.CopyColumns(outputColumnName: "VendorFeature", inputColumnName: "VendorId")
                        .Append(ml.Regression.Trainers.Sdca(labelColumnName: "FareAmount"));
                    var split = ml.Data.TrainTestSplit(data, 0.2, samplingKeyColumnName: "VendorId");
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_bridge_stratified_split_and_folds()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.2, labelColumnName: "Label", seed: 1);
                    var folds = ml.Data.StratifiedCrossValidationSplit(data, 5, labelColumnName: "Label");
                }
            }
            """);

    [Fact]
    public Task Label_and_key_in_one_options_object_of_the_user()
        => Verify("""
            sealed class ExperimentSettings
            {
                public string LabelColumnName { get; set; } = "Label";
                public string GroupColumn { get; set; } = "UserId";
            }

            static class Experiment
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline, ExperimentSettings settings)
                {
                    var results = ml.BinaryClassification.CrossValidate(data, pipeline, labelColumnName: settings.LabelColumnName, samplingKeyColumnName: settings.GroupColumn);
                }
            }
            """);
}
