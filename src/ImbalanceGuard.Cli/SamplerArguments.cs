using System.CommandLine;
using System.Globalization;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Cli;

/// <summary>
/// What <c>resample</c> hands the library: the sampler's text parameters (from <c>--param</c> and
/// <c>--seed</c>) and how to load the CSV file for that sampler.
/// </summary>
internal static class SamplerArguments
{
    private const string SeedParameter = "random_state";
    private const string CategoricalParameter = "categorical_features";

    /// <exception cref="ArgumentException">The method is unknown.</exception>
    public static void CheckMethod(string method)
    {
        if (!SamplerCatalog.Names.Contains(method, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"unknown method '{method}'; the methods are {string.Join(", ", SamplerCatalog.Names)}.");
        }
    }

    /// <summary>
    /// <c>key=value</c> items as a dictionary, with <paramref name="seed"/> added as <c>random_state</c> when
    /// the sampler has that parameter (a sampler without it is deterministic, so the seed is moot).
    /// </summary>
    /// <exception cref="ArgumentException">An item is not <c>key=value</c>, a key repeats, or the seed is given twice.</exception>
    public static Dictionary<string, string> Parameters(string method, IEnumerable<string> items, int? seed)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var (key, text) = KeyAndValue(item, "KEY=VALUE with an imbalanced-learn parameter name, such as k_neighbors=3");
            if (!parameters.TryAdd(key, text))
            {
                throw new ArgumentException($"--param {key} is given more than once.");
            }
        }

        if (seed is { } value && SamplerCatalog.ParametersOf(method).Contains(SeedParameter, StringComparer.Ordinal))
        {
            if (parameters.ContainsKey(SeedParameter))
            {
                throw new ArgumentException($"the seed is given twice: use either --seed or --param {SeedParameter}.");
            }

            parameters[SeedParameter] = value.ToString(CultureInfo.InvariantCulture);
        }

        return parameters;
    }

    /// <summary>
    /// <c>strategy.key=value</c> items (compare and report) as parameters by strategy, each strategy one of
    /// <paramref name="strategies"/> and a sampler, each key one of its parameters: checked before any work.
    /// </summary>
    /// <exception cref="ArgumentException">An item is malformed, names a strategy not compared or not a sampler, or a parameter the sampler lacks.</exception>
    public static Dictionary<string, IReadOnlyDictionary<string, string>> StrategyParameters(IEnumerable<string> items, IReadOnlyList<string> strategies)
    {
        var byStrategy = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            const string Expected = "STRATEGY.KEY=VALUE, such as smote.k_neighbors=3";
            var (name, value) = KeyAndValue(item, Expected);
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == name.Length - 1)
            {
                throw new ArgumentException($"--param '{item}': expected {Expected}.");
            }

            var (strategy, key) = (name[..dot], name[(dot + 1)..]);
            if (!strategies.Contains(strategy, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--param {name}: '{strategy}' is not among the strategies compared ({string.Join(",", strategies)}).");
            }

            if (!SamplerCatalog.Names.Contains(strategy, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--param {name}: '{strategy}' is not a sampler and has no parameters.");
            }

            if (!SamplerCatalog.ParametersOf(strategy).Contains(key, StringComparer.Ordinal))
            {
                throw new ArgumentException($"--param {name}: {strategy} has no parameter {key}. Its parameters: {string.Join(", ", SamplerCatalog.ParametersOf(strategy))}.");
            }

            if (!(byStrategy.TryGetValue(strategy, out var parameters) ? parameters : byStrategy[strategy] = new(StringComparer.Ordinal)).TryAdd(key, value))
            {
                throw new ArgumentException($"--param {name} is given more than once.");
            }
        }

        return byStrategy.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Whether sampler <paramref name="method"/>, with its other parameters, mixes feature values (and so refuses categories).</summary>
    private static bool MixesFeatures(string method, Dictionary<string, string> parameters)
    {
        var others = parameters.Where(p => p.Key != CategoricalParameter).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return SamplerCatalog.Create(method, new SamplerParameters(others)).InterpolatesFeatures;
    }

    private static (string Key, string Value) KeyAndValue(string item, string expected)
    {
        var equals = item.IndexOf('=', StringComparison.Ordinal);
        var key = equals > 0 ? item[..equals].Trim() : string.Empty;
        return key.Length == 0
            ? throw new ArgumentException($"--param '{item}': expected {expected}.")
            : (key, item[(equals + 1)..]);
    }

    /// <summary>
    /// How to load the CSV file: SMOTEN reads every feature as a category; SMOTE-NC reads the columns its
    /// <c>categorical_features</c> parameter names (positions count feature columns, the label excluded). A sampler
    /// that mixes feature values reads them too, so that it refuses them by name and points to SMOTE-NC instead of
    /// saying only that it has no such parameter.
    /// </summary>
    /// <exception cref="ArgumentException">A position in categorical_features is outside the feature columns.</exception>
    public static CsvLoadOptions LoadOptions(string method, string csvPath, DataOptions dataOptions, ParseResult parseResult, Dictionary<string, string> parameters)
    {
        if (method == "smoten")
        {
            return dataOptions.LoadOptions(parseResult, allCategorical: true);
        }

        var general = dataOptions.LoadOptions(parseResult);
        if (!parameters.TryGetValue(CategoricalParameter, out var categorical) || (method != "smote-nc" && !MixesFeatures(method, parameters)))
        {
            return general;
        }

        // categorical_features is an alias of --categorical (its positions count the feature columns): it marks
        // columns when the file is read, and SMOTE-NC then takes every categorical column, text ones included.
        parameters.Remove(CategoricalParameter);
        var columns = TableFile.Columns(csvPath, general);
        var labelName = general.LabelColumn ?? columns[^1];
        var features = columns.Where(c => !string.Equals(c, labelName, StringComparison.Ordinal) && !general.IgnoreColumns!.Contains(c)).ToArray();
        var names = new List<string>();
        foreach (var item in categorical.Trim().Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var position))
            {
                if (position < 0 || position >= features.Length)
                {
                    throw new ArgumentException(
                        $"{CategoricalParameter}: position {position} is not a feature column; there are {features.Length} (0 to {features.Length - 1}, the label column not counted).");
                }

                names.Add(features[position]);
            }
            else
            {
                // A name: the loader reports it if no column has it.
                names.Add(item.Trim('\'', '"'));
            }
        }

        return dataOptions.LoadOptions(parseResult, names);
    }
}
