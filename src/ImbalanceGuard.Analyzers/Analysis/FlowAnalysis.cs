using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// The leakage rules' engine: a taint analysis over the control-flow graph. Resampler outputs, evaluation
/// data and fold-generator outputs are sources (recognised in <see cref="GraphRun"/>); taint follows data
/// dependency (assignments, tuples and deconstruction, calls that take data and return data, LINQ lambdas,
/// collections that are filled, loops) to a fixed point; at the sinks (splits, cross-validation calls,
/// resamplers) the converged state is handed to the rules' checks through <see cref="LeakChecks"/>. Line
/// order plays no part: a split that runs before the resampler is clean unless a loop carries the resampled
/// data back to it.
/// </summary>
internal sealed class FlowAnalysis
{
    private readonly List<Finding>? _findings;
    private readonly HashSet<(string Id, TextSpan Span)> _reported = [];

    private FlowAnalysis(SettingsContext context, SemanticModel model, PrePass pre, List<Finding>? findings, CancellationToken cancellationToken)
    {
        Context = context;
        Model = model;
        Pre = pre;
        _findings = findings;
        CancellationToken = cancellationToken;
    }

    public SettingsContext Context { get; }

    /// <summary>The semantic model of the analysed code's tree.</summary>
    public SemanticModel Model { get; }

    public PrePass Pre { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Analyses a code block's graph and adds the leakage rules' findings.</summary>
    public static void Analyze(ControlFlowGraph graph, SettingsContext context, SemanticModel model, PrePass pre, List<Finding> findings, CancellationToken cancellationToken)
    {
        var analysis = new FlowAnalysis(context, model, pre, findings, cancellationToken);
        new GraphRun(analysis, graph).Run(new FlowState(), report: true);
    }

    /// <summary>Adds a finding, once per rule and place (the report pass may visit a node more than once).</summary>
    public void Report(DiagnosticDescriptor rule, SyntaxNode node, params string[] arguments)
    {
        if (_findings != null && _reported.Add((rule.Id, node.Span)))
        {
            _findings.Add(new Finding(rule, node.GetLocation(), arguments));
        }
    }

    /// <summary>A call or expression as the messages quote it: one line, at most 60 characters.</summary>
    public static string Describe(SyntaxNode node)
    {
        var target = node is InvocationExpressionSyntax invocation ? invocation.Expression : node;
        var text = target.ToString();
        text = string.Join(" ", text.Split(['\r', '\n', '\t', ' '], System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }
}
