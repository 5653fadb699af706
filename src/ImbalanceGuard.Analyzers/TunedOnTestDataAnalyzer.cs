using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// IG0006: a decision threshold, model or hyper-parameter chosen on test data: the best of a metric computed on
/// test or holdout data kept by a sweep loop, <c>Math.Max</c>, <c>MaxBy</c>/<c>MinBy</c> or
/// <c>OrderBy…(…).First()</c>, or a threshold tuner fed test scores. Reported on the comparison, call or ranking
/// that selects. The logic is in <see cref="Checks.TunedOnTestDataCheck"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TunedOnTestDataAnalyzer : ImbalanceGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public TunedOnTestDataAnalyzer()
        : base(Rules.TunedOnTestData, AnalysisKind.Selection)
    {
    }
}
