using System.Globalization;

namespace ImbalanceGuard.Scale;

/// <summary>Reads and writes sizes such as <c>512MB</c> or <c>2GB</c> (powers of 1024, as DuckDB reads them).</summary>
public static class MemorySize
{
    private static readonly (string Unit, long Bytes)[] Units =
    [
        ("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1),
    ];

    /// <summary>Parses a whole number with an optional unit (B, KB, MB, GB, TB; case-insensitive; no unit means bytes).</summary>
    /// <exception cref="FormatException">The text is not a positive whole number with one of those units.</exception>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        foreach (var (unit, bytes) in Units)
        {
            if (trimmed.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                return Scaled(trimmed[..^unit.Length], bytes, text);
            }
        }

        return Scaled(trimmed, 1, text);
    }

    /// <summary>The size in the largest unit that divides it, such as <c>20MB</c>.</summary>
    public static string Format(long bytes)
    {
        foreach (var (unit, size) in Units)
        {
            if (bytes >= size && bytes % size == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / size}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes}B");
    }

    private static long Scaled(string number, long unit, string text)
    {
        if (!long.TryParse(number.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0
            || value > long.MaxValue / unit)
        {
            throw new FormatException($"'{text}' is not a size: give a positive whole number with a unit, such as 512MB or 2GB.");
        }

        return value * unit;
    }
}
