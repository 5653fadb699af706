using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML;

/// <summary>Reads a column of an IDataView as each row's group or segment name: text as it is, numbers in their shortest round-trip form, Booleans as true/false, keys as their number.</summary>
internal static class GroupColumn
{
    /// <exception cref="ArgumentException">The column is missing, a vector, or of a type that names no group.</exception>
    public static string[] Read(IDataView data, string columnName, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(columnName);
        var column = data.Schema.GetColumnOrNull(columnName)
            ?? throw new ArgumentException($"The data has no column '{columnName}' to group by.", parameterName);
        var type = column.Type;
        return type switch
        {
            TextDataViewType => Values<ReadOnlyMemory<char>>(data, column, v => v.ToString()),
            BooleanDataViewType => Values<bool>(data, column, v => v ? "true" : "false"),
            KeyDataViewType => Values<uint>(data, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Single => Values<float>(data, column, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Double => Values<double>(data, column, v => v.ToString("R", CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Int32 => Values<int>(data, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ when type == NumberDataViewType.Int64 => Values<long>(data, column, v => v.ToString(CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"Column '{columnName}' holds {type}; a group column holds text, a number, a Boolean or a key.", parameterName),
        };
    }

    private static string[] Values<T>(IDataView data, DataViewSchema.Column column, Func<T, string> name)
    {
        var values = new List<string>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            values.Add(name(value));
        }

        return [.. values];
    }
}
