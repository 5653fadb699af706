namespace ImbalanceGuard.Annotations;

/// <summary>
/// Marks a property, field, parameter or method return value as a classifier's probability or score.
/// ImbalanceGuard's analyzers then report IG0005 when it is compared with a hard-coded 0.5: the threshold
/// should be chosen on validation data for the trade-off that matters.
/// </summary>
/// <example>
/// <code>
/// public sealed class FraudPrediction
/// {
///     [ClassifierScore]
///     public float Risk { get; set; }
/// }
/// </code>
/// </example>
/// <remarks>
/// The attribute has no effect at run time. Values whose names end in a word listed in
/// <c>imbalance_guard.score_names</c> (by default <c>probability</c>, <c>prob</c>, <c>proba</c>, <c>score</c>,
/// <c>confidence</c>, <c>likelihood</c>, <c>posterior</c>), and ML.NET output columns named <c>Probability</c> or
/// <c>Score</c>, are recognised without it.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Method,
    Inherited = true,
    AllowMultiple = false)]
public sealed class ClassifierScoreAttribute : Attribute
{
}
