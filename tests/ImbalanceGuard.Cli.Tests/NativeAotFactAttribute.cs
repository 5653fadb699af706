using System.Runtime.InteropServices;
using ImbalanceGuard.Tests.Shared;

namespace ImbalanceGuard.Cli.Tests;

/// <summary>
/// A test of the tool's native (Native AOT) linux-x64 package: it needs Linux x64 and the C toolchain Native AOT
/// links with (clang or gcc, and objcopy), which the .NET SDK does not bring. Skipped with the reason elsewhere.
/// </summary>
public sealed class NativeAotFactAttribute : RequirementFactAttribute
{
    public NativeAotFactAttribute()
        : base(Missing())
    {
    }

    private static string? Missing()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return $"the tool's native package is built for linux-x64 only; this is {RuntimeInformation.OSDescription} on {RuntimeInformation.OSArchitecture}";
        }

        var hasCompiler = OnPath("clang") || OnPath("gcc");
        var hasObjcopy = OnPath("objcopy") || OnPath("llvm-objcopy");
        return hasCompiler && hasObjcopy
            ? null
            : "Native AOT links with clang or gcc and strips with objcopy, and this machine lacks "
                + (hasCompiler ? "objcopy" : hasObjcopy ? "a C compiler" : "both")
                + "; apt-get install -y clang (or gcc), or run .ci/run (it installs them)";
    }

    private static bool OnPath(string command)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, command)));
}
