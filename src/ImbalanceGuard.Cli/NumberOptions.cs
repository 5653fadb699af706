using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ImbalanceGuard.Cli;

/// <summary>
/// Number options that fail in the user's words: "--seed must be a whole number; got '1.5'." instead of
/// System.CommandLine's "as expected type 'System.Int32'".
/// </summary>
internal static class NumberOptions
{
    /// <summary>Gives every whole-number and number option under <paramref name="command"/> without a parser of its own one that says so.</summary>
    public static void Apply(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int> { CustomParser: null } whole:
                    whole.CustomParser = r => WholeNumber(r, int.MinValue);
                    break;
                case Option<int?> { CustomParser: null } optionalWhole:
                    optionalWhole.CustomParser = r => WholeNumber(r, int.MinValue);
                    break;
                case Option<double> { CustomParser: null } number:
                    number.CustomParser = Number;
                    break;
                case Option<double?> { CustomParser: null } optionalNumber:
                    optionalNumber.CustomParser = r => Number(r);
                    break;
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            Apply(subcommand);
        }
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>, or a parse error naming the option.</summary>
    public static int WholeNumber(ArgumentResult result, int minimum)
    {
        var name = OptionName(result);
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError(minimum == int.MinValue
                ? $"{name} must be a whole number; got '{text}'."
                : string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {minimum} to {int.MaxValue}; got '{text}'."));
        }
        else if (value < minimum)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be at least {minimum}; got {value}."));
        }

        return value;
    }

    /// <summary>A finite number, or a parse error naming the option.</summary>
    public static double Number(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            result.AddError($"{OptionName(result)} must be a number; got '{text}'.");
        }

        return value;
    }

    /// <summary>A finite number above zero, or a parse error naming the option.</summary>
    public static double PositiveNumber(ArgumentResult result)
    {
        var value = Number(result);
        if (result.Errors.Any() is false && !(value > 0))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{OptionName(result)} must be above 0; got {value}."));
        }

        return value;
    }

    public static string OptionName(ArgumentResult result)
        => (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;
}
