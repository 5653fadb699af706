namespace ImbalanceGuard.Analyzers.Tests;

/// <summary>IG0005: a hard-coded 0.5 decision threshold.</summary>
public class HardCodedThresholdTests
{
    private static Task Verify(string source, string? editorConfig = null, bool topLevel = false)
        => Verifier.VerifyAsync<HardCodedThresholdAnalyzer>(source, editorConfig, topLevel);

    // ------------------------------------------------------------------ flagged

    [Fact]
    public Task MLNet_probability_compared_with_half()
        => Verify("""
            static class Scoring
            {
                public static bool IsFraud(PredictionEngine<Transaction, FraudPrediction> engine, Transaction t)
                    => engine.Predict(t).Probability > {|IG0005:0.5f|};
            }
            """);

    [Fact]
    public Task MLNet_raw_score_compared_with_half()
        => Verify("""
            static class Scoring
            {
                public static int Flag(FraudPrediction prediction) => prediction.Score >= {|IG0005:0.5|} ? 1 : 0;
            }
            """);

    [Fact]
    public Task MLNet_ChangeModelThreshold_to_half()
        => Verify("""
            static class Scoring
            {
                public static ITransformer Adjust(MLContext ml, BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>> model)
                    => {|IG0005:ml.BinaryClassification.ChangeModelThreshold(model, 0.5f)|};
            }
            """);

    [Fact]
    public Task ImbalanceGuard_confusion_at_half()
        => Verify("""
            static class Report
            {
                public static double Recall(BinaryScores scores) => BinaryConfusion.At(scores, {|IG0005:0.5|}).Recall;
            }
            """);

    [Fact]
    public Task Constant_equal_to_half()
        => Verify("""
            static class Scoring
            {
                private const float Threshold = 0.5f;

                public static bool IsFraud(FraudPrediction p) => p.Probability >= {|IG0005:Threshold|};
            }
            """);

    [Fact]
    public Task Static_readonly_field_equal_to_half()
        => Verify("""
            static class Scoring
            {
                private static readonly double Cut = 0.5;

                public static bool IsFraud(double probability) => probability > {|IG0005:Cut|};
            }
            """);

    [Fact]
    public Task Local_that_is_only_ever_half()
        => Verify("""
            static class Scoring
            {
                public static int Count(IEnumerable<FraudPrediction> predictions)
                {
                    var cut = 0.5f;
                    return predictions.Count(p => p.Probability > {|IG0005:cut|});
                }
            }
            """);

    [Fact]
    public Task ImbalanceGuard_probability_vector_compared_with_half()
        => Verify("""
            static class Scoring
            {
                public static bool IsPositive(ImbalanceGuard.Models.IProbabilisticClassifier model, double[] row)
                {
                    var probabilities = new double[model.ClassCount];
                    model.PredictProbabilities(row, probabilities);
                    return probabilities[1] > {|IG0005:0.5|};
                }
            }
            """);

    [Fact]
    public Task Hand_written_probability_method()
        => Verify("""
            static class Model
            {
                static double PredictProbability(double[] x) => 1 / (1 + Math.Exp(-x.Sum()));

                public static bool Classify(double[] x) => PredictProbability(x) >= {|IG0005:0.5|};
            }
            """);

    [Fact]
    public Task Annotated_score_property()
        => Verify("""
            sealed class Alert
            {
                [ClassifierScore]
                public double Risk { get; set; }
            }

            static class Scoring
            {
                public static bool Raise(Alert alert) => alert.Risk > {|IG0005:0.5|};
            }
            """);

    [Fact]
    public Task MLNet_column_named_probability()
        => Verify("""
            sealed class Output
            {
                [ColumnName("Probability")]
                public float Fraud { get; set; }
            }

            static class Scoring
            {
                public static bool Raise(Output o) => o.Fraud > {|IG0005:0.5f|};
            }
            """);

    [Fact]
    public Task Relational_pattern_with_half()
        => Verify("""
            static class Scoring
            {
                public static bool Raise(FraudPrediction p) => p.Probability is > {|IG0005:0.5f|};
            }
            """);

    [Fact]
    public Task Switch_expression_arm_with_half()
        => Verify("""
            static class Scoring
            {
                public static string Label(FraudPrediction p) => p.Probability switch
                {
                    >= {|IG0005:0.5f|} => "fraud",
                    _ => "legit",
                };
            }
            """);

    [Fact]
    public Task Half_on_the_left()
        => Verify("""
            static class Scoring
            {
                public static bool Raise(double prob) => {|IG0005:0.5|} < prob;
            }
            """);

    [Fact]
    public Task Threshold_argument_of_half()
        => Verify("""
            static class Scoring
            {
                static bool[] Classify(double[] scores, double threshold) => scores.Select(s => s >= threshold).ToArray();

                public static bool[] Run(double[] scores) => Classify(scores, threshold: {|IG0005:0.5|});
            }
            """);

    [Fact]
    public Task Complement_of_a_probability()
        => Verify("""
            static class Scoring
            {
                public static bool Legit(FraudPrediction p) => 1 - p.Probability > {|IG0005:0.5f|};
            }
            """);

    [Fact]
    public Task Decision_threshold_set_in_an_initializer()
        => Verify("""
            sealed class ScoringOptions
            {
                public double DecisionThreshold { get; set; }
            }

            static class Setup
            {
                public static ScoringOptions Create() => new ScoringOptions { DecisionThreshold = {|IG0005:0.5|} };
            }
            """);

    [Fact]
    public Task Score_name_configured_in_editorconfig()
        => Verify(
            """
            static class Scoring
            {
                public static bool Raise(double fraudRisk) => fraudRisk > {|IG0005:0.5|};
            }
            """,
            "imbalance_guard.score_names = risk\n");

    [Fact]
    public Task ImbalanceGuard_calibrated_probability()
        => Verify("""
            static class Scoring
            {
                public static bool Raise(ImbalanceGuard.Calibration.IProbabilityCalibrator calibrator, double margin)
                    => calibrator.Calibrate(margin) > {|IG0005:0.5|};
            }
            """);

    // ------------------------------------------------------------------ not flagged

    [Fact]
    public Task Progress_fraction()
        => Verify("""
            static class Ui
            {
                public static string Status(int done, int total)
                {
                    var progress = done / (double)total;
                    return progress > 0.5 ? "more than half way" : "starting";
                }
            }
            """);

    [Fact]
    public Task Opacity()
        => Verify("""
            sealed class Layer
            {
                public float Opacity { get; set; } = 0.5f;

                public bool IsFaint => Opacity < 0.5f;
            }
            """);

    [Fact]
    public Task Midpoint()
        => Verify("""
            static class Geometry
            {
                public static double Mid(double lo, double hi) => (lo + hi) * 0.5;
            }
            """);

    [Fact]
    public Task MLNet_test_fraction_of_half()
        => Verify("""
            static class Fraud
            {
                public static DataOperationsCatalog.TrainTestData Split(MLContext ml, IDataView data) => ml.Data.TrainTestSplit(data, testFraction: 0.5);
            }
            """);

    [Fact]
    public Task ImbalanceGuard_holdout_fraction_of_half()
        => Verify("""
            static class Proper
            {
                public static TrainHoldoutSplit Run(Dataset data) => Split.Stratified(data, holdoutFraction: 0.5, seed: 1);
            }
            """);

    [Fact]
    public Task Probability_compared_with_a_tuned_threshold()
        => Verify("""
            static class Scoring
            {
                public static bool Raise(ImbalanceGuard.Thresholds.TunedThreshold tuned, FraudPrediction p) => p.Probability >= tuned.Threshold;
            }
            """);

    [Fact]
    public Task Raw_score_compared_with_zero()
        => Verify("""
            static class Scoring
            {
                public static bool Raise(FraudPrediction p) => p.Score > 0;
            }
            """);

    [Fact]
    public Task A_similarity_threshold_is_not_a_decision_threshold()
        => Verify("""
            static class Text
            {
                static bool Near(string a, string b, double similarityThreshold) => a.Length - b.Length < similarityThreshold;

                public static bool Run(string a, string b) => Near(a, b, similarityThreshold: 0.5);
            }
            """);

    [Fact]
    public Task A_prior_of_half_is_assigned_not_compared()
        => Verify("""
            static class Bayes
            {
                public static double Posterior(double likelihoodRatio)
                {
                    double prior = 0.5;
                    double probability = 0.5;
                    return probability * likelihoodRatio * prior;
                }
            }
            """);

    [Fact]
    public Task Equality_with_half_is_not_a_threshold()
        => Verify("""
            static class Checks
            {
                public static bool Uninformative(double probability) => probability == 0.5;
            }
            """);

    [Fact]
    public Task Integer_score_is_not_a_probability()
        => Verify("""
            static class Game
            {
                public static bool Won(int score) => score > 0.5;
            }
            """);

    [Fact]
    public Task ChangeModelThreshold_with_a_tuned_value()
        => Verify("""
            static class Scoring
            {
                public static ITransformer Adjust(MLContext ml, BinaryPredictionTransformer<Microsoft.ML.Trainers.LinearBinaryModelParameters> model, float tunedScoreThreshold)
                    => ml.BinaryClassification.ChangeModelThreshold(model, tunedScoreThreshold);
            }
            """);

    [Fact]
    public Task Minimum_precision_of_half_is_an_objective_not_a_threshold()
        => Verify("""
            static class Tuning
            {
                public static ImbalanceGuard.Thresholds.ThresholdObjective Objective() => ImbalanceGuard.Thresholds.ThresholdObjective.MinimumPrecision(0.5);
            }
            """);

    [Fact]
    public Task Probability_rounded_is_not_a_comparison()
        => Verify("""
            static class Report
            {
                public static string Show(FraudPrediction p) => $"{Math.Round(p.Probability, 2)}";
            }
            """);

    [Fact]
    public Task Overlap_threshold_of_non_maximum_suppression_is_not_a_decision_threshold()
        => Verify("""
            sealed record Box(float X, float Y, float Confidence);

            static class Yolo
            {
                static IList<Box> FilterBoundingBoxes(IList<Box> boxes, int limit, float threshold) => boxes;

                public static IList<Box> Run(IList<Box> boxes) => FilterBoundingBoxes(boxes, 5, .5F);
            }
            """);

    [Fact]
    public Task Bare_threshold_of_a_classifying_constructor()
        => Verify("""
            sealed class FraudClassifier
            {
                public FraudClassifier(double threshold) => Threshold = threshold;

                public double Threshold { get; }
            }

            static class Setup
            {
                public static FraudClassifier Create() => new FraudClassifier({|IG0005:0.5|});
            }
            """);
}
