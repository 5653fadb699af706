using System.CommandLine;
using ImbalanceGuard.Scale;
using ImbalanceGuard.Thresholds;

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

    /// <summary>
    /// What a decision threshold is tuned for, read by <see cref="ThresholdObjective.Parse"/>: one grammar for <c>tune</c>,
    /// <c>compare</c> and <c>report</c>. Without <paramref name="required"/> the default is F1.
    /// </summary>
    public static Option<ThresholdObjective> Objective(string purpose, bool required) => new("--objective")
    {
        Description = purpose + ": f1, fbeta:B, mcc, cost:fp=A,fn=B (minimise expected cost), min-precision:P (most recall with at least "
            + "that precision), min-recall:R (most precision with at least that recall), max-alerts:N/M (most recall flagging at most N "
            + "rows in every M). Constraints may follow, comma-separated: the first item is optimised among the thresholds that meet "
            + "every floor and budget after it, e.g. f1,max-alerts:50/1000,min-recall:0.6." + (required ? string.Empty : " Default f1."),
        HelpName = "OBJ[,CONSTRAINT…]",
        Required = required,
        DefaultValueFactory = _ => ThresholdObjective.F1,
        CustomParser = result =>
        {
            try
            {
                return ThresholdObjective.Parse(result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty);
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
                return ThresholdObjective.F1;
            }
        },
    };

    /// <summary>The positive class, defined once for every command that needs one.</summary>
    public static Option<string?> Positive(string fallback) => new("--positive")
    {
        Description = "The positive class (the one to find); default " + fallback + ".",
        HelpName = "CLASS",
    };

    /// <summary><c>--memory-limit SIZE</c>: the out-of-core cap, such as 512MB or 2GB (default 1GB); see <see cref="OutOfCore"/>.</summary>
    public static Option<long> MemoryLimit() => new("--memory-limit")
    {
        Description = "The memory cap, such as 512MB or 2GB (default 1GB). A Parquet file, or a CSV file larger than a quarter of it, is processed out of core: streamed by the tool, or by the embedded engine, which spills to the temporary folder beyond it.",
        HelpName = "SIZE",
        DefaultValueFactory = _ => 1L << 30,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            try
            {
                return MemorySize.Parse(text);
            }
            catch (FormatException e)
            {
                result.AddError("--memory-limit: " + e.Message);
                return 0;
            }
        },
    };

    /// <summary><c>--pre-split</c>: the input is the training part of a split made elsewhere (it has no split record).</summary>
    public static Option<bool> PreSplit() => new("--pre-split")
    {
        Description = "The input is the training part of a split made elsewhere, so it has no split record (<file>.ig.json) beside it; without this, a file without a record is unsplit data and resampling it is refused.",
    };
}
