using System.Globalization;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// Text parameters for a sampler, by imbalanced-learn name (<c>k_neighbors=3</c>), read with their types.
/// Remembers what was read so that a name no sampler knows is reported instead of ignored.
/// </summary>
public sealed class SamplerParameters
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Wraps parameter values by name; <paramref name="schema"/> lets features be named rather than numbered.</summary>
    public SamplerParameters(IReadOnlyDictionary<string, string> values, DataSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
        Schema = schema;
    }

    /// <summary>The data the sampler will run on, when known.</summary>
    public DataSchema? Schema { get; }

    /// <summary>The names given but never read: unknown to the sampler.</summary>
    public IEnumerable<string> Unread => _values.Keys.Where(k => !_read.Contains(k)).Order(StringComparer.Ordinal);

    internal IReadOnlyCollection<string> ReadNames => _read;

    internal bool Has(string name)
    {
        _read.Add(name);
        return _values.ContainsKey(name);
    }

    internal string? Text(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value.Trim() : null;
    }

    internal int Int(string name, int fallback)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"Parameter {name}='{text}' is not an integer.", name);
    }

    internal double Double(string name, double fallback)
        => DoubleOrNull(name) ?? fallback;

    internal double? DoubleOrNull(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"Parameter {name}='{text}' is not a number.", name);
    }

    internal bool Bool(string name, bool fallback)
    {
        var text = Text(name);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new ArgumentException($"Parameter {name}='{text}' is not true or false.", name),
        };
    }

    internal T Choice<T>(string name, T fallback, params (string Text, T Value)[] choices)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        foreach (var (option, value) in choices)
        {
            if (string.Equals(option, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ArgumentException($"Parameter {name}='{text}' must be one of: {string.Join(", ", choices.Select(c => c.Text))}.", name);
    }

    internal SamplingStrategy Strategy()
    {
        var text = Text("sampling_strategy");
        if (text is null)
        {
            return SamplingStrategy.Auto;
        }

        try
        {
            return SamplingStrategy.Parse(text);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, "sampling_strategy", e);
        }
    }

    internal int Seed() => Int("random_state", 0);

    internal int Threads() => Int("n_jobs", -1);

    /// <summary>Feature positions from a list of positions or (with a schema) names, such as <c>0,3</c> or <c>color,size</c>.</summary>
    internal int[]? Features(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        var items = text.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return [.. items.Select(item =>
        {
            if (int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }

            var byName = Schema?.FeatureIndex(item.Trim('\'', '"')) ?? -1;
            return byName >= 0
                ? byName
                : throw new ArgumentException($"Parameter {name}: '{item}' is neither a feature position nor a feature name.", name);
        })];
    }
}
