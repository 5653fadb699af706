namespace ImbalanceGuard.Pipelines;

/// <summary>How an <see cref="ImbalancePipeline"/> turns its model's scores into probabilities of the positive class.</summary>
public enum CalibrationMethod
{
    /// <summary>The model's probabilities as they are (after resampling they overstate the positive class).</summary>
    None,

    /// <summary>Platt scaling fitted on out-of-fold scores of the training rows (inner folds).</summary>
    Platt,

    /// <summary>Isotonic regression fitted on out-of-fold scores of the training rows (inner folds).</summary>
    Isotonic,

    /// <summary>
    /// The prior correction that maps probabilities learnt at the resampled (or re-weighted) base rate back to
    /// the training rows' true base rate; needs no inner folds.
    /// </summary>
    PriorCorrection,
}
