using Microsoft.ML;

namespace ImbalanceGuard.ML;

/// <summary>
/// The evaluation side of a split of an <see cref="IDataView"/>: score and evaluate on it, never resample it
/// (no resampling API accepts it). It is an <see cref="IDataView"/>, so every ML.NET API takes it as it is.
/// </summary>
public sealed class HoldoutDataView : IDataView
{
    internal HoldoutDataView(InMemoryDataView view, string labelColumnName)
    {
        View = view;
        LabelColumnName = labelColumnName;
    }

    /// <summary>The label column the split stratified on.</summary>
    public string LabelColumnName { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => View.RowCount;

    /// <inheritdoc/>
    public bool CanShuffle => View.CanShuffle;

    /// <inheritdoc/>
    public DataViewSchema Schema => View.Schema;

    internal InMemoryDataView View { get; }

    /// <inheritdoc/>
    public long? GetRowCount() => View.GetRowCount();

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => View.GetRowCursor(columnsNeeded, rand);

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => View.GetRowCursorSet(columnsNeeded, n, rand);
}
