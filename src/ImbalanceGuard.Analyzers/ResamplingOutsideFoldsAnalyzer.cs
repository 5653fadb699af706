using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// IG0002: resampling outside the cross-validation folds. Reported on a cross-validation call or fold
/// generator that receives resampled data, and on a resampler that runs inside a fold loop on data that is
/// not that fold's training part.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResamplingOutsideFoldsAnalyzer : ImbalanceGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ResamplingOutsideFoldsAnalyzer()
        : base(Rules.ResampledOutsideFolds, leakage: true)
    {
    }
}
