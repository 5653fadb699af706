namespace ImbalanceGuard.Cli;

/// <summary>
/// An output file could not be written. The message names the path the user gave; the exit code says whose
/// doing it was: 2 for a destination the user cannot write to, 1 for a full disk or another failure.
/// </summary>
internal sealed class OutputException(string message, int exitCode, Exception innerException) : IOException(message, innerException)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Classifies what the system said while creating, writing or moving the file <paramref name="given"/>.</summary>
    public static OutputException From(Exception e, string option, string given)
    {
        var where = $"{option} {given}";
        if (IsDiskFull(e))
        {
            return new OutputException($"{where}: the disk is full; nothing was written.", ExitCodes.InternalFailure, e);
        }

        if (IsUnwritable(e))
        {
            return new OutputException($"{where}: cannot write there ({Reason(e)}); choose another folder.", ExitCodes.BadInput, e);
        }

        return new OutputException($"{where}: writing failed: {e.Message}", ExitCodes.InternalFailure, e);
    }

    // errno as .NET reports it on Unix (IOException.HResult), and the Win32 errors inside an HRESULT on Windows.
    private const int NoSpaceErrno = 28;
    private const int ReadOnlyFileSystemErrno = 30;
    private const int Win32DiskFull = 112;
    private const int Win32HandleDiskFull = 39;
    private const int Win32WriteProtected = 19;

    internal static bool IsDiskFull(Exception e)
        => e is IOException && (e.HResult == NoSpaceErrno || Win32Error(e) is Win32DiskFull or Win32HandleDiskFull);

    internal static bool IsUnwritable(Exception e)
        => e is UnauthorizedAccessException
            || (e is IOException && (e.HResult == ReadOnlyFileSystemErrno || Win32Error(e) == Win32WriteProtected));

    private static string Reason(Exception e)
        => e is UnauthorizedAccessException ? "permission denied" : "read-only file system";

    /// <summary>The Win32 error code of an HRESULT made from one (facility 7), else -1.</summary>
    private static int Win32Error(Exception e)
        => OperatingSystem.IsWindows() && unchecked((uint)e.HResult) >> 16 == 0x8007 ? e.HResult & 0xFFFF : -1;
}
