namespace ImbalanceGuard.Pipelines;

/// <summary>How an <see cref="ImbalancePipeline"/> turns its model's scores into probabilities of the positive class.</summary>
public enum CalibrationMethod
{
    /// <summary>
    /// The model's probabilities as they are: after resampling or class weights they overstate the positive class
    /// (<see cref="FittedPipeline.ProbabilitiesCalibrated"/> is then false). Choose it when only the ranking matters.
    /// </summary>
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

    /// <summary>
    /// The default: <see cref="PriorCorrection"/> when the samplers or class weights change the positive class's
    /// share of the rows the learner sees, <see cref="None"/> when they leave it as it was (there is nothing to
    /// undo). A learner that rebalances inside itself (the balanced ensembles) is not corrected: its share is
    /// not known to the pipeline, and <see cref="FittedPipeline.ProbabilitiesCalibrated"/> says so.
    /// </summary>
    Automatic,
}
