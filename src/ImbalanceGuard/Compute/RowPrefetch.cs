using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ImbalanceGuard.Models;

/// <summary>
/// Asks the processor for a row's cache lines ahead of its use, for loops that visit rows scattered over a large
/// matrix (the hardware prefetcher only follows regular strides). A hint: nothing happens where SSE is missing.
/// </summary>
internal static class RowPrefetch
{
    /// <summary>Every cache line of the <paramref name="values"/> doubles from <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Row(ref double start, int values)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        // A prefetch never faults, so the address may be read without pinning: a moved array costs a wasted hint.
        var first = (byte*)Unsafe.AsPointer(ref start);
        var end = first + (values * sizeof(double));
        for (var line = first; line < end; line += 64)
        {
            Sse.Prefetch0(line);
        }

        Sse.Prefetch0(end - 1);
    }
}
