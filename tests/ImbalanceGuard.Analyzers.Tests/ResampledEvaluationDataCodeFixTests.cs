using ImbalanceGuard.CodeFixes;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0003's code fix: resample nothing, the resampler call replaced by its input.</summary>
public class ResampledEvaluationDataCodeFixTests
{
    private static Task Verify(string source, string fixedSource)
        => CodeFixVerifier.VerifyAsync<ResampledEvaluationDataAnalyzer, ResampledEvaluationDataCodeFixProvider>(source, fixedSource, ResampledEvaluationDataCodeFixProvider.ResampleNothing);

    [Fact]
    public Task Oversampled_test_rows_become_the_test_rows()
        => Verify(
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, 0.2);
                    var testRows = ml.Data.CreateEnumerable<Transaction>(split.TestSet, reuseRowObject: false).ToList();
                    var balancedTest = {|IG0003:Oversample(testRows)|};
                    Console.WriteLine(balancedTest.Count);
                }
            }
            """,
            """
            static class Fraud
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;

                public static void Run(MLContext ml, IDataView data)
                {
                    var split = ml.Data.TrainTestSplit(data, 0.2);
                    var testRows = ml.Data.CreateEnumerable<Transaction>(split.TestSet, reuseRowObject: false).ToList();
                    var balancedTest = testRows;
                    Console.WriteLine(balancedTest.Count);
                }
            }
            """);

    /// <summary>A resampler of features and labels: its inputs as a tuple; a neighbour count is not data and is left out.</summary>
    [Fact]
    public Task Tuple_resampler_deconstructed_and_read_by_element_name()
        => Verify(
            """
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y, int k) => (X, y);

                public static void Run(double[][] xTest, int[] yTest)
                {
                    var (xRes, yRes) = {|IG0003:Smote(xTest, yTest, k: 5)|};
                    var result = {|IG0003:Smote(xTest, yTest, 3)|};
                    Console.WriteLine(xRes.Length + yRes.Length + result.X.Length + result.y.Length);
                }
            }
            """,
            """
            static class Lesson
            {
                static (double[][] X, int[] y) Smote(double[][] X, int[] y, int k) => (X, y);

                public static void Run(double[][] xTest, int[] yTest)
                {
                    var (xRes, yRes) = (xTest, yTest);
                    var result = (X: xTest, y: yTest);
                    Console.WriteLine(xRes.Length + yRes.Length + result.X.Length + result.y.Length);
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_sampler_on_holdout_rows_declared_training()
        => Verify(
            """
            static class Escape
            {
                public static int Run(Dataset data, Sampler sampler)
                {
                    var split = Split.Stratified(data, 0.25, seed: 1);
                    var rows = Enumerable.Range(0, split.Holdout.RowCount).Select(i => split.Holdout.GetRow(i).ToArray()).ToList();
                    var labels = Enumerable.Range(0, split.Holdout.RowCount).Select(split.Holdout.GetClassName).ToList();
                    var asTraining = Split.FromPreSplit(Dataset.FromRows(rows, labels));
                    var resampled = {|IG0003:sampler.Resample(asTraining)|};
                    return resampled.RowCount;
                }
            }
            """,
            """
            static class Escape
            {
                public static int Run(Dataset data, Sampler sampler)
                {
                    var split = Split.Stratified(data, 0.25, seed: 1);
                    var rows = Enumerable.Range(0, split.Holdout.RowCount).Select(i => split.Holdout.GetRow(i).ToArray()).ToList();
                    var labels = Enumerable.Range(0, split.Holdout.RowCount).Select(split.Holdout.GetClassName).ToList();
                    var asTraining = Split.FromPreSplit(Dataset.FromRows(rows, labels));
                    var resampled = asTraining;
                    return resampled.RowCount;
                }
            }
            """);

    /// <summary>Hand-rolled oversampling in place: the statement goes, the rows stay as they were.</summary>
    [Fact]
    public Task In_place_duplication_of_the_test_frauds_is_removed()
        => Verify(
            """
            static class Fraud
            {
                public static int Run(List<Transaction> testRows)
                {
                    var before = testRows.Count;
                    {|IG0003:testRows.AddRange(testRows.Where(r => r.IsFraud))|};
                    return before + testRows.Count;
                }
            }
            """,
            """
            static class Fraud
            {
                public static int Run(List<Transaction> testRows)
                {
                    var before = testRows.Count;
                    return before + testRows.Count;
                }
            }
            """);

    [Fact]
    public Task Fix_all_in_expression_bodies()
        => Verify(
            """
            static class Scoring
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;
                static IDataView Resample(IDataView data) => data;

                public static int Count([EvaluationData] List<Transaction> lastQuarter) => {|IG0003:Oversample(lastQuarter)|}.Count;

                public static IDataView View(IDataView validationData) => {|IG0003:Resample(validationData)|};
            }
            """,
            """
            static class Scoring
            {
                static List<Transaction> Oversample(List<Transaction> rows) => rows;
                static IDataView Resample(IDataView data) => data;

                public static int Count([EvaluationData] List<Transaction> lastQuarter) => lastQuarter.Count;

                public static IDataView View(IDataView validationData) => validationData;
            }
            """);

    /// <summary>A result of another type than the input (a sampling result), or an in-place resampling that is an if's only statement.</summary>
    [Fact]
    public Task Not_offered_where_the_input_cannot_take_the_calls_place()
        => CodeFixVerifier.VerifyNotOfferedAsync<ResampledEvaluationDataAnalyzer, ResampledEvaluationDataCodeFixProvider>(
            """
            static class Escape
            {
                public static void Run(Dataset data, bool more, List<Transaction> testRows)
                {
                    foreach (var fold in new StratifiedKFold(5).Split(data))
                    {
                        var v = fold.Validation;
                        var rows = Enumerable.Range(0, v.RowCount).Select(i => v.GetRow(i).ToArray()).ToList();
                        var labels = Enumerable.Range(0, v.RowCount).Select(v.GetClassName).ToList();
                        var result = {|IG0003:new Smote().FitResample(Split.FromPreSplit(Dataset.FromRows(rows, labels)))|};
                    }

                    if (more)
                        {|IG0003:testRows.AddRange(testRows.Where(r => r.IsFraud))|};
                }
            }
            """,
            ResampledEvaluationDataCodeFixProvider.ResampleNothing);
}
