using System.Runtime.InteropServices;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Thresholds;

/// <summary>
/// A 64-bit FNV-1a hash of the exact bits of some data, to recognise the same data later without keeping it.
/// </summary>
internal readonly record struct DataFingerprint(ulong Hash, int Rows)
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static DataFingerprint Of(BinaryScores data)
    {
        var hash = Offset;
        hash = Add(hash, MemoryMarshal.AsBytes(data.IsPositive));
        hash = Add(hash, MemoryMarshal.AsBytes(data.Scores));
        hash = Add(hash, MemoryMarshal.AsBytes(data.Weights));
        return new DataFingerprint(hash, data.Count);
    }

    public static DataFingerprint Of(LabeledData data)
    {
        var hash = Offset;
        for (var i = 0; i < data.RowCount; i++)
        {
            // Row by row: the same hash as over the whole matrix, without joining a shared matrix first.
            hash = Add(hash, MemoryMarshal.AsBytes(data.Table.Row(i)));
        }

        hash = Add(hash, MemoryMarshal.AsBytes(data.Labels));
        return new DataFingerprint(hash, data.RowCount);
    }

    private static ulong Add(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
