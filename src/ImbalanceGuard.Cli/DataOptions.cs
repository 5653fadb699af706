using System.CommandLine;
using System.Globalization;

namespace ImbalanceGuard.Cli;

/// <summary>
/// How every command that reads a labelled data file reads it, defined once: <c>--label</c>, <c>--separator</c>,
/// <c>--ignore</c>, <c>--categorical</c>, and the CSV limits (<see cref="CsvLimitOptions"/>). Text columns are read as categories (a column whose first data cell is
/// not a number), and a label column that looks continuous gets a warning.
/// </summary>
internal sealed class DataOptions
{
    // Above this many classes, and this share of the rows, a label looks like a measurement.
    private const int ManyClasses = 20;
    private const double ManyClassesShare = 0.05;

    public Option<string?> Label { get; } = CommonOptions.Label();

    public Option<char> Separator { get; } = CommonOptions.Separator();

    public Option<string[]> Ignore { get; } = ColumnList(
        "--ignore", "Columns that are not features (identifiers, dates, notes): left out. Comma-separated; repeatable.");

    public Option<string[]> Categorical { get; } = ColumnList(
        "--categorical",
        "Numeric-coded columns that hold categories (a region code, a product id). Text columns are categorical without it. Comma-separated; repeatable.");

    public CsvLimitOptions Limits { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Label);
        command.Options.Add(Separator);
        command.Options.Add(Ignore);
        command.Options.Add(Categorical);
        Limits.AddTo(command);
    }

    /// <summary>The library's load options for what was given, with <paramref name="moreCategorical"/> (smote-nc's categorical_features) added.</summary>
    public CsvLoadOptions LoadOptions(ParseResult parseResult, IEnumerable<string>? moreCategorical = null, bool allCategorical = false) => new()
    {
        LabelColumn = parseResult.GetValue(Label),
        Separator = parseResult.GetValue(Separator),
        IgnoreColumns = Columns(parseResult.GetValue(Ignore)),
        CategoricalColumns = [.. Columns(parseResult.GetValue(Categorical)), .. moreCategorical ?? []],
        AllFeaturesCategorical = allCategorical,
        TextColumnsAsCategorical = true,
        CategoricalHint = "name it with --categorical {0}",
        Limits = Limits.Limits(parseResult),
    };

    /// <summary>What the engine needs to profile <paramref name="path"/> out of core as <see cref="LoadOptions"/> would read it.</summary>
    public Scale.ProfileRequest ProfileRequest(string path, ParseResult parseResult)
        => new(path, parseResult.GetValue(Label), [.. Columns(parseResult.GetValue(Ignore))], [.. Columns(parseResult.GetValue(Categorical))], parseResult.GetValue(Separator));

    /// <summary>Loads <paramref name="path"/> and warns on <paramref name="stderr"/> when its label column looks continuous.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not usable; the message says where and why.</exception>
    public static Dataset Load(string path, CsvLoadOptions options, TextWriter stderr)
    {
        var data = TableFile.LoadDataset(path, options);
        if (ContinuousLabelWarning(data) is { } warning)
        {
            stderr.WriteLine("warning: " + warning);
        }

        return data;
    }

    /// <summary>
    /// A sentence when the label column looks like a measurement rather than classes: a number that is not whole,
    /// or more than 20 distinct values that are also more than 5 % of the rows. Null otherwise.
    /// </summary>
    internal static string? ContinuousLabelWarning(LabeledData data)
    {
        var names = data.Schema.ClassNames;
        var fraction = names.FirstOrDefault(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x != Math.Floor(x));
        if (fraction is null && (names.Count <= ManyClasses || names.Count <= ManyClassesShare * data.RowCount))
        {
            return null;
        }

        var what = fraction is null ? string.Empty : $", such as '{fraction}'";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"label column '{data.Schema.LabelName}' has {names.Count} distinct values{what}: is it the label? If not, name the label with --label COL.");
    }

    private static IReadOnlyCollection<string> Columns(string[]? lists)
        => [.. (lists ?? []).SelectMany(l => l.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    private static Option<string[]> ColumnList(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "COL,…",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
