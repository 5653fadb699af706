using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// The leakage rules across methods: <see cref="MethodSummary"/>s of the compilation's own members,
/// computed on demand when a call site or a field read needs one, once per member and configuration
/// (cached here, under <see cref="CompilationState"/>). Thread-safe (a race computes a summary twice and
/// keeps one), cycle-safe (a member already being summarised on this thread counts as doing nothing) and
/// bounded (at most <see cref="MaxDepth"/> nested summaries; deeper callees count as doing nothing). No
/// compilation-end action is involved, so the rules stay live in the IDE.
/// </summary>
internal sealed class MethodSummaries
{
    /// <summary>How many summaries may be computed inside one another.</summary>
    public const int MaxDepth = 6;

    [ThreadStatic]
    private static List<SyntaxNode>? t_inProgress;

    private readonly SettingsContext _context;
    private readonly ConcurrentDictionary<SyntaxNode, MethodSummary> _summaries = new();
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<SyntaxNode>> _writers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<string, bool> _declared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxNode, bool> _mayCarry = new();
    private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxNode>> _bodiesNamed = new(StringComparer.Ordinal);

    public MethodSummaries(SettingsContext context)
    {
        _context = context;
    }

    /// <summary>The summary of a called method declared in this compilation's source, or null when it has none to give.</summary>
    public MethodSummary? Of(IMethodSymbol method, SemanticModel callerModel, CancellationToken cancellationToken)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.PropertyGet) || method.IsAbstract || method.IsExtern
            || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        // A member of a referenced project (in the IDE, and in tools, a project reference is another compilation)
        // is declared in a tree this compilation cannot bind: its summary would need that compilation.
        var reference = method.DeclaringSyntaxReferences[0];
        if (!callerModel.Compilation.ContainsSyntaxTree(reference.SyntaxTree))
        {
            return null;
        }

        var node = BodyOf(reference.GetSyntax(cancellationToken));
        return node == null ? null : Summarize(node, method, callerModel, cancellationToken);
    }

    /// <summary>
    /// The taint that the members of <paramref name="member"/>'s type other than the code at
    /// <paramref name="reader"/> leave in it (fields and properties: assigned, filled, initialised).
    /// </summary>
    public TaintValue StoredIn(ISymbol member, SyntaxNode reader, SemanticModel callerModel, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length == 0 || !callerModel.Compilation.ContainsSyntaxTree(member.DeclaringSyntaxReferences[0].SyntaxTree))
        {
            return default;
        }

        var writers = _writers.GetOrAdd(member, m => FindWriters(m, cancellationToken));
        var value = default(TaintValue);
        foreach (var writer in writers)
        {
            if (writer.SyntaxTree == reader.SyntaxTree && writer.Span.IntersectsWith(reader.Span))
            {
                continue;
            }

            var owner = SymbolOfBody(writer, callerModel, cancellationToken);
            var summary = Summarize(writer, owner, callerModel, cancellationToken);
            if (summary.Members.TryGetValue(member, out var stored))
            {
                value = value.Union(stored);
            }
        }

        return value;
    }

    private MethodSummary Summarize(SyntaxNode node, ISymbol? owner, SemanticModel callerModel, CancellationToken cancellationToken)
    {
        if (_summaries.TryGetValue(node, out var known))
        {
            return known;
        }

        var inProgress = t_inProgress ??= [];
        if (inProgress.Count >= MaxDepth || inProgress.Contains(node))
        {
            return MethodSummary.Empty;
        }

        inProgress.Add(node);
        MethodSummary summary;
        try
        {
            summary = MayCarryTaint(node, callerModel.Compilation, cancellationToken) ? Compute(node, owner, callerModel, cancellationToken) : MethodSummary.Empty;
        }
        finally
        {
            inProgress.RemoveAt(inProgress.Count - 1);
        }

        return _summaries.GetOrAdd(node, summary);
    }

    private MethodSummary Compute(SyntaxNode node, ISymbol? owner, SemanticModel callerModel, CancellationToken cancellationToken)
    {
        var model = ModelFor(node.SyntaxTree, callerModel);
        var root = FlowGraphs.Root(model, node, cancellationToken);
        var graph = root == null ? null : FlowGraphs.Create(root, cancellationToken);
        if (root == null || graph == null)
        {
            return MethodSummary.Empty;
        }

        var pre = PrePass.Run(root, _context, cancellationToken);
        var analysis = FlowAnalysis.ForSummary(node, owner, _context, model, pre, cancellationToken);
        var run = new GraphRun(analysis, graph);
        var returned = run.Run(analysis.InitialState(), report: false);
        var exit = run.ExitState;

        var parameters = ImmutableDictionary<int, TaintValue>.Empty;
        if (owner is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                // A by-value parameter reassigned inside is the callee's own business; filled or ref/out is the caller's.
                if (parameter.RefKind is RefKind.Ref or RefKind.Out || analysis.MutatedParameters.Contains(parameter))
                {
                    var value = exit.Get(parameter);
                    if ((value.Bits & Taint.CrossMethod) != 0)
                    {
                        parameters = parameters.SetItem(parameter.Ordinal, value);
                    }
                }
            }
        }

        var members = MethodSummary.MembersOf(exit.Entries, owner?.ContainingType);
        var splits = owner is IMethodSymbol splitter ? SplitterShape.SplitParameter(splitter, root, pre) : null;
        return new MethodSummary(returned, parameters, members, splits);
    }

    /// <summary>
    /// The token scan that spares binding most members: a body can leave taint only if it names a resampler, a
    /// split or fold generator, or evaluation data, grows a collection with its own rows, cuts one the way
    /// hand-written sampling and splits do (<c>Take</c> with <c>Skip</c>, a random order, two <c>Where</c>s), names a learning
    /// preprocessing step (IG0007: <c>NormalizeMinMax</c>) or applies a statistic to rows (<c>Average</c> beside a
    /// <c>Select</c> or a loop), or
    /// calls a member of the compilation's own whose body can (by name, to <see cref="MaxDepth"/> calls and a
    /// budget of bodies; beyond them a body counts as able to). Deciding by name, without binding, keeps the
    /// validation helpers and collection code of a large codebase unbound.
    /// </summary>
    private bool MayCarryTaint(SyntaxNode body, Compilation compilation, CancellationToken cancellationToken)
    {
        var budget = MaxRelevanceBodies;
        return MayCarryTaint(body, compilation, new List<SyntaxNode>(), ref budget, out _, cancellationToken);
    }

    private const int MaxRelevanceBodies = 2000;

    private bool MayCarryTaint(SyntaxNode body, Compilation compilation, List<SyntaxNode> path, ref int budget, out bool incomplete, CancellationToken cancellationToken)
    {
        incomplete = false;
        if (_mayCarry.TryGetValue(body, out var known))
        {
            return known;
        }

        if (path.Contains(body))
        {
            // A cycle: this body's answer is being decided further up; do not cache what depends on it.
            incomplete = true;
            return false;
        }

        if (path.Count >= MaxDepth || --budget < 0)
        {
            // Summaries stop at the same depth: what lies beyond cannot reach the caller's analysis either.
            incomplete = true;
            return false;
        }

        var scan = BodyScan.Of(body, _context, cancellationToken);
        if (scan.Signals)
        {
            return _mayCarry.GetOrAdd(body, true);
        }

        path.Add(body);
        try
        {
            foreach (var name in scan.CalledNames)
            {
                if (!_declared.GetOrAdd(name, n => compilation.ContainsSymbolsWithName(n, SymbolFilter.Member, cancellationToken)))
                {
                    continue;
                }

                foreach (var callee in _bodiesNamed.GetOrAdd(name, n => BodiesNamed(n, compilation, cancellationToken)))
                {
                    if (MayCarryTaint(callee, compilation, path, ref budget, out var calleeIncomplete, cancellationToken))
                    {
                        return _mayCarry.GetOrAdd(body, true);
                    }

                    incomplete |= calleeIncomplete;
                }
            }
        }
        finally
        {
            path.RemoveAt(path.Count - 1);
        }

        if (!incomplete)
        {
            _mayCarry.TryAdd(body, false);
        }

        return false;
    }

    /// <summary>The bodies of the compilation's own members with this name (from the declaration table: nothing is bound).</summary>
    private static ImmutableArray<SyntaxNode> BodiesNamed(string name, Compilation compilation, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
        foreach (var symbol in compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken))
        {
            var declarations = symbol is IPropertySymbol { GetMethod: { } getter } ? getter.DeclaringSyntaxReferences.AddRange(symbol.DeclaringSyntaxReferences) : symbol.DeclaringSyntaxReferences;
            foreach (var reference in declarations)
            {
                if (BodyOf(reference.GetSyntax(cancellationToken)) is { } found)
                {
                    builder.Add(found);
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// A semantic model for a callee's tree. The caller's own model serves callees in its tree. For other
    /// trees Roslyn 4.8 gives analyzers no semantic-model provider, so the compilation's is used: inside the
    /// analyzer driver <c>Compilation.GetSemanticModel</c> returns the driver's cached model (Roslyn's
    /// <c>CachingSemanticModelProvider</c>, since 3.8), and this cache keeps one per tree otherwise.
    /// </summary>
    private SemanticModel ModelFor(SyntaxTree tree, SemanticModel callerModel)
    {
        if (tree == callerModel.SyntaxTree)
        {
            return callerModel;
        }

#pragma warning disable RS1030 // Another member's body is in another tree; see the summary above.
        return _models.GetOrAdd(tree, t => callerModel.Compilation.GetSemanticModel(t));
#pragma warning restore RS1030
    }

    /// <summary>The code block of a member declaration (the node the code-block analysis sees), or null when it has no body.</summary>
    private static SyntaxNode? BodyOf(SyntaxNode declaration) => declaration switch
    {
        BaseMethodDeclarationSyntax m when m.Body != null || m.ExpressionBody != null => m,
        AccessorDeclarationSyntax a when a.Body != null || a.ExpressionBody != null => a,
        ArrowExpressionClauseSyntax arrow => arrow,
        VariableDeclaratorSyntax { Initializer: { } initializer } => initializer,
        PropertyDeclarationSyntax { Initializer: { } initializer } => initializer,
        _ => null,
    };

    private ISymbol? SymbolOfBody(SyntaxNode body, SemanticModel callerModel, CancellationToken cancellationToken)
    {
        var model = ModelFor(body.SyntaxTree, callerModel);
        var declaration = body is EqualsValueClauseSyntax { Parent: { } parent } ? parent : body is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } ? property : body;
        var symbol = model.GetDeclaredSymbol(declaration, cancellationToken);
        return symbol is IPropertySymbol { GetMethod: { } getter } && body is ArrowExpressionClauseSyntax ? getter : symbol;
    }

    /// <summary>The bodies and initializers of the member's type that name it: the only code that can store into it.</summary>
    private static ImmutableArray<SyntaxNode> FindWriters(ISymbol member, CancellationToken cancellationToken)
    {
        var type = member.ContainingType;
        if (type == null)
        {
            return ImmutableArray<SyntaxNode>.Empty;
        }

        var name = member.Name;
        var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
        foreach (var candidate in type.GetMembers())
        {
            foreach (var reference in candidate.DeclaringSyntaxReferences)
            {
                var body = BodyOf(reference.GetSyntax(cancellationToken));
                if (body != null && IdentifierSearch.Mentions(body, name))
                {
                    builder.Add(body);
                }
            }
        }

        return builder.ToImmutable();
    }
}
