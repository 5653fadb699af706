using System.CommandLine;
using System.Globalization;

namespace ImbalanceGuard.Cli;

/// <summary>
/// <c>--max-line-length</c>, <c>--max-field-length</c>, <c>--max-columns</c>: how much a CSV file may ask of the
/// reader (<see cref="CsvLimits"/>), on every command that reads one. A file beyond a limit is one line naming the
/// line of the file and the option that raises it, and exit code 2.
/// </summary>
internal sealed class CsvLimitOptions
{
    public Option<int> MaxLineLength { get; } = Limit(
        "--max-line-length", "CHARS", CsvLimits.Default.MaxLineLength, "The longest line (record) of a CSV file, in characters");

    public Option<int> MaxFieldLength { get; } = Limit(
        "--max-field-length", "CHARS", CsvLimits.Default.MaxFieldLength, "The longest cell of a CSV file, in characters");

    public Option<int> MaxColumns { get; } = Limit(
        "--max-columns", "N", CsvLimits.Default.MaxColumns, "The most columns a CSV file's header may name");

    public void AddTo(Command command)
    {
        command.Options.Add(MaxLineLength);
        command.Options.Add(MaxFieldLength);
        command.Options.Add(MaxColumns);
    }

    public CsvLimits Limits(ParseResult parseResult) => new()
    {
        MaxLineLength = parseResult.GetValue(MaxLineLength),
        MaxFieldLength = parseResult.GetValue(MaxFieldLength),
        MaxColumns = parseResult.GetValue(MaxColumns),
        RaiseHint = "raise it with --{1}",
    };

    private static Option<int> Limit(string name, string helpName, int defaultValue, string what) => new(name)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{what}; a file beyond it is refused. Default {defaultValue}."),
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => result.Tokens.Count == 0 ? defaultValue : NumberOptions.WholeNumber(result, 1),
    };
}
