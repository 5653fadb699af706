namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>What a called method is to the leakage rules.</summary>
internal enum MethodRoleKind
{
    None,

    /// <summary>Over- or under-samples its data: its output is resampled.</summary>
    Resampler,

    /// <summary>Splits data into training and evaluation parts (IG0001's sink).</summary>
    Splitter,

    /// <summary>Generates cross-validation folds (IG0002's sink; a loop over its output is a fold loop).</summary>
    FoldGenerator,

    /// <summary>Cross-validates a model on data (IG0002's sink).</summary>
    CrossValidation,

    /// <summary>Cuts a fold out of a list in a hand-written cross-validation loop (<c>rows.Skip(k * size)</c>): IG0002's sink.</summary>
    FoldCut,

    /// <summary>Declares already-split data (ImbalanceGuard's <c>Split.FromPreSplit</c>): not a sink, but its parts are sides.</summary>
    PreSplit,
}

/// <summary>A method's role, and which parameter carries the data (null: every data-like argument).</summary>
internal readonly struct MethodRole
{
    public static readonly MethodRole None = new(MethodRoleKind.None, null);

    public MethodRole(MethodRoleKind kind, string? dataParameter)
    {
        Kind = kind;
        DataParameter = dataParameter;
    }

    public MethodRoleKind Kind { get; }

    public string? DataParameter { get; }
}
