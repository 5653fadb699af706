using ImbalanceGuard.CodeFixes;

namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0004's code fix: ML.NET's accuracy becomes PR-AUC (binary) or balanced accuracy (multiclass), the label with it.</summary>
public class PlainAccuracyCodeFixTests
{
    private static Task Verify(string source, string fixedSource)
        => CodeFixVerifier.VerifyAsync<PlainAccuracyAnalyzer, PlainAccuracyCodeFixProvider>(source, fixedSource, PlainAccuracyCodeFixProvider.UseImbalanceAwareMetric);

    [Fact]
    public Task Interpolated_binary_accuracy_becomes_PR_AUC_and_its_label_too()
        => Verify(
            """
            static class Report
            {
                public static void Print(BinaryClassificationMetrics metrics)
                {
                    Console.WriteLine($"Accuracy: {{|IG0004:metrics.Accuracy|}:P2}");
                    Console.WriteLine($"F1: {metrics.F1Score:P2}");
                }
            }
            """,
            """
            static class Report
            {
                public static void Print(BinaryClassificationMetrics metrics)
                {
                    Console.WriteLine($"PR-AUC: {metrics.AreaUnderPrecisionRecallCurve:P2}");
                    Console.WriteLine($"F1: {metrics.F1Score:P2}");
                }
            }
            """);

    [Fact]
    public Task Concatenated_calibrated_accuracy_and_its_ToString()
        => Verify(
            """
            static class Report
            {
                public static void Print(CalibratedBinaryClassificationMetrics metrics)
                {
                    Console.WriteLine("Accuracy: " + {|IG0004:metrics.Accuracy|});
                    Console.WriteLine("Test set: " + 100 + " rows, model accuracy " + {|IG0004:metrics.Accuracy|}.ToString("P2"));
                }
            }
            """,
            """
            static class Report
            {
                public static void Print(CalibratedBinaryClassificationMetrics metrics)
                {
                    Console.WriteLine("PR-AUC: " + metrics.AreaUnderPrecisionRecallCurve);
                    Console.WriteLine("Test set: " + 100 + " rows, model PR-AUC " + metrics.AreaUnderPrecisionRecallCurve.ToString("P2"));
                }
            }
            """);

    [Fact]
    public Task Multiclass_micro_accuracy_becomes_macro_accuracy_whatever_the_label_says()
        => Verify(
            """
            static class Report
            {
                public static void Print(MulticlassClassificationMetrics metrics)
                {
                    Console.WriteLine($"Micro accuracy: {{|IG0004:metrics.MicroAccuracy|}:0.###}");
                    Console.WriteLine($"MicroAccuracy = {{|IG0004:metrics.MicroAccuracy|}:0.###}");
                    Console.WriteLine($"Accuracy: {{|IG0004:metrics.MicroAccuracy|}:0.###}, log-loss {metrics.LogLoss:0.###}");
                }
            }
            """,
            """
            static class Report
            {
                public static void Print(MulticlassClassificationMetrics metrics)
                {
                    Console.WriteLine($"Macro accuracy: {metrics.MacroAccuracy:0.###}");
                    Console.WriteLine($"MacroAccuracy = {metrics.MacroAccuracy:0.###}");
                    Console.WriteLine($"Balanced accuracy: {metrics.MacroAccuracy:0.###}, log-loss {metrics.LogLoss:0.###}");
                }
            }
            """);

    [Fact]
    public Task Score_returned_and_models_ranked_by_it()
        => Verify(
            """
            sealed record Candidate(string Name, BinaryClassificationMetrics Metrics);

            static class Experiment
            {
                public static double Score(BinaryClassificationMetrics metrics)
                {
                    return {|IG0004:metrics.Accuracy|};
                }

                public static string Best(List<Candidate> candidates)
                    => candidates.OrderByDescending(c => {|IG0004:c.Metrics.Accuracy|}).First().Name;
            }
            """,
            """
            sealed record Candidate(string Name, BinaryClassificationMetrics Metrics);

            static class Experiment
            {
                public static double Score(BinaryClassificationMetrics metrics)
                {
                    return metrics.AreaUnderPrecisionRecallCurve;
                }

                public static string Best(List<Candidate> candidates)
                    => candidates.OrderByDescending(c => c.Metrics.AreaUnderPrecisionRecallCurve).First().Name;
            }
            """);

    /// <summary>A format string's label changes; a message template's hole named after the metric is renamed with it.</summary>
    [Fact]
    public Task Format_string_and_message_template()
        => Verify(
            """
            static class Report
            {
                public static void Print(BinaryClassificationMetrics metrics, IAppLogger logger)
                {
                    Console.WriteLine("Accuracy: {0:P2}", {|IG0004:metrics.Accuracy|});
                    logger.LogInformation("Model accuracy {Accuracy}", {|IG0004:metrics.Accuracy|});
                }
            }
            """,
            """
            static class Report
            {
                public static void Print(BinaryClassificationMetrics metrics, IAppLogger logger)
                {
                    Console.WriteLine("PR-AUC: {0:P2}", metrics.AreaUnderPrecisionRecallCurve);
                    logger.LogInformation("Model PR-AUC {PrAuc}", metrics.AreaUnderPrecisionRecallCurve);
                }
            }
            """);

    /// <summary>ImbalanceGuard's own accuracy and a computed one have no ML.NET property to switch to: the fix is for ML.NET's metrics.</summary>
    [Fact]
    public Task Not_offered_for_accuracy_that_is_not_an_ML_NET_metric()
        => CodeFixVerifier.VerifyNotOfferedAsync<PlainAccuracyAnalyzer, PlainAccuracyCodeFixProvider>(
            """
            static class Report
            {
                public static void Print(BinaryConfusion confusion, int[] predicted, int[] labels)
                {
                    Console.WriteLine($"accuracy {{|IG0004:confusion.Accuracy|}:P1}, recall {confusion.Recall:P1}");
                    var accuracy = predicted.Zip(labels).Count(p => p.First == p.Second) / (double)labels.Length;
                    Console.WriteLine($"Accuracy = {{|IG0004:accuracy|}:P1}");
                }
            }
            """,
            PlainAccuracyCodeFixProvider.UseImbalanceAwareMetric);
}
