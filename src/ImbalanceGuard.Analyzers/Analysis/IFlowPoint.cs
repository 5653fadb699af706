using Microsoft.CodeAnalysis;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// What a rule's check sees at a sink: the converged taint of the tracked symbols at that point of the
/// graph, the semantic model of the code, and where to report. Checks run only in the report pass.
/// </summary>
internal interface IFlowPoint
{
    /// <summary>The semantic model of the analysed code's tree.</summary>
    SemanticModel Model { get; }

    /// <summary>The analysed code block's pre-pass (assignments, data sources, foreach variables), for checks that look at how a sink's data was built.</summary>
    PrePass Pre { get; }

    /// <summary>The taint a local, parameter, field or property holds here.</summary>
    TaintValue TaintOf(ISymbol symbol);

    /// <summary>Reports a finding (once per rule and place).</summary>
    void Report(DiagnosticDescriptor rule, SyntaxNode node, params string[] arguments);
}
