using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0007: preprocessing fitted on data that is then split or cross-validated.</summary>
public class PreprocessingBeforeSplitTests
{
    private const string ThenFix = "; split first and fit preprocessing on the training part only (for cross-validation, hand the whole estimator chain to CrossValidate so it is fitted in each fold), then apply what it learned to the held-out rows";

    private static Task Verify(string source, bool topLevel = false)
        => Verifier.VerifyAsync<PreprocessingBeforeSplitAnalyzer>(source, topLevel: topLevel);

    /// <summary>Verifies the one diagnostic at markup <c>{|#0:…|}</c> with its whole message (the markup form checks only where it is).</summary>
    private static Task VerifyMessage(string source, string message)
    {
        var test = new CSharpAnalyzerTest<PreprocessingBeforeSplitAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = Verifier.Net80,
        };
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", Verifier.GlobalUsings + "\nglobal using App;\n"));
        test.TestState.Sources.Add(("/0/Common.cs", Verifier.Common));
        test.TestState.AdditionalReferences.AddRange(Verifier.References);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Rules.PreprocessedBeforeSplit).WithLocation(0).WithMessage(message));
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectParseOptions(
            projectId, ((CSharpParseOptions)solution.GetProject(projectId)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12)));
        return test.RunAsync();
    }

    // ------------------------------------------------------------------ flagged: ML.NET

    [Fact]
    public Task MLNet_NormalizeMinMax_fitted_on_all_rows_then_TrainTestSplit()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age")
                        .Append(ml.Transforms.NormalizeMinMax("Features"))
                        .AppendCacheCheckpoint(ml);
                    var transformer = pipeline.Fit(data);
                    var transformed = transformer.Transform(data);
                    var split = {|IG0007:ml.Data.TrainTestSplit(transformed, testFraction: 0.2)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                }
            }
            """);

    [Fact]
    public Task MLNet_NormalizeMinMax_message_names_the_normalizer_and_the_split()
        => VerifyMessage(
            """
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var transformed = ml.Transforms.NormalizeMinMax("Amount").Fit(data).Transform(data);
                    var split = {|#0:ml.Data.TrainTestSplit(transformed, testFraction: 0.2)|};
                }
            }
            """,
            "'ml.Data.TrainTestSplit' splits data transformed by 'ml.Transforms.NormalizeMinMax', fitted on all of those rows, so the held-out rows shaped what the model is trained on" + ThenFix);

    [Fact]
    public Task MLNet_feature_selection_by_mutual_information_then_CrossValidate_names_the_label()
        => VerifyMessage(
            """
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var features = ml.Transforms.Concatenate("Features", "Amount", "Age");
                    var selection = features.Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation("Features", labelColumnName: "IsFraud", slotsInOutput: 1));
                    var selected = selection.Fit(data).Transform(data);
                    var trainer = ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "IsFraud");
                    var results = {|#0:ml.BinaryClassification.CrossValidate(selected, trainer, numberOfFolds: 5, labelColumnName: "IsFraud")|};
                }
            }
            """,
            "'ml.BinaryClassification.CrossValidate' cross-validates on data transformed by 'ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation', fitted on all of those rows and on their label 'IsFraud' (learning from the label is the worst case: the held-out labels shaped the features), so the held-out rows shaped what the model is trained on" + ThenFix);

    [Fact]
    public Task MLNet_supervised_binning_learns_from_the_default_label()
        => VerifyMessage(
            """
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var binned = ml.Transforms.NormalizeSupervisedBinning("Amount").Fit(data).Transform(data);
                    var folds = {|#0:ml.Data.CrossValidationSplit(binned, numberOfFolds: 5)|};
                }
            }
            """,
            "'ml.Data.CrossValidationSplit' makes cross-validation folds from data transformed by 'ml.Transforms.NormalizeSupervisedBinning', fitted on all of those rows and on their label 'Label' (learning from the label is the worst case: the held-out labels shaped the features), so the held-out rows shaped what the model is trained on" + ThenFix);

    [Fact]
    public Task MLNet_PCA_fitted_on_all_rows_then_CrossValidationSplit()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var features = ml.Transforms.Concatenate("Features", "Amount", "Age").Fit(data).Transform(data);
                    var pca = ml.Transforms.ProjectToPrincipalComponents("Pca", "Features", rank: 2);
                    var model = pca.Fit(features);
                    var projected = model.Transform(features);
                    var folds = {|IG0007:ml.Data.CrossValidationSplit(projected, numberOfFolds: 5)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_FeaturizeText_fitted_on_all_reviews_then_split()
        => Verify("""
            public sealed class Review
            {
                public string Text { get; set; } = "";
                public bool Label { get; set; }
            }

            static class Sentiment
            {
                public static void Train(MLContext ml, List<Review> reviews)
                {
                    var view = ml.Data.LoadFromEnumerable(reviews);
                    var featurizer = ml.Transforms.Text.FeaturizeText("Features", nameof(Review.Text)).Fit(view);
                    var featurized = featurizer.Transform(view);
                    var split = {|IG0007:ml.Data.TrainTestSplit(featurized, testFraction: 0.25, seed: 1)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_ReplaceMissingValues_with_the_mean_then_split()
        => Verify("""
            using Microsoft.ML.Transforms;

            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var imputer = ml.Transforms.ReplaceMissingValues("Amount", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean);
                    var imputed = imputer.Fit(data).Transform(data);
                    var split = {|IG0007:ml.Data.TrainTestSplit(imputed)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_chain_built_over_statements_then_split()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data, bool scale)
                {
                    IEstimator<ITransformer> pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age");
                    if (scale)
                    {
                        pipeline = pipeline.Append(ml.Transforms.NormalizeMeanVariance("Features"));
                    }

                    ITransformer model = pipeline.Fit(data);
                    IDataView prepared = model.Transform(data);
                    var split = {|IG0007:ml.Data.TrainTestSplit(prepared, testFraction: 0.2)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_top_level_program_normalizes_then_cross_validates()
        => Verify(
            """
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(new List<Transaction>());
            var normalized = ml.Transforms.Concatenate("Features", "Amount", "Age")
                .Append(ml.Transforms.NormalizeMinMax("Features"))
                .Fit(data)
                .Transform(data);
            var cv = {|IG0007:ml.BinaryClassification.CrossValidate(normalized, ml.BinaryClassification.Trainers.SdcaLogisticRegression())|};
            """,
            topLevel: true);

    [Fact]
    public Task MLNet_normalized_view_split_by_the_ImbalanceGuard_bridge()
        => Verify("""
            static class Bridge
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var scaled = ml.Transforms.NormalizeRobustScaling("Amount").Fit(data).Transform(data);
                    var split = {|IG0007:ml.Data.StratifiedTrainTestSplit(scaled, testFraction: 0.25, seed: 1)|};
                }
            }
            """);

    // ------------------------------------------------------------------ flagged: ImbalanceGuard and hand-written

    [Fact]
    public Task ImbalanceGuard_rows_z_scored_with_their_own_column_means_then_Split_Stratified()
        => Verify("""
            static class Prep
            {
                public static void Run(List<double[]> rows, List<string> labels)
                {
                    var width = rows[0].Length;
                    var means = Enumerable.Range(0, width).Select(j => rows.Average(r => r[j])).ToArray();
                    var stds = Enumerable.Range(0, width).Select(j => Math.Sqrt(rows.Average(r => (r[j] - means[j]) * (r[j] - means[j])))).ToArray();
                    var scaled = rows.Select(r => r.Select((v, j) => (v - means[j]) / stds[j]).ToArray()).ToList();
                    var (train, holdout) = {|IG0007:Split.Stratified(Dataset.FromRows(scaled, labels), 0.25, seed: 1)|};
                }
            }
            """);

    [Fact]
    public Task Hand_written_z_score_with_Average_then_Take_Skip_split()
        => Verify("""
            static class Lesson
            {
                public static void Run(double[] amounts)
                {
                    var mean = amounts.Average();
                    var std = Math.Sqrt(amounts.Select(a => (a - mean) * (a - mean)).Average());
                    var scaled = amounts.Select(a => (a - mean) / std).ToArray();
                    var cut = (int)(scaled.Length * 0.8);
                    var train = {|IG0007:scaled.Take(cut)|}.ToArray();
                    var test = scaled.Skip(cut).ToArray();
                }
            }
            """);

    [Fact]
    public Task Hand_written_z_score_message_names_the_statistic()
        => VerifyMessage(
            """
            static class Lesson
            {
                static (double[] Train, double[] Test) TrainTestSplit(double[] x, double testSize) => (x, x);

                public static void Run(double[] amounts)
                {
                    var mean = amounts.Average();
                    var centred = amounts.Select(a => a - mean).ToArray();
                    var (train, test) = {|#0:TrainTestSplit(centred, 0.2)|};
                }
            }
            """,
            "'TrainTestSplit' splits data scaled with 'mean' ('amounts.Average()'), a statistic of all of those rows, so the held-out rows shaped what the model is trained on" + ThenFix);

    [Fact]
    public Task Hand_written_min_max_scaling_then_a_named_splitter()
        => Verify("""
            static class Lesson
            {
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] X, double testSize) => (X, X);

                public static void Run(double[][] X)
                {
                    var min = X.Min(r => r[0]);
                    var max = X.Max(r => r[0]);
                    var scaled = X.Select(r => new[] { (r[0] - min) / (max - min), r[1] }).ToArray();
                    var (train, test) = {|IG0007:TrainTestSplit(scaled, 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Hand_written_standardised_transactions_loaded_into_ML_NET_and_split()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    var meanAmount = rows.Average(r => r.Amount);
                    var spread = rows.Max(r => r.Amount) - rows.Min(r => r.Amount);
                    var scaled = rows.Select(r => new Transaction { Amount = (r.Amount - meanAmount) / spread, Age = r.Age, Label = r.Label }).ToList();
                    var split = {|IG0007:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(scaled), 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Hand_written_scaling_then_KFold_over_its_indices()
        => Verify("""
            static class Lesson
            {
                static IEnumerable<(int[] Train, int[] Test)> KFold(int n, int k) => [];

                public static void Run(double[] x)
                {
                    var max = x.Max();
                    var scaled = x.Select(v => v / max).ToArray();
                    foreach (var (train, test) in {|IG0007:KFold(scaled.Length, 5)|})
                    {
                        Console.WriteLine(train.Length + test.Length);
                    }
                }
            }
            """);

    [Fact]
    public Task Hand_written_in_place_z_score_loop_then_a_named_splitter()
        => Verify("""
            static class Lesson
            {
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] X, double testSize) => (X, X);

                public static void Run(double[][] X)
                {
                    for (var j = 0; j < X[0].Length; j++)
                    {
                        var mean = X.Average(r => r[j]);
                        var std = Math.Sqrt(X.Average(r => (r[j] - mean) * (r[j] - mean)));
                        for (var i = 0; i < X.Length; i++)
                        {
                            X[i][j] = (X[i][j] - mean) / std;
                        }
                    }

                    var (train, test) = {|IG0007:TrainTestSplit(X, 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Hand_written_rows_divided_by_the_largest_amount_in_place_then_split()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    var largest = rows.Max(r => r.Amount);
                    foreach (var row in rows)
                    {
                        row.Amount /= largest;
                    }

                    var split = {|IG0007:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Hand_written_StandardScaler_class_fitted_on_all_rows_then_split()
        => Verify("""
            sealed class StandardScaler
            {
                private double[] _mean = [];
                private double[] _scale = [];

                public void Fit(double[][] x)
                {
                    _mean = Enumerable.Range(0, x[0].Length).Select(j => x.Average(r => r[j])).ToArray();
                    _scale = Enumerable.Range(0, x[0].Length).Select(j => Math.Sqrt(x.Average(r => (r[j] - _mean[j]) * (r[j] - _mean[j])))).ToArray();
                }

                public double[][] Transform(double[][] x) => x.Select(r => r.Select((v, j) => (v - _mean[j]) / _scale[j]).ToArray()).ToArray();
            }

            static class Lesson
            {
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] X, double testSize) => (X, X);

                public static void Run(double[][] X)
                {
                    var scaler = new StandardScaler();
                    scaler.Fit(X);
                    var scaled = scaler.Transform(X);
                    var (train, test) = {|IG0007:TrainTestSplit(scaled, 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Hand_written_MinMaxScaler_FitTransform_then_KFold()
        => Verify("""
            sealed class MinMaxScaler
            {
                public double[] FitTransform(double[] x) => x.Select(v => (v - x.Min()) / (x.Max() - x.Min())).ToArray();
            }

            static class Lesson
            {
                static IEnumerable<(int[] Train, int[] Test)> KFold(int n, int k) => [];

                public static void Run(double[] x)
                {
                    var scaled = new MinMaxScaler().FitTransform(x);
                    foreach (var (train, test) in {|IG0007:KFold(scaled.Length, 5)|})
                    {
                        Console.WriteLine(train.Length + test.Length);
                    }
                }
            }
            """);

    [Fact]
    public Task Hand_written_folds_with_Skip_and_Take_over_standardized_rows_name_the_fold_cut()
        => VerifyMessage(
            """
            static class Folds
            {
                public static void Run(double[] amounts)
                {
                    var mean = amounts.Average();
                    var data = amounts.Select(a => a - mean).ToList();
                    var k = 5;
                    var size = data.Count / k;
                    for (var fold = 0; fold < k; fold++)
                    {
                        var validation = {|#0:data.Skip(fold * size)|}.Take(size).ToList();
                        var training = data.Take(fold * size).Concat(data.Skip((fold + 1) * size)).ToList();
                    }
                }
            }
            """,
            "'data.Skip' cuts a cross-validation fold out of data scaled with 'mean' ('amounts.Average()'), a statistic of all of those rows, so the held-out rows shaped what the model is trained on" + ThenFix);

    // ------------------------------------------------------------------ flagged: across methods

    /// <summary>
    /// The shape of Faulty_transactions_detection_using_ML.NET (Services/ModelTrainingService.cs): a helper fits the
    /// normalizer on the rows it is given and returns them transformed; the caller splits what it returns.
    /// </summary>
    [Fact]
    public Task MLNet_helper_returns_rows_normalized_on_all_of_them_and_the_caller_splits_them()
        => VerifyMessage(
            """
            public sealed class ModelTrainingService
            {
                private readonly MLContext _mlContext = new MLContext(seed: 1);

                public ITransformer Train(IDataView data)
                {
                    var processed = PreprocessData(data);
                    var split = {|#0:_mlContext.Data.TrainTestSplit(processed, 0.2)|};
                    var trainer = _mlContext.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Label", featureColumnName: "Features");
                    return trainer.Fit(split.TrainSet);
                }

                private IDataView PreprocessData(IDataView dataView)
                {
                    var pipeline = _mlContext.Transforms.Concatenate("Features", "Amount", "Age")
                        .Append(_mlContext.Transforms.NormalizeMinMax("Features"));
                    return pipeline.Fit(dataView).Transform(dataView);
                }
            }
            """,
            "'_mlContext.Data.TrainTestSplit' splits data returned by 'PreprocessData', transformed by '_mlContext.Transforms.NormalizeMinMax', fitted on all of those rows, so the held-out rows shaped what the model is trained on" + ThenFix);

    [Fact]
    public Task MLNet_helper_through_another_helper_then_CrossValidate_names_the_outer_call()
        => VerifyMessage(
            """
            using Microsoft.ML.Transforms;

            public sealed class Trainer
            {
                private readonly MLContext _ml = new MLContext(seed: 1);

                public void Run(IDataView data)
                {
                    var prepared = Prepare(data);
                    var trainer = _ml.BinaryClassification.Trainers.SdcaLogisticRegression();
                    var results = {|#0:_ml.BinaryClassification.CrossValidate(prepared, trainer, numberOfFolds: 5)|};
                }

                private IDataView Prepare(IDataView data) => Impute(data);

                private IDataView Impute(IDataView data)
                    => _ml.Transforms.ReplaceMissingValues("Amount", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean).Fit(data).Transform(data);
            }
            """,
            "'_ml.BinaryClassification.CrossValidate' cross-validates on data returned by 'Prepare', transformed by '_ml.Transforms.ReplaceMissingValues', fitted on all of those rows, so the held-out rows shaped what the model is trained on" + ThenFix);

    [Fact]
    public Task MLNet_rows_normalized_and_stored_in_a_field_by_one_member_and_split_by_another()
        => Verify("""
            public sealed class Pipeline
            {
                private readonly MLContext _ml = new MLContext(seed: 1);
                private IDataView _prepared;

                public void Load(IDataView raw)
                {
                    _prepared = _ml.Transforms.NormalizeMeanVariance("Amount").Fit(raw).Transform(raw);
                }

                public void Train()
                {
                    var split = {|IG0007:_ml.Data.TrainTestSplit(_prepared, testFraction: 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Hand_written_helper_standardizes_its_rows_and_the_caller_splits_them()
        => Verify("""
            static class Lesson
            {
                static (double[] Train, double[] Test) TrainTestSplit(double[] x, double testSize) => (x, x);

                static double[] Standardize(double[] values)
                {
                    var mean = values.Average();
                    return values.Select(v => v - mean).ToArray();
                }

                public static void Run(double[] amounts)
                {
                    var standardized = Standardize(amounts);
                    var (train, test) = {|IG0007:TrainTestSplit(standardized, 0.2)|};
                }
            }
            """);

    // ------------------------------------------------------------------ not flagged

    [Fact]
    public Task MLNet_split_first_then_normalizer_fitted_on_the_training_part_is_not_flagged()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age")
                        .Append(ml.Transforms.NormalizeMinMax("Features"))
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    var model = pipeline.Fit(split.TrainSet);
                    var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
                }
            }
            """);

    [Fact]
    public Task MLNet_whole_estimator_chain_handed_to_CrossValidate_is_not_flagged()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age")
                        .Append(ml.Transforms.NormalizeMeanVariance("Features"))
                        .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation("Features", slotsInOutput: 1))
                        .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    var results = ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5);
                }
            }
            """);

    [Fact]
    public Task MLNet_preview_of_a_fitted_chain_then_CrossValidate_on_the_raw_data_is_not_flagged()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age").Append(ml.Transforms.NormalizeMinMax("Features"));
                    foreach (var amount in pipeline.Fit(data).Transform(data).GetColumn<float>("Amount").Take(5))
                    {
                        Console.WriteLine(amount);
                    }

                    var results = ml.BinaryClassification.CrossValidate(data, pipeline.Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression()));
                }
            }
            """);

    [Fact]
    public Task MLNet_stateless_Concatenate_CopyColumns_ConvertType_then_split_is_not_flagged()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age")
                        .Append(ml.Transforms.CopyColumns("Raw", "Features"))
                        .Append(ml.Transforms.Conversion.ConvertType("AgeDouble", "Age", DataKind.Double));
                    var prepared = pipeline.Fit(data).Transform(data);
                    var split = ml.Data.TrainTestSplit(prepared, testFraction: 0.2);
                }
            }
            """);

    [Fact]
    public Task MLNet_MapValueToKey_on_the_label_then_CrossValidate_is_not_flagged()
        => Verify("""
            static class Species
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
                    var results = ml.MulticlassClassification.CrossValidate(keyed, ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(), numberOfFolds: 5);
                }
            }
            """);

    [Fact]
    public Task MLNet_ReplaceMissingValues_with_the_default_value_then_split_is_not_flagged()
        => Verify("""
            using Microsoft.ML.Transforms;

            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var zeroed = ml.Transforms.ReplaceMissingValues("Amount").Fit(data).Transform(data);
                    var explicitly = ml.Transforms.ReplaceMissingValues("Age", replacementMode: MissingValueReplacingEstimator.ReplacementMode.DefaultValue).Fit(zeroed).Transform(zeroed);
                    var split = ml.Data.TrainTestSplit(explicitly, testFraction: 0.2);
                }
            }
            """);

    [Fact]
    public Task MLNet_row_wise_normalizers_learn_nothing_and_are_not_flagged()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var features = ml.Transforms.Concatenate("Features", "Amount", "Age");
                    var unit = features.Append(ml.Transforms.NormalizeLpNorm("Features")).Append(ml.Transforms.NormalizeGlobalContrast("Features"));
                    var normalized = unit.Fit(data).Transform(data);
                    var split = ml.Data.TrainTestSplit(normalized, testFraction: 0.2);
                }
            }
            """);

    [Fact]
    public Task MLNet_normalizer_fitted_on_the_training_part_applied_to_the_test_part_then_halved_is_not_flagged()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.4);
                    var scaler = ml.Transforms.NormalizeMinMax("Amount").Fit(split.TrainSet);
                    var heldOut = scaler.Transform(split.TestSet);
                    var validationAndTest = ml.Data.TrainTestSplit(heldOut, testFraction: 0.5);
                }
            }
            """);

    [Fact]
    public Task MLNet_normalizer_fitted_on_reference_data_then_new_data_split_is_not_flagged()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView reference, IDataView incoming)
                {
                    var scaler = ml.Transforms.NormalizeMinMax("Amount").Fit(reference);
                    var scaled = scaler.Transform(incoming);
                    var split = ml.Data.TrainTestSplit(scaled, testFraction: 0.2);
                }
            }
            """);

    [Fact]
    public Task MLNet_saved_model_applied_then_split_is_not_flagged()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var model = ml.Model.Load("model.zip", out _);
                    var scored = model.Transform(data);
                    var split = ml.Data.TrainTestSplit(scored, testFraction: 0.2);
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_pipeline_with_a_StandardScaler_cross_validated_is_not_flagged()
        => Verify("""
            static class Prep
            {
                public static CrossValidationResult Run(List<double[]> rows, List<string> labels)
                {
                    var pipeline = new ImbalancePipeline(new LogisticRegression()) { Preprocessing = [new StandardScaler(), new MinMaxScaler()] };
                    return CrossValidation.Run(pipeline, Dataset.FromRows(rows, labels), new StratifiedKFold(5));
                }
            }
            """);

    [Fact]
    public Task Hand_written_statistic_of_the_training_rows_only_is_not_flagged()
        => Verify("""
            static class Lesson
            {
                static (double[] Train, double[] Test) TrainTestSplit(double[] x, double testSize) => (x, x);

                public static void Run(double[] amounts)
                {
                    var (train, test) = TrainTestSplit(amounts, 0.2);
                    var mean = train.Average();
                    var std = Math.Sqrt(train.Select(a => (a - mean) * (a - mean)).Average());
                    var scaledTrain = train.Select(a => (a - mean) / std).ToArray();
                    var scaledTest = test.Select(a => (a - mean) / std).ToArray();
                    Console.WriteLine(scaledTrain.Length + scaledTest.Length);
                }
            }
            """);

    [Fact]
    public Task Hand_written_statistic_of_the_first_rows_applied_to_all_then_cut_the_same_way_is_not_flagged()
        => Verify("""
            static class Lesson
            {
                public static void Run(double[] amounts)
                {
                    var cut = (int)(amounts.Length * 0.8);
                    var training = amounts.Take(cut).ToArray();
                    var mean = training.Average();
                    var scaled = amounts.Select(a => a - mean).ToArray();
                    var train = scaled.Take(cut).ToArray();
                    var test = scaled.Skip(cut).ToArray();
                }
            }
            """);

    [Fact]
    public Task Hand_written_in_place_scaling_after_the_split_is_not_flagged()
        => Verify("""
            static class Lesson
            {
                static (double[] Train, double[] Test) TrainTestSplit(double[] x, double testSize) => (x, x);

                public static void Run(double[] x)
                {
                    var (train, test) = TrainTestSplit(x, 0.2);
                    var mean = train.Average();
                    for (var i = 0; i < train.Length; i++)
                    {
                        train[i] -= mean;
                    }

                    for (var i = 0; i < test.Length; i++)
                    {
                        test[i] -= mean;
                    }
                }
            }
            """);

    [Fact]
    public Task Hand_written_scaler_fitted_on_reference_rows_and_a_stateless_normalizer_are_not_flagged()
        => Verify("""
            sealed class StandardScaler
            {
                private double _mean;

                public static StandardScaler Fit(double[] x) => new() { _mean = x.Average() };

                public double[] Transform(double[] x) => x.Select(v => v - _mean).ToArray();
            }

            sealed class TextNormalizer
            {
                public string[] Transform(string[] texts) => texts.Select(t => t.ToLowerInvariant()).ToArray();
            }

            static class Lesson
            {
                static (T[] Train, T[] Test) TrainTestSplit<T>(T[] rows, double testSize) => (rows, rows);

                public static void Run(double[] reference, double[] incoming, string[] texts)
                {
                    var scaler = StandardScaler.Fit(reference);
                    var (train, test) = TrainTestSplit(scaler.Transform(incoming), 0.2);
                    var (trainTexts, testTexts) = TrainTestSplit(new TextNormalizer().Transform(texts), 0.2);
                }
            }
            """);

    [Fact]
    public Task Hand_written_constant_pixel_scaling_then_split_is_not_flagged()
        => Verify("""
            static class Digits
            {
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] X, double testSize) => (X, X);

                public static void Run(byte[][] images)
                {
                    var scaled = images.Select(image => image.Select(p => p / 255.0).ToArray()).ToArray();
                    var (train, test) = TrainTestSplit(scaled, 0.2);
                }
            }
            """);

    [Fact]
    public Task Hand_written_maximum_used_to_pad_rows_and_Math_Max_of_a_count_are_not_flagged()
        => Verify("""
            static class Sequences
            {
                static double[] Pad(double[] row, int width) => row.Concat(new double[width - row.Length]).ToArray();
                static (List<double[]> Train, List<double[]> Test) TrainTestSplit(List<double[]> rows, double testSize) => (rows, rows);

                public static void Run(List<double[]> rows)
                {
                    var width = rows.Max(r => r.Length);
                    var padded = rows.Select(r => Pad(r, width)).ToList();
                    var (train, test) = TrainTestSplit(padded, 0.2);
                    var share = Math.Max(rows.Count, 1);
                    var weighted = rows.Select(r => r.Select(v => v / share).ToArray()).ToList();
                    var (trainWeighted, testWeighted) = TrainTestSplit(weighted, 0.2);
                }
            }
            """);

    [Fact]
    public Task Hand_written_scaled_rows_previewed_with_Take_and_lagged_with_Skip_is_not_flagged()
        => Verify("""
            static class Lesson
            {
                public static void Run(double[] amounts)
                {
                    var mean = amounts.Average();
                    var centred = amounts.Select(a => a - mean).ToArray();
                    foreach (var value in centred.Take(5))
                    {
                        Console.WriteLine(value);
                    }

                    var changes = centred.Zip(centred.Skip(1), (a, b) => b - a).ToArray();
                }
            }
            """);

    // ------------------------------------------------------------------ not flagged: across methods

    /// <summary>The fixed form of the ModelTrainingService shape: the caller splits first and the helper fits on the training rows only.</summary>
    [Fact]
    public Task MLNet_helper_fitted_on_the_training_part_only_is_not_flagged()
        => Verify("""
            public sealed class ModelTrainingService
            {
                private readonly MLContext _mlContext = new MLContext(seed: 1);

                public void Train(IDataView data)
                {
                    var split = _mlContext.Data.TrainTestSplit(data, 0.2);
                    var preprocessing = FitPreprocessing(split.TrainSet);
                    var train = preprocessing.Transform(split.TrainSet);
                    var test = preprocessing.Transform(split.TestSet);
                    var model = _mlContext.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(train);
                    var metrics = _mlContext.BinaryClassification.Evaluate(model.Transform(test));
                }

                private ITransformer FitPreprocessing(IDataView trainingRows)
                    => _mlContext.Transforms.Concatenate("Features", "Amount", "Age")
                        .Append(_mlContext.Transforms.NormalizeMinMax("Features"))
                        .Fit(trainingRows);
            }
            """);

    [Fact]
    public Task MLNet_helper_with_stateless_transforms_only_then_split_is_not_flagged()
        => Verify("""
            public sealed class ModelTrainingService
            {
                private readonly MLContext _mlContext = new MLContext(seed: 1);

                public void Train(IDataView data)
                {
                    var processed = PreprocessData(data);
                    var split = _mlContext.Data.TrainTestSplit(processed, 0.2);
                }

                private IDataView PreprocessData(IDataView dataView)
                {
                    var pipeline = _mlContext.Transforms.Concatenate("Features", "Amount", "Age")
                        .Append(_mlContext.Transforms.Conversion.ConvertType("Features", outputKind: DataKind.Single));
                    return pipeline.Fit(dataView).Transform(dataView);
                }
            }
            """);
}
