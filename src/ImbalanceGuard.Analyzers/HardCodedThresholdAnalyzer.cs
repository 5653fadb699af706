using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// IG0005: a hard-coded 0.5 decision threshold: a probability or score compared with 0.5 (a literal or a
/// constant), ML.NET's <c>ChangeModelThreshold(model, 0.5f)</c>, or a threshold argument of 0.5. Reported on
/// the 0.5 or on the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedThresholdAnalyzer : ImbalanceGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public HardCodedThresholdAnalyzer()
        : base(Rules.DefaultThreshold, leakage: false)
    {
    }
}
