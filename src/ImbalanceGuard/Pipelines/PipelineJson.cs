using System.Text.Json;
using ImbalanceGuard.Ensembles;
using ImbalanceGuard.Models;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// The JSON form of what a fitted pipeline holds: schemas, number arrays and every fitted model of the
/// library, each model tagged with its kind. Doubles are written in their shortest round-trip form, so a
/// loaded model scores exactly as the saved one did.
/// </summary>
internal static class PipelineJson
{
    public static void WriteDoubles(Utf8JsonWriter writer, string? name, ReadOnlySpan<double> values)
    {
        if (name is null)
        {
            writer.WriteStartArray();
        }
        else
        {
            writer.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    public static void WriteInts(Utf8JsonWriter writer, string? name, ReadOnlySpan<int> values)
    {
        if (name is null)
        {
            writer.WriteStartArray();
        }
        else
        {
            writer.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    public static double[] ReadDoubles(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetDouble())];

    public static int[] ReadInts(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetInt32())];

    public static string[] ReadStrings(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];

    public static void WriteSchema(Utf8JsonWriter writer, string name, DataSchema schema)
    {
        writer.WriteStartObject(name);
        WriteStrings(writer, "features", schema.FeatureNames);
        WriteStrings(writer, "kinds", schema.FeatureKinds.Select(k => k == FeatureKind.Categorical ? "categorical" : "continuous"));
        writer.WriteString("label", schema.LabelName);
        WriteStrings(writer, "classes", schema.ClassNames);
        writer.WriteStartArray("category_levels");
        for (var j = 0; j < schema.FeatureCount; j++)
        {
            if (schema.CategoryLevels(j) is { } levels)
            {
                writer.WriteStartArray();
                foreach (var level in levels)
                {
                    writer.WriteStringValue(level);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static DataSchema ReadSchema(JsonElement element)
    {
        var features = ReadStrings(element.GetProperty("features"));
        var kinds = ReadStrings(element.GetProperty("kinds"))
            .Select(k => k == "categorical" ? FeatureKind.Categorical : FeatureKind.Continuous)
            .ToArray();
        var levels = element.GetProperty("category_levels").EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Null ? null : ReadStrings(e))
            .ToArray();
        return new DataSchema(features, kinds, element.GetProperty("label").GetString() ?? "label", ReadStrings(element.GetProperty("classes")), categoryLevels: levels);
    }

    /// <exception cref="NotSupportedException">The model is not one of the library's.</exception>
    public static void WriteModel(Utf8JsonWriter writer, IProbabilisticClassifier model)
    {
        writer.WriteStartObject();
        switch (model)
        {
            case LogisticRegressionModel logistic:
                writer.WriteString("kind", "logistic-regression");
                writer.WriteNumber("classes", logistic.ClassCount);
                PipelineJson.WriteInts(writer, "trained_classes", [.. logistic.Classes]);
                writer.WriteStartArray("coefficients");
                foreach (var row in logistic.Coefficients)
                {
                    WriteDoubles(writer, null, [.. row]);
                }

                writer.WriteEndArray();
                WriteDoubles(writer, "intercepts", [.. logistic.Intercepts]);
                writer.WriteNumber("iterations", logistic.Iterations);
                writer.WriteBoolean("converged", logistic.Converged);
                break;
            case DecisionTreeModel tree:
                writer.WriteString("kind", "decision-tree");
                WriteTreeBody(writer, tree);
                break;
            case RandomForestModel forest:
                writer.WriteString("kind", "random-forest");
                writer.WriteNumber("classes", forest.ClassCount);
                writer.WriteNumber("features", forest.FeatureCount);
                WriteTrees(writer, forest.Trees);
                break;
            case BalancedEnsembleModel ensemble:
                writer.WriteString("kind", "balanced-ensemble");
                writer.WriteNumber("classes", ensemble.ClassCount);
                writer.WriteNumber("features", ensemble.FeatureCount);
                writer.WriteStartArray("members");
                for (var m = 0; m < ensemble.Estimators.Count; m++)
                {
                    writer.WriteStartObject();
                    if (ensemble.MemberFeatures[m] is { } columns)
                    {
                        WriteInts(writer, "columns", columns);
                    }

                    WriteInts(writer, "class_counts", [.. ensemble.EstimatorClassCounts[m]]);
                    writer.WritePropertyName("model");
                    WriteModel(writer, ensemble.Estimators[m]);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case AdaBoostModel boost:
                writer.WriteString("kind", "adaboost");
                writer.WriteNumber("classes", boost.ClassCount);
                writer.WriteNumber("features", boost.FeatureCount);
                WriteInts(writer, "trained_classes", boost.TrainedClasses);
                WriteDoubles(writer, "weights", [.. boost.EstimatorWeights]);
                WriteDoubles(writer, "errors", [.. boost.EstimatorErrors]);
                writer.WriteStartArray("members");
                foreach (var member in boost.Estimators)
                {
                    WriteModel(writer, member);
                }

                writer.WriteEndArray();
                break;
            case CostSensitiveModel costSensitive:
                writer.WriteString("kind", "cost-sensitive");
                writer.WriteStartArray("costs");
                foreach (var row in costSensitive.Costs)
                {
                    WriteDoubles(writer, null, row);
                }

                writer.WriteEndArray();
                writer.WriteBoolean("relabelled", costSensitive.Relabelled);
                writer.WriteNumber("changed_labels", costSensitive.ChangedLabels);
                writer.WritePropertyName("model");
                WriteModel(writer, costSensitive.Model);
                break;
            case CascadeModel cascade:
                writer.WriteString("kind", "cascade");
                writer.WriteNumber("classes", cascade.ClassCount);
                writer.WriteNumber("rare_class", cascade.RareClass);
                writer.WriteNumber("first_stage_threshold", cascade.FirstStageThreshold);
                writer.WriteNumber("training_second_stage_share", cascade.TrainingSecondStageShare);
                writer.WritePropertyName("first_stage");
                WriteModel(writer, cascade.FirstStage);
                writer.WritePropertyName("second_stage");
                WriteModel(writer, cascade.SecondStage);
                break;
            case IsolationForestModel isolation:
                writer.WriteString("kind", "isolation-forest");
                writer.WriteNumber("classes", isolation.ClassCount);
                writer.WriteNumber("features", isolation.FeatureCount);
                writer.WriteNumber("normal_class", isolation.NormalClass);
                writer.WriteNumber("samples", isolation.Samples);
                WriteTrees(writer, isolation.Trees);
                break;
            default:
                throw new NotSupportedException(
                    $"A pipeline with a {model.GetType().Name} cannot be saved: only the library's own models (logistic regression, decision tree, random forest, balanced ensembles, AdaBoost/RUSBoost, cost-sensitive, isolation forest, cascade) can.");
        }

        writer.WriteEndObject();
    }

    public static IProbabilisticClassifier ReadModel(JsonElement element)
    {
        var kind = element.GetProperty("kind").GetString();
        switch (kind)
        {
            case "logistic-regression":
                var coefficients = element.GetProperty("coefficients").EnumerateArray().Select(ReadDoubles).ToArray();
                return new LogisticRegressionModel(
                    coefficients,
                    ReadDoubles(element.GetProperty("intercepts")),
                    ReadInts(element.GetProperty("trained_classes")),
                    element.GetProperty("classes").GetInt32(),
                    element.GetProperty("iterations").GetInt32(),
                    element.GetProperty("converged").GetBoolean());
            case "decision-tree":
                return ReadTreeBody(element);
            case "random-forest":
                return new RandomForestModel(
                    [.. element.GetProperty("trees").EnumerateArray().Select(ReadTreeBody)],
                    element.GetProperty("classes").GetInt32(),
                    element.GetProperty("features").GetInt32(),
                    maxDegreeOfParallelism: -1);
            case "balanced-ensemble":
                var members = element.GetProperty("members").EnumerateArray().ToArray();
                return new BalancedEnsembleModel(
                    [.. members.Select(m => ReadModel(m.GetProperty("model")))],
                    [.. members.Select(m => m.TryGetProperty("columns", out var c) ? ReadInts(c) : null)],
                    [.. members.Select(_ => Array.Empty<int>())],
                    [.. members.Select(_ => Array.Empty<int>())],
                    [.. members.Select(m => ReadInts(m.GetProperty("class_counts")))],
                    element.GetProperty("classes").GetInt32(),
                    element.GetProperty("features").GetInt32());
            case "adaboost":
                var learners = element.GetProperty("members").EnumerateArray().Select(ReadModel).ToArray();
                return new AdaBoostModel(
                    learners,
                    ReadDoubles(element.GetProperty("weights")),
                    ReadDoubles(element.GetProperty("errors")),
                    [.. learners.Select(_ => Array.Empty<int>())],
                    ReadInts(element.GetProperty("trained_classes")),
                    element.GetProperty("classes").GetInt32(),
                    element.GetProperty("features").GetInt32());
            case "cost-sensitive":
                return new CostSensitiveModel(
                    ReadModel(element.GetProperty("model")),
                    [.. element.GetProperty("costs").EnumerateArray().Select(ReadDoubles)],
                    element.GetProperty("relabelled").GetBoolean(),
                    element.GetProperty("changed_labels").GetInt32());
            case "cascade":
                return new CascadeModel(
                    ReadModel(element.GetProperty("first_stage")),
                    ReadModel(element.GetProperty("second_stage")),
                    element.GetProperty("first_stage_threshold").GetDouble(),
                    element.GetProperty("rare_class").GetInt32(),
                    element.GetProperty("classes").GetInt32(),
                    element.GetProperty("training_second_stage_share").GetDouble());
            case "isolation-forest":
                return new IsolationForestModel(
                    [.. element.GetProperty("trees").EnumerateArray().Select(ReadTreeBody)],
                    element.GetProperty("classes").GetInt32(),
                    element.GetProperty("normal_class").GetInt32(),
                    element.GetProperty("features").GetInt32(),
                    element.GetProperty("samples").GetInt32());
            default:
                throw new DataFormatException($"Unknown model kind '{kind}' in the saved pipeline.");
        }
    }

    private static void WriteTrees(Utf8JsonWriter writer, IEnumerable<DecisionTreeModel> trees)
    {
        writer.WriteStartArray("trees");
        foreach (var tree in trees)
        {
            writer.WriteStartObject();
            WriteTreeBody(writer, tree);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTreeBody(Utf8JsonWriter writer, DecisionTreeModel tree)
    {
        writer.WriteNumber("classes", tree.ClassCount);
        writer.WriteNumber("features", tree.FeatureCount);
        writer.WriteNumber("depth", tree.Depth);
        var nodes = tree.Nodes;
        var thresholds = new double[nodes.Length];
        var features = new int[nodes.Length];
        var next = new int[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            thresholds[i] = nodes[i].Threshold;
            features[i] = nodes[i].Feature;
            next[i] = nodes[i].Next;
        }

        WriteInts(writer, "node_features", features);
        WriteDoubles(writer, "node_thresholds", thresholds);
        WriteInts(writer, "node_next", next);
        WriteDoubles(writer, "leaf_values", tree.LeafValues);
    }

    private static DecisionTreeModel ReadTreeBody(JsonElement element)
    {
        var features = ReadInts(element.GetProperty("node_features"));
        var thresholds = ReadDoubles(element.GetProperty("node_thresholds"));
        var next = ReadInts(element.GetProperty("node_next"));
        if (features.Length != thresholds.Length || features.Length != next.Length)
        {
            throw new DataFormatException("A saved tree has node arrays of different lengths.");
        }

        var nodes = new TreeNode[features.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new TreeNode(thresholds[i], features[i], next[i]);
        }

        return new DecisionTreeModel(
            nodes,
            ReadDoubles(element.GetProperty("leaf_values")),
            element.GetProperty("classes").GetInt32(),
            element.GetProperty("features").GetInt32(),
            element.GetProperty("depth").GetInt32());
    }
}
