using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// IG0007: preprocessing that learns from the rows (an ML.NET normalizer, imputer, PCA, feature selection or
/// text featurizer, or hand-written statistics of all rows) is fitted on data that is then split or cross-validated.
/// Reported on the split or cross-validation call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PreprocessingBeforeSplitAnalyzer : ImbalanceGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public PreprocessingBeforeSplitAnalyzer()
        : base(Rules.PreprocessedBeforeSplit, leakage: true)
    {
    }
}
