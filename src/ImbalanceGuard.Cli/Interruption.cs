using System.Runtime.InteropServices;

namespace ImbalanceGuard.Cli;

/// <summary>
/// Ctrl-C (SIGINT) while the tool runs: every temporary output file is removed, one line goes to stderr and
/// the process exits 130 (128 + the signal's number, as a shell reports it) at once, even in the middle of a
/// long resampling that cannot stop by itself.
/// </summary>
internal static class Interruption
{
    public const int ExitCode = 130;

    /// <summary>Handles SIGINT until the registration is disposed; only the real process (Main) does this.</summary>
    public static IDisposable Register(TextWriter stderr) => PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
    {
        context.Cancel = true; // the runtime would end the process before the files are removed
        StagedOutput.Abandon();
        stderr.WriteLine("error: interrupted; no output file was written.");
        stderr.Flush();
        Environment.Exit(ExitCode);
    });
}
