using System.Runtime.InteropServices;
using ImbalanceGuard.Tests.Shared;

namespace ImbalanceGuard.ML.Tests;

/// <summary>
/// A test that trains ML.NET's LightGBM, whose native library (from the LightGBM package) needs GCC's OpenMP
/// runtime on Linux, libgomp.so.1, which a machine with only the .NET SDK lacks. Skipped with the reason there.
/// </summary>
public sealed class LightGbmFactAttribute : RequirementFactAttribute
{
    public LightGbmFactAttribute()
        : base(Missing())
    {
    }

    private static string? Missing()
    {
        if (!OperatingSystem.IsLinux() || NativeLibrary.TryLoad("libgomp.so.1", out _))
        {
            return null;
        }

        return "LightGBM's native library needs GCC's OpenMP runtime (libgomp.so.1), which is not installed; "
            + "apt-get install -y libgomp1, or run .ci/run (it installs it)";
    }
}
