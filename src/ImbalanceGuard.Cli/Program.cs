namespace ImbalanceGuard.Cli;

/// <summary>
/// The <c>imbalance-guard</c> command-line tool: <c>inspect</c>, <c>resample</c>, <c>generate</c>, <c>evaluate</c>, <c>tune</c>, <c>compare</c>, <c>report</c>, <c>drift</c> and <c>split</c>.
/// Exit codes: 0 success, 1 an internal failure, 2 bad input (a file, a value, an option), 130 interrupted (Ctrl-C).
/// </summary>
public static class Program
{
    /// <summary>Runs the tool on the process's console.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        using var interruption = Interruption.Register(Console.Error);
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>
    /// Runs the tool with its output and errors going to the given writers (what tests use in-process).
    /// Never throws: every failure becomes one line on <paramref name="stderr"/> and an exit code.
    /// </summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go: tables, or JSON with <c>--json</c>.</param>
    /// <param name="stderr">Where warnings and errors go.</param>
    /// <returns>0 on success, 1 for an internal failure, 2 for bad input.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return CommandLine.Run(args, stdout, stderr);
    }
}
