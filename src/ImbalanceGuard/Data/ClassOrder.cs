using System.Globalization;

namespace ImbalanceGuard;

/// <summary>
/// Orders class labels the way scikit-learn's <c>np.unique</c> does for the same CSV: numerically when
/// every label is a number, otherwise by ordinal string order. The order decides class indices, and with
/// them which class wins a tie ("the smaller label").
/// </summary>
internal static class ClassOrder
{
    public static string[] Sort(IEnumerable<string> labels)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToArray();
        var numbers = new double[distinct.Length];
        var allNumeric = true;
        for (var i = 0; i < distinct.Length && allNumeric; i++)
        {
            allNumeric = double.TryParse(distinct[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])
                && double.IsFinite(numbers[i]);
        }

        if (allNumeric)
        {
            Array.Sort(numbers, distinct);
            return distinct;
        }

        Array.Sort(distinct, StringComparer.Ordinal);
        return distinct;
    }
}
