using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary>Spectre.Console over a given writer, so tables go wherever the caller's stdout goes.</summary>
internal static class Terminal
{
    /// <summary>
    /// Lines written to a file or a pipe are not wrapped at Spectre's default 80 columns, which would break
    /// sentences a script greps for; a terminal keeps its own width.
    /// </summary>
    private const int UnwrappedWidth = 200;

    /// <summary>
    /// Whether a person watches <paramref name="stderr"/>: the process's own, not redirected. Progress bars go there
    /// only then; in a log they would be noise.
    /// </summary>
    public static bool Watched(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>A progress display on <paramref name="writer"/> (stderr): description, bar, percentage, elapsed time; cleared when done.</summary>
    public static Progress Progress(TextWriter writer)
        => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) })
            .Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());

    public static IAnsiConsole Over(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (!ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }
}
