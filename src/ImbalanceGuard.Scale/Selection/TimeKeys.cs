using System.Globalization;

namespace ImbalanceGuard.Scale;

/// <summary>
/// Order-preserving 64-bit keys of time cells, so the radix selection finds a time-ordered split's boundary: a number
/// (any double but NaN; -0 and 0 are one key) or, when every cell is one, an ISO 8601 date or date and time
/// (<c>2024-01-02</c>, <c>2024-01-02 10:00:00</c>, <c>T</c> between them, fractions of a second, a trailing <c>Z</c>),
/// as the engine's <c>TIMESTAMP</c> reads them.
/// </summary>
internal static class TimeKeys
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The cell as a number, if it is one (NaN is not a time).</summary>
    public static bool TryNumber(ReadOnlySpan<char> cell, out double value)
        => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value);

    /// <summary>The cell as a date and time, if it is one.</summary>
    public static bool TryTimestamp(ReadOnlySpan<char> cell, out DateTime value)
        => DateTime.TryParseExact(cell, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);

    /// <summary>The key of a number: its bits, with the sign bit flipped for positives and every bit for negatives.</summary>
    public static ulong Of(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value == 0 ? 0.0 : value);
        return (bits & (1UL << 63)) != 0 ? ~bits : bits | (1UL << 63);
    }

    /// <summary>The key of a date and time: its ticks.</summary>
    public static ulong Of(DateTime value) => (ulong)value.Ticks;
}
