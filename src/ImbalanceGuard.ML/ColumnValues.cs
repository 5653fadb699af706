using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML;

/// <summary>One column of an <see cref="InMemoryDataView"/>: its values, row by row, in the column's own type.</summary>
internal abstract class ColumnValues
{
    public abstract int Count { get; }

    /// <summary>The values of <paramref name="rows"/>, in that order.</summary>
    public abstract ColumnValues Select(IReadOnlyList<int> rows);

    /// <summary>A getter that reads the value of the row <paramref name="position"/> returns.</summary>
    public abstract Delegate Getter(Func<int> position);

    /// <summary>Reads every value of <paramref name="column"/> from <paramref name="data"/>.</summary>
    public static ColumnValues Read(IDataView data, DataViewSchema.Column column)
    {
        var method = typeof(ColumnValues).GetMethod(nameof(ReadTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(column.Type.RawType);
        return (ColumnValues)method.Invoke(null, [data, column])!;
    }

    /// <summary>A column of <paramref name="values"/>.</summary>
    public static ColumnValues Of<T>(T[] values) => new Typed<T>(values);

    private static ColumnValues ReadTyped<T>(IDataView data, DataViewSchema.Column column)
    {
        var values = new List<T>();
        using var cursor = data.GetRowCursor([column]);
        var getter = cursor.GetGetter<T>(column);
        while (cursor.MoveNext())
        {
            T value = default!;
            getter(ref value);
            values.Add(Own(value));
        }

        return new Typed<T>([.. values]);
    }

    /// <summary>Vectors are reused by cursors: keep a copy.</summary>
    private static T Own<T>(T value)
    {
        if (value is VBuffer<float> floats)
        {
            var copy = default(VBuffer<float>);
            floats.CopyTo(ref copy);
            return (T)(object)copy;
        }

        if (value is VBuffer<double> doubles)
        {
            var copy = default(VBuffer<double>);
            doubles.CopyTo(ref copy);
            return (T)(object)copy;
        }

        return value;
    }

    internal sealed class Typed<T>(T[] values) : ColumnValues
    {
        public T[] Values { get; } = values;

        public override int Count => Values.Length;

        public override ColumnValues Select(IReadOnlyList<int> rows) => new Typed<T>([.. rows.Select(r => Values[r])]);

        /// <summary>Row i is the value of <paramref name="sources"/>[i], unless <paramref name="overrides"/> gives it another.</summary>
        public Typed<T> Compose(IReadOnlyList<int> sources, IReadOnlyDictionary<int, T> overrides)
            => new([.. sources.Select((source, i) => overrides.TryGetValue(i, out var value) ? value : Values[source])]);

        public override Delegate Getter(Func<int> position) => new ValueGetter<T>((ref T value) =>
        {
            var stored = Values[position()];
            if (stored is VBuffer<float> floats)
            {
                var target = (VBuffer<float>)(object)value!;
                floats.CopyTo(ref target);
                value = (T)(object)target;
            }
            else if (stored is VBuffer<double> doubles)
            {
                var target = (VBuffer<double>)(object)value!;
                doubles.CopyTo(ref target);
                value = (T)(object)target;
            }
            else
            {
                value = stored;
            }
        });
    }
}
