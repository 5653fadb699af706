using System;
using System.Collections.Immutable;
using ImbalanceGuard.Analyzers.Analysis;
using ImbalanceGuard.Analyzers.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// IG0008: ML.NET's <c>samplingKeyColumnName</c> (a ranking cross-validation's <c>rowGroupColumnName</c>) given the
/// label column in <c>TrainTestSplit</c>, <c>CrossValidationSplit</c> or a catalog's <c>CrossValidate</c>.
/// Reported on that argument. It needs no data flow: one look at each ML.NET split call and the method around it
/// (<see cref="SamplingKeyIsLabelCheck"/>), so it runs as an operation action, not through the shared block analysis.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SamplingKeyIsLabelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.SamplingKeyIsLabel);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Only ML.NET has the calls this rule looks at: nothing to register without it.
            if (!CompilationState.Get(start.Compilation).Known.HasMLNet)
            {
                return;
            }

            start.RegisterOperationAction(
                operation =>
                {
                    Diagnostic? diagnostic;
                    try
                    {
                        diagnostic = SamplingKeyIsLabelCheck.Analyze((IInvocationOperation)operation.Operation, operation.CancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException && !RethrowForTests)
                    {
                        // As the shared analysis does: a bug costs this call its finding, not the build (AD0001).
                        return;
                    }

                    if (diagnostic != null)
                    {
                        operation.ReportDiagnostic(diagnostic);
                    }
                },
                OperationKind.Invocation);
        });
    }

#if DEBUG
    private const bool RethrowForTests = true;
#else
    private const bool RethrowForTests = false;
#endif
}
