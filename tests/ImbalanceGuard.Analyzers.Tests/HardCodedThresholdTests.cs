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

    // ------------------------------------------------------------------ flagged: a model's score, a sigmoid, a softmax column

    /// <summary>A Score read from what a prediction engine returned is a model's score, whatever its class is called.</summary>
    [Fact]
    public Task MLNet_score_of_a_prediction_engines_output()
        => Verify("""
            sealed class Output
            {
                public float Score { get; set; }
            }

            static class Scoring
            {
                public static bool Raise(MLContext ml, ITransformer model, Transaction t)
                {
                    var engine = ml.Model.CreatePredictionEngine<Transaction, Output>(model);
                    var output = engine.Predict(t);
                    return output.Score > {|IG0005:0.5f|};
                }
            }
            """);

    /// <summary>The output type of a prediction engine in the block is a prediction class, read through a parameter too.</summary>
    [Fact]
    public Task MLNet_score_of_a_prediction_engines_output_type()
        => Verify("""
            sealed class Output
            {
                public float Score { get; set; }
            }

            static class Scoring
            {
                public static int Count(PredictionEngine<Transaction, Output> engine, IEnumerable<Transaction> rows)
                    => rows.Select(engine.Predict).Count(o => o.Score >= {|IG0005:0.5f|});
            }
            """);

    [Fact]
    public Task MLNet_score_copied_into_a_local()
        => Verify("""
            static class Scoring
            {
                public static string Label(FraudPrediction prediction)
                {
                    var score = prediction.Score;
                    return score > {|IG0005:0.5f|} ? "fraud" : "legit";
                }
            }
            """);

    [Fact]
    public Task MLNet_score_of_predictions_read_back_with_CreateEnumerable()
        => Verify("""
            sealed class Scored
            {
                public float Score { get; set; }
            }

            static class Scoring
            {
                public static int Count(MLContext ml, IDataView scored)
                {
                    var count = 0;
                    foreach (var row in ml.Data.CreateEnumerable<Scored>(scored, reuseRowObject: false))
                    {
                        if (row.Score > {|IG0005:0.5f|}) count++;
                    }

                    return count;
                }
            }
            """);

    [Fact]
    public Task Score_method_of_a_model()
        => Verify("""
            sealed class FraudModel
            {
                public double Score(double[] features) => features.Sum();
            }

            static class Scoring
            {
                public static bool Raise(FraudModel model, double[] row) => model.Score(row) > {|IG0005:0.5|};
            }
            """);

    [Fact]
    public Task Result_of_a_predict_method()
        => Verify("""
            sealed class Booster
            {
                public double Predict(double[] features) => features.Sum();
            }

            static class Scoring
            {
                public static bool Raise(Booster booster, double[] row) => booster.Predict(row) >= {|IG0005:0.5|};
            }
            """);

    [Fact]
    public Task ImbalanceGuard_scores_compared_with_half()
        => Verify("""
            static class Scoring
            {
                public static int Positives(BinaryScores data)
                {
                    var count = 0;
                    for (var i = 0; i < data.Count; i++)
                    {
                        if (data.Scores[i] > {|IG0005:0.5|}) count++;
                    }

                    return count;
                }
            }
            """);

    [Fact]
    public Task Value_named_as_a_probability_needs_no_model()
        => Verify("""
            static class Bayes
            {
                public static bool Decide(double posterior, double predictedProba, double fraudProbability)
                    => posterior > {|IG0005:0.5|} && predictedProba >= {|IG0005:0.5|} && fraudProbability > {|IG0005:0.5|};
            }
            """);

    /// <summary>Logistic regression written by hand: the sigmoid compared with 0.5 directly.</summary>
    [Fact]
    public Task Sigmoid_written_out_compared_with_half()
        => Verify("""
            static class LogisticRegression
            {
                public static bool Classify(double[] w, double[] x)
                {
                    var z = w.Zip(x, (a, b) => a * b).Sum();
                    return 1 / (1 + Math.Exp(-z)) > {|IG0005:0.5|};
                }
            }
            """);

    [Fact]
    public Task Sigmoid_through_a_local()
        => Verify("""
            static class LogisticRegression
            {
                public static int Predict(double bias, double weight, double x)
                {
                    var y = 1.0 / (1.0 + Math.Exp(-(bias + weight * x)));
                    return y >= {|IG0005:0.5|} ? 1 : 0;
                }
            }
            """);

    [Fact]
    public Task Sigmoid_in_single_precision()
        => Verify("""
            static class Neuron
            {
                public static bool Fire(float z) => 1f / (1f + MathF.Exp(-z)) > {|IG0005:0.5f|};
            }
            """);

    [Fact]
    public Task Sigmoid_method_compared_with_half()
        => Verify("""
            static class Neuron
            {
                static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

                public static bool Fire(double z) => Sigmoid(z) > {|IG0005:0.5|};
            }
            """);

    /// <summary>A multiclass prediction's softmax vector: the positive class's column compared with 0.5.</summary>
    [Fact]
    public Task Softmax_column_of_a_prediction_score_vector()
        => Verify("""
            sealed class IssuePrediction
            {
                [ColumnName("PredictedLabel")]
                public uint Area { get; set; }
                public float[] Score { get; set; } = [];
            }

            static class Scoring
            {
                public static bool Urgent(IssuePrediction prediction) => prediction.Score[1] > {|IG0005:0.5f|};
            }
            """);

    /// <summary>An ONNX or TensorFlow model's output column named Prediction (the shape of the ML.NET image samples).</summary>
    [Fact]
    public Task Softmax_column_of_a_prediction_vector()
        => Verify("""
            sealed class ImagePrediction
            {
                [ColumnName("softmax2")]
                public float[] Prediction { get; set; } = [];
            }

            static class Scoring
            {
                public static string Label(ImagePrediction prediction) => prediction.Prediction[1] > {|IG0005:0.5f|} ? "dog" : "cat";
            }
            """);

    [Fact]
    public Task Softmax_method_column_compared_with_half()
        => Verify("""
            static class Network
            {
                static double[] Softmax(double[] logits)
                {
                    var e = logits.Select(Math.Exp).ToArray();
                    var sum = e.Sum();
                    return e.Select(v => v / sum).ToArray();
                }

                public static bool Positive(double[] logits) => Softmax(logits)[1] > {|IG0005:0.5|};
            }
            """);

    [Fact]
    public Task Score_name_configured_as_a_word_counts_by_name_alone()
        => Verify(
            """
            static class Scoring
            {
                public static bool Raise(double score) => score > {|IG0005:0.5|};
            }
            """,
            "imbalance_guard.score_names = score\n");

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

    // ------------------------------------------------------------------ not flagged: scores that no model gave

    /// <summary>A grid search's best cross-validated score is a metric, not a classifier's output.</summary>
    [Fact]
    public Task Best_score_from_cross_validation()
        => Verify("""
            sealed class SearchResult
            {
                public double BestScore { get; init; }
                public IReadOnlyDictionary<string, double> BestParameters { get; init; } = new Dictionary<string, double>();
            }

            static class Tuning
            {
                public static void Report(SearchResult search)
                {
                    if (search.BestScore > 0.5)
                    {
                        Console.WriteLine("the search beat chance");
                    }
                }
            }
            """);

    /// <summary>A data-quality score of a row filters data; no model gave it.</summary>
    [Fact]
    public Task Quality_score_of_a_data_row()
        => Verify("""
            sealed class Review
            {
                public string Text { get; set; } = "";
                public double QualityScore { get; set; }
            }

            static class Cleaning
            {
                public static List<Review> Keep(IEnumerable<Review> reviews) => reviews.Where(r => r.QualityScore >= 0.5).ToList();
            }
            """);

    [Fact]
    public Task Similarity_score_of_two_texts()
        => Verify("""
            static class Dedup
            {
                static double Jaccard(ISet<string> a, ISet<string> b) => a.Intersect(b).Count() / (double)a.Union(b).Count();

                public static bool NearDuplicate(ISet<string> a, ISet<string> b)
                {
                    var similarityScore = Jaccard(a, b);
                    return similarityScore > 0.5;
                }
            }
            """);

    [Fact]
    public Task Score_method_of_something_that_is_not_a_model()
        => Verify("""
            sealed class TextSimilarity
            {
                public double Score(string a, string b) => a.Length == b.Length ? 1 : 0;
            }

            static class Dedup
            {
                public static bool Same(TextSimilarity similarity, string a, string b) => similarity.Score(a, b) > 0.5;
            }
            """);

    [Fact]
    public Task A_score_of_unknown_origin_is_not_a_classifier_output()
        => Verify("""
            static class Exam
            {
                public static bool Passed(double score) => score >= 0.5;

                public static int PassedCount(double[] scores) => scores.Count(s => s >= 0.5);
            }
            """);

    [Fact]
    public Task Exponential_decay_is_not_a_sigmoid()
        => Verify("""
            static class Cache
            {
                public static bool Stale(double ageHours) => Math.Exp(-ageHours) < 0.5 || 1 / (1 + ageHours) < 0.5;
            }
            """);

    [Fact]
    public Task An_excluded_word_drops_a_model_score()
        => Verify(
            """
            sealed class Output
            {
                public float RawScore { get; set; }
            }

            static class Scoring
            {
                public static bool Raise(PredictionEngine<Transaction, Output> engine, Transaction t) => engine.Predict(t).RawScore > 0.5f;
            }
            """,
            "imbalance_guard.score_names = !raw\n");

    [Fact]
    public Task Sigmoid_derivative_and_log_softmax_are_not_probabilities()
        => Verify("""
            static class Backprop
            {
                static double SigmoidDerivative(double z) => Math.Exp(-z) / Math.Pow(1 + Math.Exp(-z), 2);

                static double[] LogSoftmax(double[] logits) => logits;

                public static bool Saturated(double z, double[] logits) => SigmoidDerivative(z) < 0.5 && LogSoftmax(logits)[0] > 0.5;
            }
            """);

    // ------------------------------------------------------------------ flagged: a decision on another object's output

    /// <summary>User code that calls a model from outside decides at 0.5 (the model type's own Predict would not).</summary>
    [Fact]
    public Task Model_probability_compared_by_its_caller()
        => Verify("""
            sealed class GradientBoostModel
            {
                public double Probability(double[] observation) => 1.0 / (1.0 + Math.Exp(-observation[0]));
            }

            sealed class LoanDesk
            {
                public bool Decide(GradientBoostModel model, double[] applicant) => model.Probability(applicant) > {|IG0005:0.5|};
            }
            """);

    /// <summary>A user's wrapper: the prediction engine is another object, so this is the user's own cut.</summary>
    [Fact]
    public Task Wrapper_deciding_on_its_prediction_engine()
        => Verify("""
            sealed class FraudService
            {
                private readonly PredictionEngine<Transaction, FraudPrediction> _engine;

                public FraudService(PredictionEngine<Transaction, FraudPrediction> engine) => _engine = engine;

                public bool IsFraud(Transaction t) => _engine.Predict(t).Probability > {|IG0005:0.5|};

                public bool Predict(Transaction t) => _engine.Predict(t).Probability >= {|IG0005:0.5f|};
            }
            """);

    /// <summary>A class's own probability, but a method named for a business decision, not for its prediction.</summary>
    [Fact]
    public Task Own_probability_in_a_business_decision()
        => Verify("""
            sealed class FraudModel
            {
                private readonly double[] _weights = [0.3, -1.2];

                public double Probability(double[] x) => 1.0 / (1.0 + Math.Exp(-(_weights[0] * x[0] + _weights[1] * x[1])));

                public bool IsFraud(double[] x) => Probability(x) > {|IG0005:0.5|};
            }
            """);

    /// <summary>
    /// SharpLearning's ClassificationXGBoostModel shape with a probability's name: the value arrives as a parameter
    /// from another object (the wrapped booster), as in a user's wrapper, so it is a decision on that output.
    /// </summary>
    [Fact]
    public Task Wrapped_booster_probability_in_a_static_predict_helper()
        => Verify("""
            sealed class Booster
            {
                public float[] Predict(float[][] data) => [0.2f];
            }

            sealed class BoosterModel
            {
                private readonly Booster _model = new();

                public double Predict(double[] observation) => PredictSingleClass(_model.Predict([observation.Select(v => (float)v).ToArray()]));

                static double PredictSingleClass(float[] probabilities)
                {
                    var predictedClass = 0;
                    var probability = probabilities.Single();
                    if (probability > {|IG0005:0.5|})
                    {
                        predictedClass = 1;
                    }

                    return predictedClass;
                }
            }
            """);

    /// <summary>A model's output assigned to a row's label is a decision on it, whatever the target is called.</summary>
    [Fact]
    public Task Model_probability_assigned_to_a_label()
        => Verify("""
            static class PseudoLabelling
            {
                public static void Label(PredictionEngine<Transaction, FraudPrediction> engine, List<Transaction> unlabelled)
                {
                    foreach (var row in unlabelled)
                    {
                        row.Label = engine.Predict(row).Probability > {|IG0005:0.5f|};
                    }
                }
            }
            """);

    /// <summary>A predicted label is a prediction, even from a sigmoid written in the code.</summary>
    [Fact]
    public Task Sigmoid_assigned_to_a_predicted_label()
        => Verify("""
            sealed class Row
            {
                public bool PredictedLabel { get; set; }
            }

            static class Scoring
            {
                private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

                public static void Fill(Row row, double margin) => row.PredictedLabel = Sigmoid(margin) > {|IG0005:0.5|};
            }
            """);

    // ------------------------------------------------------------------ not flagged: a classifier's own default prediction

    /// <summary>SharpLearning ClassificationGradientBoostModel.BinaryPredict / BinaryProbabilityPredict: the type's own probability, argmax of two classes.</summary>
    [Fact]
    public Task Gradient_boost_model_binary_predict_on_its_own_probability()
        => Verify("""
            sealed class ProbabilityPrediction
            {
                public ProbabilityPrediction(double prediction, Dictionary<double, double> probabilities) { }
            }

            sealed class ClassificationGradientBoostModel
            {
                public readonly double[] TargetNames = [0, 1];

                public double Predict(double[] observation) => BinaryPredict(observation);

                double BinaryPredict(double[] observation)
                {
                    var probability = Probability(observation, 0);
                    var prediction = (probability >= 0.5) ? TargetNames[0] : TargetNames[1];
                    return prediction;
                }

                ProbabilityPrediction BinaryProbabilityPredict(double[] observation)
                {
                    var probability = Probability(observation, 0);
                    var prediction = (probability >= 0.5) ? TargetNames[0] : TargetNames[1];
                    var probabilities = new Dictionary<double, double> { { TargetNames[0], probability }, { TargetNames[1], 1.0 - probability } };
                    return new ProbabilityPrediction(prediction, probabilities);
                }

                double Probability(double[] observation, int targetIndex) => 1.0 / (1.0 + Math.Exp(-observation[targetIndex]));
            }
            """);

    /// <summary>Accord ProportionalHazards.Decide: the probability comes from the type's (inherited) own member.</summary>
    [Fact]
    public Task Survival_model_decide_on_its_own_probability()
        => Verify("""
            enum SurvivalOutcome { Censored, Failed }

            abstract class BinaryLikelihoodClassifierBase
            {
                public abstract double Probability(double[] input);
            }

            sealed class ProportionalHazards : BinaryLikelihoodClassifierBase
            {
                public double[] Coefficients = [0.1];

                public override double Probability(double[] input) => 1 - Math.Exp(-Math.Exp(Coefficients[0] * input[0]));

                public SurvivalOutcome Decide(double[] input)
                {
                    return Probability(input) > 0.5 ? SurvivalOutcome.Failed : SurvivalOutcome.Censored;
                }

                public bool ExplicitDecide(double[] input) => this.Probability(input) > 0.5;
            }
            """);

    /// <summary>A hand-written logistic regression's own Predict through a static member of the same type.</summary>
    [Fact]
    public Task Hand_written_classifier_predict_through_its_static_logistic()
        => Verify("""
            sealed class LogisticRegression
            {
                private readonly double[] _w = [0.4, -0.2];

                static double Logistic(double z) => 1.0 / (1.0 + Math.Exp(-z));

                public int Predict(double[] x) => Logistic(_w[0] * x[0] + _w[1] * x[1]) >= 0.5 ? 1 : 0;
            }
            """);

    /// <summary>SharpLearning ClassificationXGBoostModel as written: the booster's single output is not named as a probability.</summary>
    [Fact]
    public Task XGBoost_model_single_prediction_as_written()
        => Verify("""
            static class ClassificationXGBoostModel
            {
                static double PredictSingleClass(float[] prediction)
                {
                    var predictedClass = 0;
                    var singlePrediction = prediction.Single();
                    if (singlePrediction > 0.5)
                    {
                        predictedClass = 1;
                    }

                    return predictedClass;
                }
            }
            """);

    // ------------------------------------------------------------------ not flagged: synthetic labels, starting thresholds

    /// <summary>ML.NET docs samples (CalculateFeatureContributionCalibrated): ground truth drawn from a sigmoid of the features.</summary>
    [Fact]
    public Task Synthetic_label_from_a_sigmoid()
        => Verify("""
            sealed class Data
            {
                public bool Label { get; set; }
                public float[] Features { get; set; } = [];
            }

            static class Generator
            {
                private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-1 * x));

                public static IEnumerable<Data> GenerateData(int nExamples = 10000, double bias = 0, int seed = 1)
                {
                    var rng = new Random(seed);
                    for (int i = 0; i < nExamples; i++)
                    {
                        var data = new Data { Features = [(float)rng.NextDouble(), (float)rng.NextDouble()] };
                        var value = (float)(bias + 1.5 * data.Features[0] - 0.6 * data.Features[1]);
                        data.Label = Sigmoid(value) > 0.5;
                        var label = 1.0 / (1.0 + Math.Exp(-value)) > 0.5;
                        yield return data;
                    }
                }
            }
            """);

    /// <summary>ML.NET docs samples: <c>var label = randomFloat() &gt; 0.5f;</c> generates a label from a random draw.</summary>
    [Fact]
    public Task Synthetic_label_from_a_random_draw()
        => Verify("""
            sealed class DataPoint
            {
                public bool Label { get; set; }
                public float[] Features { get; set; } = [];
            }

            static class Generator
            {
                public static IEnumerable<DataPoint> GenerateRandomDataPoints(int count, int seed = 0)
                {
                    var random = new Random(seed);
                    float randomFloat() => (float)random.NextDouble();
                    for (int i = 0; i < count; i++)
                    {
                        var label = randomFloat() > 0.5f;
                        yield return new DataPoint { Label = label, Features = [randomFloat()] };
                    }
                }
            }
            """);

    /// <summary>
    /// mlnet-classifier BinaryClassifiactionModel: a field's starting 0.5 replaced by a threshold tuned on validation
    /// data. A field is not followed: only a value that is 0.5 wherever it comes from counts.
    /// </summary>
    [Fact]
    public Task Threshold_field_started_at_half_and_tuned_later()
        => Verify("""
            sealed class BinaryClassificationModel
            {
                private double _threshold = 0.5;

                public void OptimizeThresholdByF1(float[] validationProbabilities, bool[] validationLabels)
                {
                    _threshold = Enumerable.Range(1, 19).Select(i => i / 20.0)
                        .OrderByDescending(t => F1(validationProbabilities, validationLabels, t)).First();
                }

                public bool Predict(float probability) => probability >= _threshold;

                static double F1(float[] probabilities, bool[] labels, double threshold)
                {
                    int tp = 0, fp = 0, fn = 0;
                    for (var i = 0; i < labels.Length; i++)
                    {
                        var positive = probabilities[i] >= threshold;
                        if (positive && labels[i]) tp++;
                        else if (positive) fp++;
                        else if (labels[i]) fn++;
                    }

                    return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
                }
            }
            """);

    /// <summary>mlnet-classifier BinaryThresholdOptimizer: <c>double bestThreshold = 0.5;</c> is the start of a sweep on validation data.</summary>
    [Fact]
    public Task Best_threshold_started_at_half_in_a_validation_sweep()
        => Verify("""
            static class BinaryThresholdOptimizer
            {
                public static double Optimize(float[] validationProbabilities, bool[] validationLabels)
                {
                    double bestThreshold = 0.5;
                    double bestF1 = -1;
                    for (var threshold = 0.05; threshold < 1; threshold += 0.05)
                    {
                        var predicted = validationProbabilities.Select(p => p >= threshold).ToArray();
                        var tp = predicted.Where((p, i) => p && validationLabels[i]).Count();
                        var f1 = 2.0 * tp / (predicted.Count(p => p) + validationLabels.Count(l => l) + 1e-9);
                        if (f1 > bestF1)
                        {
                            bestF1 = f1;
                            bestThreshold = threshold;
                        }
                    }

                    var atBest = validationProbabilities.Count(p => p >= bestThreshold);
                    return bestThreshold;
                }
            }
            """);
}
