using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// IG0001: resampled data (a resampler's output, or anything derived from it) reaches a train/test split.
/// Reported on the split call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResampledDataSplitAnalyzer : ImbalanceGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ResampledDataSplitAnalyzer()
        : base(Rules.ResampledBeforeSplit, leakage: true)
    {
    }
}
