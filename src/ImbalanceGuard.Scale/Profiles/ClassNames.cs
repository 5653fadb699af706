using System.Globalization;

namespace ImbalanceGuard.Scale;

/// <summary>The order the in-memory readers give class names: by value when every name is a finite number, else ordinal.</summary>
internal static class ClassNames
{
    public static string[] Order(IEnumerable<string> names)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToArray();
        var values = new double[distinct.Length];
        for (var i = 0; i < distinct.Length; i++)
        {
            if (!double.TryParse(distinct[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                Array.Sort(distinct, StringComparer.Ordinal);
                return distinct;
            }
        }

        Array.Sort(values, distinct);
        return distinct;
    }
}
