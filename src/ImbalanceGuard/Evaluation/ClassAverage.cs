namespace ImbalanceGuard.Evaluation;

/// <summary>How a per-class metric becomes one number (scikit-learn's <c>average</c>).</summary>
public enum ClassAverage
{
    /// <summary>The plain mean over classes: every class counts the same, however rare.</summary>
    Macro,

    /// <summary>The mean over classes weighted by support (the rows, or weight, of each actual class).</summary>
    Weighted,

    /// <summary>The metric of the counts pooled over classes (for single-label data, micro precision = recall = accuracy).</summary>
    Micro,
}
