using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// IG0003: a resampler runs on evaluation data (a test, validation or holdout set, or anything derived from
/// one). Reported on the resampler call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResampledEvaluationDataAnalyzer : ImbalanceGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ResampledEvaluationDataAnalyzer()
        : base(Rules.ResampledEvaluationData, leakage: true)
    {
    }
}
