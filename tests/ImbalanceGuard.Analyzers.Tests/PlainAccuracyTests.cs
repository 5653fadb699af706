namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0004: plain accuracy reported.</summary>
public class PlainAccuracyTests
{
    private static Task Verify(string source, string? editorConfig = null, bool topLevel = false)
        => Verifier.VerifyAsync<PlainAccuracyAnalyzer>(source, editorConfig, topLevel);

    /// <summary>
    /// The shape of ML.NET AutoML's metric enums and experiment settings (the package is not on this mirror): the
    /// analyzer knows them by namespace and name.
    /// </summary>
    private const string AutoML = """
        namespace Microsoft.ML.AutoML
        {
            public enum BinaryClassificationMetric { Accuracy, AreaUnderRocCurve, AreaUnderPrecisionRecallCurve, F1Score, PositivePrecision, PositiveRecall, NegativePrecision, NegativeRecall }

            public enum MulticlassClassificationMetric { MicroAccuracy, MacroAccuracy, LogLoss, LogLossReduction, TopKAccuracy }

            public sealed class AutoMLExperiment
            {
                public AutoMLExperiment SetBinaryClassificationMetric(BinaryClassificationMetric metric, string labelColumn = "label", string predictedColumn = "PredictedLabel") => this;

                public AutoMLExperiment SetMulticlassClassificationMetric(MulticlassClassificationMetric metric, string labelColumn = "label", string predictedColumn = "PredictedLabel") => this;
            }

            public sealed class BinaryExperimentSettings
            {
                public BinaryClassificationMetric OptimizingMetric { get; set; }
                public uint MaxExperimentTimeInSeconds { get; set; }
            }

            public sealed class MulticlassExperimentSettings
            {
                public MulticlassClassificationMetric OptimizingMetric { get; set; }
            }
        }

        """;

    /// <summary>The assertion APIs of xunit, NUnit and FluentAssertions, same-shaped (no test framework is referenced).</summary>
    private const string TestFrameworks = """
        namespace Xunit
        {
            public static class Assert
            {
                public static void True(bool condition, string? userMessage = null) { }
                public static void InRange(double actual, double low, double high) { }
            }
        }

        namespace Xunit.Abstractions
        {
            public interface ITestOutputHelper
            {
                void WriteLine(string message);
            }
        }

        namespace NUnit.Framework
        {
            public static class Assert
            {
                public static void IsTrue(bool condition) { }
                public static void AreEqual(double expected, double actual, double delta) { }
            }
        }

        namespace FluentAssertions
        {
            public sealed class NumericAssertions
            {
                public NumericAssertions BeGreaterThan(double expected) => this;
            }

            public sealed class BooleanAssertions
            {
                public BooleanAssertions BeTrue() => this;
            }

            public static class AssertionExtensions
            {
                public static NumericAssertions Should(this double actual) => new();
                public static BooleanAssertions Should(this bool actual) => new();
            }
        }

        """;

    // ------------------------------------------------------------------ flagged

    [Fact]
    public Task MLNet_accuracy_interpolated_into_console_output()
        => Verify("""
            static class Report
            {
                public static void Print(BinaryClassificationMetrics metrics)
                {
                    Console.WriteLine($"Accuracy: {{|IG0004:metrics.Accuracy|}:P2}");
                    Console.WriteLine($"PR-AUC:   {metrics.AreaUnderPrecisionRecallCurve:P2}");
                }
            }
            """);

    [Fact]
    public Task MLNet_accuracy_concatenated()
        => Verify("""
            static class Report
            {
                public static void Print(CalibratedBinaryClassificationMetrics metrics)
                    => Console.WriteLine("Accuracy: " + {|IG0004:metrics.Accuracy|});
            }
            """);

    /// <summary>
    /// ML.NET's <c>MicroAccuracy</c> is plain accuracy; its <c>MacroAccuracy</c> is the mean of per-class recalls,
    /// i.e. balanced accuracy, which is what the rule recommends: not flagged, nor are values named after it (the
    /// cross-validated average of the dotnet/machinelearning-samples console helpers).
    /// </summary>
    [Fact]
    public Task MLNet_multiclass_micro_accuracy_is_flagged_and_macro_accuracy_is_not()
        => Verify("""
            static class Report
            {
                public static void Print(MulticlassClassificationMetrics metrics, IEnumerable<MulticlassClassificationMetrics> folds)
                {
                    Console.WriteLine($"Micro: {{|IG0004:metrics.MicroAccuracy|}:0.###}");
                    Console.WriteLine($"Macro: {metrics.MacroAccuracy:0.###}");
                    Console.WriteLine($" AccuracyMacro = {metrics.MacroAccuracy:0.####}, a value between 0 and 1");
                    var macroAccuracyAverage = folds.Average(m => m.MacroAccuracy);
                    var macroAccuracy = metrics.MacroAccuracy;
                    Console.WriteLine($"* Average MacroAccuracy: {macroAccuracyAverage:0.###}, last {macroAccuracy:0.###}");
                    var best = folds.OrderByDescending(m => m.MacroAccuracy).First();
                }
            }
            """);

    [Fact]
    public Task MLNet_accuracy_returned_as_the_score()
        => Verify("""
            static class Experiment
            {
                public static double Evaluate(MLContext ml, ITransformer model, IDataView test)
                {
                    var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
                    return {|IG0004:metrics.Accuracy|};
                }
            }
            """);

    [Fact]
    public Task MLNet_cross_validation_accuracies_averaged_and_printed()
        => Verify("""
            static class Report
            {
                public static void Print(IReadOnlyList<TrainCatalogBase.CrossValidationResult<CalibratedBinaryClassificationMetrics>> results)
                {
                    var accuracies = results.Select(r => r.Metrics.Accuracy);
                    Console.WriteLine($"Average accuracy: {{|IG0004:accuracies.Average()|}:0.###}");
                }
            }
            """);

    [Fact]
    public Task MLNet_models_ranked_by_accuracy()
        => Verify("""
            static class Selection
            {
                public static ITransformer Best(List<(ITransformer Model, BinaryClassificationMetrics Metrics)> candidates)
                    => candidates.OrderByDescending(c => {|IG0004:c.Metrics.Accuracy|}).First().Model;
            }
            """);

    [Fact]
    public Task Model_kept_when_its_accuracy_beats_the_best_so_far()
        => Verify("""
            static class Selection
            {
                public static ITransformer? Best(MLContext ml, IDataView test, List<ITransformer> models)
                {
                    ITransformer? best = null;
                    double bestScore = 0;
                    foreach (var model in models)
                    {
                        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
                        if ({|IG0004:metrics.Accuracy|} > bestScore)
                        {
                            bestScore = metrics.Accuracy;
                            best = model;
                        }
                    }

                    return best;
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_confusion_accuracy_printed()
        => Verify("""
            static class Report
            {
                public static void Print(BinaryScores scores, double threshold)
                {
                    var confusion = BinaryConfusion.At(scores, threshold);
                    Console.WriteLine($"accuracy {{|IG0004:confusion.Accuracy|}:P1}, recall {confusion.Recall:P1}");
                }
            }
            """);

    [Fact]
    public Task Hand_computed_correct_over_total_named_accuracy()
        => Verify("""
            static class Lesson
            {
                public static void Run(int[] labels, int[] predictions)
                {
                    var correct = labels.Zip(predictions, (a, b) => a == b ? 1 : 0).Sum();
                    var accuracy = (double)correct / labels.Length;
                    Console.WriteLine($"Accuracy = {{|IG0004:accuracy|}:P1}");
                }
            }
            """);

    [Fact]
    public Task Hand_written_accuracy_method_printed()
        => Verify("""
            static class Lesson
            {
                static double ComputeAccuracy(int[] y, int[] p) => y.Where((v, i) => v == p[i]).Count() / (double)y.Length;

                public static void Run(int[] y, int[] p) => Console.WriteLine({|IG0004:ComputeAccuracy(y, p)|});
            }
            """);

    /// <summary>
    /// A root finder's tolerance is called accuracy (Math.NET Numerics' <c>Brent.TryFindRoot</c> has this shape):
    /// compared with a step, it is no classifier's accuracy. Only code that evaluates a classifier (predictions,
    /// labels, metrics, training, folds, or a correct / total ratio) makes a value named accuracy one.
    /// </summary>
    [Fact]
    public Task A_root_finders_tolerance_named_accuracy_is_not_flagged()
        => Verify("""
            static class Brent
            {
                public static bool TryFindRoot(Func<double, double> f, double lowerBound, double upperBound, double accuracy, int maxIterations, out double root)
                {
                    root = lowerBound;
                    for (var i = 0; i < maxIterations; i++)
                    {
                        var step = (upperBound - lowerBound) / 2;
                        root = lowerBound + step;
                        if (Math.Abs(step) < accuracy)
                        {
                            return true;
                        }

                        if (f(root) > 0) { upperBound = root; } else { lowerBound = root; }
                    }

                    Console.WriteLine($"No root within {accuracy:E1} after {maxIterations} iterations");
                    return false;
                }
            }
            """);

    /// <summary>A GPS fix's accuracy in metres, printed and compared, is not a classifier's accuracy.</summary>
    [Fact]
    public Task A_gps_fixs_accuracy_in_metres_is_not_flagged()
        => Verify("""
            sealed class Fix
            {
                public double Latitude { get; init; }
                public double Longitude { get; init; }
                public double Accuracy { get; init; }
            }

            static class Tracker
            {
                public static void Show(Fix fix, Fix previous)
                {
                    Console.WriteLine($"Position {fix.Latitude:F5}, {fix.Longitude:F5} (accuracy {fix.Accuracy:F0} m)");
                    if (fix.Accuracy > previous.Accuracy)
                    {
                        Console.WriteLine("The signal got weaker");
                    }
                }
            }
            """);

    /// <summary>A value named accuracy where the code evaluates a classifier is still flagged.</summary>
    [Fact]
    public Task An_accuracy_computed_from_predictions_and_labels_is_flagged()
        => Verify("""
            static class Evaluation
            {
                public static void Report(int[] labels, int[] predictions)
                {
                    var correct = 0;
                    for (var i = 0; i < labels.Length; i++)
                    {
                        if (labels[i] == predictions[i])
                        {
                            correct++;
                        }
                    }

                    double accuracy = correct / (double)labels.Length;
                    Console.WriteLine($"accuracy {{|IG0004:accuracy|}:P1}");
                }
            }
            """);

    [Fact]
    public Task Accuracy_logged()
        => Verify("""
            static class Report
            {
                public static void Log(IAppLogger logger, BinaryClassificationMetrics metrics)
                    => logger.LogInformation("Model accuracy {Accuracy}", {|IG0004:metrics.Accuracy|});
            }
            """);

    [Fact]
    public Task Accuracy_copied_into_a_local_then_printed()
        => Verify("""
            static class Report
            {
                public static void Print(BinaryClassificationMetrics metrics)
                {
                    var headline = metrics.Accuracy;
                    Console.WriteLine({|IG0004:headline|});
                }
            }
            """);

    [Fact]
    public Task Accuracy_formatted_with_ToString()
        => Verify("""
            static class Report
            {
                public static string Label(BinaryClassificationMetrics metrics) => "acc " + {|IG0004:metrics.Accuracy|}.ToString("P2");
            }
            """);

    [Fact]
    public Task Rounded_accuracy_is_flagged_as_a_whole()
        => Verify("""
            static class Report
            {
                public static void Print(BinaryClassificationMetrics metrics)
                    => Console.WriteLine($"{{|IG0004:Math.Round(metrics.Accuracy * 100, 1)|}} %");
            }
            """);

    [Fact]
    public Task Accuracy_in_string_Format()
        => Verify("""
            static class Report
            {
                public static string Line(BinaryClassificationMetrics metrics) => string.Format("{0:P2}", {|IG0004:metrics.Accuracy|});
            }
            """);

    [Fact]
    public Task Best_accuracy_with_Math_Max()
        => Verify("""
            static class Selection
            {
                public static double Best(IEnumerable<BinaryClassificationMetrics> all)
                {
                    var best = 0.0;
                    foreach (var metrics in all)
                    {
                        best = Math.Max(best, {|IG0004:metrics.Accuracy|});
                    }

                    Console.WriteLine(best);
                    return best;
                }
            }
            """);

    [Fact]
    public Task Top_level_program_printing_accuracy()
        => Verify(
            """
            var ml = new MLContext();
            var data = ml.Data.LoadFromEnumerable(new List<Transaction>());
            var metrics = ml.BinaryClassification.EvaluateNonCalibrated(data);
            Console.WriteLine($"Accuracy: {{|IG0004:metrics.Accuracy|}:P2}");
            """,
            topLevel: true);

    // ------------------------------------------------------------------ flagged: switch arms, AutoML, short names

    [Fact]
    public Task Accuracy_returned_from_a_switch_expression_arm()
        => Verify("""
            static class Experiment
            {
                public static double Score(string metric, BinaryClassificationMetrics m) => metric switch
                {
                    "accuracy" => {|IG0004:m.Accuracy|},
                    "auc" => m.AreaUnderRocCurve,
                    _ => m.F1Score,
                };
            }
            """);

    [Fact]
    public Task Accuracy_from_a_switch_expression_arm_ranks_models()
        => Verify("""
            enum Metric { Accuracy, PrAuc }

            static class Selection
            {
                public static ITransformer Best(Metric metric, List<(ITransformer Model, BinaryClassificationMetrics Metrics)> runs)
                    => runs.OrderByDescending(r => metric switch
                    {
                        Metric.Accuracy => {|IG0004:r.Metrics.Accuracy|},
                        _ => r.Metrics.AreaUnderPrecisionRecallCurve,
                    }).First().Model;
            }
            """);

    [Fact]
    public Task Accuracy_from_a_switch_expression_held_in_a_local_and_printed()
        => Verify("""
            static class Report
            {
                public static void Print(string name, MulticlassClassificationMetrics m)
                {
                    var value = name switch
                    {
                        "micro" => m.MicroAccuracy,
                        _ => m.LogLoss,
                    };
                    Console.WriteLine($"{name}: {{|IG0004:value|}:0.###}");
                }
            }
            """);

    [Fact]
    public Task AutoML_experiment_set_to_optimise_binary_accuracy()
        => Verify(AutoML + """
            static class Search
            {
                public static Microsoft.ML.AutoML.AutoMLExperiment Configure(Microsoft.ML.AutoML.AutoMLExperiment experiment)
                    => experiment.SetBinaryClassificationMetric({|IG0004:Microsoft.ML.AutoML.BinaryClassificationMetric.Accuracy|}, labelColumn: "Label");
            }
            """);

    [Fact]
    public Task AutoML_experiment_set_to_optimise_micro_accuracy()
        => Verify(AutoML + """
            static class Search
            {
                public static Microsoft.ML.AutoML.AutoMLExperiment Configure(Microsoft.ML.AutoML.AutoMLExperiment experiment)
                    => experiment.SetMulticlassClassificationMetric({|IG0004:Microsoft.ML.AutoML.MulticlassClassificationMetric.MicroAccuracy|}, "Label");
            }
            """);

    /// <summary>The settings objects of the older AutoML API (the shape of machinelearning-samples' AutoML samples).</summary>
    [Fact]
    public Task AutoML_experiment_settings_optimising_accuracy()
        => Verify(AutoML + """
            static class Search
            {
                public static Microsoft.ML.AutoML.BinaryExperimentSettings Binary()
                    => new() { MaxExperimentTimeInSeconds = 60, OptimizingMetric = {|IG0004:Microsoft.ML.AutoML.BinaryClassificationMetric.Accuracy|} };

                public static Microsoft.ML.AutoML.MulticlassExperimentSettings Multiclass()
                {
                    var settings = new Microsoft.ML.AutoML.MulticlassExperimentSettings();
                    settings.OptimizingMetric = {|IG0004:Microsoft.ML.AutoML.MulticlassClassificationMetric.MicroAccuracy|};
                    return settings;
                }
            }
            """);

    [Fact]
    public Task Short_name_for_a_counted_accuracy_printed()
        => Verify("""
            static class Lesson
            {
                public static void Run(int[] labels, int[] predictions)
                {
                    var correct = 0;
                    for (var i = 0; i < labels.Length; i++)
                    {
                        if (predictions[i] == labels[i]) correct++;
                    }

                    var acc = correct / (double)labels.Length;
                    Console.WriteLine($"acc={{|IG0004:acc|}:F3}");
                }
            }
            """);

    /// <summary>Out-of-fold accuracy as a mean of matches, the way a stacking notebook ported to C# writes it.</summary>
    [Fact]
    public Task Out_of_fold_accuracy_as_a_mean_of_matches_printed()
        => Verify("""
            static class Stacking
            {
                public static void Report(int[] oofPredictions, int[] y)
                {
                    double oofAcc = oofPredictions.Zip(y, (p, t) => p == t ? 1.0 : 0.0).Average();
                    Console.WriteLine("OOF accuracy: " + {|IG0004:oofAcc|});
                }
            }
            """);

    [Fact]
    public Task Validation_accuracy_in_a_short_name_keeps_the_best_epoch()
        => Verify("""
            static class Training
            {
                public static int BestEpoch(IReadOnlyList<int[]> predictionsPerEpoch, int[] labels)
                {
                    var best = -1;
                    var bestValAcc = 0.0;
                    for (var epoch = 0; epoch < predictionsPerEpoch.Count; epoch++)
                    {
                        var p = predictionsPerEpoch[epoch];
                        var hits = p.Where((v, i) => v == labels[i]).Count();
                        var valAcc = (float)hits / labels.Length;
                        if ({|IG0004:valAcc|} > bestValAcc)
                        {
                            bestValAcc = valAcc;
                            best = epoch;
                        }
                    }

                    return best;
                }
            }
            """);

    // ------------------------------------------------------------------ flagged: tests that report, AutoML's metric chosen by default

    /// <summary>Printing accuracy from a test is a report like any other; only the assertion is a test's oracle.</summary>
    [Fact]
    public Task Accuracy_printed_by_a_test_beside_its_assertion()
        => Verify(TestFrameworks + """
            namespace App.Tests
            {
                public sealed class FraudModelTests
                {
                    private readonly Xunit.Abstractions.ITestOutputHelper _output;

                    public FraudModelTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

                    public void Learns(BinaryClassificationMetrics metrics)
                    {
                        _output.WriteLine($"acc {{|IG0004:metrics.Accuracy|}}");
                        Xunit.Assert.True(metrics.Accuracy > 0.9);
                    }
                }
            }
            """);

    /// <summary>
    /// machinelearning-samples AutoMLTrialRunner (Program.cs, TCRunner.cs): the experiment set to optimise micro
    /// accuracy is the choice; the dispatcher that maps the chosen metric to its value is not.
    /// </summary>
    [Fact]
    public Task AutoML_metric_chosen_by_the_caller_of_a_metric_dispatcher()
        => Verify(AutoML + """
            namespace App
            {
                using Microsoft.ML.AutoML;

                public static class Program
                {
                    public static void Configure(AutoMLExperiment experiment)
                        => experiment.SetMulticlassClassificationMetric({|IG0004:MulticlassClassificationMetric.MicroAccuracy|}, "Label");
                }

                public sealed class TCRunner
                {
                    private readonly MulticlassClassificationMetric _metric;

                    public TCRunner(MulticlassClassificationMetric metric) => _metric = metric;

                    public double GetMetric(MulticlassClassificationMetrics metric) => _metric switch
                    {
                        MulticlassClassificationMetric.MacroAccuracy => metric.MacroAccuracy,
                        MulticlassClassificationMetric.MicroAccuracy => metric.MicroAccuracy,
                        MulticlassClassificationMetric.LogLoss => metric.LogLoss,
                        MulticlassClassificationMetric.LogLossReduction => metric.LogLossReduction,
                        MulticlassClassificationMetric.TopKAccuracy => metric.TopKAccuracy,
                        _ => throw new NotImplementedException(),
                    };
                }
            }
            """);

    // ------------------------------------------------------------------ not flagged

    [Fact]
    public Task MLNet_imbalance_aware_metrics()
        => Verify("""
            static class Report
            {
                public static void Print(CalibratedBinaryClassificationMetrics metrics)
                {
                    Console.WriteLine($"PR-AUC: {metrics.AreaUnderPrecisionRecallCurve:P2}");
                    Console.WriteLine($"F1:     {metrics.F1Score:P2}");
                    Console.WriteLine($"Recall: {metrics.PositiveRecall:P2}");
                    Console.WriteLine($"LogLoss: {metrics.LogLoss:0.000}");
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_balanced_accuracy()
        => Verify("""
            static class Report
            {
                public static void Print(BinaryConfusion confusion)
                    => Console.WriteLine($"balanced accuracy {confusion.BalancedAccuracy:P1}, MCC {confusion.MatthewsCorrelation:0.000}");
            }
            """);

    [Fact]
    public Task Accuracy_beside_the_majority_baseline()
        => Verify("""
            static class Report
            {
                public static void Print(BinaryConfusion confusion)
                    => Console.WriteLine($"accuracy {confusion.Accuracy:P1} (majority-class baseline {confusion.MajorityBaselineAccuracy:P1})");
            }
            """);

    [Fact]
    public Task Accuracy_beside_a_baseline_local()
        => Verify("""
            static class Report
            {
                public static void Print(BinaryClassificationMetrics metrics, int positives, int total)
                {
                    var baseline = 1 - positives / (double)total;
                    Console.WriteLine($"accuracy {metrics.Accuracy:P1} vs always-negative baseline {baseline:P1}");
                }
            }
            """);

    [Fact]
    public Task MLNet_top_k_accuracy()
        => Verify("""
            static class Report
            {
                public static void Print(MulticlassClassificationMetrics metrics)
                    => Console.WriteLine($"top-k: {metrics.TopKAccuracy:P1}, log-loss reduction {metrics.LogLossReduction:0.00}");
            }
            """);

    [Fact]
    public Task Balanced_accuracy_local()
        => Verify("""
            static class Lesson
            {
                public static void Run(double recall, double specificity)
                {
                    var balancedAccuracy = (recall + specificity) / 2;
                    Console.WriteLine($"balanced accuracy {balancedAccuracy:P1}");
                }
            }
            """);

    [Fact]
    public Task Accuracy_stored_in_a_result_object_is_not_reported_yet()
        => Verify("""
            sealed class RunResult
            {
                public double Recall { get; init; }
                public double Accuracy { get; init; }
            }

            static class Experiment
            {
                public static RunResult Record(BinaryClassificationMetrics metrics)
                    => new RunResult { Recall = metrics.PositiveRecall, Accuracy = metrics.Accuracy };
            }
            """);

    [Fact]
    public Task A_constant_accuracy_target_is_not_a_measurement()
        => Verify("""
            static class Config
            {
                const double RequiredAccuracy = 0.99;

                public static void Print() => Console.WriteLine($"required: {RequiredAccuracy}");
            }
            """);

    [Fact]
    public Task The_definition_of_an_accuracy_member_is_not_a_report()
        => Verify("""
            sealed class Summary
            {
                private readonly BinaryClassificationMetrics _metrics;

                public Summary(BinaryClassificationMetrics metrics) => _metrics = metrics;

                public double Accuracy => _metrics.Accuracy;

                public static double ComputeAccuracy(int correct, int total) => correct / (double)total;
            }
            """);

    [Fact]
    public Task The_word_accuracy_in_text_is_not_a_value()
        => Verify("""
            static class Report
            {
                public static void Print(BinaryClassificationMetrics metrics)
                {
                    Console.WriteLine("accuracy is misleading on imbalanced data; PR-AUC follows");
                    Console.WriteLine(metrics.AreaUnderPrecisionRecallCurve);
                }
            }
            """);

    [Fact]
    public Task Accuracy_selected_into_a_list_without_being_reported()
        => Verify("""
            static class Experiment
            {
                public static List<double> Collect(IEnumerable<BinaryClassificationMetrics> all)
                    => all.Select(m => m.Accuracy).ToList();
            }
            """);

    [Fact]
    public Task Integer_named_accuracy_is_not_a_ratio()
        => Verify("""
            static class Gps
            {
                public static void Print(int horizontalAccuracy) => Console.WriteLine($"within {horizontalAccuracy} m");
            }
            """);

    [Fact]
    public Task Lambda_accumulator_is_not_accuracy()
        => Verify("""
            static class Lesson
            {
                public static double Total(double[] values) => values.Aggregate(0.0, (acc, v) => acc + v);
            }
            """);

    // ------------------------------------------------------------------ not flagged: switch arms, AutoML, short names

    [Fact]
    public Task Macro_accuracy_from_a_switch_expression_arm()
        => Verify("""
            static class Experiment
            {
                public static double Score(string metric, MulticlassClassificationMetrics m) => metric switch
                {
                    "macro" => m.MacroAccuracy,
                    _ => m.LogLoss,
                };
            }
            """);

    [Fact]
    public Task AutoML_optimising_an_imbalance_aware_metric()
        => Verify(AutoML + """
            static class Search
            {
                public static void Configure(Microsoft.ML.AutoML.AutoMLExperiment experiment, Microsoft.ML.AutoML.MulticlassExperimentSettings settings)
                {
                    experiment.SetBinaryClassificationMetric(Microsoft.ML.AutoML.BinaryClassificationMetric.AreaUnderPrecisionRecallCurve, "Label");
                    experiment.SetMulticlassClassificationMetric(Microsoft.ML.AutoML.MulticlassClassificationMetric.MacroAccuracy, "Label");
                    settings.OptimizingMetric = Microsoft.ML.AutoML.MulticlassClassificationMetric.MacroAccuracy;
                }
            }
            """);

    [Fact]
    public Task AutoML_metric_compared_is_not_a_choice()
        => Verify(AutoML + """
            static class Search
            {
                public static string Describe(Microsoft.ML.AutoML.BinaryExperimentSettings settings)
                    => settings.OptimizingMetric == Microsoft.ML.AutoML.BinaryClassificationMetric.Accuracy ? "accuracy (misleading)" : "other";
            }
            """);

    /// <summary>A user's own enum of the same name outside AutoML's namespace is not AutoML's.</summary>
    [Fact]
    public Task A_metric_enum_of_the_same_name_elsewhere()
        => Verify("""
            enum BinaryClassificationMetric { Accuracy, F1 }

            static class Dashboard
            {
                static void Select(BinaryClassificationMetric metric) { }

                public static void Run() => Select(BinaryClassificationMetric.Accuracy);
            }
            """);

    /// <summary><c>acc</c> is also an accumulator: a running sum printed is no accuracy.</summary>
    [Fact]
    public Task Accumulator_named_acc_printed()
        => Verify("""
            static class Stats
            {
                public static void Print(double[] values, int[] labels, int[] predictions)
                {
                    double acc = 0;
                    foreach (var v in values)
                    {
                        acc += v;
                    }

                    Console.WriteLine($"sum {acc}, mean {acc / values.Length}");
                    var ema = 0.0;
                    var acc2 = values.Aggregate(0.0, (a, v) => a * 0.9 + v);
                    Console.WriteLine(acc2 + ema);
                }
            }
            """);

    /// <summary>An acceleration (force / mass) is a division, but no count of matches over a total.</summary>
    [Fact]
    public Task Acceleration_named_acc_printed()
        => Verify("""
            static class Physics
            {
                public static void Step(double force, double mass, double predictedSpeed)
                {
                    var acc = force / mass;
                    Console.WriteLine($"a = {acc:F2} m/s², predicted speed {predictedSpeed:F1}");
                }
            }
            """);

    // ------------------------------------------------------------------ not flagged: assertions of tests, metric dispatchers

    /// <summary>Accord QuasiNewtonLearningTest: a unit test asserting that the learner still learns a toy task.</summary>
    [Fact]
    public Task Accuracy_asserted_by_an_NUnit_test()
        => Verify(TestFrameworks + """
            namespace Accord.Tests
            {
                public sealed class GeneralConfusionMatrix
                {
                    public GeneralConfusionMatrix(int[] predicted, int[] expected) { }

                    public double Accuracy { get; }
                }

                public sealed class QuasiNewtonLearningTest
                {
                    public void sequence_classifier_learns(int[] prediction, int[] output)
                    {
                        var cm = new GeneralConfusionMatrix(predicted: prediction, expected: output);
                        double acc = cm.Accuracy;

                        NUnit.Framework.Assert.IsTrue(acc > 0.7);
                        NUnit.Framework.Assert.IsTrue(cm.Accuracy > 0.90);
                        NUnit.Framework.Assert.AreEqual(0.95, cm.Accuracy, 1e-6);
                    }
                }
            }
            """);

    /// <summary>
    /// The same Accord test where NUnit is not referenced (tools/real-world compiles projects whose packages are
    /// missing): the assertion does not bind, and is read by its syntax.
    /// </summary>
    [Fact]
    public Task Accuracy_asserted_by_a_test_framework_that_does_not_bind()
        => Verifier.VerifyAsync<PlainAccuracyAnalyzer>("""
            namespace Accord.Tests
            {
                public sealed class GeneralConfusionMatrix
                {
                    public GeneralConfusionMatrix(int[] predicted, int[] expected) { }

                    public double Accuracy { get; }
                }

                public sealed class QuasiNewtonLearningTest
                {
                    public void sequence_classifier_learns(int[] prediction, int[] output)
                    {
                        var cm = new GeneralConfusionMatrix(predicted: prediction, expected: output);
                        double acc = cm.Accuracy;

                        Assert.IsTrue(acc > 0.7);
                        ClassicAssert.Greater(cm.Accuracy, 0.9);
                        cm.Accuracy.Should().BeGreaterThan(0.9);
                        Console.WriteLine($"training accuracy {{|IG0004:acc|}:P2}");
                    }
                }
            }
            """, allowCompilerErrors: true);

    /// <summary>
    /// The machinelearning-samples' TCRunner where the AutoML package does not bind: an arm keyed by the metric of
    /// the same name is still a dispatch; an arm whose key names another thing still reports.
    /// </summary>
    [Fact]
    public Task Metric_dispatcher_of_an_AutoML_package_that_does_not_bind()
        => Verifier.VerifyAsync<PlainAccuracyAnalyzer>("""
            namespace App
            {
                public sealed class TrialRunner
                {
                    private readonly MulticlassClassificationMetric _metric;
                    private readonly string _name = "best";

                    public double GetMetric(MulticlassClassificationMetrics metric) => _metric switch
                    {
                        MulticlassClassificationMetric.MicroAccuracy => metric.MicroAccuracy,
                        MulticlassClassificationMetric.LogLoss => metric.LogLoss,
                        _ => throw new NotImplementedException(),
                    };

                    public double Score(MulticlassClassificationMetrics metric) => _name switch
                    {
                        "best" => {|IG0004:metric.MicroAccuracy|},
                        _ => metric.LogLoss,
                    };
                }
            }
            """, allowCompilerErrors: true);

    /// <summary>xunit assertions on ML.NET metrics, the failure message included.</summary>
    [Fact]
    public Task Accuracy_asserted_by_an_xunit_test()
        => Verify(TestFrameworks + """
            namespace App.Tests
            {
                public sealed class TrainerTests
                {
                    public void Learns(BinaryClassificationMetrics metrics, MulticlassClassificationMetrics multiclass)
                    {
                        Xunit.Assert.True(metrics.Accuracy > 0.9);
                        Xunit.Assert.True(multiclass.MicroAccuracy >= 0.8, $"micro accuracy was {multiclass.MicroAccuracy}");
                        Xunit.Assert.InRange(metrics.Accuracy, 0.8, 1.0);
                    }
                }
            }
            """);

    /// <summary>FluentAssertions' <c>Should()</c> on the value and on the comparison.</summary>
    [Fact]
    public Task Accuracy_asserted_with_FluentAssertions()
        => Verify(TestFrameworks + """
            namespace App.Tests
            {
                using FluentAssertions;

                public sealed class TrainerTests
                {
                    public void Learns(BinaryClassificationMetrics metrics)
                    {
                        metrics.Accuracy.Should().BeGreaterThan(0.9);
                        (metrics.Accuracy > 0.9).Should().BeTrue();
                    }
                }
            }
            """);

    /// <summary>Runtime assertions of the program's own invariants.</summary>
    [Fact]
    public Task Accuracy_in_Debug_and_Trace_assertions()
        => Verify("""
            static class Training
            {
                public static void Check(BinaryClassificationMetrics metrics)
                {
                    System.Diagnostics.Debug.Assert(metrics.Accuracy > 0.5, "worse than chance");
                    System.Diagnostics.Trace.Assert(metrics.Accuracy <= 1.0);
                }
            }
            """);

    /// <summary>machinelearning-samples TCRunner.GetMetric alone: maps the AutoML metric the caller chose to its value.</summary>
    [Fact]
    public Task AutoML_metric_dispatcher_returned_to_the_caller()
        => Verify(AutoML + """
            namespace App
            {
                using Microsoft.ML.AutoML;

                public sealed class TrialRunner
                {
                    private readonly BinaryClassificationMetric _binary;
                    private readonly MulticlassClassificationMetric _metric;

                    public TrialRunner(BinaryClassificationMetric binary, MulticlassClassificationMetric metric) => (_binary, _metric) = (binary, metric);

                    public double GetMetric(MulticlassClassificationMetrics metric) => _metric switch
                    {
                        MulticlassClassificationMetric.MicroAccuracy => metric.MicroAccuracy,
                        MulticlassClassificationMetric.LogLoss => metric.LogLoss,
                        _ => throw new NotImplementedException(),
                    };

                    public double GetBinaryMetric(BinaryClassificationMetrics metric)
                    {
                        return _binary switch
                        {
                            BinaryClassificationMetric.Accuracy => metric.Accuracy,
                            BinaryClassificationMetric.AreaUnderPrecisionRecallCurve => metric.AreaUnderPrecisionRecallCurve,
                            _ => metric.F1Score,
                        };
                    }
                }
            }
            """);
}
