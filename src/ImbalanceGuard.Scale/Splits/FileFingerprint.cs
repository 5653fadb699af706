using System.Security.Cryptography;

namespace ImbalanceGuard.Scale;

/// <summary>What identifies a file's content: its name, size in bytes, SHA-256 and data rows.</summary>
/// <param name="Name">The file name, without its folder.</param>
/// <param name="Bytes">The size in bytes.</param>
/// <param name="Sha256">The SHA-256 of the content, lowercase hexadecimal.</param>
/// <param name="Rows">The number of data rows.</param>
public sealed record FileFingerprint(string Name, long Bytes, string Sha256, long Rows)
{
    /// <summary>The fingerprint of <paramref name="path"/> (read once, streamed), named <paramref name="name"/>.</summary>
    public static FileFingerprint Of(string path, string name, long rows)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new FileFingerprint(name, stream.Length, hash, rows);
    }
}
