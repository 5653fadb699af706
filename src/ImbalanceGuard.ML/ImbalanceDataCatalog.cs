using ImbalanceGuard.Sampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImbalanceGuard.ML;

/// <summary>
/// ImbalanceGuard on <c>mlContext.Data</c>: stratified splits and folds that return split-aware views, resampling
/// of a training view with any sampler (the output keeps the input's schema), and conversion to the library's
/// <see cref="Dataset"/>.
/// </summary>
public static class ImbalanceDataCatalog
{
    /// <summary>
    /// Splits <paramref name="data"/> so that every class keeps its share on both sides (ML.NET's
    /// <c>TrainTestSplit</c> does not stratify). Every class with at least two rows is on both sides.
    /// </summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="data">The rows to split; read into memory once.</param>
    /// <param name="testFraction">The share of each class on the test side, in (0, 1).</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="seed">Seeds the shuffle; the same seed gives the same split.</param>
    /// <exception cref="ArgumentException">The label column is missing or not a label type, or a label is missing.</exception>
    public static DataViewSplit StratifiedTrainTestSplit(this DataOperationsCatalog catalog, IDataView data, double testFraction = 0.2, string labelColumnName = "Label", int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        var view = InMemoryDataView.Read(data);
        var split = ImbalanceGuard.Split.Stratified(ViewTable.LabelsOnly(view, labelColumnName), testFraction, seed);
        return Views(view, labelColumnName, split.TrainingRows, split.HoldoutRows);
    }

    /// <summary>Stratified k-fold cross-validation folds of <paramref name="data"/> (ML.NET's <c>CrossValidationSplit</c> does not stratify).</summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="data">The rows; read into memory once.</param>
    /// <param name="numberOfFolds">The number of folds, at least 2.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="seed">Seeds the shuffle.</param>
    /// <exception cref="ArgumentException">The label column is missing or not a label type, or there are fewer rows than folds.</exception>
    public static IReadOnlyList<DataViewSplit> StratifiedCrossValidationSplit(this DataOperationsCatalog catalog, IDataView data, int numberOfFolds = 5, string labelColumnName = "Label", int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        var view = InMemoryDataView.Read(data);
        var folds = new StratifiedKFold(numberOfFolds, shuffle: true, seed: seed).AssignFolds(ViewTable.LabelsOnly(view, labelColumnName));
        return
        [
            .. Enumerable.Range(0, numberOfFolds).Select(f => Views(
                view,
                labelColumnName,
                [.. Enumerable.Range(0, view.RowCount).Where(i => folds[i] != f)],
                [.. Enumerable.Range(0, view.RowCount).Where(i => folds[i] == f)])),
        ];
    }

    /// <summary>
    /// Declares <paramref name="data"/> to be training data that was split elsewhere — the one explicit, greppable
    /// way to resample a view that no stratified split made.
    /// </summary>
    public static TrainingDataView AsTrainingData(this DataOperationsCatalog catalog, IDataView data, string labelColumnName = "Label")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        var view = InMemoryDataView.Read(data);
        _ = ViewTable.LabelsOnly(view, labelColumnName);
        return new TrainingDataView(view, labelColumnName);
    }

    /// <summary>
    /// Resamples the training rows with <paramref name="sampler"/>. The result has the input's schema: kept rows as
    /// they were, then the rows the sampler made, with the sampler's label and features and every other column
    /// copied from the row they were grown from. <see cref="TrainingDataView.IsSynthetic"/> tells them apart, and
    /// <paramref name="syntheticColumnName"/> adds a Boolean column that marks them.
    /// </summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="data">The training side of a split.</param>
    /// <param name="sampler">Any sampler of the library.</param>
    /// <param name="featureColumnNames">The columns the sampler sees; default every numeric, Boolean, key or numeric-vector column but the label.</param>
    /// <param name="syntheticColumnName">The name of a Boolean column to add, true on rows the sampler made; null for none.</param>
    /// <param name="categoricalColumnNames">
    /// Feature columns that hold category codes although they are numbers or numeric vectors (every slot of a vector);
    /// key and Boolean columns are categorical anyway. <see cref="SmoteNc"/> samples categories; a sampler that mixes
    /// feature values (<see cref="Sampler.InterpolatesFeatures"/>) refuses them.
    /// </param>
    /// <exception cref="ArgumentException">A column is missing or not numeric, a categorical column is not a feature column, or a value is not finite.</exception>
    /// <exception cref="CategoricalFeaturesException">The sampler mixes feature values and a feature is categorical (a key, Boolean or declared column): use <see cref="SmoteNc"/> or <see cref="Smoten"/>.</exception>
    /// <exception cref="SamplingException">The sampler cannot run on this data with these settings.</exception>
    public static TrainingDataView Resample(
        this DataOperationsCatalog catalog,
        TrainingDataView data,
        Sampler sampler,
        IReadOnlyList<string>? featureColumnNames = null,
        string? syntheticColumnName = null,
        IReadOnlyCollection<string>? categoricalColumnNames = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sampler);
        if (data.IsResampled)
        {
            throw new ArgumentException("This view was already resampled; resample the training rows as the split made them (chain samplers with SmoteTomek/SmoteEnn or in an ImbalancePipeline).", nameof(data));
        }

        var table = ViewTable.Of(data.View, data.LabelColumnName, featureColumnNames ?? ViewTable.DefaultFeatures(data.View, data.LabelColumnName), categoricalColumnNames);
        var result = sampler.FitResample(ImbalanceGuard.Split.FromPreSplit(table.Dataset));
        return new TrainingDataView(table.Rebuild(result, syntheticColumnName), data.LabelColumnName, result);
    }

    /// <summary>
    /// The library's <see cref="Dataset"/> of <paramref name="data"/>: a label column (Boolean, text, key or number)
    /// and feature columns (one numeric vector, or several numeric, Boolean or key columns; key and Boolean ones
    /// are categorical, and so are the columns named in <paramref name="categoricalColumnNames"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or of the wrong type, a categorical column is not a feature column, or a value is not finite.</exception>
    public static Dataset ToDataset(this DataOperationsCatalog catalog, IDataView data, string labelColumnName = "Label", IReadOnlyList<string>? featureColumnNames = null, IReadOnlyCollection<string>? categoricalColumnNames = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        var view = InMemoryDataView.Read(data);
        return ViewTable.Of(view, labelColumnName, featureColumnNames ?? ViewTable.DefaultFeatures(view, labelColumnName), categoricalColumnNames).Dataset;
    }

    private static DataViewSplit Views(InMemoryDataView view, string label, IReadOnlyList<int> train, IReadOnlyList<int> test)
        => new(new TrainingDataView(view.Select(train), label), new HoldoutDataView(view.Select(test), label), train, test);
}
