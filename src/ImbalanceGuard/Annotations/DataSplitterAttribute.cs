namespace ImbalanceGuard.Annotations;

/// <summary>
/// Marks a method of your own as a train/test (or train/validation) splitter. ImbalanceGuard's analyzers report
/// IG0001 when data that was resampled reaches it, because the resampled rows (or rows made from them) would
/// then sit on both sides of the split.
/// </summary>
/// <example>
/// <code>
/// [DataSplitter]
/// static (List&lt;Row&gt; Train, List&lt;Row&gt; Test) HoldOutLastMonth(List&lt;Row&gt; rows) { ... }
/// </code>
/// </example>
/// <remarks>
/// The attribute has no effect at run time. Methods whose names match <c>imbalance_guard.splitter_methods</c>
/// (by default <c>*TrainTestSplit*</c>, <c>*SplitTrainTest*</c>, <c>*TrainValidationSplit*</c>, …) are recognised
/// without it. Name a returned part <c>test</c>, <c>validation</c> or <c>holdout</c> (or mark it with
/// <see cref="EvaluationDataAttribute"/>) and IG0003 guards it as evaluation data.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class DataSplitterAttribute : Attribute
{
}
