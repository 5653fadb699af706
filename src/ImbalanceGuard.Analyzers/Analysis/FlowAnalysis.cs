using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
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
    private readonly SyntaxNode _block;
    private readonly ISymbol? _owner;
    private HashSet<IMethodSymbol>? _localFunctionsInProgress;
    private Dictionary<SyntaxNode, MethodRole>? _shapeRoles;

    private FlowAnalysis(SyntaxNode block, ISymbol? owner, SettingsContext context, SemanticModel model, PrePass pre, List<Finding>? findings, CancellationToken cancellationToken)
    {
        _block = block;
        _owner = owner;
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

    /// <summary>Whether this run computes a <see cref="MethodSummary"/> (nothing is reported) rather than a code block's findings.</summary>
    public bool IsSummary => _findings == null;

    /// <summary>In a summary: the summarised method's parameters that it fills (its caller's data changes).</summary>
    public HashSet<ISymbol> MutatedParameters { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Analyses a code block's graph and adds the leakage rules' findings.</summary>
    public static void Analyze(ControlFlowGraph graph, SyntaxNode block, ISymbol? owner, SettingsContext context, SemanticModel model, PrePass pre, List<Finding> findings, CancellationToken cancellationToken)
    {
        var analysis = new FlowAnalysis(block, owner, context, model, pre, findings, cancellationToken);
        new GraphRun(analysis, graph).Run(analysis.InitialState(), report: true);
    }

    /// <summary>An analysis that reports nothing, for the summary of the member whose code block is <paramref name="block"/>.</summary>
    public static FlowAnalysis ForSummary(SyntaxNode block, ISymbol? owner, SettingsContext context, SemanticModel model, PrePass pre, CancellationToken cancellationToken)
        => new(block, owner, context, model, pre, null, cancellationToken);

    /// <summary>
    /// The state at the block's entry: the fields and properties of its own type that it reads hold what
    /// the type's other members store in them (flow-insensitive across members; an assignment in this block
    /// replaces it as usual).
    /// </summary>
    public FlowState InitialState()
    {
        var state = new FlowState();
        var type = _owner?.ContainingType;
        if (type == null)
        {
            return state;
        }

        foreach (var member in Pre.OwnMembersRead)
        {
            if (SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type.OriginalDefinition))
            {
                state.Add(member, Context.Summaries.StoredIn(member, _block, Model, CancellationToken));
            }
        }

        return state;
    }

    /// <summary>In a summary, whether a symbol is a parameter of the summarised method (its taint is the caller's, not its name's).</summary>
    public bool IsSummarizedParameter(ISymbol symbol)
        => IsSummary && symbol is IParameterSymbol && SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol, _owner);

    /// <summary>The summary of a called method of the compilation, when the call can carry data across.</summary>
    public MethodSummary? SummaryOf(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction || Context.Known.IsLibrarySymbol(method) || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        var ownType = invocation.Instance is null or IInstanceReferenceOperation
            && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, _owner?.ContainingType?.OriginalDefinition);
        var compilation = Context.Compilation;
        var carriesData = ownType || compilation.IsDataLike(method.ReturnType);
        foreach (var parameter in method.Parameters)
        {
            carriesData |= compilation.IsDataLike(parameter.Type);
        }

        return carriesData ? Context.Summaries.Of(method, Model, CancellationToken) : null;
    }

    /// <summary>
    /// The role of a LINQ call that is hand-written resampling (per-class random <c>Take</c>) or a hand-written
    /// fold cut (<c>Skip</c>/<c>Take</c> in a fold loop), decided once per call site (the fixed point visits it often).
    /// </summary>
    public MethodRole ShapeRole(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is not ("Take" or "Skip" or "GetRange"))
        {
            return MethodRole.None;
        }

        _shapeRoles ??= [];
        if (_shapeRoles.TryGetValue(invocation.Syntax, out var role))
        {
            return role;
        }

        role = HandWrittenSampling.IsPerClassRandomTake(invocation, Model, Pre, CancellationToken) ? new MethodRole(MethodRoleKind.Resampler, null)
            : HandWrittenFolds.IsFoldCut(invocation, Model, CancellationToken) ? new MethodRole(MethodRoleKind.FoldCut, null)
            : MethodRole.None;
        _shapeRoles[invocation.Syntax] = role;
        return role;
    }

    /// <summary>Guards a local function's graph against running inside itself (recursion); false when it already runs.</summary>
    public bool EnterLocalFunction(IMethodSymbol function) => (_localFunctionsInProgress ??= new(SymbolEqualityComparer.Default)).Add(function);

    public void ExitLocalFunction(IMethodSymbol function) => _localFunctionsInProgress?.Remove(function);

    /// <summary>Adds a finding, once per rule and place (the report pass may visit a node more than once).</summary>
    public void Report(DiagnosticDescriptor rule, SyntaxNode node, params string[] arguments)
    {
        if (_findings != null && _reported.Add((rule.Id, node.Span)))
        {
            _findings.Add(new Finding(rule, node.GetLocation(), arguments));
        }
    }

    /// <summary>A call or expression as the messages quote it: one line, at most <paramref name="maxLength"/> characters (60 unless a rule quotes long catalog paths).</summary>
    public static string Describe(SyntaxNode node, int maxLength = 60)
    {
        var target = node is InvocationExpressionSyntax invocation ? invocation.Expression : node;
        var text = target.ToString();
        text = string.Join(" ", text.Split(['\r', '\n', '\t', ' '], System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length > maxLength ? text.Substring(0, maxLength - 3) + "..." : text;
    }
}
