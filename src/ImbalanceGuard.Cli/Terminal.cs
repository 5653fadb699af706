using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary>Spectre.Console over a given writer, so tables go wherever the caller's stdout goes.</summary>
internal static class Terminal
{
    public static IAnsiConsole Over(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.No,
    });
}
