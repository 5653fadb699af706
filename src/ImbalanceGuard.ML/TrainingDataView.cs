using ImbalanceGuard.Sampling;
using Microsoft.ML;

namespace ImbalanceGuard.ML;

/// <summary>
/// The training side of a split of an <see cref="IDataView"/>: what ML.NET trainers fit on, and the only view
/// <see cref="ImbalanceDataCatalog.Resample"/> accepts. Made by the stratified split and folds (or the explicit
/// <see cref="ImbalanceDataCatalog.AsTrainingData"/>), and by resampling. It is an <see cref="IDataView"/>, so
/// every ML.NET API takes it as it is.
/// </summary>
public sealed class TrainingDataView : IDataView
{
    internal TrainingDataView(InMemoryDataView view, string labelColumnName, SamplingResult? resampling = null)
    {
        View = view;
        LabelColumnName = labelColumnName;
        Resampling = resampling;
    }

    /// <summary>The label column the split stratified on.</summary>
    public string LabelColumnName { get; }

    /// <summary>What the sampler did when this view is the output of a resampling; null for rows as the split made them.</summary>
    public SamplingResult? Resampling { get; }

    /// <summary>Whether a sampler made this view.</summary>
    public bool IsResampled => Resampling is not null;

    /// <summary>How many rows a sampler made (they come after the kept rows).</summary>
    public int SyntheticRowCount => Resampling?.SyntheticCount ?? 0;

    /// <summary>The number of rows.</summary>
    public int RowCount => View.RowCount;

    /// <inheritdoc/>
    public bool CanShuffle => View.CanShuffle;

    /// <inheritdoc/>
    public DataViewSchema Schema => View.Schema;

    internal InMemoryDataView View { get; }

    /// <summary>Whether row <paramref name="row"/> was made by a sampler rather than read from the data.</summary>
    public bool IsSynthetic(int row) => Resampling?.Resampled.GetProvenance(row).IsSynthetic ?? false;

    /// <inheritdoc/>
    public long? GetRowCount() => View.GetRowCount();

    /// <inheritdoc/>
    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => View.GetRowCursor(columnsNeeded, rand);

    /// <inheritdoc/>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => View.GetRowCursorSet(columnsNeeded, n, rand);
}
