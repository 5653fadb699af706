using System.CommandLine;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Cli;

/// <summary>Turns parse errors and exceptions into one line for stderr and an exit code.</summary>
internal static class ErrorReport
{
    public static string ForParseErrors(ParseResult parseResult)
    {
        var messages = parseResult.Errors.Select(e => Clean(e.Message)).Distinct(StringComparer.Ordinal);
        var command = parseResult.CommandResult.Command;
        var helpCommand = command is RootCommand ? CommandLine.ToolName : $"{CommandLine.ToolName} {command.Name}";
        return $"error: {string.Join(" ", messages.Select(EndSentence))} Run '{helpCommand} --help' for usage.";
    }

    public static (int ExitCode, string Line) ForException(Exception exception)
    {
        var e = Unwrap(exception);
        return e switch
        {
            OutputException output => (output.ExitCode, "error: " + Clean(e.Message)),
            OperationCanceledException => (Interruption.ExitCode, "error: interrupted; no output file was written."),
            DataFormatException or FileNotFoundException or DirectoryNotFoundException or SamplingException
                or FormatException or Thresholds.UnreachableObjectiveException
                => (ExitCodes.BadInput, "error: " + Clean(e.Message)),
            PlatformNotSupportedException => (ExitCodes.InternalFailure, "error: " + Clean(e.Message)),
            ArgumentException argument => (ExitCodes.BadInput, "error: " + Clean(WithoutParameterName(argument))),
            _ => (ExitCodes.InternalFailure, $"error: internal failure ({e.GetType().Name}): {Clean(e.Message)}"),
        };
    }

    /// <summary>Parallel loops wrap what a sampler throws; report the sampler's exception, not the wrapper.</summary>
    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
        {
            exception = aggregate.Flatten().InnerExceptions[0];
        }

        return exception;
    }

    /// <summary>ArgumentException appends " (Parameter 'x')": noise on a command line, where the message names the value.</summary>
    internal static string WithoutParameterName(ArgumentException e)
    {
        var message = e.Message;
        if (e.ParamName is not null)
        {
            message = message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary>One line: line breaks inside a message become spaces.</summary>
    private static string Clean(string message)
        => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string EndSentence(string message)
        => message.EndsWith('.') || message.EndsWith('?') || message.EndsWith('!') ? message : message + ".";
}
