using System.Globalization;

namespace ImbalanceGuard.Cli;

/// <summary>Counts in the tool's sentences: "1 row", "2 rows", never "1 rows".</summary>
internal static class Plural
{
    public static string Of(long count, string one, string many)
        => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many)}");
}
