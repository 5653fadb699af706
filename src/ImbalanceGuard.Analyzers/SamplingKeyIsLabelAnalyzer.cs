using System;
using System.Collections.Immutable;
using System.Linq;
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
/// (<see cref="SamplingKeyIsLabelCheck"/>), so it does not go through the shared block analysis. It is a code-block
/// action rather than an operation action: an operation action makes the compiler build the operation tree of every
/// method of the compilation, while only the blocks whose text names one of those calls need one.
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
            var state = CompilationState.Get(start.Compilation);
            if (!state.Known.HasMLNet)
            {
                return;
            }

            start.RegisterCodeBlockAction(block => AnalyzeCodeBlock(block, state));
        });
    }

    private static void AnalyzeCodeBlock(CodeBlockAnalysisContext context, CompilationState state)
    {
        var settings = state.GetSettings(context.Options, context.CodeBlock.SyntaxTree);
        if (!settings.MayFire(context.CodeBlock, alwaysResampler: false).SamplingKey)
        {
            return;
        }

        foreach (var operation in FlowGraphs.Roots(context.SemanticModel, context.CodeBlock, context.CancellationToken).SelectMany(root => root.DescendantsAndSelf()))
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            Diagnostic? diagnostic;
            try
            {
                diagnostic = SamplingKeyIsLabelCheck.Analyze(invocation, context.CancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !RethrowForTests)
            {
                // As the shared analysis does: a bug costs this call its finding, not the build (AD0001).
                continue;
            }

            if (diagnostic != null)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

#if DEBUG
    private const bool RethrowForTests = true;
#else
    private const bool RethrowForTests = false;
#endif
}
