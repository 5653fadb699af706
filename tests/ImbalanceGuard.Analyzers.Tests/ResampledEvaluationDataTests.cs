namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0003: a resampler runs on evaluation data.</summary>
public class ResampledEvaluationDataTests
{
    private static Task Verify(string source, string? editorConfig = null, bool topLevel = false)
        => Verifier.VerifyAsync<ResampledEvaluationDataAnalyzer>(source, editorConfig, topLevel);

    // ------------------------------------------------------------------ flagged

    [Fact]
    public Task MLNet_test_set_oversampled()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, 0.2);
                    var testRows = ml.Data.CreateEnumerable<Transaction>(split.TestSet, reuseRowObject: false).ToList();
                    var balancedTest = {|IG0003:Oversample(testRows)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_test_set_property_resampled_directly()
        => Verify("""
            static class Fraud
            {
                static IDataView Undersample(IDataView data) => data;

                public static void Run(MLContext ml, IDataView data)
                {
                    var parts = ml.Data.TrainTestSplit(data, 0.2);
                    var smaller = {|IG0003:Undersample(parts.TestSet)|};
                }
            }
            """);

    [Fact]
    public Task Hand_written_split_then_the_test_part_resampled()
        => Verify("""
            static class Lesson
            {
                static (List<double[]> Train, List<double[]> Test) TrainTestSplit(List<double[]> rows) => (rows, rows);
                static List<double[]> Smote(List<double[]> rows) => rows;

                public static void Run(List<double[]> rows)
                {
                    var (train, test) = TrainTestSplit(rows);
                    var trainRes = Smote(train);
                    var testRes = {|IG0003:Smote(test)|};
                }
            }
            """);

    [Fact]
    public Task Data_named_as_test_data()
        => Verify("""
            static class Lesson
            {
                static double[][] Adasyn(double[][] rows) => rows;

                public static void Run(double[][] rows)
                {
                    var xTest = rows.Skip(800).ToArray();
                    var balanced = {|IG0003:Adasyn(xTest)|};
                }
            }
            """);

    [Fact]
    public Task Evaluation_data_parameter()
        => Verify("""
            static class Scoring
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static int Run([EvaluationData] List<Transaction> lastQuarter) => {|IG0003:Oversample(lastQuarter)|}.Count;
            }
            """);

    [Fact]
    public Task Evaluation_data_returned_by_an_annotated_method()
        => Verify("""
            static class Scoring
            {
                [return: EvaluationData]
                static List<Transaction> LoadAuditedCases() => [];

                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run()
                {
                    var cases = LoadAuditedCases();
                    var more = {|IG0003:Oversample(cases)|};
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_holdout_rows_declared_training_and_resampled()
        => Verify("""
            static class Escape
            {
                public static void Run(Dataset data, Sampler sampler)
                {
                    var split = Split.Stratified(data, 0.25, seed: 1);
                    var rows = Enumerable.Range(0, split.Holdout.RowCount).Select(i => split.Holdout.GetRow(i).ToArray()).ToList();
                    var labels = Enumerable.Range(0, split.Holdout.RowCount).Select(split.Holdout.GetClassName).ToList();
                    var asTraining = Split.FromPreSplit(Dataset.FromRows(rows, labels));
                    var resampled = {|IG0003:sampler.Resample(asTraining)|};
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_fold_validation_rows_resampled()
        => Verify("""
            static class Escape
            {
                public static void Run(Dataset data)
                {
                    foreach (var fold in new StratifiedKFold(5).Split(data))
                    {
                        var v = fold.Validation;
                        var rows = Enumerable.Range(0, v.RowCount).Select(i => v.GetRow(i).ToArray()).ToList();
                        var labels = Enumerable.Range(0, v.RowCount).Select(v.GetClassName).ToList();
                        var result = {|IG0003:new Smote().FitResample(Split.FromPreSplit(Dataset.FromRows(rows, labels)))|};
                    }
                }
            }
            """);

    [Fact]
    public Task Test_rows_duplicated_in_place()
        => Verify("""
            static class Fraud
            {
                public static void Run(List<Transaction> testRows)
                {
                    {|IG0003:testRows.AddRange(testRows.Where(r => r.IsFraud))|};
                }
            }
            """);

    [Fact]
    public Task Training_and_test_rows_resampled_together()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> trainRows, List<Transaction> testRows)
                {
                    var all = {|IG0003:Oversample(trainRows.Concat(testRows).ToList())|};
                }
            }
            """);

    [Fact]
    public Task Evaluation_name_configured_in_editorconfig()
        => Verify(
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> auditRows) => {|IG0003:Oversample(auditRows)|}.Clear();
            }
            """,
            "imbalance_guard.evaluation_data_names = audit\n");

    /// <summary>The two keys that replaced <c>evaluation_data_names</c>: test and validation names are both evaluation data here.</summary>
    [Theory]
    [InlineData("imbalance_guard.test_data_names = audit\n")]
    [InlineData("imbalance_guard.validation_data_names = audit\n")]
    public Task Evaluation_name_configured_as_test_or_validation_name(string editorConfig)
        => Verify(
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> auditRows) => {|IG0003:Oversample(auditRows)|}.Clear();
            }
            """,
            editorConfig);

    [Fact]
    public Task MLNet_data_that_the_model_is_evaluated_on()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, ITransformer model, List<Transaction> lastMonth)
                {
                    var later = ml.Data.LoadFromEnumerable(lastMonth);
                    var metrics = ml.BinaryClassification.Evaluate(model.Transform(later));
                    var rows = ml.Data.CreateEnumerable<Transaction>(later, false).ToList();
                    var balanced = {|IG0003:Oversample(rows)|};
                }
            }
            """);

    [Fact]
    public Task Validation_data_by_name()
        => Verify("""
            static class Fraud
            {
                static IDataView Resample(IDataView data) => data;

                public static IDataView Run(IDataView validationData) => {|IG0003:Resample(validationData)|};
            }
            """);

    [Fact]
    public Task Field_holding_the_holdout_rows()
        => Verify("""
            sealed class Experiment
            {
                private readonly List<Transaction> _holdout = [];

                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public int Run() => {|IG0003:Oversample(_holdout)|}.Count;
            }
            """);

    [Fact]
    public Task Test_part_of_a_split_record()
        => Verify("""
            sealed record SplitData(List<Transaction> Train, List<Transaction> Test);

            static class Fraud
            {
                static SplitData SplitByTime(List<Transaction> rows) => new(rows, rows);
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> rows)
                {
                    var split = SplitByTime(rows);
                    var balanced = {|IG0003:Oversample(split.Test)|};
                }
            }
            """);

    // ------------------------------------------------------------------ across methods

    [Fact]
    public Task Helper_returning_the_test_rows_then_oversampled()
        => Verify("""
            sealed class Evaluation
            {
                private readonly MLContext _ml = new(seed: 1);

                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                private List<Transaction> LoadScoringRows(IDataView data)
                {
                    var split = _ml.Data.TrainTestSplit(data, 0.2);
                    return _ml.Data.CreateEnumerable<Transaction>(split.TestSet, reuseRowObject: false).ToList();
                }

                public List<Transaction> Run(IDataView data) => {|IG0003:Oversample(LoadScoringRows(data))|};
            }
            """);

    [Fact]
    public Task Test_set_stored_in_a_field_by_one_member_resampled_by_another()
        => Verify("""
            sealed class Job
            {
                private IDataView _scoring = null!;

                static IDataView Undersample(IDataView data) => data;

                public void Prepare(MLContext ml, IDataView data)
                {
                    var parts = ml.Data.TrainTestSplit(data, 0.2);
                    _scoring = parts.TestSet;
                }

                public IDataView Balance() => {|IG0003:Undersample(_scoring)|};
            }
            """);

    [Fact]
    public Task Helper_that_resamples_is_a_resampler_at_its_call_on_test_data()
        => Verify("""
            static class Lesson
            {
                static double[][] Smote(double[][] rows) => rows;
                static double[][] Balance(double[][] rows) => Smote(rows);

                public static void Run(double[][] rows)
                {
                    var xTest = rows.Skip(800).ToArray();
                    var balanced = {|IG0003:Balance(xTest)|};
                }
            }
            """);

    [Fact]
    public Task Per_class_random_undersampling_of_the_test_rows()
        => Verify("""
            static class Lesson
            {
                public static void Run(List<Transaction> rows)
                {
                    var random = new Random(7);
                    var test = rows.Skip(800).ToList();
                    var min = test.GroupBy(r => r.Label).Min(g => g.Count());
                    var balancedTest = test.GroupBy(r => r.Label).SelectMany(g => {|IG0003:g.OrderBy(_ => random.Next()).Take(min)|}).ToList();
                }
            }
            """);

    // ------------------------------------------------------------------ not flagged

    [Fact]
    public Task Hand_written_training_part_resampled()
        => Verify("""
            static class Lesson
            {
                static (List<double[]> Train, List<double[]> Test) TrainTestSplit(List<double[]> rows) => (rows, rows);
                static List<double[]> Smote(List<double[]> rows) => rows;

                public static void Run(List<double[]> rows)
                {
                    var (train, test) = TrainTestSplit(rows);
                    var trainRes = Smote(train);
                }
            }
            """);

    [Fact]
    public Task MLNet_training_set_resampled()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, IDataView data)
                {
                    var trainTestSplit = ml.Data.TrainTestSplit(data, 0.2);
                    var trainRows = ml.Data.CreateEnumerable<Transaction>(trainTestSplit.TrainSet, reuseRowObject: false).ToList();
                    var balanced = Oversample(trainRows);
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(ml.Data.LoadFromEnumerable(balanced));
                    var metrics = ml.BinaryClassification.Evaluate(model.Transform(trainTestSplit.TestSet));
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_training_side_resampled()
        => Verify("""
            static class Proper
            {
                public static void Run(Dataset data)
                {
                    var split = Split.Stratified(data, 0.25, seed: 42);
                    var resampled = new Adasyn { Seed = 1 }.Resample(split.Training);
                    LeakageGuard.EnsureIndependent(resampled, split.Holdout);
                }
            }
            """);

    [Fact]
    public Task Published_pre_split_pair_resampled_on_the_training_side()
        => Verify("""
            static class Proper
            {
                public static void Run(Dataset data, Sampler sampler)
                {
                    var (first, second) = Split.Stratified(data, 0.5, seed: 11);
                    var rows = Enumerable.Range(0, first.RowCount).Select(i => first.GetRow(i).ToArray()).ToArray();
                    var labels = Enumerable.Range(0, first.RowCount).Select(first.GetClassName).ToArray();
                    var published = Dataset.FromRows(rows, labels);
                    var otherRows = Enumerable.Range(0, second.RowCount).Select(i => second.GetRow(i).ToArray()).ToArray();
                    var otherLabels = Enumerable.Range(0, second.RowCount).Select(second.GetClassName).ToArray();
                    var publishedTest = Dataset.FromRows(otherRows, otherLabels);

                    var (train, test) = Split.FromPreSplit(published, publishedTest);
                    LeakageGuard.EnsureIndependent(sampler.Resample(train), test);
                }
            }
            """);

    [Fact]
    public Task A_test_fraction_is_a_number_not_data()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows, double ratio) => rows;

                public static void Run(List<Transaction> trainRows, double testFraction)
                {
                    var balanced = Oversample(trainRows, testFraction);
                }
            }
            """);

    [Fact]
    public Task Latest_is_not_test()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> latestRows, List<Transaction> attestations)
                {
                    var a = Oversample(latestRows);
                    var b = Oversample(attestations);
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_fold_training_side_resampled()
        => Verify("""
            static class Proper
            {
                public static void Run(Dataset data, Sampler sampler)
                {
                    foreach (var fold in new StratifiedKFold(5).Split(data))
                    {
                        LeakageGuard.EnsureIndependent(sampler.Resample(fold.Training), fold.Validation);
                    }
                }
            }
            """);

    [Fact]
    public Task Variable_that_held_test_rows_reassigned_with_training_rows()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> testRows, List<Transaction> trainRows)
                {
                    var rows = testRows;
                    Console.WriteLine(rows.Count);
                    rows = trainRows;
                    var balanced = Oversample(rows);
                }
            }
            """);

    [Fact]
    public Task Evaluated_on_test_data_while_the_training_rows_are_resampled()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, List<Transaction> trainRows, IDataView holdoutView)
                {
                    var trainView = ml.Data.LoadFromEnumerable(Oversample(trainRows));
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(trainView);
                    var predictions = model.Transform(holdoutView);
                    var metrics = ml.BinaryClassification.Evaluate(predictions);
                }
            }
            """);

    [Fact]
    public Task An_evaluation_word_can_be_excluded_in_editorconfig()
        => Verify(
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> holdoutCandidates) => Oversample(holdoutCandidates).Clear();
            }
            """,
            "imbalance_guard.evaluation_data_names = !candidates\n");

    [Fact]
    public Task A_boolean_named_test_is_not_data()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows, bool verbose) => rows;

                public static void Run(List<Transaction> trainingRows, bool isTestRun)
                {
                    var balanced = Oversample(trainingRows, isTestRun);
                }
            }
            """);

    [Fact]
    public Task Count_of_test_rows_used_as_a_target_size()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows, int target) => rows;

                public static void Run(List<Transaction> trainRows, List<Transaction> testRows)
                {
                    var balanced = Oversample(trainRows, testRows.Count);
                }
            }
            """);

    [Fact]
    public Task Training_side_of_a_split_record()
        => Verify("""
            sealed record SplitData(List<Transaction> Train, List<Transaction> Test);

            static class Fraud
            {
                static SplitData SplitByTime(List<Transaction> rows) => new(rows, rows);
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(List<Transaction> rows)
                {
                    var split = SplitByTime(rows);
                    var balanced = Oversample(split.Train);
                }
            }
            """);

    [Fact]
    public Task Helper_parameter_named_test_does_not_make_its_result_evaluation_data()
        => Verify("""
            static class Prep
            {
                static IDataView Undersample(IDataView data) => data;
                static IDataView Normalize(IDataView testData) => testData;

                public static IDataView Run(IDataView training) => Undersample(Normalize(training));
            }
            """);

    [Fact]
    public Task Shuffling_the_test_rows_is_not_resampling()
        => Verify("""
            static class Lesson
            {
                public static void Run(List<Transaction> rows)
                {
                    var random = new Random(7);
                    var test = rows.Skip(800).ToList();
                    var shuffledTest = test.OrderBy(_ => random.Next()).ToList();
                    var firstTen = test.OrderBy(_ => random.Next()).Take(10).ToList();
                }
            }
            """);
}
