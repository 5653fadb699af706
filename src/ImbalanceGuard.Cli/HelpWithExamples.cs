using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ImbalanceGuard.Cli;

/// <summary>The standard help followed by an "Examples:" section for the command asked about.</summary>
internal sealed class HelpWithExamples(HelpAction standard, IReadOnlyDictionary<Command, string[]> examples) : SynchronousCommandLineAction
{
    // Like the standard help: `resample --help` must work without the options resample requires.
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var code = standard.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines) && lines.Length > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
        }

        return code;
    }
}
