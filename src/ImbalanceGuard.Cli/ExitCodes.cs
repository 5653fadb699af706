namespace ImbalanceGuard.Cli;

/// <summary>The exit codes of the tool.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed inside the tool: a bug or an environment problem, not the user's input.</summary>
    public const int InternalFailure = 1;

    /// <summary>The input cannot be used: a file, a cell, an option or a parameter; the message says which.</summary>
    public const int BadInput = 2;
}
