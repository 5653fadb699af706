using Microsoft.CodeAnalysis;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// Every diagnostic ImbalanceGuard reports, in one place: id, title (what is wrong), message (what to do
/// instead), category, default severity and the page in <c>docs/rules/</c> that explains it.
/// </summary>
public static class Rules
{
    private const string HelpRoot = "https://github.com/imbalance-guard/imbalance-guard/blob/main/docs/rules/";

    /// <summary>The category of the rules about data leaking between training and evaluation.</summary>
    public const string LeakageCategory = "ImbalanceGuard.Leakage";

    /// <summary>The category of the rules about metrics and decisions that mislead on imbalanced data.</summary>
    public const string EvaluationCategory = "ImbalanceGuard.Evaluation";

    /// <summary>IG0001: resampled data reaches a train/test split.</summary>
    public static readonly DiagnosticDescriptor ResampledBeforeSplit = new(
        id: "IG0001",
        title: "Resampled data is split into training and test data",
        messageFormat: "'{0}' splits data that was resampled by '{1}', so synthetic or duplicated rows land in the test part; split first, then resample only the training part",
        category: LeakageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Resampling before the train/test split puts copies of training rows, or synthetic rows made from them, into the test set, so the test score measures memory instead of generalisation. Split first; resample the training part only.",
        helpLinkUri: HelpRoot + "IG0001.md");

    /// <summary>IG0002: resampling outside the cross-validation folds.</summary>
    public static readonly DiagnosticDescriptor ResampledOutsideFolds = new(
        id: "IG0002",
        title: "Resampling happens outside the cross-validation folds",
        messageFormat: "{0}; resample inside each fold, on that fold's training part only",
        category: LeakageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Cross-validation scores are honest only when everything fitted on data (resampling included) is fitted inside each fold on that fold's training part. Resampled data handed to cross-validation puts synthetic rows and their parents into the validation folds.",
        helpLinkUri: HelpRoot + "IG0002.md");

    /// <summary>IG0003: a resampler runs on evaluation data.</summary>
    public static readonly DiagnosticDescriptor ResampledEvaluationData = new(
        id: "IG0003",
        title: "Evaluation data is resampled",
        messageFormat: "'{0}' resamples evaluation data ({1}); evaluate on data with the real class balance and resample only training data",
        category: LeakageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A test, validation or holdout set must keep the class balance the model will meet in production; resampling it changes precision, accuracy and every prevalence-dependent metric, and synthetic test rows are not real cases.",
        helpLinkUri: HelpRoot + "IG0003.md");

    /// <summary>IG0004: plain accuracy is reported.</summary>
    public static readonly DiagnosticDescriptor PlainAccuracy = new(
        id: "IG0004",
        title: "Plain accuracy is reported on possibly imbalanced data",
        messageFormat: "Accuracy '{0}' is {1}; on imbalanced data always predicting the majority class scores high, so report PR-AUC, recall and precision, F1, MCC or balanced accuracy, or show accuracy beside the majority-class baseline",
        category: EvaluationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "With 2% positives, a model that never predicts a positive is 98% accurate. Accuracy printed, returned as the score, or used to choose a model hides that; imbalance-aware metrics do not.",
        helpLinkUri: HelpRoot + "IG0004.md");

    /// <summary>IG0005: a hard-coded 0.5 decision threshold.</summary>
    public static readonly DiagnosticDescriptor DefaultThreshold = new(
        id: "IG0005",
        title: "A hard-coded 0.5 decision threshold is used",
        messageFormat: "{0}; choose the threshold on validation data for the precision/recall trade-off you need (for example with ImbalanceGuard's ThresholdTuner), not 0.5",
        category: EvaluationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "0.5 is the right cut only for calibrated probabilities, equal error costs and a balanced class prior. On imbalanced data it usually misses most of the minority class; on a raw score (ML.NET's ChangeModelThreshold) it is arbitrary.",
        helpLinkUri: HelpRoot + "IG0005.md");

    /// <summary>IG0006: a threshold, model or hyper-parameter chosen on test data.</summary>
    public static readonly DiagnosticDescriptor TunedOnTestData = new(
        id: "IG0006",
        title: "A threshold, model or hyper-parameter is chosen on test data",
        messageFormat: "{0}, a metric computed on test data ({1}): its score on that data is then optimistic; choose on validation or out-of-fold data and use the test data once, for the final score",
        category: LeakageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Picking the threshold, model or setting that scores best on the test set and then reporting its score on that same set reports the best of many tries, not what the choice will do on new data; on imbalanced data, with few positives, the gap is large. Tune on validation or out-of-fold data; the test set scores the final choice once.",
        helpLinkUri: HelpRoot + "IG0006.md");

    /// <summary>IG0007: preprocessing fitted on data that is then split or cross-validated.</summary>
    public static readonly DiagnosticDescriptor PreprocessedBeforeSplit = new(
        id: "IG0007",
        title: "Preprocessing is fitted on data that is then split or cross-validated",
        messageFormat: "{0}; split first and fit preprocessing on the training part only (for cross-validation, hand the whole estimator chain to CrossValidate so it is fitted in each fold), then apply what it learned to the held-out rows",
        category: LeakageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A normalizer, an imputer with a mean, PCA, feature selection or a text featurizer learns from the rows it is fitted on. Fitted on all rows before the split, it has seen the test rows, so the test score is optimistic; feature selection with the label has seen the test labels, the worst case. The same holds for hand-written statistics (mean, standard deviation, minimum, maximum) of all rows.",
        helpLinkUri: HelpRoot + "IG0007.md");

    /// <summary>
    /// IG0008: ML.NET's samplingKeyColumnName given the label column. Evaluation, not leakage: nothing of the test
    /// part reaches training; the split itself is broken (whole classes or target values on one side), so the
    /// score that comes out of it misleads.
    /// </summary>
    public static readonly DiagnosticDescriptor SamplingKeyIsLabel = new(
        id: "IG0008",
        title: "The label column is used as ML.NET's sampling key",
        messageFormat: "'{0}' gets the label column '{1}' as {2}: rows that share a key value stay on the same side, so {3}; this is not stratification, leave the key out or give a real group id (a user, session or patient column){4}",
        category: EvaluationCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "ML.NET's samplingKeyColumnName keeps all rows with the same key value together on one side of a split or in one fold. It exists to keep a group's rows (one user's, one session's) out of both sides. Given the label, it puts each class wholly into training or wholly into test, the opposite of stratification; for a regression target, every test target value is one never seen in training.",
        helpLinkUri: HelpRoot + "IG0008.md");
}
