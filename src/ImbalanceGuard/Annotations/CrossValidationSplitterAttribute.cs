namespace ImbalanceGuard.Annotations;

/// <summary>
/// Marks a method of your own that cross-validates data or generates cross-validation folds. ImbalanceGuard's
/// analyzers report IG0002 when resampled data reaches it, and treat a loop over the folds it returns as a
/// fold loop: a resampler that runs inside that loop on anything but the current fold's training part is
/// reported too.
/// </summary>
/// <example>
/// <code>
/// [CrossValidationSplitter]
/// static IEnumerable&lt;(List&lt;Row&gt; Train, List&lt;Row&gt; Validation)&gt; Folds(List&lt;Row&gt; rows, int k) { ... }
/// </code>
/// </example>
/// <remarks>
/// The attribute has no effect at run time. Methods whose names match
/// <c>imbalance_guard.cross_validation_methods</c> (by default <c>*KFold*</c>, <c>*CrossVal*</c>, …) are
/// recognised without it.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class CrossValidationSplitterAttribute : Attribute
{
}
