using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// IG0004: plain accuracy printed, logged, interpolated into output, returned as the score, or used to rank
/// or select models. Reported on the accuracy expression.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlainAccuracyAnalyzer : ImbalanceGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public PlainAccuracyAnalyzer()
        : base(Rules.PlainAccuracy, leakage: false)
    {
    }
}
