using System.Globalization;
using System.Text.Json;
using ImbalanceGuard.Models;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// Reads the fields of a saved pipeline and checks every value before a model is built from it, so that a damaged or
/// hostile file is refused at load with a <see cref="DataFormatException"/> naming the field
/// (<c>model.trees[3].node_next[17] = 0 points back to node 0, not after node 17</c>) and a loaded model can only fail
/// on the rows it scores. A path is the field's place in the file, written as a reader would look it up.
/// </summary>
internal static class ModelFileChecks
{
    // How far a fitted probability can stray outside 0 … 1 by rounding (weighted leaves are sums of many weights).
    private const double Rounding = 1e-9;

    /// <summary>The property <paramref name="name"/> of <paramref name="owner"/>, which must be there.</summary>
    public static JsonElement Field(JsonElement owner, string name, string path)
    {
        if (owner.ValueKind != JsonValueKind.Object)
        {
            throw Damaged($"{(path.Length == 0 ? "the file" : path)} is {Describe(owner)}, not an object");
        }

        return owner.TryGetProperty(name, out var value) ? value : throw Damaged($"{Join(path, name)} is missing");
    }

    public static int Int(JsonElement owner, string name, string path) => Int(Field(owner, name, path), Join(path, name));

    /// <summary>A whole number within <paramref name="minimum"/> … <paramref name="maximum"/>.</summary>
    public static int Int(JsonElement owner, string name, string path, int minimum, int maximum)
    {
        var value = Int(owner, name, path);
        return InRange(value, minimum, maximum, Join(path, name));
    }

    public static double Number(JsonElement owner, string name, string path) => Number(Field(owner, name, path), Join(path, name));

    /// <summary>A share strictly between 0 and 1.</summary>
    public static double Rate(JsonElement owner, string name, string path)
    {
        var value = Number(owner, name, path);
        return value > 0 && value < 1
            ? value
            : throw Damaged(string.Create(CultureInfo.InvariantCulture, $"{Join(path, name)} = {value:R} is not strictly between 0 and 1"));
    }

    public static bool Flag(JsonElement owner, string name, string path)
    {
        var value = Field(owner, name, path);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Damaged($"{Join(path, name)} is {Describe(value)}, not true or false"),
        };
    }

    public static string Text(JsonElement owner, string name, string path) => String(Field(owner, name, path), Join(path, name));

    public static JsonElement[] Array(JsonElement owner, string name, string path) => Array(Field(owner, name, path), Join(path, name));

    public static JsonElement[] Array(JsonElement value, string path)
        => value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : throw Damaged($"{path} is {Describe(value)}, not an array");

    public static double[] Numbers(JsonElement owner, string name, string path) => Numbers(Field(owner, name, path), Join(path, name));

    /// <summary>An array of finite numbers.</summary>
    public static double[] Numbers(JsonElement value, string path) => Each(value, path, Number);

    public static int[] Ints(JsonElement owner, string name, string path) => Ints(Field(owner, name, path), Join(path, name));

    public static int[] Ints(JsonElement value, string path) => Each(value, path, Int);

    public static string[] Strings(JsonElement owner, string name, string path) => Strings(Field(owner, name, path), Join(path, name));

    public static string[] Strings(JsonElement value, string path) => Each(value, path, String);

    /// <summary>Numbers in strictly ascending order, as a binary search over them needs.</summary>
    public static double[] Ascending(JsonElement value, string path)
    {
        var numbers = Numbers(value, path);
        for (var i = 1; i < numbers.Length; i++)
        {
            if (!(numbers[i] > numbers[i - 1]))
            {
                throw Damaged(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}] = {numbers[i]:R} does not come after {numbers[i - 1]:R}; the values must be strictly ascending"));
            }
        }

        return numbers;
    }

    public static int Int(JsonElement value, string path)
        => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Damaged($"{path} is {Describe(value)}, not a whole number in the range of a 32-bit integer");

    public static double Number(JsonElement value, string path)
        => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Damaged($"{path} is {Describe(value)}, not a finite number");

    public static string String(JsonElement value, string path)
        => value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Damaged($"{path} is {Describe(value)}, not a string");

    public static int InRange(int value, int minimum, int maximum, string path)
        => value >= minimum && value <= maximum
            ? value
            : throw Damaged(string.Create(CultureInfo.InvariantCulture, $"{path} = {value} is outside {minimum} … {maximum}"));

    public static double InRange(double value, double minimum, double maximum, string path)
        => value >= minimum && value <= maximum
            ? value
            : throw Damaged(string.Create(CultureInfo.InvariantCulture, $"{path} = {value:R} is outside {minimum:R} … {maximum:R}"));

    /// <summary>That <paramref name="path"/> holds <paramref name="expected"/> items, and why.</summary>
    public static void Count(int actual, int expected, string path, string why)
    {
        if (actual != expected)
        {
            throw Damaged(string.Create(CultureInfo.InvariantCulture, $"{path} has {actual} items; it needs {expected} ({why})"));
        }
    }

    /// <summary>That a model's stated class and feature counts are those of the rows the pipeline gives it.</summary>
    public static void Shape(JsonElement model, string path, int features, int classes)
    {
        Equal(Int(model, "classes", path), classes, $"{path}.classes", "the classes of the pipeline");
        if (model.TryGetProperty("features", out _))
        {
            Equal(Int(model, "features", path), features, $"{path}.features", "the features the model is given");
        }
    }

    public static void Equal(int actual, int expected, string path, string what)
    {
        if (actual != expected)
        {
            throw Damaged(string.Create(CultureInfo.InvariantCulture, $"{path} = {actual}, but there are {expected} ({what})"));
        }
    }

    /// <summary>Class indices: at least two, strictly ascending, each a class of the pipeline.</summary>
    public static int[] ClassList(JsonElement owner, string name, string path, int classes)
    {
        var list = Ints(owner, name, path);
        if (list.Length < 2)
        {
            throw Damaged(string.Create(CultureInfo.InvariantCulture, $"{Join(path, name)} lists {list.Length} classes; a model tells at least two apart"));
        }

        for (var i = 0; i < list.Length; i++)
        {
            InRange(list[i], i == 0 ? 0 : list[i - 1] + 1, classes - 1, $"{Join(path, name)}[{i}]");
        }

        return list;
    }

    /// <summary>
    /// Checks a tree's nodes and leaves and returns them. Nodes are in preorder: a split's left child is the next node
    /// and its right child (<c>node_next</c>) comes after the whole left subtree, so checking that every subtree fills
    /// exactly its range of nodes proves the nodes form one tree — no cycle, no shared or unreachable node — and gives
    /// its depth, which must be the stored one (the walk that scores a row is bounded by it).
    /// </summary>
    public static (TreeNode[] Nodes, double[] LeafValues) Tree(JsonElement tree, string path, int features, int classes, bool probabilityLeaves)
    {
        var featureOf = Ints(tree, "node_features", path);
        var thresholds = Numbers(tree, "node_thresholds", path);
        var next = Ints(tree, "node_next", path);
        var leafValues = Numbers(tree, "leaf_values", path);
        if (featureOf.Length == 0)
        {
            throw Damaged($"{path}.node_features is empty; a tree has at least one node");
        }

        Count(thresholds.Length, featureOf.Length, $"{path}.node_thresholds", "one per node, as node_features");
        Count(next.Length, featureOf.Length, $"{path}.node_next", "one per node, as node_features");
        if (leafValues.Length == 0 || leafValues.Length % classes != 0)
        {
            throw Damaged(string.Create(CultureInfo.InvariantCulture, $"{path}.leaf_values has {leafValues.Length} values; it needs one per class ({classes}) for each leaf"));
        }

        var leaves = leafValues.Length / classes;
        for (var i = 0; i < leafValues.Length; i++)
        {
            if (leafValues[i] < -Rounding || (probabilityLeaves && leafValues[i] > 1 + Rounding))
            {
                throw Damaged(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{path}.leaf_values[{i}] = {leafValues[i]:R} is {(probabilityLeaves ? "not a probability (0 … 1)" : "negative (it is a path length)")}"));
            }
        }

        var depth = 0;
        var pending = new Stack<(int Node, int End, int Depth)>();
        pending.Push((0, featureOf.Length, 0));
        while (pending.Count > 0)
        {
            var (i, end, level) = pending.Pop();
            depth = Math.Max(depth, level);
            if (featureOf[i] == -1)
            {
                if (end != i + 1)
                {
                    throw Damaged(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{path}.node_features[{i}] = -1 makes node {i} a leaf, but nodes {i + 1} … {end - 1} lie in its subtree"));
                }

                InRange(next[i], 0, leaves - 1, $"{path}.node_next[{i}] (a leaf's index into leaf_values)");
                continue;
            }

            InRange(featureOf[i], 0, features - 1, $"{path}.node_features[{i}] (-1 for a leaf, else a feature)");
            var right = next[i];
            if (right <= i)
            {
                throw Damaged(string.Create(CultureInfo.InvariantCulture, $"{path}.node_next[{i}] = {right} points back to node {right}, not after node {i}"));
            }

            if (right == i + 1 || right >= end)
            {
                throw Damaged(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{path}.node_next[{i}] = {right} is not a right child: node {i}'s children must lie in {i + 2} … {end - 1}, after its left subtree"));
            }

            pending.Push((right, end, level + 1));
            pending.Push((i + 1, right, level + 1));
        }

        Equal(Int(tree, "depth", path), depth, $"{path}.depth", "levels below the root in the tree's nodes");
        var nodes = new TreeNode[featureOf.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new TreeNode(thresholds[i], featureOf[i], next[i]);
        }

        return (nodes, leafValues);
    }

    /// <summary>Every item of the array at <paramref name="path"/>, each read by <paramref name="read"/> with its own path.</summary>
    public static T[] Each<T>(JsonElement value, string path, Func<JsonElement, string, T> read)
    {
        var items = Array(value, path);
        var values = new T[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            values[i] = read(items[i], $"{path}[{i}]");
        }

        return values;
    }

    /// <summary>The path of field <paramref name="name"/> of the object at <paramref name="path"/> (empty for the file's top level).</summary>
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static DataFormatException Damaged(string what) => new($"The saved pipeline is damaged: {what}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "missing",
    };
}
