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

    public static CsvLoadOptions LoadOptions(string? label) => new() { LabelColumn = label };
}
