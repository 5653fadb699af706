namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0001: resampled data reaches a train/test split.</summary>
public class ResampledDataSplitTests
{
    private static Task Verify(string source, string? editorConfig = null, bool topLevel = false)
        => Verifier.VerifyAsync<ResampledDataSplitAnalyzer>(source, editorConfig, topLevel);

    // ------------------------------------------------------------------ flagged

    [Fact]
    public Task ImbalanceGuard_ML_resampled_view_split_by_ML_NET()
        => Verify("""
            static class Bridge
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var training = ml.Data.AsTrainingData(data);
                    var balanced = ml.Data.Resample(training, new Smote { Seed = 1 });
                    var split = {|IG0001:ml.Data.TrainTestSplit(balanced, testFraction: 0.2)|};
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_ML_split_then_resample_the_training_view_is_not_flagged()
        => Verify("""
            static class Bridge
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.25, seed: 1);
                    var balanced = ml.Data.Resample(split.TrainSet, new Smote { Seed = 1 });
                    var folds = ml.Data.StratifiedCrossValidationSplit(data, 5);
                }
            }
            """);

    [Fact]
    public Task Lesson_style_code_that_resamples_everything_then_splits()
        => Verify("""
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y) => (X, y);
                static (double[][], double[][], int[], int[]) TrainTestSplit(double[][] X, int[] y, double testSize) => (X, X, y, y);

                public static void Run(double[][] X, int[] y)
                {
                    var (xRes, yRes) = Smote(X, y);
                    var (xTrain, xTest, yTrain, yTest) = {|IG0001:TrainTestSplit(xRes, yRes, 0.2)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_list_oversampled_before_LoadFromEnumerable_and_TrainTestSplit()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    var balanced = Oversample(rows);
                    IDataView view = ml.Data.LoadFromEnumerable(balanced);
                    var split = {|IG0001:ml.Data.TrainTestSplit(view, testFraction: 0.2)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                }
            }
            """);

    [Fact]
    public Task MLNet_hand_rolled_duplication_of_the_frauds_in_place()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    rows.AddRange(rows.Where(r => r.IsFraud));
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.25)|};
                }
            }
            """);

    [Fact]
    public Task MLNet_minority_copies_added_in_a_loop()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, string path)
                {
                    var rows = File.ReadLines(path).Select(l => new Transaction { Amount = float.Parse(l) }).ToList();
                    var frauds = rows.Where(r => r.Label).ToList();
                    for (var i = 0; i < 20; i++)
                    {
                        rows.AddRange(frauds);
                    }

                    var data = ml.Data.LoadFromEnumerable(rows);
                    var split = {|IG0001:ml.Data.TrainTestSplit(data)|};
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_resampled_rows_rebuilt_into_a_dataset_and_split()
        => Verify("""
            static class Escape
            {
                public static void Run(Dataset data)
                {
                    var everything = Split.FromPreSplit(data);
                    TrainingSet resampled = new Smote { Seed = 1 }.Resample(everything);
                    var rows = Enumerable.Range(0, resampled.RowCount).Select(i => resampled.GetRow(i).ToArray()).ToList();
                    var labels = Enumerable.Range(0, resampled.RowCount).Select(resampled.GetClassName).ToList();
                    var (train, holdout) = {|IG0001:Split.Stratified(Dataset.FromRows(rows, labels), 0.25, seed: 1)|};
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_fit_resample_result_split_in_time()
        => Verify("""
            static class Escape
            {
                public static TrainHoldoutSplit Run(Dataset data, Sampler sampler)
                {
                    var result = sampler.FitResample(Split.FromPreSplit(data));
                    var matrix = new double[result.Resampled.RowCount, result.Resampled.FeatureCount];
                    for (var i = 0; i < result.Resampled.RowCount; i++)
                    {
                        var row = result.Resampled.GetRow(i);
                        for (var j = 0; j < row.Length; j++)
                        {
                            matrix[i, j] = row[j];
                        }
                    }

                    var labels = Enumerable.Range(0, result.Resampled.RowCount).Select(result.Resampled.GetClassName).ToArray();
                    return {|IG0001:Split.TimeOrdered(Dataset.FromArrays(matrix, labels), 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Attributed_resampler_and_attributed_splitter()
        => Verify("""
            static class Helpers
            {
                [Resampler]
                static List<Transaction> DuplicateFrauds(List<Transaction> rows) => rows;

                [DataSplitter]
                static (List<Transaction> Train, List<Transaction> Test) HoldOutLastMonth(List<Transaction> rows) => (rows, rows);

                public static void Run(List<Transaction> rows)
                {
                    var more = DuplicateFrauds(rows);
                    var (train, test) = {|IG0001:HoldOutLastMonth(more)|};
                }
            }
            """);

    [Fact]
    public Task Resampler_named_in_editorconfig()
        => Verify(
            """
            static class Helpers
            {
                static List<Transaction> BalanceClasses(List<Transaction> rows) => rows;
                static (List<Transaction>, List<Transaction>) TrainTestSplit(List<Transaction> rows) => (rows, rows);

                public static void Run(List<Transaction> rows)
                {
                    var parts = {|IG0001:TrainTestSplit(BalanceClasses(rows))|};
                }
            }
            """,
            "imbalance_guard.resampler_methods = *BalanceClasses*\n");

    [Fact]
    public Task Splitter_named_in_editorconfig()
        => Verify(
            """
            static class Helpers
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;
                static (List<Transaction>, List<Transaction>) CutByDate(List<Transaction> rows) => (rows, rows);

                public static void Run(List<Transaction> rows)
                {
                    var balanced = Oversample(rows);
                    var parts = {|IG0001:CutByDate(balanced)|};
                }
            }
            """,
            "imbalance_guard.splitter_methods = CutByDate\n");

    [Fact]
    public Task Reassigned_variable_keeps_the_resampled_data()
        => Verify("""
            static class Helpers
            {
                static double[][] Smote(double[][] rows) => rows;
                static (double[][], double[][]) TrainTestSplit(double[][] rows) => (rows, rows);

                public static void Run(double[][] data)
                {
                    data = Smote(data);
                    var copy = data;
                    var parts = {|IG0001:TrainTestSplit(copy)|};
                }
            }
            """);

    [Fact]
    public Task Split_before_the_resampler_in_a_loop_sees_the_previous_iteration()
        => Verify("""
            static class Helpers
            {
                static double[][] Smote(double[][] rows) => rows;
                static (double[][], double[][]) TrainTestSplit(double[][] rows) => (rows, rows);

                public static void Run(double[][] data, int rounds)
                {
                    for (var round = 0; round < rounds; round++)
                    {
                        var parts = {|IG0001:TrainTestSplit(data)|};
                        data = Smote(data);
                    }
                }
            }
            """);

    [Fact]
    public Task Through_a_tuple_and_deconstruction()
        => Verify("""
            static class Helpers
            {
                static double[][] Adasyn(double[][] rows) => rows;
                static (double[][], double[][]) TrainTestSplit(double[][] rows, int[] labels) => (rows, rows);

                public static void Run(double[][] rows, int[] labels)
                {
                    var (x, y) = (Adasyn(rows), labels);
                    var parts = {|IG0001:TrainTestSplit(x, y)|};
                }
            }
            """);

    [Fact]
    public Task Through_a_LINQ_chain_and_ToList()
        => Verify("""
            static class Helpers
            {
                static IEnumerable<Transaction> RandomOversample(IEnumerable<Transaction> rows) => rows;

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var random = new Random(1);
                    var shuffled = RandomOversample(rows).OrderBy(_ => random.Next()).Select(r => r).ToList();
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(shuffled))|};
                }
            }
            """);

    [Fact]
    public Task Through_Concat_of_the_original_and_the_synthetic_rows()
        => Verify("""
            static class Helpers
            {
                static List<Transaction> GenerateSmoteSamples(List<Transaction> rows, int count) => rows;

                public static void Run(MLContext ml, List<Transaction> original)
                {
                    var synthetic = GenerateSmoteSamples(original.Where(r => r.Label).ToList(), 500);
                    var all = original.Concat(synthetic);
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(all))|};
                }
            }
            """);

    [Fact]
    public Task Through_CreateEnumerable_and_LoadFromEnumerable()
        => Verify("""
            static class Helpers
            {
                static IDataView UndersampleMajority(MLContext ml, IDataView data) => data;

                public static void Run(MLContext ml, IDataView data)
                {
                    var reduced = UndersampleMajority(ml, data);
                    var rows = ml.Data.CreateEnumerable<Transaction>(reduced, reuseRowObject: false).ToList();
                    var again = ml.Data.LoadFromEnumerable(rows);
                    var split = {|IG0001:ml.Data.TrainTestSplit(again, 0.3, seed: 7)|};
                }
            }
            """);

    [Fact]
    public Task Resampler_that_writes_out_parameters()
        => Verify("""
            static class Helpers
            {
                static void Smote(double[][] x, int[] y, out double[][] xRes, out int[] yRes) { xRes = x; yRes = y; }
                static (double[][], double[][]) TrainTestSplit(double[][] x, int[] y) => (x, x);

                public static void Run(double[][] x, int[] y)
                {
                    Smote(x, y, out var xRes, out var yRes);
                    var parts = {|IG0001:TrainTestSplit(xRes, yRes)|};
                }
            }
            """);

    [Fact]
    public Task In_place_resampler_that_returns_nothing()
        => Verify("""
            static class Helpers
            {
                static void OversampleInPlace(List<Transaction> rows) { }

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    OversampleInPlace(rows);
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows))|};
                }
            }
            """);

    [Fact]
    public Task Top_level_program()
        => Verify(
            """
            var ml = new MLContext(seed: 1);
            var rows = File.ReadLines("fraud.csv").Skip(1).Select(line => new Transaction { Amount = float.Parse(line) }).ToList();
            var balanced = Oversample(rows);
            var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(balanced), 0.2)|};

            static List<Transaction> Oversample(List<Transaction> rows) => rows;
            """,
            topLevel: true);

    [Fact]
    public Task Lambda_reading_the_resampled_rows()
        => Verify("""
            static class Helpers
            {
                static double[][] Smote(double[][] rows) => rows;
                static (double[][], double[][]) TrainTestSplit(double[][] rows) => (rows, rows);

                public static void Run(double[][] rows)
                {
                    var balanced = Smote(rows);
                    var copy = Enumerable.Range(0, balanced.Length).Select(i => balanced[i]).ToArray();
                    var parts = {|IG0001:TrainTestSplit(copy)|};
                }
            }
            """);

    // ------------------------------------------------------------------ across methods

    [Fact]
    public Task Helper_returning_resampled_rows_two_calls_deep_is_a_resampler()
        => Verify("""
            static class Prep
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;
                static List<Transaction> Clean(List<Transaction> rows) => rows.Where(r => r.Amount > 0).ToList();
                static List<Transaction> Balance(List<Transaction> rows) => Clean(Oversample(rows));
                public static List<Transaction> Prepare(List<Transaction> rows)
                {
                    var balanced = Balance(rows);
                    return balanced;
                }
            }

            static class Train
            {
                public static void Run(MLContext ml, List<Transaction> raw)
                {
                    var data = ml.Data.LoadFromEnumerable(Prep.Prepare(raw));
                    var split = {|IG0001:ml.Data.TrainTestSplit(data, testFraction: 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Helper_in_another_file_and_recursive_helpers()
        => Verifier.VerifyAsync<ResampledDataSplitAnalyzer>(
            """
            static class Train
            {
                public static void Run(MLContext ml, List<Transaction> raw)
                {
                    var data = ml.Data.LoadFromEnumerable(Loader.Load(raw, 3));
                    var split = {|IG0001:ml.Data.TrainTestSplit(data, testFraction: 0.2)|};
                }
            }
            """,
            otherFiles:
            [
                """
                namespace App;

                public static class Loader
                {
                    static List<Transaction> RandomOversample(List<Transaction> rows) => rows;

                    // Mutual recursion: summaries must not loop.
                    public static List<Transaction> Load(List<Transaction> rows, int tries) => tries == 0 ? RandomOversample(rows) : Retry(rows, tries - 1);
                    static List<Transaction> Retry(List<Transaction> rows, int tries) => Load(rows, tries);
                }
                """,
            ]);

    [Fact]
    public Task Helper_that_resamples_the_list_it_is_given()
        => Verify("""
            static class Fraud
            {
                static void Balance(List<Transaction> rows)
                {
                    var frauds = rows.Where(r => r.IsFraud).ToList();
                    rows.AddRange(frauds);
                }

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    Balance(rows);
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows))|};
                }
            }
            """);

    [Fact]
    public Task Field_stored_by_one_member_split_by_another()
        => Verify("""
            sealed class FraudModel
            {
                private readonly MLContext _ml = new(seed: 1);
                private IDataView _data = null!;

                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public void Load(List<Transaction> rows) => _data = _ml.Data.LoadFromEnumerable(Oversample(rows));

                public void Train()
                {
                    var split = {|IG0001:_ml.Data.TrainTestSplit(_data, 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Property_set_in_the_constructor_split_in_a_method()
        => Verify("""
            sealed class Experiment
            {
                public Experiment(MLContext ml, List<Transaction> rows)
                {
                    Ml = ml;
                    Data = ml.Data.LoadFromEnumerable(Prepare(rows));
                }

                public MLContext Ml { get; }
                public IDataView Data { get; private set; }

                private List<Transaction> Prepare(List<Transaction> rows) => Smote(rows);
                static List<Transaction> Smote(List<Transaction> rows) => rows;

                public DataOperationsCatalog.TrainTestData Split() => {|IG0001:Ml.Data.TrainTestSplit(Data, 0.25)|};
            }
            """);

    [Fact]
    public Task Computed_property_returning_resampled_rows()
        => Verify("""
            sealed class Experiment
            {
                private readonly List<Transaction> _rows;

                public Experiment(List<Transaction> rows) => _rows = rows;

                private List<Transaction> Balanced => RandomOversample(_rows);

                static List<Transaction> RandomOversample(List<Transaction> rows) => rows;

                public void Run(MLContext ml)
                {
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(Balanced), 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Method_that_fills_a_field_called_before_the_split()
        => Verify("""
            sealed class Job
            {
                private readonly MLContext _ml = new(seed: 1);
                private List<Transaction> _rows = new();

                private void LoadBalanced(List<Transaction> raw)
                {
                    _rows = raw;
                    _rows.AddRange(_rows.Where(r => r.IsFraud).ToList());
                }

                public void Run(List<Transaction> raw)
                {
                    _rows = new List<Transaction>();
                    LoadBalanced(raw);
                    var split = {|IG0001:_ml.Data.TrainTestSplit(_ml.Data.LoadFromEnumerable(_rows))|};
                }
            }
            """);

    [Fact]
    public Task Top_level_statements_with_a_local_helper()
        => Verify(
            """
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(LoadBalanced("fraud.csv"));
            var split = {|IG0001:ml.Data.TrainTestSplit(data, 0.2)|};

            List<Transaction> LoadBalanced(string path)
            {
                var rows = File.ReadLines(path).Select(line => new Transaction { Amount = float.Parse(line) }).ToList();
                return Oversample(rows);
            }

            static List<Transaction> Oversample(List<Transaction> rows) => rows;
            """,
            topLevel: true);


    // ------------------------------------------------------------------ hand-written resampling and splitters

    [Fact]
    public Task Per_class_random_undersampling_with_GroupBy_SelectMany()
        => Verify("""
            static class Balance
            {
                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var random = new Random(42);
                    var minCount = rows.GroupBy(r => r.Label).Min(g => g.Count());
                    var balanced = rows.GroupBy(r => r.Label).SelectMany(g => g.OrderBy(_ => random.Next()).Take(minCount)).ToList();
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(balanced), 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Per_class_random_undersampling_with_Where_then_Concat()
        => Verify("""
            static class Balance
            {
                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var random = new Random(42);
                    var frauds = rows.Where(r => r.IsFraud).ToList();
                    var legit = rows.Where(r => !r.IsFraud).OrderBy(_ => random.NextDouble()).Take(frauds.Count);
                    var balanced = frauds.Concat(legit).ToList();
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(balanced), 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Per_class_undersampling_in_a_helper_with_a_foreach_over_groups()
        => Verify("""
            static class Balance
            {
                static List<Transaction> Equalize(List<Transaction> rows)
                {
                    var minCount = rows.GroupBy(r => r.Label).Min(g => g.Count());
                    var result = new List<Transaction>();
                    foreach (var group in rows.GroupBy(r => r.Label))
                    {
                        result.AddRange(group.OrderBy(_ => Guid.NewGuid()).Take(minCount));
                    }

                    return result;
                }

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(Equalize(rows)), 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Own_splitter_recognised_by_Take_and_Skip_of_a_shuffled_copy()
        => Verify("""
            static class Experiment
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                static (List<Transaction> Train, List<Transaction> Test) Divide(List<Transaction> rows, double fraction)
                {
                    var shuffled = rows.OrderBy(_ => Random.Shared.Next()).ToList();
                    var cut = (int)(shuffled.Count * fraction);
                    return (shuffled.Skip(cut).ToList(), shuffled.Take(cut).ToList());
                }

                public static void Run(List<Transaction> rows)
                {
                    var (train, test) = {|IG0001:Divide(Oversample(rows), 0.2)|};
                }
            }
            """);

    [Fact]
    public Task Own_splitter_recognised_by_complementary_Where()
        => Verify("""
            static class Experiment
            {
                static Transaction[] Smote(Transaction[] rows) => rows;

                static (Transaction[] Fit, Transaction[] Check) ByHash(Transaction[] rows)
                    => (rows.Where(r => r.Amount.GetHashCode() % 5 != 0).ToArray(), rows.Where(r => r.Amount.GetHashCode() % 5 == 0).ToArray());

                public static void Run(Transaction[] rows)
                {
                    var balanced = Smote(rows);
                    var parts = {|IG0001:ByHash(balanced)|};
                }
            }
            """);

    // ------------------------------------------------------------------ not flagged

    [Fact]
    public Task Split_first_then_resample_the_training_part()
        => Verify("""
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y) => (X, y);
                static (double[][], double[][], int[], int[]) TrainTestSplit(double[][] X, int[] y, double testSize) => (X, X, y, y);

                public static void Run(double[][] X, int[] y)
                {
                    var (xTrain, xTest, yTrain, yTest) = TrainTestSplit(X, y, 0.2);
                    var (xRes, yRes) = Smote(xTrain, yTrain);
                }
            }
            """);

    [Fact]
    public Task MLNet_split_first_then_oversample_the_training_rows()
        => Verify("""
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), testFraction: 0.2);
                    var trainRows = ml.Data.CreateEnumerable<Transaction>(split.TrainSet, reuseRowObject: false).ToList();
                    var balanced = ml.Data.LoadFromEnumerable(Oversample(trainRows));
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(balanced);
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_split_then_resample()
        => Verify("""
            static class Proper
            {
                public static void Run(Dataset data)
                {
                    var (training, holdout) = Split.Stratified(data, 0.25, seed: 42);
                    var resampled = new Smote { Seed = 42 }.Resample(training);
                    LeakageGuard.EnsureIndependent(resampled, holdout);
                }
            }
            """);

    [Fact]
    public Task Split_before_resampling_without_a_loop_is_not_reached()
        => Verify("""
            static class Helpers
            {
                static double[][] Smote(double[][] rows) => rows;
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] rows) => (rows, rows);

                public static double[][] Run(double[][] data)
                {
                    var parts = TrainTestSplit(data);
                    data = Smote(parts.Train);
                    return data;
                }
            }
            """);

    [Fact]
    public Task Resampled_variable_overwritten_with_fresh_data_before_the_split()
        => Verify("""
            static class Helpers
            {
                static double[][] Smote(double[][] rows) => rows;
                static double[][] Load() => [];
                static (double[][], double[][]) TrainTestSplit(double[][] rows) => (rows, rows);

                public static void Run(double[][] data)
                {
                    data = Smote(data);
                    Console.WriteLine(data.Length);
                    data = Load();
                    var parts = TrainTestSplit(data);
                }
            }
            """);

    [Fact]
    public Task Resampled_data_and_split_data_are_different_variables()
        => Verify("""
            static class Helpers
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, List<Transaction> original)
                {
                    var balanced = Oversample(original);
                    Console.WriteLine($"{balanced.Count} rows after oversampling (for the report)");
                    var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(original), 0.2);
                }
            }
            """);

    [Fact]
    public Task Recombining_the_two_classes_of_one_source_is_not_oversampling()
        => Verify("""
            static class Helpers
            {
                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var frauds = rows.Where(r => r.Label).ToList();
                    var legit = rows.Where(r => !r.Label).Take(5000).ToList();
                    var sample = frauds.Concat(legit).ToList();
                    var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(sample), 0.2);
                }
            }
            """);

    [Fact]
    public Task Declaring_resampled_data_as_a_training_side_is_not_a_split()
        => Verify("""
            static class Cli
            {
                public static TrainingSet Run(Dataset input, Sampler sampler)
                {
                    var resampled = sampler.Resample(Split.FromPreSplit(input));
                    var rows = Enumerable.Range(0, resampled.RowCount).Select(i => resampled.GetRow(i).ToArray()).ToList();
                    var labels = Enumerable.Range(0, resampled.RowCount).Select(resampled.GetClassName).ToList();
                    return Split.FromPreSplit(Dataset.FromRows(rows, labels));
                }
            }
            """);

    [Fact]
    public Task Count_of_resampled_rows_as_a_split_parameter_is_not_data()
        => Verify("""
            static class Helpers
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var balanced = Oversample(rows);
                    var fraction = Math.Min(0.5, 1000.0 / balanced.Count);
                    var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), testFraction: fraction);
                }
            }
            """);

    /// <summary>
    /// Async loading is not resampling: with substring patterns, <c>*Adasyn*</c> matched <c>ReadAsync</c>,
    /// <c>LoadAsync</c> and <c>DownloadAsync</c>, and splitting what they loaded was reported.
    /// </summary>
    [Fact]
    public Task Data_loaded_with_ReadAsync_LoadAsync_or_DownloadAsync_is_not_resampled()
        => Verify(
            """
            static class Loader
            {
                static System.Threading.Tasks.Task<double[][]> LoadAsync(string path) => System.Threading.Tasks.Task.FromResult(new double[0][]);
                static System.Threading.Tasks.Task<double[][]> ReadAsync(Stream stream) => System.Threading.Tasks.Task.FromResult(new double[0][]);
                static System.Threading.Tasks.Task<double[][]> DownloadAsync(Uri uri) => System.Threading.Tasks.Task.FromResult(new double[0][]);
                static (double[][], double[][]) TrainTestSplit(double[][] X) => (X, X);

                public static async System.Threading.Tasks.Task Run(Stream stream, Uri uri)
                {
                    var loaded = await LoadAsync("a.csv");
                    var read = await ReadAsync(stream);
                    var downloaded = await DownloadAsync(uri);
                    var first = TrainTestSplit(loaded);
                    var second = TrainTestSplit(read);
                    var third = TrainTestSplit(downloaded);
                }
            }
            """);

    /// <summary>Word patterns still take resamplers named in any case style, across words and in snake case.</summary>
    [Fact]
    public Task Resamplers_named_across_words_or_in_snake_case_are_still_recognised()
        => Verify(
            """
            static class Lesson
            {
                static double[][] RandomOverSampler(double[][] X) => X;
                static double[][] apply_adasyn(double[][] X) => X;
                static (double[][], double[][]) TrainTestSplit(double[][] X) => (X, X);

                public static void Run(double[][] X)
                {
                    var first = {|IG0001:TrainTestSplit(RandomOverSampler(X))|};
                    var second = {|IG0001:TrainTestSplit(apply_adasyn(X))|};
                }
            }
            """);

    [Fact]
    public Task A_name_pattern_can_be_excluded_in_editorconfig()
        => Verify(
            """
            static class Audio
            {
                static float[][] ResampleAudio(float[][] clips, int rate) => clips;
                static (float[][], float[][]) TrainTestSplit(float[][] clips) => (clips, clips);

                public static void Run(float[][] clips)
                {
                    var parts = TrainTestSplit(ResampleAudio(clips, 16000));
                }
            }
            """,
            "imbalance_guard.resampler_methods = !*Audio*\n");

    [Fact]
    public Task Default_patterns_can_be_turned_off()
        => Verify(
            """
            static class Lesson
            {
                static double[][] Smote(double[][] X) => X;
                static (double[][], double[][]) TrainTestSplit(double[][] X) => (X, X);

                public static void Run(double[][] X)
                {
                    var parts = TrainTestSplit(Smote(X));
                }
            }
            """,
            "imbalance_guard.default_patterns = false\n");

    [Fact]
    public Task Training_rows_oversampled_in_place_after_the_split()
        => Verify("""
            static class Fraud
            {
                public static void Train(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, 0.2);
                    var trainRows = ml.Data.CreateEnumerable<Transaction>(split.TrainSet, false).ToList();
                    trainRows.AddRange(trainRows.Where(r => r.IsFraud));
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(ml.Data.LoadFromEnumerable(trainRows));
                }
            }
            """);

    [Fact]
    public Task Growing_a_list_of_numbers_from_itself_is_not_oversampling_rows()
        => Verify("""
            static class Helpers
            {
                static (List<double>, List<double>) TrainTestSplit(List<double> values) => (values, values);

                public static void Run(List<double> values)
                {
                    values.Add(values[values.Count - 1] * 2);
                    var parts = TrainTestSplit(values);
                }
            }
            """);

    [Fact]
    public Task A_string_split_is_not_a_data_split()
        => Verify("""
            static class Helpers
            {
                static List<string> Oversample(List<string> lines) => lines;

                public static string[] Run(List<string> lines)
                {
                    var balanced = Oversample(lines);
                    return balanced[0].Split(',');
                }
            }
            """);

    [Fact]
    public Task Field_reassigned_with_fresh_data_before_the_split_is_not_flagged()
        => Verify("""
            sealed class FraudModel
            {
                private readonly MLContext _ml = new(seed: 1);
                private IDataView _data = null!;

                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public void Load(List<Transaction> rows) => _data = _ml.Data.LoadFromEnumerable(Oversample(rows));

                public void Train(List<Transaction> fresh)
                {
                    _data = _ml.Data.LoadFromEnumerable(fresh);
                    var split = _ml.Data.TrainTestSplit(_data, 0.2);
                }
            }
            """);

    [Fact]
    public Task Shuffle_helper_is_not_a_resampler()
        => Verify("""
            static class Data
            {
                static List<T> Shuffle<T>(List<T> items, Random random) => items.OrderBy(_ => random.Next()).ToList();

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var shuffled = Shuffle(rows, new Random(1));
                    var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(shuffled), 0.2);
                }
            }
            """);

    [Fact]
    public Task Helper_that_loads_with_LoadAsync_is_not_a_resampler()
        => Verify("""
            static class Data
            {
                static async System.Threading.Tasks.Task<List<Transaction>> LoadAsync(string path)
                {
                    var lines = await File.ReadAllLinesAsync(path);
                    return lines.Select(line => new Transaction { Amount = float.Parse(line) }).ToList();
                }

                public static async System.Threading.Tasks.Task Run(MLContext ml)
                {
                    var rows = await LoadAsync("fraud.csv");
                    var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2);
                }
            }
            """);

    [Fact]
    public Task Helper_that_splits_first_and_resamples_the_training_part_is_not_flagged()
        => Verify("""
            sealed class Experiment
            {
                private readonly MLContext _ml = new(seed: 1);
                private IDataView _training = null!;

                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                private List<Transaction> Balanced(IDataView training)
                    => Oversample(_ml.Data.CreateEnumerable<Transaction>(training, reuseRowObject: false).ToList());

                public void Run(IDataView data)
                {
                    var split = _ml.Data.TrainTestSplit(data, 0.2);
                    _training = _ml.Data.LoadFromEnumerable(Balanced(split.TrainSet));
                }
            }
            """);

    [Fact]
    public Task Helper_that_returns_its_input_unchanged_is_not_a_resampler()
        => Verify("""
            static class Data
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;
                static List<Transaction> Clean(List<Transaction> rows, bool balance)
                {
                    var kept = rows.Where(r => r.Amount > 0).ToList();
                    var unused = Oversample(new List<Transaction>());
                    return kept;
                }

                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(Clean(rows, true)), 0.2);
                }
            }
            """);

    [Fact]
    public Task Random_sample_of_all_rows_is_not_a_resampler()
        => Verify("""
            static class Preview
            {
                public static void Run(MLContext ml, List<Transaction> rows)
                {
                    var random = new Random(1);
                    var sample = rows.OrderBy(_ => random.Next()).Take(1000).ToList();
                    var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(sample), 0.2);
                }
            }
            """);

    [Fact]
    public Task Paging_helper_and_TakeLast_are_not_splitters()
        => Verify("""
            static class Pages
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                static (List<Transaction> Page, bool More) GetPage(List<Transaction> rows, int page, int size)
                    => (rows.Skip(page * size).Take(size).ToList(), rows.Count > (page + 1) * size);

                static (List<Transaction> Recent, List<Transaction> Big) Views(List<Transaction> rows)
                    => (rows.TakeLast(100).ToList(), rows.Where(r => r.Amount > 100).ToList());

                public static void Run(List<Transaction> rows)
                {
                    var balanced = Oversample(rows);
                    var first = GetPage(balanced, 0, 50);
                    var views = Views(balanced);
                }
            }
            """);

    [Fact]
    public Task Own_splitter_of_data_that_was_not_resampled_is_not_flagged()
        => Verify("""
            static class Experiment
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                static (List<Transaction> Train, List<Transaction> Test) Divide(List<Transaction> rows, int cut)
                    => (rows.Skip(cut).ToList(), rows.Take(cut).ToList());

                public static void Run(List<Transaction> rows)
                {
                    var (train, test) = Divide(rows, 200);
                    var balancedTrain = Oversample(train);
                }
            }
            """);
}
