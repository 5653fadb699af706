namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0002: resampling outside the cross-validation folds.</summary>
public class ResamplingOutsideFoldsTests
{
    private static Task Verify(string source, string? editorConfig = null, bool topLevel = false)
        => Verifier.VerifyAsync<ResamplingOutsideFoldsAnalyzer>(source, editorConfig, topLevel);

    // ------------------------------------------------------------------ flagged

    [Fact]
    public Task ImbalanceGuard_ML_resampled_view_cross_validated()
        => Verify("""
            static class Bridge
            {
                public static void Run(MLContext ml, IDataView data, IEstimator<ITransformer> trainer)
                {
                    var balanced = ml.Data.Resample(ml.Data.AsTrainingData(data), new RandomOverSampler());
                    var leaky = {|IG0002:ml.BinaryClassification.CrossValidateWithResampling(balanced, trainer)|};
                    var alsoLeaky = {|IG0002:ml.BinaryClassification.CrossValidate(balanced, trainer)|};
                    var honest = ml.BinaryClassification.CrossValidateWithResampling(data, trainer, new RandomOverSampler());
                }
            }
            """);

    [Fact]
    public Task MLNet_CrossValidate_on_oversampled_data()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var view = ml.Data.LoadFromEnumerable(Oversample(rows));
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    var results = {|IG0002:ml.BinaryClassification.CrossValidate(view, pipeline, numberOfFolds: 5)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_CrossValidateNonCalibrated_on_oversampled_data()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    rows.AddRange(rows.Where(r => r.IsFraud));
                    var view = ml.Data.LoadFromEnumerable(rows);
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age").Append(ml.BinaryClassification.Trainers.AveragedPerceptron());
                    var results = {|IG0002:ml.BinaryClassification.CrossValidateNonCalibrated(view, pipeline)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_multiclass_CrossValidate_on_undersampled_data()
        => Verify("""
            static class Digits
            {
                static IDataView RandomUndersample(IDataView data) => data;

                public static void Run(MLContext ml, IDataView data)
                {
                    var reduced = RandomUndersample(data);
                    var pipeline = ml.Transforms.Conversion.MapValueToKey("Label").Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
                    var results = {|IG0002:ml.MulticlassClassification.CrossValidate(reduced, pipeline, 3)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_CrossValidationSplit_of_oversampled_data()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var view = ml.Data.LoadFromEnumerable(Oversample(rows));
                    foreach (var fold in {|IG0002:ml.Data.CrossValidationSplit(view, 5)|})
                    {
                        var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(fold.TrainSet);
                    }
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_stratified_k_fold_of_resampled_rows()
        => Verify("""
            static class Escape
            {
                public static void Run(Dataset data, Sampler sampler)
                {
                    var resampled = sampler.Resample(Split.FromPreSplit(data));
                    var rows = Enumerable.Range(0, resampled.RowCount).Select(i => resampled.GetRow(i).ToArray()).ToList();
                    var labels = Enumerable.Range(0, resampled.RowCount).Select(resampled.GetClassName).ToList();
                    var folds = {|IG0002:new StratifiedKFold(5).Split(Dataset.FromRows(rows, labels))|};
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_repeated_k_fold_of_resampled_rows()
        => Verify("""
            static class Escape
            {
                public static void Run(Dataset data)
                {
                    var result = new RandomOverSampler { Seed = 3 }.FitResample(Split.FromPreSplit(data));
                    var rows = Enumerable.Range(0, result.Resampled.RowCount).Select(i => result.Resampled.GetRow(i).ToArray()).ToArray();
                    var labels = Enumerable.Range(0, result.Resampled.RowCount).Select(result.Resampled.GetClassName).ToArray();
                    var kfold = new RepeatedStratifiedKFold(5, 3, seed: 1);
                    foreach (var fold in {|IG0002:kfold.Split(Dataset.FromRows(rows, labels))|})
                    {
                        Console.WriteLine(fold.Index);
                    }
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_cross_validation_of_resampled_rows()
        => Verify("""
            static class Escape
            {
                public static CrossValidationResult Run(Dataset data)
                {
                    var resampled = new Smote { Seed = 1 }.Resample(Split.FromPreSplit(data));
                    var rows = Enumerable.Range(0, resampled.RowCount).Select(i => resampled.GetRow(i).ToArray()).ToList();
                    var labels = Enumerable.Range(0, resampled.RowCount).Select(resampled.GetClassName).ToList();
                    var pipeline = new ImbalancePipeline(new LogisticRegression());
                    return {|IG0002:CrossValidation.Run(pipeline, Dataset.FromRows(rows, labels), new StratifiedKFold(5))|};
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_cross_validation_of_a_resampled_training_side()
        => Verify("""
            static class Escape
            {
                public static void Run(Dataset data)
                {
                    var (training, holdout) = Split.Stratified(data, 0.25, seed: 1);
                    var balanced = new RandomOverSampler { Seed = 1 }.Resample(training);
                    var pipeline = new ImbalancePipeline(new LogisticRegression());
                    var leaky = {|IG0002:CrossValidation.Run(pipeline, balanced, new StratifiedKFold(5))|};
                    var honest = CrossValidation.Run(pipeline, training, new StratifiedKFold(5));
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_time_series_split_of_resampled_rows()
        => Verify("""
            static class Escape
            {
                public static void Run(Dataset data, IFoldSplitter splitter)
                {
                    var resampled = new RandomOverSampler().Resample(Split.FromPreSplit(data));
                    var copy = Dataset.FromRows(Enumerable.Range(0, resampled.RowCount).Select(i => resampled.GetRow(i).ToArray()).ToList(), Enumerable.Range(0, resampled.RowCount).Select(resampled.GetClassName).ToList());
                    var byTime = {|IG0002:new TimeSeriesSplit(3).Split(copy)|};
                    var any = {|IG0002:splitter.Split(copy)|};
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_pipeline_resampling_inside_the_folds_is_not_flagged()
        => Verify("""
            static class Proper
            {
                public static CrossValidationResult Run(Dataset data)
                {
                    var pipeline = new ImbalancePipeline(new LogisticRegression()) { Samplers = [new Smote { Seed = 1 }] };
                    return CrossValidation.Run(pipeline, data, new StratifiedKFold(5));
                }
            }
            """);

    [Fact]
    public Task Hand_written_k_fold_after_SMOTE()
        => Verify("""
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y) => (X, y);
                static IEnumerable<(int[] Train, int[] Test)> KFoldSplit(int rows, int k) => [];

                public static void Run(double[][] X, int[] y)
                {
                    var (xRes, yRes) = Smote(X, y);
                    foreach (var (train, test) in {|IG0002:KFoldSplit(xRes.Length, 5)|})
                    {
                    }
                }
            }
            """);

    /// <summary>Async loading is not resampling (substring patterns took <c>LoadAsync</c> and <c>ReadAsync</c> for ADASYN).</summary>
    [Fact]
    public Task Hand_written_k_fold_over_data_loaded_with_LoadAsync_or_ReadAsync_is_not_flagged()
        => Verify("""
            static class Loader
            {
                static System.Threading.Tasks.Task<(double[][] X, int[] y)> LoadAsync(string path) => System.Threading.Tasks.Task.FromResult((new double[0][], new int[0]));
                static System.Threading.Tasks.Task<(double[][] X, int[] y)> ReadAsync(Stream stream) => System.Threading.Tasks.Task.FromResult((new double[0][], new int[0]));
                static IEnumerable<(int[] Train, int[] Test)> KFoldSplit(int rows, int k) => [];

                public static async System.Threading.Tasks.Task Run(Stream stream)
                {
                    var (x, y) = await LoadAsync("a.csv");
                    var (xRead, yRead) = await ReadAsync(stream);
                    foreach (var (train, test) in KFoldSplit(x.Length, 5))
                    {
                    }

                    foreach (var (train, test) in KFoldSplit(xRead.Length, 5))
                    {
                    }
                }
            }
            """);

    [Fact]
    public Task Attributed_cross_validation_helper_after_oversampling()
        => Verify("""
            static class Helpers
            {
                [CrossValidationSplitter]
                static double Evaluate5Ways(List<Transaction> rows) => 0;

                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static double Run(List<Transaction> rows)
                {
                    var balanced = Oversample(rows);
                    return {|IG0002:Evaluate5Ways(balanced)|};
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_fold_loop_resampling_the_whole_training_side()
        => Verify("""
            static class Proper
            {
                public static void Run(Dataset data, Sampler sampler)
                {
                    var (training, holdout) = Split.Stratified(data, 0.2, seed: 1);
                    foreach (var fold in new StratifiedKFold(5).Split(data))
                    {
                        var resampled = {|IG0002:sampler.Resample(training)|};
                        LeakageGuard.EnsureIndependent(resampled, fold.Validation);
                    }
                }
            }
            """);

    [Fact]
    public Task MLNet_fold_loop_oversampling_all_rows()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var view = ml.Data.LoadFromEnumerable(rows);
                    foreach (var fold in ml.Data.CrossValidationSplit(view, 5))
                    {
                        var balanced = {|IG0002:Oversample(rows)|};
                        var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(ml.Data.LoadFromEnumerable(balanced));
                        var metrics = ml.BinaryClassification.Evaluate(model.Transform(fold.TestSet));
                    }
                }
            }
            """);

    [Fact]
    public Task Hand_written_fold_loop_resampling_the_full_matrix()
        => Verify("""
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y) => (X, y);
                static IEnumerable<(int[] Train, int[] Test)> KFold(int rows, int k) => [];

                public static void Run(double[][] X, int[] y)
                {
                    foreach (var (trainIndex, testIndex) in KFold(X.Length, 5))
                    {
                        var (xRes, yRes) = {|IG0002:Smote(X, y)|};
                    }
                }
            }
            """);

    [Fact]
    public Task For_loop_over_indexed_folds_resampling_other_data()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var folds = ml.Data.CrossValidationSplit(ml.Data.LoadFromEnumerable(rows), 5);
                    for (var i = 0; i < folds.Count; i++)
                    {
                        var balanced = {|IG0002:Oversample(rows)|};
                        var test = folds[i].TestSet;
                    }
                }
            }
            """);

    [Fact]
    public Task Lambda_over_folds_resampling_other_data()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var folds = ml.Data.CrossValidationSplit(ml.Data.LoadFromEnumerable(rows), 5);
                    var sizes = folds.Select(fold => {|IG0002:Oversample(rows)|}.Count).ToList();
                }
            }
            """);

    [Fact]
    public Task Cross_validation_helper_named_in_editorconfig()
        => Verify(
            """
            static class Helpers
            {
                static double RunFolds(List<Transaction> rows, int k) => 0;
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static double Run(List<Transaction> rows) => {|IG0002:RunFolds(Oversample(rows), 10)|};
            }
            """,
            "imbalance_guard.cross_validation_methods = RunFolds\n");

    [Fact]
    public Task In_place_duplication_inside_the_fold_loop()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    foreach (var fold in ml.Data.CrossValidationSplit(ml.Data.LoadFromEnumerable(rows), 5))
                    {
                        {|IG0002:rows.AddRange(rows.Where(r => r.IsFraud))|};
                    }
                }
            }
            """);

    // ------------------------------------------------------------------ across methods

    [Fact]
    public Task Helper_returning_oversampled_rows_then_cross_validated()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;
                static List<Transaction> Prepared(List<Transaction> rows) => Oversample(rows.Where(r => r.Amount > 0).ToList());

                public static void Run(MLContext ml, List<Transaction> rows, IEstimator<ITransformer> pipeline)
                {
                    var view = ml.Data.LoadFromEnumerable(Prepared(rows));
                    var results = {|IG0002:ml.BinaryClassification.CrossValidate(view, pipeline, numberOfFolds: 5)|};
                }
            }
            """);

    [Fact]
    public Task Resampling_helper_run_on_all_rows_inside_the_fold_loop()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;
                static List<Transaction> Balance(List<Transaction> rows) => Oversample(rows);

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var folds = ml.Data.CrossValidationSplit(ml.Data.LoadFromEnumerable(rows), 5);
                    foreach (var fold in folds)
                    {
                        var balanced = {|IG0002:Balance(rows)|};
                    }
                }
            }
            """);

    // ------------------------------------------------------------------ hand-written folds

    [Fact]
    public Task Hand_written_folds_with_Skip_and_Take_over_oversampled_rows()
        => Verify("""
            static class Folds
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> rows)
                {
                    var data = Oversample(rows);
                    var k = 5;
                    var size = data.Count / k;
                    for (var fold = 0; fold < k; fold++)
                    {
                        var validation = {|IG0002:data.Skip(fold * size)|}.Take(size).ToList();
                        var training = data.Take(fold * size).Concat(data.Skip((fold + 1) * size)).ToList();
                    }
                }
            }
            """);

    [Fact]
    public Task Hand_written_folds_over_rows_grown_with_their_own_frauds()
        => Verify("""
            static class Folds
            {
                public static void Run(List<Transaction> rows)
                {
                    rows.AddRange(rows.Where(r => r.IsFraud).ToList());
                    var size = rows.Count / 10;
                    foreach (var k in Enumerable.Range(0, 10))
                    {
                        var test = {|IG0002:rows.GetRange(k * size, size)|};
                        var train = rows.Where((r, i) => i < k * size || i >= (k + 1) * size).ToList();
                    }
                }
            }
            """);

    // ------------------------------------------------------------------ not flagged

    [Fact]
    public Task ImbalanceGuard_resample_each_fold_training_side()
        => Verify("""
            static class Proper
            {
                public static void Run(Dataset data, Sampler sampler)
                {
                    foreach (var fold in new StratifiedKFold(5, seed: 1).Split(data))
                    {
                        var resampled = sampler.Resample(fold.Training);
                        LeakageGuard.EnsureIndependent(resampled, fold.Validation);
                    }
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_deconstructed_folds()
        => Verify("""
            static class Proper
            {
                public static void Run(Dataset data, Sampler sampler)
                {
                    foreach (var (train, validation) in new RepeatedStratifiedKFold(3, 2, seed: 5).Split(data))
                    {
                        LeakageGuard.EnsureIndependent(sampler.Resample(train), validation);
                    }
                }
            }
            """);

    [Fact]
    public Task MLNet_oversample_inside_each_fold()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, IDataView data)
                {
                    foreach (var fold in ml.Data.CrossValidationSplit(data, 5, seed: 1))
                    {
                        var trainRows = ml.Data.CreateEnumerable<Transaction>(fold.TrainSet, reuseRowObject: false).ToList();
                        var balanced = ml.Data.LoadFromEnumerable(Oversample(trainRows));
                        var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(balanced);
                        var metrics = ml.BinaryClassification.Evaluate(model.Transform(fold.TestSet));
                    }
                }
            }
            """);

    [Fact]
    public Task MLNet_CrossValidate_on_the_raw_data()
        => Verify("""
            static class Fraud
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    var results = ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5);
                }
            }
            """);

    [Fact]
    public Task Hand_written_folds_resampling_the_fold_training_rows()
        => Verify("""
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y) => (X, y);
                static IEnumerable<(int[] Train, int[] Test)> KFold(int rows, int k) => [];

                public static void Run(double[][] X, int[] y)
                {
                    foreach (var (trainIndex, testIndex) in KFold(X.Length, 5))
                    {
                        var xTrain = trainIndex.Select(i => X[i]).ToArray();
                        var yTrain = trainIndex.Select(i => y[i]).ToArray();
                        var (xRes, yRes) = Smote(xTrain, yTrain);
                    }
                }
            }
            """);

    [Fact]
    public Task Final_model_resampled_on_all_data_after_cross_validation()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static ITransformer Run(MLContext ml, List<Transaction> rows)
                {
                    var pipeline = ml.Transforms.Concatenate("Features", "Amount", "Age").Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
                    var cv = ml.BinaryClassification.CrossValidate(ml.Data.LoadFromEnumerable(rows), pipeline, 5);
                    var final = Oversample(rows);
                    return pipeline.Fit(ml.Data.LoadFromEnumerable(final));
                }
            }
            """);

    [Fact]
    public Task Cross_validation_before_resampling_without_a_loop()
        => Verify("""
            static class Helpers
            {
                static double[][] Smote(double[][] rows) => rows;
                static double CrossValidate(double[][] rows, int folds) => 0;

                public static double[][] Run(double[][] data)
                {
                    var score = CrossValidate(data, 5);
                    data = Smote(data);
                    return data;
                }
            }
            """);

    [Fact]
    public Task Lambda_over_folds_resampling_the_fold()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, IDataView data)
                {
                    var folds = ml.Data.CrossValidationSplit(data, 5);
                    var balanced = folds.Select(f => Oversample(ml.Data.CreateEnumerable<Transaction>(f.TrainSet, false).ToList())).ToList();
                }
            }
            """);

    [Fact]
    public Task For_loop_over_indexed_folds_resampling_the_fold()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, IDataView data)
                {
                    var folds = ml.Data.CrossValidationSplit(data, 5);
                    for (var i = 0; i < folds.Count; i++)
                    {
                        var trainRows = ml.Data.CreateEnumerable<Transaction>(folds[i].TrainSet, false).ToList();
                        var balanced = Oversample(trainRows);
                    }
                }
            }
            """);

    [Fact]
    public Task A_loop_that_is_not_over_folds()
        => Verify("""
            static class Tuning
            {
                static double[][] Smote(double[][] rows, int k) => rows;

                public static void Run(double[][] train)
                {
                    foreach (var k in new[] { 3, 5, 7 })
                    {
                        var resampled = Smote(train, k);
                    }
                }
            }
            """);

    [Fact]
    public Task Nested_loop_inside_the_fold_loop()
        => Verify("""
            static class Proper
            {
                public static void Run(Dataset data)
                {
                    foreach (var fold in new StratifiedKFold(5).Split(data))
                    {
                        foreach (var k in new[] { 3, 5, 7 })
                        {
                            var resampled = new Smote { KNeighbors = k }.Resample(fold.Training);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task Fold_rows_filtered_then_resampled()
        => Verify("""
            static class Proper
            {
                static double[][] Oversample(double[][] rows) => rows;

                public static void Run(Dataset data)
                {
                    foreach (var fold in new StratifiedKFold(5).Split(data))
                    {
                        var training = fold.Training;
                        var rows = Enumerable.Range(0, training.RowCount).Where(i => training.Labels[i] >= 0).Select(i => training.GetRow(i).ToArray()).ToArray();
                        var balanced = Oversample(rows);
                    }
                }
            }
            """);

    [Fact]
    public Task Default_patterns_off_means_no_k_fold_by_name()
        => Verify(
            """
            static class Lesson
            {
                static double[][] Smote(double[][] X) => X;
                static IEnumerable<int[]> KFoldSplit(double[][] X, int k) => [];

                public static void Run(double[][] X)
                {
                    var folds = KFoldSplit(Smote(X), 5);
                }
            }
            """,
            "imbalance_guard.default_patterns = false\n");

    [Fact]
    public Task Out_of_fold_predictions_collected_inside_the_loop_are_not_resampling()
        => Verify("""
            static class Proper
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var predictions = new List<FraudPrediction>();
                    foreach (var fold in ml.Data.CrossValidationSplit(data, 5))
                    {
                        var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(fold.TrainSet);
                        predictions.AddRange(ml.Data.CreateEnumerable<FraudPrediction>(model.Transform(fold.TestSet), false));
                    }
                }
            }
            """);

    [Fact]
    public Task Resampling_helper_run_on_the_fold_training_part_is_not_flagged()
        => Verify("""
            static class Fraud
            {
                static IDataView Undersample(IDataView data) => data;
                static IDataView Balance(IDataView data) => Undersample(data);

                public static void Run(MLContext ml, IDataView data)
                {
                    foreach (var fold in ml.Data.CrossValidationSplit(data, 5))
                    {
                        var balanced = Balance(fold.TrainSet);
                    }
                }
            }
            """);

    [Fact]
    public Task Paging_over_resampled_rows_is_not_a_fold_loop()
        => Verify("""
            static class Batches
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> rows, Action<List<Transaction>> train)
                {
                    var data = Oversample(rows);
                    const int size = 256;
                    for (var page = 0; page * size < data.Count; page++)
                    {
                        train(data.Skip(page * size).Take(size).ToList());
                    }

                    var latest = data.TakeLast(100).ToList();
                }
            }
            """);

    [Fact]
    public Task Hand_written_folds_over_rows_that_were_not_resampled_are_not_flagged()
        => Verify("""
            static class Folds
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> rows)
                {
                    var size = rows.Count / 5;
                    for (var fold = 0; fold < 5; fold++)
                    {
                        var validation = rows.Skip(fold * size).Take(size).ToList();
                        var training = Oversample(rows.Take(fold * size).Concat(rows.Skip((fold + 1) * size)).ToList());
                    }
                }
            }
            """);

    [Fact]
    public Task Sliding_window_over_resampled_rows_is_not_a_fold_loop()
        => Verify("""
            static class Windows
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> rows, Action<List<Transaction>, Transaction> fit)
                {
                    var data = Oversample(rows);
                    const int width = 30;
                    for (var i = 0; i + width < data.Count; i++)
                    {
                        var window = data.Skip(i).Take(width).ToList();
                        var next = data.Skip(i + width).First();
                        fit(window, next);
                    }
                }
            }
            """);
}
