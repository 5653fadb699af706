using System.Globalization;

namespace ImbalanceGuard;

/// <summary>Counts in messages: "1 row", "2 rows", never "1 rows".</summary>
internal static class Plural
{
    public static string Rows(long count) => Of(count, "row", "rows");

    public static string Of(long count, string one, string many)
        => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
