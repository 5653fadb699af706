using System.Collections.Immutable;
using System.Threading;
using ImbalanceGuard.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// The shared plumbing of the five analyzers: concurrent, generated code skipped, known symbols resolved
/// once per compilation, nothing registered for a compilation that references neither ImbalanceGuard nor
/// ML.NET and declares no method matching a configured pattern, and one shared analysis per code block
/// from which each analyzer reports its own rule.
/// </summary>
public abstract class ImbalanceGuardAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _rule;
    private readonly bool _leakage;

    private protected ImbalanceGuardAnalyzer(DiagnosticDescriptor rule, bool leakage)
    {
        _rule = rule;
        _leakage = leakage;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var state = CompilationState.Get(start.Compilation);
            if (!state.IsActive(start.Options, start.CancellationToken))
            {
                return;
            }

            start.RegisterCodeBlockAction(block => AnalyzeCodeBlock(block, state));
        });
    }

    private void AnalyzeCodeBlock(CodeBlockAnalysisContext context, CompilationState state)
    {
        var block = context.CodeBlock;
        var settings = state.GetSettings(context.Options, block.SyntaxTree);
        var results = state.GetBlockResults(block, () => new CodeBlockResults(block, context.OwningSymbol, context.SemanticModel, settings));
        var findings = _leakage ? results.Leakage(context.CancellationToken) : results.Values(context.CancellationToken);
        foreach (var finding in findings)
        {
            if (ReferenceEquals(finding.Rule, _rule))
            {
                context.ReportDiagnostic(finding.ToDiagnostic());
            }
        }
    }
}
