using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ImbalanceGuard.Cli;

/// <summary>
/// Whether two paths name the same file however they are spelt: relative or absolute, with <c>.</c> and
/// <c>..</c>, through symbolic links anywhere in the path, or as two hard links of one file.
/// </summary>
internal static partial class FileIdentity
{
    private const int MaxLinkHops = 40; // Linux's own limit (ELOOP)

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> are one file: the same device and inode (on
    /// Windows, volume and file index) when both exist, otherwise the same path once every link is resolved.
    /// </summary>
    public static bool Same(string a, string b)
    {
        if (File.Exists(a) && File.Exists(b) && Id(a) is { } idA && Id(b) is { } idB)
        {
            return idA == idB;
        }

        return string.Equals(Resolve(a), Resolve(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>
    /// The absolute path with every symbolic link resolved, component by component as the system resolves it
    /// (<c>link/..</c> is the parent of the link's target, not the folder holding the link). Missing components stay as written.
    /// </summary>
    public static string Resolve(string path)
    {
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var resolved = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>(Components(absolute[resolved.Length..]).Reverse());
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }

            var next = Path.Combine(resolved, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null || ++hops > MaxLinkHops)
            {
                resolved = next;
                continue;
            }

            // The link's target takes its place; a relative target starts from the link's folder.
            if (Path.IsPathRooted(target))
            {
                resolved = Path.GetPathRoot(target)!;
                target = target[resolved.Length..];
            }

            foreach (var item in Components(target).Reverse())
            {
                pending.Push(item);
            }
        }

        return resolved;
    }

    private static string[] Components(string path)
        => path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The file's (device, inode) or (volume, index); null where the system cannot say.</summary>
    private static (ulong Device, ulong Node)? Id(string path)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                return StatxId(path);
            }

            if (OperatingSystem.IsWindows())
            {
                return WindowsId(path);
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or IOException or UnauthorizedAccessException)
        {
            // An old C library or an unreadable file: fall back to comparing resolved paths.
        }

        return null;
    }

    private static (ulong, ulong)? StatxId(string path)
    {
        const int AtCurrentFolder = -100;
        const uint InodeMask = 0x100; // STATX_INO; the device is always filled
        if (Statx(AtCurrentFolder, path, 0, InodeMask, out var status) != 0)
        {
            return null;
        }

        return (((ulong)status.DeviceMajor << 32) | status.DeviceMinor, status.Inode);
    }

    private static (ulong, ulong)? WindowsId(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (!GetFileInformationByHandle(handle, out var info))
        {
            return null;
        }

        return (info.VolumeSerialNumber, ((ulong)info.FileIndexHigh << 32) | info.FileIndexLow);
    }

    // struct statx has the same layout on every Linux architecture (fixed-width fields), unlike struct stat.
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int folder, string path, int flags, uint mask, out StatxBuffer status);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetFileInformationByHandle(SafeFileHandle file, out ByHandleFileInformation information);

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }

    // FILETIME is two 32-bit words: 4-byte packing keeps the fields where Windows puts them.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct ByHandleFileInformation
    {
        public uint FileAttributes;
        public long CreationTime;
        public long LastAccessTime;
        public long LastWriteTime;
        public uint VolumeSerialNumber;
        public uint FileSizeHigh;
        public uint FileSizeLow;
        public uint NumberOfLinks;
        public uint FileIndexHigh;
        public uint FileIndexLow;
    }
}
