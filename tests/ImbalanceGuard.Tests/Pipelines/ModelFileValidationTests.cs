using System.Text;
using System.Text.Json.Nodes;
using ImbalanceGuard.Models;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>
/// What <see cref="FittedPipeline.Load(Stream, FittedPipelineLoadOptions)"/> refuses, and that its messages say which
/// field is wrong. The cases are the damage the fuzz test (<see cref="ModelFileFuzzTests"/>) first found.
/// </summary>
public class ModelFileValidationTests
{
    [Fact]
    public void A_right_child_pointing_back_to_an_ancestor_is_refused_where_it_used_to_loop()
    {
        var file = SavedTree();
        var next = file["model"]!["node_next"]!.AsArray();
        var split = Enumerable.Range(1, next.Count - 1).First(i => (int)file["model"]!["node_features"]![i]! >= 0);
        next[split] = 0;

        var error = Assert.Throws<DataFormatException>(() => Load(file));

        Assert.Contains($"model.node_next[{split}] = 0 points back to node 0, not after node {split}", error.Message);
    }

    [Fact]
    public void A_right_child_inside_the_left_subtree_is_refused()
    {
        var file = SavedTree();
        var next = (int)file["model"]!["node_next"]![0]!;
        file["model"]!["node_next"]![0] = next - 1;

        var error = Assert.Throws<DataFormatException>(() => Load(file));

        Assert.Contains("The saved pipeline is damaged: model.node_", error.Message);
    }

    [Fact]
    public void A_split_on_a_feature_the_model_is_not_given_is_refused()
    {
        var file = SavedTree();
        file["model"]!["node_features"]![0] = 8;

        var error = Assert.Throws<DataFormatException>(() => Load(file));

        Assert.Contains("model.node_features[0] (-1 for a leaf, else a feature) = 8 is outside 0 … 7", error.Message);
    }

    [Fact]
    public void A_leaf_in_the_middle_of_a_subtree_is_refused()
    {
        var file = SavedTree();
        file["model"]!["node_features"]![0] = -1;

        var error = Assert.Throws<DataFormatException>(() => Load(file));

        Assert.Contains("model.node_features[0] = -1 makes node 0 a leaf, but nodes 1 …", error.Message);
    }

    [Fact]
    public void A_stored_depth_other_than_the_trees_is_refused()
    {
        var file = SavedTree();
        var depth = (int)file["model"]!["depth"]!;
        file["model"]!["depth"] = depth - 1;

        var error = Assert.Throws<DataFormatException>(() => Load(file));

        Assert.Contains($"model.depth = {depth - 1}, but there are {depth}", error.Message);
    }

    [Fact]
    public void Missing_and_mistyped_fields_are_named()
    {
        var missing = SavedTree();
        missing["model"]!.AsObject().Remove("leaf_values");
        var mistyped = SavedTree();
        mistyped["model"]!["node_thresholds"]![0] = "NaN";

        var topLevel = SavedTree();
        topLevel.AsObject().Remove("positive_class");

        Assert.Contains("model.leaf_values is missing", Assert.Throws<DataFormatException>(() => Load(missing)).Message);
        Assert.Contains("The saved pipeline is damaged: positive_class is missing.", Assert.Throws<DataFormatException>(() => Load(topLevel)).Message);
        Assert.Contains("model.node_thresholds[0] is the string \"NaN\", not a finite number", Assert.Throws<DataFormatException>(() => Load(mistyped)).Message);
    }

    [Fact]
    public void A_model_for_other_features_or_classes_than_the_pipeline_gives_it_is_refused()
    {
        var features = SavedTree();
        features["model"]!["features"] = 9;
        var classes = SavedTree();
        classes["schema"]!["classes"]!.AsArray().Add("2");

        Assert.Contains("model.features = 9, but there are 8", Assert.Throws<DataFormatException>(() => Load(features)).Message);
        Assert.Contains("model.classes = 2, but there are 3", Assert.Throws<DataFormatException>(() => Load(classes)).Message);
    }

    [Fact]
    public void A_calibrator_outside_its_range_is_refused()
    {
        var file = SavedTree(CalibrationMethod.PriorCorrection);
        file["calibrator"]!["training_positive_rate"] = 1;

        var error = Assert.Throws<DataFormatException>(() => Load(file));

        Assert.Contains("calibrator.training_positive_rate = 1 is not strictly between 0 and 1", error.Message);
    }

    [Fact]
    public void A_file_larger_than_MaxBytes_is_refused_before_it_is_parsed()
    {
        var bytes = Encoding.UTF8.GetBytes(SavedTree().ToJsonString());

        var error = Assert.Throws<DataFormatException>(() => FittedPipeline.Load(new MemoryStream(bytes), new FittedPipelineLoadOptions { MaxBytes = bytes.Length - 1 }));

        Assert.Contains("MaxBytes", error.Message);
        Assert.NotNull(FittedPipeline.Load(new MemoryStream(bytes), new FittedPipelineLoadOptions { MaxBytes = bytes.Length }));
    }

    [Fact]
    public void Nesting_deeper_than_MaxDepth_is_refused()
    {
        var deep = "{\"format\": \"imbalance-guard-pipeline\", \"version\": 1, \"x\": " + new string('[', 100) + new string(']', 100) + "}";

        Assert.Throws<DataFormatException>(() => FittedPipeline.Load(new MemoryStream(Encoding.UTF8.GetBytes(deep))));
        Assert.Throws<DataFormatException>(() => FittedPipeline.Load(new MemoryStream(SavedBytes()), new FittedPipelineLoadOptions { MaxDepth = 3 }));
        Assert.NotNull(FittedPipeline.Load(new MemoryStream(SavedBytes()), new FittedPipelineLoadOptions { MaxDepth = 8 }));
    }

    [Fact]
    public void Load_limits_outside_their_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FittedPipelineLoadOptions { MaxBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new FittedPipelineLoadOptions { MaxDepth = 0 });
    }

    [Fact]
    public void A_tree_walk_that_would_cycle_stops_at_the_depth_instead_of_hanging()
    {
        // Built in memory, past the checks of Load: node 1's right child is the root.
        TreeNode[] nodes = [new(0.5, 0, 2), new(-1, 0, 0), new(0, -1, 0)];
        var tree = new DecisionTreeModel(nodes, [0.5, 0.5], classCount: 2, featureCount: 1, depth: 2);

        var error = Assert.Throws<InvalidOperationException>(() => tree.PredictProbabilities([0.0], new double[2]));

        Assert.Contains("depth of 2", error.Message);
    }

    [Fact]
    public void Extreme_but_finite_coefficients_score_their_limit_not_NaN()
    {
        // 1e308·2 − 1e308·3 overflows to ∞ − ∞ term by term; its value, −1e308, puts the row firmly in class 0.
        var binary = new LogisticRegressionModel([[1e308, -1e308]], [0.0], [0, 1], classCount: 2, iterations: 0, converged: true);
        var threeClasses = new LogisticRegressionModel([[1e308], [0.0], [-1e308]], [0.0, 0, 0], [0, 1, 2], classCount: 3, iterations: 0, converged: true);
        var two = new double[2];
        var three = new double[3];

        binary.PredictProbabilities([2.0, 3.0], two);
        threeClasses.PredictProbabilities([2.0], three);

        Assert.Equal([1.0, 0.0], two);
        Assert.Equal([1.0, 0.0, 0.0], three);
    }

    [Fact]
    public void A_scaler_saturates_at_the_largest_double_instead_of_overflowing()
    {
        // Unclamped, every feature would reach the logistic regression as +∞ and its coefficients of both signs would sum to NaN.
        var file = JsonNode.Parse(SavedBytes(trainer: new LogisticRegression()))!;
        file["preprocessing"] = new JsonArray(new JsonObject
        {
            ["name"] = "standard-scaler",
            ["shift"] = new JsonArray([.. Enumerable.Range(0, 8).Select(_ => (JsonNode?)JsonValue.Create(-1e308))]),
            ["scale"] = new JsonArray([.. Enumerable.Range(0, 8).Select(_ => (JsonNode?)JsonValue.Create(1e308))]),
        });
        var loaded = Load(file);
        var probabilities = new double[2];

        loaded.PredictProbabilities([1e308, 0, 0, 0, 0, 0, 0, 0], probabilities);

        Assert.All(probabilities, p => Assert.True(double.IsFinite(p)));
    }

    private static FittedPipeline Load(JsonNode file) => FittedPipeline.Load(new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString())));

    private static JsonNode SavedTree(CalibrationMethod calibration = CalibrationMethod.None)
        => JsonNode.Parse(SavedBytes(calibration))!;

    private static byte[] SavedBytes(CalibrationMethod calibration = CalibrationMethod.None, IClassifierTrainer? trainer = null)
    {
        var (training, _) = PipelineTestData.BinarySplit();
        using var stream = new MemoryStream();
        new ImbalancePipeline(trainer ?? new DecisionTreeClassifier { MaxDepth = 4, Seed = 1 }) { Samplers = [new RandomUnderSampler { Seed = 2 }], Calibration = calibration }.Fit(training).Save(stream);
        return stream.ToArray();
    }
}
