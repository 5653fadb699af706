namespace ImbalanceGuard.Evaluation;

/// <summary>How a calibration curve cuts [0, 1] into bins (scikit-learn's <c>strategy</c>).</summary>
public enum CalibrationBinning
{
    /// <summary>Bins of equal width: edges at <c>i / n</c> (NumPy's <c>linspace(0, 1, n + 1)</c>).</summary>
    Uniform,

    /// <summary>Bins of (about) equal row counts: edges at the 0, 1/n, …, 1 quantiles of the scores (NumPy's linear percentile).</summary>
    Quantile,
}
