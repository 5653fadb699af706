namespace ImbalanceGuard.Annotations;

/// <summary>
/// Marks a parameter, field, property or method return value as evaluation data (a test, validation or
/// holdout set). ImbalanceGuard's analyzers report IG0003 when a resampler runs on it or on anything derived
/// from it: evaluation data must keep the class balance of the real world.
/// </summary>
/// <example>
/// <code>
/// static void Score(ITransformer model, [EvaluationData] IDataView lastQuarter) { ... }
///
/// [return: EvaluationData]
/// static List&lt;Row&gt; LoadAuditedCases(string path) { ... }
/// </code>
/// </example>
/// <remarks>
/// The attribute has no effect at run time. Data whose name has a word listed in
/// <c>imbalance_guard.test_data_names</c> (by default <c>test</c>, <c>testing</c>, <c>holdout</c>) or
/// <c>imbalance_guard.validation_data_names</c> (by default <c>validation</c>, <c>val</c>, <c>eval</c>,
/// <c>evaluation</c>), ImbalanceGuard's <see cref="HoldoutSet"/>, and ML.NET's <c>TrainTestData.TestSet</c> are
/// recognised without it. The attribute does not say which kind: marked data is not test data for IG0006.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Parameter | AttributeTargets.ReturnValue | AttributeTargets.Field | AttributeTargets.Property,
    Inherited = true,
    AllowMultiple = false)]
public sealed class EvaluationDataAttribute : Attribute
{
}
