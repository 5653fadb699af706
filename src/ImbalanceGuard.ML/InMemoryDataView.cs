using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML;

/// <summary>
/// An <see cref="IDataView"/> held in memory, column by column, with the schema (names, types, annotations) of
/// the view it was read from. Splits, folds and resampled views are made of it, so every column a user had —
/// not only the label and the features — comes through unchanged.
/// </summary>
internal sealed class InMemoryDataView : IDataView
{
    private readonly ColumnValues[] _columns;

    public InMemoryDataView(DataViewSchema schema, ColumnValues[] columns)
    {
        Schema = schema;
        _columns = columns;
        RowCount = columns.Length == 0 ? 0 : columns[0].Count;
    }

    public int RowCount { get; }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public ColumnValues Column(int index) => _columns[index];

    /// <summary>Reads every column of <paramref name="data"/> into memory.</summary>
    public static InMemoryDataView Read(IDataView data)
    {
        if (data is InMemoryDataView own)
        {
            return own;
        }

        var builder = new DataViewSchema.Builder();
        builder.AddColumns(data.Schema.Where(c => !c.IsHidden));
        var schema = builder.ToSchema();
        var columns = data.Schema.Where(c => !c.IsHidden).Select(c => ColumnValues.Read(data, c)).ToArray();
        return new InMemoryDataView(schema, columns);
    }

    /// <summary>The rows <paramref name="rows"/>, in that order.</summary>
    public InMemoryDataView Select(IReadOnlyList<int> rows) => new(Schema, [.. _columns.Select(c => c.Select(rows))]);

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        => new Cursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(InMemoryDataView view, IEnumerable<DataViewSchema.Column> active) : DataViewRowCursor
    {
        private readonly HashSet<int> _active = [.. active.Select(c => c.Index)];
        private int _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext()
        {
            if (_position + 1 >= view.RowCount)
            {
                _position = view.RowCount;
                return false;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter()
            => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not asked for when the cursor was made.");
            }

            return view._columns[column.Index].Getter(() => _position) as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}, not {typeof(TValue).Name}.");
        }
    }
}
