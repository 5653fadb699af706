using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImbalanceGuard.Tests.Pipelines;

/// <summary>
/// Damages a saved pipeline the way an edited, truncated-by-hand or hostile file is damaged: a number replaced
/// (by 0, −1, small integers, its neighbours, huge values, or a string such as "NaN", since JSON has no NaN),
/// a string or flag replaced, an array element dropped or duplicated, a key renamed or removed. Each mutation is
/// described by where it happened (<c>model.trees[3].node_next[17]: 12 → 0</c>), so a failing case can be replayed by hand.
/// </summary>
internal static class ModelFileMutator
{
    private static readonly JsonNode?[] Replacements =
    [
        0, -1, 1, 2, 3, 0.5, -0.5, 1e308, -1e308, 2147483648L, -2147483649L, 1e-300,
        "NaN", "Infinity", "-Infinity", "1",
    ];

    /// <summary>One to three mutations of <paramref name="file"/>, and what they were.</summary>
    public static (byte[] Bytes, string Description) Mutate(byte[] file, Random random)
    {
        var root = JsonNode.Parse(file) ?? throw new InvalidOperationException("The saved pipeline is empty.");
        var roll = random.NextDouble();
        var count = roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3;
        var done = new List<string>();
        for (var m = 0; m < count; m++)
        {
            done.Add(MutateOnce(root, random));
        }

        return (Encoding.UTF8.GetBytes(root.ToJsonString()), string.Join("; ", done));
    }

    private static string MutateOnce(JsonNode root, Random random)
    {
        var sites = new Sites();
        sites.Collect(root, "file");
        var roll = random.NextDouble();
        if (roll < 0.55 && sites.Numbers.Count > 0)
        {
            var (node, path) = sites.Numbers[random.Next(sites.Numbers.Count)];
            var before = Number(node);
            var after = NumberReplacement(before, sites.Numbers, random);
            Replace(node, after);
            return $"{path}: {Text(before)} -> {after?.ToJsonString()}";
        }

        if (roll < 0.65 && sites.Others.Count > 0)
        {
            var (node, path) = sites.Others[random.Next(sites.Others.Count)];
            var before = node.ToJsonString();
            JsonNode? after = random.Next(4) switch
            {
                0 => null,
                1 => string.Empty,
                2 => random.Next(2) == 0,
                _ => sites.Strings.Count > 0 ? sites.Strings[random.Next(sites.Strings.Count)] : "x",
            };
            Replace(node, after);
            return $"{path}: {before} -> {after?.ToJsonString() ?? "null"}";
        }

        if (roll < 0.9 && sites.Arrays.Count > 0)
        {
            var (array, path) = sites.Arrays[random.Next(sites.Arrays.Count)];
            var index = random.Next(array.Count);
            if (random.Next(2) == 0)
            {
                array.RemoveAt(index);
                return $"{path}[{index}] dropped";
            }

            array.Insert(index, array[index]?.DeepClone());
            return $"{path}[{index}] duplicated";
        }

        var (owner, name, at) = sites.Keys[random.Next(sites.Keys.Count)];
        var value = owner[name];
        owner.Remove(name);
        if (random.Next(2) == 0)
        {
            return $"{at} removed";
        }

        owner[name + "_renamed"] = value;
        return $"{at} renamed to {name}_renamed";
    }

    private static JsonNode? NumberReplacement(double before, List<(JsonValue Node, string Path)> numbers, Random random)
        => random.Next(6) switch
        {
            0 => before + 1,
            1 => before - 1,
            2 => random.Next(-3, 40),
            3 => Number(numbers[random.Next(numbers.Count)].Node),
            _ => Replacements[random.Next(Replacements.Length)]?.DeepClone(),
        };

    private static void Replace(JsonNode node, JsonNode? value)
    {
        switch (node.Parent)
        {
            case JsonArray array:
                array[node.GetElementIndex()] = value;
                break;
            case JsonObject owner:
                owner[node.GetPropertyName()] = value;
                break;
            default:
                throw new InvalidOperationException("The root of the file cannot be replaced.");
        }
    }

    /// <summary>A number of the document, whether parsed or put there by an earlier mutation.</summary>
    private static double Number(JsonValue node) => double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Every place of a document a mutation can hit.</summary>
    private sealed class Sites
    {
        public List<(JsonValue Node, string Path)> Numbers { get; } = [];

        public List<(JsonValue Node, string Path)> Others { get; } = [];

        public List<string> Strings { get; } = [];

        public List<(JsonArray Array, string Path)> Arrays { get; } = [];

        public List<(JsonObject Owner, string Name, string Path)> Keys { get; } = [];

        public void Collect(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject owner:
                    foreach (var (name, value) in owner.ToList())
                    {
                        var at = $"{path}.{name}";
                        Keys.Add((owner, name, at));
                        Collect(value, at);
                    }

                    break;
                case JsonArray array:
                    if (array.Count > 0)
                    {
                        Arrays.Add((array, path));
                    }

                    for (var i = 0; i < array.Count; i++)
                    {
                        Collect(array[i], $"{path}[{i}]");
                    }

                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                    Numbers.Add((value, path));
                    break;
                case JsonValue value:
                    Others.Add((value, path));
                    if (value.GetValueKind() == JsonValueKind.String)
                    {
                        Strings.Add(value.GetValue<string>());
                    }

                    break;
                default:
                    break; // a null has no node to replace; the other mutations still reach its key
            }
        }
    }
}
