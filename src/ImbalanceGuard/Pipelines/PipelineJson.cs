using System.Globalization;
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

    /// <exception cref="DataFormatException">The schema is damaged.</exception>
    public static DataSchema ReadSchema(JsonElement element, string path)
    {
        var features = ModelFileChecks.Strings(element, "features", path);
        var kindNames = ModelFileChecks.Strings(element, "kinds", path);
        ModelFileChecks.Count(kindNames.Length, features.Length, $"{path}.kinds", "one per feature");
        var kinds = new FeatureKind[features.Length];
        for (var j = 0; j < kinds.Length; j++)
        {
            kinds[j] = kindNames[j] switch
            {
                "categorical" => FeatureKind.Categorical,
                "continuous" => FeatureKind.Continuous,
                _ => throw ModelFileChecks.Damaged($"{path}.kinds[{j}] is '{kindNames[j]}', neither 'categorical' nor 'continuous'"),
            };
        }

        var levelLists = ModelFileChecks.Array(element, "category_levels", path);
        ModelFileChecks.Count(levelLists.Length, features.Length, $"{path}.category_levels", "one per feature, null for a continuous one");
        var levels = new string[]?[features.Length];
        for (var j = 0; j < levels.Length; j++)
        {
            levels[j] = levelLists[j].ValueKind == JsonValueKind.Null ? null : ModelFileChecks.Strings(levelLists[j], $"{path}.category_levels[{j}]");
        }

        var classes = ModelFileChecks.Strings(element, "classes", path);
        if (classes.Length < 2)
        {
            throw ModelFileChecks.Damaged(string.Create(CultureInfo.InvariantCulture, $"{path}.classes lists {classes.Length} classes; a pipeline tells at least two apart"));
        }

        return new DataSchema(features, kinds, ModelFileChecks.Text(element, "label", path), classes, categoryLevels: levels);
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

    /// <summary>
    /// Reads a model and checks it against what the pipeline gives it: rows of <paramref name="features"/> values and
    /// <paramref name="classes"/> classes. <paramref name="path"/> names the model's place in the file, for the errors.
    /// </summary>
    /// <exception cref="DataFormatException">The model is damaged: a field is missing, of the wrong type, or out of range.</exception>
    public static IProbabilisticClassifier ReadModel(JsonElement element, string path, int features, int classes)
    {
        var kind = ModelFileChecks.Text(element, "kind", path);
        switch (kind)
        {
            case "logistic-regression":
                return ReadLogisticRegression(element, path, features, classes);
            case "decision-tree":
                return ReadTreeBody(element, path, features, classes, probabilityLeaves: true);
            case "random-forest":
                ModelFileChecks.Shape(element, path, features, classes);
                return new RandomForestModel(
                    ReadTrees(element, path, features, classes, probabilityLeaves: true),
                    classes,
                    features,
                    maxDegreeOfParallelism: -1);
            case "balanced-ensemble":
                return ReadBalancedEnsemble(element, path, features, classes);
            case "adaboost":
                return ReadAdaBoost(element, path, features, classes);
            case "cost-sensitive":
                var costs = ModelFileChecks.Array(element, "costs", path);
                ModelFileChecks.Count(costs.Length, classes, $"{path}.costs", "a row per class");
                var matrix = new double[classes][];
                for (var i = 0; i < classes; i++)
                {
                    matrix[i] = ModelFileChecks.Numbers(costs[i], $"{path}.costs[{i}]");
                    ModelFileChecks.Count(matrix[i].Length, classes, $"{path}.costs[{i}]", "a column per class");
                }

                return new CostSensitiveModel(
                    ReadModel(ModelFileChecks.Field(element, "model", path), $"{path}.model", features, classes),
                    matrix,
                    ModelFileChecks.Flag(element, "relabelled", path),
                    ModelFileChecks.Int(element, "changed_labels", path, 0, int.MaxValue));
            case "cascade":
                ModelFileChecks.Shape(element, path, features, classes);
                return new CascadeModel(
                    ReadModel(ModelFileChecks.Field(element, "first_stage", path), $"{path}.first_stage", features, classes),
                    ReadModel(ModelFileChecks.Field(element, "second_stage", path), $"{path}.second_stage", features, classes),
                    ModelFileChecks.Number(element, "first_stage_threshold", path),
                    ModelFileChecks.Int(element, "rare_class", path, 0, classes - 1),
                    classes,
                    ModelFileChecks.InRange(ModelFileChecks.Number(element, "training_second_stage_share", path), 0, 1, $"{path}.training_second_stage_share"));
            case "isolation-forest":
                ModelFileChecks.Shape(element, path, features, classes);
                return new IsolationForestModel(
                    ReadTrees(element, path, features, 1, probabilityLeaves: false),
                    classes,
                    ModelFileChecks.Int(element, "normal_class", path, 0, classes - 1),
                    features,
                    ModelFileChecks.Int(element, "samples", path, 2, int.MaxValue));
            default:
                throw new DataFormatException($"Unknown model kind '{kind}' at {path} in the saved pipeline.");
        }
    }

    private static LogisticRegressionModel ReadLogisticRegression(JsonElement element, string path, int features, int classes)
    {
        ModelFileChecks.Shape(element, path, features, classes);
        var trained = ModelFileChecks.ClassList(element, "trained_classes", path, classes);
        var rows = ModelFileChecks.Array(element, "coefficients", path);
        var outputs = trained.Length == 2 ? 1 : trained.Length;
        ModelFileChecks.Count(rows.Length, outputs, $"{path}.coefficients", "one row for two trained classes, else one per trained class");
        var coefficients = new double[outputs][];
        for (var o = 0; o < outputs; o++)
        {
            coefficients[o] = ModelFileChecks.Numbers(rows[o], $"{path}.coefficients[{o}]");
            ModelFileChecks.Count(coefficients[o].Length, features, $"{path}.coefficients[{o}]", "one per feature the model is given");
        }

        var intercepts = ModelFileChecks.Numbers(element, "intercepts", path);
        ModelFileChecks.Count(intercepts.Length, outputs, $"{path}.intercepts", "one per row of coefficients");
        return new LogisticRegressionModel(
            coefficients,
            intercepts,
            trained,
            classes,
            ModelFileChecks.Int(element, "iterations", path, 0, int.MaxValue),
            ModelFileChecks.Flag(element, "converged", path));
    }

    private static BalancedEnsembleModel ReadBalancedEnsemble(JsonElement element, string path, int features, int classes)
    {
        ModelFileChecks.Shape(element, path, features, classes);
        var members = ModelFileChecks.Array(element, "members", path);
        if (members.Length == 0)
        {
            throw ModelFileChecks.Damaged($"{path}.members is empty; an ensemble has at least one member");
        }

        var models = new IProbabilisticClassifier[members.Length];
        var columns = new int[]?[members.Length];
        var classCounts = new int[members.Length][];
        for (var m = 0; m < members.Length; m++)
        {
            var at = $"{path}.members[{m}]";
            if (members[m].ValueKind == JsonValueKind.Object && members[m].TryGetProperty("columns", out _))
            {
                // A member sees distinct columns of the row, so no more of them than the row has.
                var own = ModelFileChecks.Ints(members[m], "columns", at);
                var seen = new bool[features];
                for (var f = 0; f < own.Length; f++)
                {
                    var column = ModelFileChecks.InRange(own[f], 0, features - 1, $"{at}.columns[{f}]");
                    if (seen[column])
                    {
                        throw ModelFileChecks.Damaged($"{at}.columns[{f}] = {column} repeats a column");
                    }

                    seen[column] = true;
                }

                columns[m] = own;
            }

            classCounts[m] = ModelFileChecks.Ints(members[m], "class_counts", at);
            ModelFileChecks.Count(classCounts[m].Length, classes, $"{at}.class_counts", "one per class");
            for (var c = 0; c < classes; c++)
            {
                ModelFileChecks.InRange(classCounts[m][c], 0, int.MaxValue, $"{at}.class_counts[{c}]");
            }

            models[m] = ReadModel(ModelFileChecks.Field(members[m], "model", at), $"{at}.model", columns[m]?.Length ?? features, classes);
        }

        return new BalancedEnsembleModel(
            models,
            columns,
            [.. members.Select(_ => Array.Empty<int>())],
            [.. members.Select(_ => Array.Empty<int>())],
            classCounts,
            classes,
            features);
    }

    private static AdaBoostModel ReadAdaBoost(JsonElement element, string path, int features, int classes)
    {
        ModelFileChecks.Shape(element, path, features, classes);
        var trained = ModelFileChecks.ClassList(element, "trained_classes", path, classes);
        var members = ModelFileChecks.Array(element, "members", path);
        if (members.Length == 0)
        {
            throw ModelFileChecks.Damaged($"{path}.members is empty; a boosted model has at least one learner");
        }

        var weights = ModelFileChecks.Numbers(element, "weights", path);
        ModelFileChecks.Count(weights.Length, members.Length, $"{path}.weights", "one per member");
        var errors = ModelFileChecks.Numbers(element, "errors", path);
        ModelFileChecks.Count(errors.Length, members.Length, $"{path}.errors", "one per member");
        var total = 0.0;
        for (var m = 0; m < weights.Length; m++)
        {
            total += ModelFileChecks.InRange(weights[m], 0, double.MaxValue, $"{path}.weights[{m}]");
        }

        // The votes are divided by the weights' sum: it must be a positive, finite number.
        if (!(total > 0) || !double.IsFinite(total))
        {
            throw ModelFileChecks.Damaged(string.Create(CultureInfo.InvariantCulture, $"{path}.weights sum to {total:R}; the vote needs a positive, finite total"));
        }

        var learners = new IProbabilisticClassifier[members.Length];
        for (var m = 0; m < members.Length; m++)
        {
            learners[m] = ReadModel(members[m], $"{path}.members[{m}]", features, classes);
        }

        return new AdaBoostModel(learners, weights, errors, [.. learners.Select(_ => Array.Empty<int>())], trained, classes, features);
    }

    private static DecisionTreeModel[] ReadTrees(JsonElement element, string path, int features, int classes, bool probabilityLeaves)
    {
        var trees = ModelFileChecks.Array(element, "trees", path);
        if (trees.Length == 0)
        {
            throw ModelFileChecks.Damaged($"{path}.trees is empty; a forest has at least one tree");
        }

        var read = new DecisionTreeModel[trees.Length];
        for (var t = 0; t < trees.Length; t++)
        {
            read[t] = ReadTreeBody(trees[t], $"{path}.trees[{t}]", features, classes, probabilityLeaves);
        }

        return read;
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

    private static DecisionTreeModel ReadTreeBody(JsonElement element, string path, int features, int classes, bool probabilityLeaves)
    {
        ModelFileChecks.Shape(element, path, features, classes);
        var (nodes, leafValues) = ModelFileChecks.Tree(element, path, features, classes, probabilityLeaves);
        return new DecisionTreeModel(
            nodes,
            leafValues,
            classes,
            features,
            ModelFileChecks.Int(element, "depth", path));
    }
}
