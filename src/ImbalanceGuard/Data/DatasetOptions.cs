namespace ImbalanceGuard;

/// <summary>Optional facts about arrays turned into a <see cref="Dataset"/>.</summary>
public sealed class DatasetOptions
{
    /// <summary>Feature names; default <c>x0, x1, …</c>.</summary>
    public IReadOnlyList<string>? FeatureNames { get; init; }

    /// <summary>Feature kinds; default all continuous.</summary>
    public IReadOnlyList<FeatureKind>? FeatureKinds { get; init; }

    /// <summary>The label column name; default <c>label</c>.</summary>
    public string LabelName { get; init; } = "label";

    /// <summary>
    /// The classes, in order. Default: the distinct labels, sorted (numerically when every label is a
    /// number). Give them to keep classes that have no rows, or to fix the order.
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Per-row weights (finite, non-negative); default none.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>
    /// Per-row provenance, for data that arrives with it (for example rows exported from elsewhere that a
    /// sampler made); default: row <c>i</c> is original row <c>i</c>.
    /// </summary>
    public IReadOnlyList<RowProvenance>? Provenance { get; init; }
}
