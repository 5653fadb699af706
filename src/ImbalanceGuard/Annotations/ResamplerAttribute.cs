namespace ImbalanceGuard.Annotations;

/// <summary>
/// Marks a method of your own as a resampler: it over- or under-samples the data it is given (a hand-written
/// SMOTE over a <c>List&lt;T&gt;</c>, say). ImbalanceGuard's analyzers then treat what it returns (and what it
/// writes to <c>out</c>, <c>ref</c> or, when it returns nothing, to the collections it is given) as resampled
/// data: IG0001 flags that data reaching a train/test split, IG0002 reaching cross-validation, and IG0003 flags
/// the method running on evaluation data.
/// </summary>
/// <example>
/// <code>
/// [Resampler]
/// static List&lt;Transaction&gt; DuplicateFrauds(List&lt;Transaction&gt; rows, int copies) { ... }
/// </code>
/// </example>
/// <remarks>
/// The attribute has no effect at run time. Methods whose names match <c>imbalance_guard.resampler_methods</c>
/// in <c>.editorconfig</c> (by default <c>*Smote*</c>, <c>*Adasyn*</c>, <c>*Oversampl*</c>, <c>*Undersampl*</c>,
/// <c>*Resampl*</c>, …) are recognised without it.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class ResamplerAttribute : Attribute
{
}
