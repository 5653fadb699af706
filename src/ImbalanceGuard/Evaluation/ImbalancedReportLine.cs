namespace ImbalanceGuard.Evaluation;

/// <summary>One line of an <see cref="ImbalancedClassificationReport"/>: a class against the rest, or the support-weighted average.</summary>
/// <param name="Label">The class name (its index unless names were given), or "avg / total".</param>
/// <param name="Precision">Of the rows predicted as the class, the share that are (<c>pre</c>).</param>
/// <param name="Recall">Of the rows of the class, the share predicted as it (<c>rec</c>, sensitivity).</param>
/// <param name="Specificity">Of the other rows, the share not predicted as the class (<c>spe</c>).</param>
/// <param name="F1">The harmonic mean of precision and recall (<c>f1</c>).</param>
/// <param name="GeometricMean">√(recall · specificity) (<c>geo</c>).</param>
/// <param name="IndexBalancedAccuracy">(1 + α·(recall − specificity)) · G-mean² (<c>iba</c>).</param>
/// <param name="Support">The rows (weight) of the class; for the average line, of all classes (<c>sup</c>).</param>
public sealed record ImbalancedReportLine(
    string Label,
    double Precision,
    double Recall,
    double Specificity,
    double F1,
    double GeometricMean,
    double IndexBalancedAccuracy,
    double Support);
