namespace ImbalanceGuard;

/// <summary>How a feature column is measured, which decides how samplers may interpolate it.</summary>
public enum FeatureKind
{
    /// <summary>A real-valued measurement: synthetic rows may take any value between two rows.</summary>
    Continuous,

    /// <summary>A code for a category: synthetic rows take one of the categories that exist.</summary>
    Categorical,
}
