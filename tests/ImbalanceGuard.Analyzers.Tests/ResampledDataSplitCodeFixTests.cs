using ImbalanceGuard.CodeFixes;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0001's code fix: split first, then resample only the training part.</summary>
public class ResampledDataSplitCodeFixTests
{
    private static Task Verify(string source, string fixedSource, bool topLevel = false)
        => CodeFixVerifier.VerifyAsync<ResampledDataSplitAnalyzer, ResampledDataSplitCodeFixProvider>(source, fixedSource, ResampledDataSplitCodeFixProvider.SplitFirst, topLevel: topLevel);

    private static Task VerifyNotOffered(string source)
        => CodeFixVerifier.VerifyNotOfferedAsync<ResampledDataSplitAnalyzer, ResampledDataSplitCodeFixProvider>(source, ResampledDataSplitCodeFixProvider.SplitFirst);

    // ------------------------------------------------------------------ fixed

    /// <summary>The lesson shape: the split takes x and y, SMOTE the training parts, the model is fitted on the resampled ones.</summary>
    [Fact]
    public Task Hand_written_arrays_split_first_then_the_training_parts_resampled()
        => Verify(
            """
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y, int k) => (X, y);
                static (double[][], double[][], int[], int[]) TrainTestSplit(double[][] X, int[] y, double testSize) => (X, X, y, y);
                static void Fit(double[][] X, int[] y) { }
                static double Score(double[][] X, int[] y) => 0;

                public static double Run(double[][] x, int[] y)
                {
                    var (xRes, yRes) = Smote(x, y, k: 5);
                    var (xTr, xTe, yTr, yTe) = {|IG0001:TrainTestSplit(xRes, yRes, 0.2)|};
                    Fit(xTr, yTr);
                    return Score(xTe, yTe);
                }
            }
            """,
            """
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y, int k) => (X, y);
                static (double[][], double[][], int[], int[]) TrainTestSplit(double[][] X, int[] y, double testSize) => (X, X, y, y);
                static void Fit(double[][] X, int[] y) { }
                static double Score(double[][] X, int[] y) => 0;

                public static double Run(double[][] x, int[] y)
                {
                    var (xTr, xTe, yTr, yTe) = TrainTestSplit(x, y, 0.2);
                    var (xRes, yRes) = Smote(xTr, yTr, k: 5);
                    Fit(xRes, yRes);
                    return Score(xTe, yTe);
                }
            }
            """);

    /// <summary>
    /// The bridge's resampler before ML.NET's split: ML.NET splits the declared training data, its training side is
    /// declared training data again (the same label column) and resampled; the test side stays as it was.
    /// </summary>
    [Fact]
    public Task Bridge_resampler_before_MLNET_TrainTestSplit()
        => Verify(
            """
            using ImbalanceGuard.ML;

            static class Bridge
            {
                public static CalibratedBinaryClassificationMetrics Run(MLContext ml, IDataView data)
                {
                    var training = ml.Data.AsTrainingData(data, labelColumnName: "IsFraud");
                    var balanced = ml.Data.Resample(training, new Smote { Seed = 1 });
                    var split = {|IG0001:ml.Data.TrainTestSplit(balanced, testFraction: 0.2, seed: 7)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression("IsFraud").Fit(split.TrainSet);
                    return ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), "IsFraud");
                }
            }
            """,
            """
            using ImbalanceGuard.ML;

            static class Bridge
            {
                public static CalibratedBinaryClassificationMetrics Run(MLContext ml, IDataView data)
                {
                    var training = ml.Data.AsTrainingData(data, labelColumnName: "IsFraud");
                    var split = ml.Data.TrainTestSplit(training, testFraction: 0.2, seed: 7);
                    var balanced = ml.Data.Resample(ml.Data.AsTrainingData(split.TrainSet, labelColumnName: "IsFraud"), new Smote { Seed = 1 });
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression("IsFraud").Fit(balanced);
                    return ml.BinaryClassification.Evaluate(model.Transform(split.TestSet), "IsFraud");
                }
            }
            """);

    /// <summary>Training data given as a parameter: its own label column goes with the training side.</summary>
    [Fact]
    public Task Bridge_resampler_on_a_training_view_parameter()
        => Verify(
            """
            using ImbalanceGuard.ML;

            static class Bridge
            {
                public static void Run(MLContext mlContext, TrainingDataView data, Sampler sampler)
                {
                    var balanced = mlContext.Data.Resample(data, sampler);
                    var split = {|IG0001:mlContext.Data.TrainTestSplit(balanced)|};
                    Console.WriteLine(split.TestSet.GetRowCount());
                    var model = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                }
            }
            """,
            """
            using ImbalanceGuard.ML;

            static class Bridge
            {
                public static void Run(MLContext mlContext, TrainingDataView data, Sampler sampler)
                {
                    var split = mlContext.Data.TrainTestSplit(data);
                    var balanced = mlContext.Data.Resample(mlContext.Data.AsTrainingData(split.TrainSet, labelColumnName: data.LabelColumnName), sampler);
                    Console.WriteLine(split.TestSet.GetRowCount());
                    var model = mlContext.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(balanced);
                }
            }
            """);

    /// <summary>ImbalanceGuard's own stratified split of the bridge: its training side is already what the sampler takes.</summary>
    [Fact]
    public Task Bridge_resampler_before_the_bridges_stratified_split()
        => Verify(
            """
            using ImbalanceGuard.ML;

            static class Bridge
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var training = ml.Data.AsTrainingData(data);
                    var balanced = ml.Data.Resample(training, new RandomOverSampler { Seed = 3 });
                    var split = {|IG0001:ml.Data.StratifiedTrainTestSplit(balanced, 0.25, seed: 3)|};
                    Console.WriteLine(split.TrainSet.SyntheticRowCount);
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                }
            }
            """,
            """
            using ImbalanceGuard.ML;

            static class Bridge
            {
                public static void Run(MLContext ml, IDataView data)
                {
                    var training = ml.Data.AsTrainingData(data);
                    var split = ml.Data.StratifiedTrainTestSplit(training, 0.25, seed: 3);
                    var balanced = ml.Data.Resample(split.TrainSet, new RandomOverSampler { Seed = 3 });
                    Console.WriteLine(balanced.SyntheticRowCount);
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(balanced);
                }
            }
            """);

    /// <summary>
    /// Resample, load, split: the view of all rows is split, the training view read back into rows and
    /// oversampled, and the model fitted on the oversampled rows loaded again.
    /// </summary>
    [Fact]
    public Task List_oversampled_then_loaded_and_split()
        => Verify(
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    var balanced = Oversample(rows);
                    IDataView view = ml.Data.LoadFromEnumerable(balanced);
                    var split = {|IG0001:ml.Data.TrainTestSplit(view, testFraction: 0.2)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                    var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
                }
            }
            """,
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    IDataView view = ml.Data.LoadFromEnumerable(rows);
                    var split = ml.Data.TrainTestSplit(view, testFraction: 0.2);
                    var balanced = Oversample(ml.Data.CreateEnumerable<Transaction>(split.TrainSet, reuseRowObject: false).ToList());
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(ml.Data.LoadFromEnumerable(balanced));
                    var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
                }
            }
            """);

    /// <summary>A top-level program, the load written inside the split, a resampler of arrays.</summary>
    [Fact]
    public Task Top_level_program_with_the_load_inside_the_split()
        => Verify(
            """
            var ml = new MLContext(seed: 1);
            var rows = File.ReadLines("fraud.csv").Skip(1).Select(line => new Transaction { Amount = float.Parse(line) }).ToArray();
            var balanced = RandomOversample(rows);
            var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(balanced), 0.2)|};
            var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
            Console.WriteLine(ml.BinaryClassification.Evaluate(model.Transform(split.TestSet)).AreaUnderPrecisionRecallCurve);

            static Transaction[] RandomOversample(Transaction[] rows) => rows;
            """,
            """
            var ml = new MLContext(seed: 1);
            var rows = File.ReadLines("fraud.csv").Skip(1).Select(line => new Transaction { Amount = float.Parse(line) }).ToArray();
            var split = ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.2);
            var balanced = RandomOversample(ml.Data.CreateEnumerable<Transaction>(split.TrainSet, reuseRowObject: false).ToArray());
            var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(ml.Data.LoadFromEnumerable(balanced));
            Console.WriteLine(ml.BinaryClassification.Evaluate(model.Transform(split.TestSet)).AreaUnderPrecisionRecallCurve);

            static Transaction[] RandomOversample(Transaction[] rows) => rows;
            """,
            topLevel: true);

    /// <summary>
    /// ImbalanceGuard's types let only a training set be resampled; here it was declared from all the data, resampled,
    /// and rebuilt row by row into a dataset to split. The fix splits the data itself and resamples the training side:
    /// the declaration and the rebuild go.
    /// </summary>
    [Fact]
    public Task ImbalanceGuard_resampled_set_rebuilt_into_a_dataset_and_split()
        => Verify(
            """
            static class Escape
            {
                public static double Run(Dataset data, Sampler sampler)
                {
                    var everything = Split.FromPreSplit(data);
                    TrainingSet resampled = new Smote { Seed = 1 }.Resample(everything);
                    var rows = Enumerable.Range(0, resampled.RowCount).Select(i => resampled.GetRow(i).ToArray()).ToList();
                    var labels = Enumerable.Range(0, resampled.RowCount).Select(resampled.GetClassName).ToList();
                    var (train, holdout) = {|IG0001:Split.Stratified(Dataset.FromRows(rows, labels), 0.25, seed: 1)|};
                    LeakageGuard.EnsureIndependent(train, holdout);

                    var all = Split.FromPreSplit(data);
                    var balanced = sampler.Resample(all);
                    var features = Enumerable.Range(0, balanced.RowCount).Select(i => balanced.GetRow(i).ToArray()).ToList();
                    var classes = Enumerable.Range(0, balanced.RowCount).Select(balanced.GetClassName).ToList();
                    var split = {|IG0001:Split.Stratified(Dataset.FromRows(features, classes), 0.2, seed: 2)|};
                    return split.Training.RowCount + split.Holdout.RowCount;
                }
            }
            """,
            """
            static class Escape
            {
                public static double Run(Dataset data, Sampler sampler)
                {
                    var (train, holdout) = Split.Stratified(data, 0.25, seed: 1);
                    TrainingSet resampled = new Smote { Seed = 1 }.Resample(train);
                    LeakageGuard.EnsureIndependent(resampled, holdout);
                    var split = Split.Stratified(data, 0.2, seed: 2);
                    var balanced = sampler.Resample(split.Training);
                    return balanced.RowCount + split.Holdout.RowCount;
                }
            }
            """);

    /// <summary>A resampler of views of the project's own, its result declared with a type: the comment above it moves with it.</summary>
    [Fact]
    public Task Own_view_resampler_with_a_comment_and_a_declared_type()
        => Verify(
            """
            static class Helpers
            {
                static IDataView UndersampleMajority(MLContext ml, IDataView data) => data;

                public static void Run(MLContext ml, IDataView data)
                {
                    Console.WriteLine("training");

                    // Fewer legitimate transactions: the model sees the frauds.
                    IDataView reduced = UndersampleMajority(ml, data);
                    var split = {|IG0001:ml.Data.TrainTestSplit(reduced, 0.3, seed: 7)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                    var scored = model.Transform(split.TestSet);
                }
            }
            """,
            """
            static class Helpers
            {
                static IDataView UndersampleMajority(MLContext ml, IDataView data) => data;

                public static void Run(MLContext ml, IDataView data)
                {
                    Console.WriteLine("training");
                    var split = ml.Data.TrainTestSplit(data, 0.3, seed: 7);
                    // Fewer legitimate transactions: the model sees the frauds.
                    IDataView reduced = UndersampleMajority(ml, split.TrainSet);
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(reduced);
                    var scored = model.Transform(split.TestSet);
                }
            }
            """);

    /// <summary>Two leaks in one method fixed at once (Fix All), statements between them left alone.</summary>
    [Fact]
    public Task Fix_all_two_splits_of_resampled_data()
        => Verify(
            """
            static class Lesson
            {
                static double[][] Smote(double[][] X) => X;
                static double[][] Adasyn(double[][] X) => X;
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] X) => (X, X);
                static void Fit(double[][] X) { }

                public static void Run(double[][] first, double[][] second)
                {
                    var a = Smote(first);
                    Console.WriteLine("first");
                    var one = {|IG0001:TrainTestSplit(a)|};
                    Fit(one.Train);
                    var b = Adasyn(second);
                    var (train, test) = {|IG0001:TrainTestSplit(b)|};
                    Fit(train);
                    Console.WriteLine(one.Test.Length + test.Length);
                }
            }
            """,
            """
            static class Lesson
            {
                static double[][] Smote(double[][] X) => X;
                static double[][] Adasyn(double[][] X) => X;
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] X) => (X, X);
                static void Fit(double[][] X) { }

                public static void Run(double[][] first, double[][] second)
                {
                    Console.WriteLine("first");
                    var one = TrainTestSplit(first);
                    var a = Smote(one.Train);
                    Fit(a);
                    var (train, test) = TrainTestSplit(second);
                    var b = Adasyn(train);
                    Fit(b);
                    Console.WriteLine(one.Test.Length + test.Length);
                }
            }
            """);

    // ------------------------------------------------------------------ not offered

    /// <summary>The resampled rows are also counted: after the fix that count would be of the training part only.</summary>
    [Fact]
    public Task Not_offered_when_the_resampled_data_is_used_elsewhere_too()
        => VerifyNotOffered(
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    var balanced = Oversample(rows);
                    Console.WriteLine($"{balanced.Count} rows after oversampling");
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(balanced), 0.2)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                }
            }
            """);

    /// <summary>The resampler outside the loop, the split in it: no one block holds both.</summary>
    [Fact]
    public Task Not_offered_when_the_split_is_inside_a_loop()
        => VerifyNotOffered(
            """
            static class Lesson
            {
                static double[][] Smote(double[][] X) => X;
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] X, int seed) => (X, X);
                static void Fit(double[][] X) { }

                public static void Run(double[][] x)
                {
                    var balanced = Smote(x);
                    for (var seed = 0; seed < 5; seed++)
                    {
                        var parts = {|IG0001:TrainTestSplit(balanced, seed)|};
                        Fit(parts.Train);
                    }
                }
            }
            """);

    /// <summary>The split before the resampler in a loop body (it sees the previous round's rows): nothing to move below it.</summary>
    [Fact]
    public Task Not_offered_when_the_split_comes_before_the_resampler()
        => VerifyNotOffered(
            """
            static class Helpers
            {
                static double[][] Smote(double[][] rows) => rows;
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] rows) => (rows, rows);

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

    /// <summary>Hand-rolled duplication in place: there is no resampled value to move below the split.</summary>
    [Fact]
    public Task Not_offered_for_resampling_in_place()
        => VerifyNotOffered(
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    rows.AddRange(rows.Where(r => r.IsFraud));
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(rows), 0.25)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                }
            }
            """);

    /// <summary>The split in a lambda, the resampler in the method around it: no one block holds both.</summary>
    [Fact]
    public Task Not_offered_when_the_split_is_in_a_lambda()
        => VerifyNotOffered(
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    var balanced = Oversample(rows);
                    Func<DataOperationsCatalog.TrainTestData> split = () => {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(balanced), 0.2)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split().TrainSet);
                }
            }
            """);

    /// <summary>The whole split handed on, or deconstructed into names that do not tell training from test.</summary>
    [Fact]
    public Task Not_offered_when_the_training_side_cannot_be_told()
        => VerifyNotOffered(
            """
            static class Lesson
            {
                static double[][] Smote(double[][] X) => X;
                static (double[][] Train, double[][] Test) TrainTestSplit(double[][] X) => (X, X);
                static void Report((double[][] Train, double[][] Test) parts) { }

                public static void Run(double[][] first, double[][] second)
                {
                    var a = Smote(first);
                    var parts = {|IG0001:TrainTestSplit(a)|};
                    Report(parts);
                    var b = Smote(second);
                    var (left, right) = {|IG0001:TrainTestSplit(b)|};
                    Console.WriteLine(left.Length + right.Length);
                }
            }
            """);

    /// <summary>A rebuilt dataset whose rows are also printed: dropping the rebuild would drop that output.</summary>
    [Fact]
    public Task Not_offered_when_a_rebuilt_part_is_used_elsewhere()
        => VerifyNotOffered(
            """
            static class Escape
            {
                public static void Run(Dataset data)
                {
                    var everything = Split.FromPreSplit(data);
                    var resampled = new Smote { Seed = 1 }.Resample(everything);
                    var rows = Enumerable.Range(0, resampled.RowCount).Select(i => resampled.GetRow(i).ToArray()).ToList();
                    var labels = Enumerable.Range(0, resampled.RowCount).Select(resampled.GetClassName).ToList();
                    Console.WriteLine(rows.Count);
                    var (train, holdout) = {|IG0001:Split.Stratified(Dataset.FromRows(rows, labels), 0.25, seed: 1)|};
                    LeakageGuard.EnsureIndependent(train, holdout);
                }
            }
            """);

    /// <summary>The input changed between the resampler and the split: the split would see other rows than the resampler did.</summary>
    [Fact]
    public Task Not_offered_when_the_input_changes_before_the_split()
        => VerifyNotOffered(
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Train(MLContext ml, List<Transaction> rows)
                {
                    var balanced = Oversample(rows);
                    rows.Clear();
                    var split = {|IG0001:ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(balanced), 0.2)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                }
            }
            """);

    /// <summary>A training part assigned again later: its readers after that would read the resampled data where they read other data.</summary>
    [Fact]
    public Task Not_offered_when_a_training_part_is_written()
        => VerifyNotOffered(
            """
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y) => (X, y);
                static (double[][], double[][], int[], int[]) TrainTestSplit(double[][] X, int[] y) => (X, X, y, y);

                public static void Run(double[][] x, int[] y)
                {
                    var (xRes, yRes) = Smote(x, y);
                    var (xTrain, xTest, yTrain, yTest) = {|IG0001:TrainTestSplit(xRes, yRes)|};
                    Console.WriteLine(xTrain.Length + yTrain.Length + yTest.Length);
                    xTrain = xTest;
                }
            }
            """);

    /// <summary>A sampler made by a call (it could be another one later), or by the static form of the bridge's extension.</summary>
    [Fact]
    public Task Not_offered_when_the_sampler_is_made_by_a_call_or_the_bridge_is_called_statically()
        => VerifyNotOffered(
            """
            using ImbalanceGuard.ML;

            static class Bridge
            {
                static Sampler MakeSampler() => new Smote();

                public static void Run(MLContext ml, IDataView data)
                {
                    var training = ml.Data.AsTrainingData(data);
                    var balanced = ml.Data.Resample(training, MakeSampler());
                    var split = {|IG0001:ml.Data.TrainTestSplit(balanced)|};
                    var model = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(split.TrainSet);
                    var again = ImbalanceDataCatalog.Resample(ml.Data, training, new Smote());
                    var other = {|IG0001:ml.Data.TrainTestSplit(again)|};
                    var second = ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(other.TrainSet);
                }
            }
            """);
}
