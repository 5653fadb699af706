using System.Collections.Immutable;
using System.Threading;
using ImbalanceGuard.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers;

/// <summary>
/// The shared plumbing of the analyzers: concurrent, generated code skipped, known symbols resolved
/// once per compilation, nothing registered for a compilation that references neither ImbalanceGuard nor
/// ML.NET and declares no method matching a configured pattern, and one shared analysis per code block
/// from which each analyzer reports its own rule.
/// </summary>
public abstract class ImbalanceGuardAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _rule;
    private readonly AnalysisKind _kind;

    private protected ImbalanceGuardAnalyzer(DiagnosticDescriptor rule, bool leakage)
        : this(rule, leakage ? AnalysisKind.Leakage : AnalysisKind.Values)
    {
    }

    private protected ImbalanceGuardAnalyzer(DiagnosticDescriptor rule, AnalysisKind kind)
    {
        _rule = rule;
        _kind = kind;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    /// <summary>Which of the shared analyses of a code block holds a rule's findings.</summary>
    private protected enum AnalysisKind
    {
        /// <summary>The taint analysis over the control-flow graph (IG0001-IG0003).</summary>
        Leakage,

        /// <summary>The value analysis of the operation tree (IG0004-IG0005).</summary>
        Values,

        /// <summary>The selection check of the operation tree (IG0006).</summary>
        Selection,
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
        var possible = settings.MayFire(block, state.ReferencesAnnotatedLibrary);
        var mayFind = _kind switch
        {
            AnalysisKind.Leakage => possible.Leakage,
            AnalysisKind.Selection => possible.Selection,
            _ => possible.Accuracy || possible.Threshold,
        };
        if (!mayFind)
        {
            return; // most blocks: nothing the analyses look for is even written there
        }

        var results = state.GetBlockResults(block, () => new CodeBlockResults(block, context.OwningSymbol, context.SemanticModel, settings));
        var findings = _kind switch
        {
            AnalysisKind.Leakage => results.Leakage(context.CancellationToken),
            AnalysisKind.Selection => results.Selection(context.CancellationToken),
            _ => results.Values(context.CancellationToken),
        };
        foreach (var finding in findings)
        {
            if (ReferenceEquals(finding.Rule, _rule))
            {
                context.ReportDiagnostic(finding.ToDiagnostic());
            }
        }
    }
}
