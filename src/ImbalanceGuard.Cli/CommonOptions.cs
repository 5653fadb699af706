using System.CommandLine;

namespace ImbalanceGuard.Cli;

/// <summary>Options shared by several commands; each command gets its own instances.</summary>
internal static class CommonOptions
{
    public static Argument<string> CsvArgument(string description) => new("csv")
    {
        Description = description,
    };

    public static Option<string?> Label() => new("--label")
    {
        Description = "The label (class) column; default: the last column.",
        HelpName = "COL",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the results as one JSON object on stdout and nothing else there (warnings and errors go to stderr).",
    };

    public static Option<string> Out(string description) => new("--out", "-o")
    {
        Description = description,
        HelpName = "OUT.csv",
        Required = true,
    };

    /// <summary>The cell separator: one character, or <c>tab</c>.</summary>
    public static Option<char> Separator() => new("--separator")
    {
        Description = "The cell separator: one character such as ';', or 'tab'. Default ','.",
        HelpName = "CHAR",
        DefaultValueFactory = _ => ',',
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (text is "tab" or "\\t")
            {
                return '\t';
            }

            if (text.Length != 1 || text[0] is '"' or '\n' or '\r')
            {
                result.AddError($"--separator must be one character (or 'tab'), not a quote or a line break; got '{text}'.");
                return ',';
            }

            return text[0];
        },
    };

    /// <summary>The positive class, defined once for every command that needs one.</summary>
    public static Option<string?> Positive(string fallback) => new("--positive")
    {
        Description = "The positive class (the one to find); default " + fallback + ".",
        HelpName = "CLASS",
    };
}
