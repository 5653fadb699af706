namespace ImbalanceGuard.ML;

/// <summary>A stratified split (or one fold) of an <c>IDataView</c>: train on <see cref="TrainSet"/>, evaluate on <see cref="TestSet"/>.</summary>
/// <param name="TrainSet">The training rows, the only side that can be resampled.</param>
/// <param name="TestSet">The evaluation rows.</param>
/// <param name="TrainRows">The positions of the training rows in the source view.</param>
/// <param name="TestRows">The positions of the evaluation rows in the source view.</param>
public sealed record DataViewSplit(TrainingDataView TrainSet, HoldoutDataView TestSet, IReadOnlyList<int> TrainRows, IReadOnlyList<int> TestRows);
