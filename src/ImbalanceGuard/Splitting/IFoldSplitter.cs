namespace ImbalanceGuard;

/// <summary>A cross-validation scheme: the folds of a dataset, each a training side and a validation side.</summary>
public interface IFoldSplitter
{
    /// <summary>The folds of <paramref name="data"/>, made one at a time as they are enumerated.</summary>
    IEnumerable<Fold> Split(Dataset data);

    /// <summary>How many folds <see cref="Split"/> makes (scikit-learn's <c>get_n_splits</c>), repeats included.</summary>
    int SplitCount { get; }
}
