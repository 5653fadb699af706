namespace ImbalanceGuard.Pipelines;

/// <summary>
/// The names (snake case, as scikit-learn's scorers and the command line's JSON) of the metrics every fold of a
/// <see cref="CrossValidation"/> reports. Decision metrics exist only when the pipeline has a threshold.
/// </summary>
public static class MetricNames
{
    /// <summary>Average precision (PR-AUC).</summary>
    public const string AveragePrecision = "average_precision";

    /// <summary>ROC-AUC.</summary>
    public const string RocAuc = "roc_auc";

    /// <summary>Brier score of the positive-class probability.</summary>
    public const string Brier = "brier";

    /// <summary>Log loss of the positive-class probability.</summary>
    public const string LogLoss = "log_loss";

    /// <summary>The decision threshold used for the decision metrics.</summary>
    public const string Threshold = "threshold";

    /// <summary>Matthews correlation coefficient at the threshold.</summary>
    public const string Mcc = "mcc";

    /// <summary>F1 at the threshold.</summary>
    public const string F1 = "f1";

    /// <summary>F2 (recall weighted twice as much as precision) at the threshold.</summary>
    public const string F2 = "f2";

    /// <summary>Recall (sensitivity) at the threshold.</summary>
    public const string Recall = "recall";

    /// <summary>Precision at the threshold.</summary>
    public const string Precision = "precision";

    /// <summary>Specificity at the threshold.</summary>
    public const string Specificity = "specificity";

    /// <summary>Balanced accuracy at the threshold.</summary>
    public const string BalancedAccuracy = "balanced_accuracy";

    /// <summary>
    /// The value of the objective the threshold was tuned for (<see cref="ThresholdPolicy.Objective"/>; its first item
    /// when constrained) on the fold's validation rows: F-beta, MCC, expected cost per row, or the recall or precision
    /// a floor or a budget maximises. Undefined in a fold where no threshold met the constraints.
    /// </summary>
    public const string ObjectiveValue = "objective_value";

    /// <summary>
    /// 1 when the fold's threshold was found on its training side and meets every constraint of the objective on
    /// its validation rows, 0 when not (so the mean is the share of folds that met them); present with a tuned threshold.
    /// </summary>
    public const string ConstraintsMet = "constraints_met";

    /// <summary>
    /// For a cascade (<see cref="Models.CascadeModel"/>): the share of the fold's validation rows its first stage lets through
    /// to the second. Absent for other models.
    /// </summary>
    public const string SecondStageShare = "second_stage_share";

    /// <summary>Seconds spent in <see cref="ImbalancePipeline.Fit"/> (resampling, inner folds and training).</summary>
    public const string FitSeconds = "fit_seconds";

    /// <summary>The threshold-free metrics, in report order.</summary>
    public static IReadOnlyList<string> ThresholdFree { get; } = [AveragePrecision, RocAuc, Brier, LogLoss];

    /// <summary>The metrics at the decision threshold, in report order.</summary>
    public static IReadOnlyList<string> AtThreshold { get; } = [Threshold, Mcc, F1, F2, Recall, Precision, Specificity, BalancedAccuracy];
}
