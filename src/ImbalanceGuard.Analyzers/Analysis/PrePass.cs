using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// One walk over a code block's operation tree that collects what the flow and value analyses need: the values
/// assigned to each local (flow-insensitive), which data each local is derived from, the hand-rolled
/// oversampling calls (a collection grown with copies of its own rows), and the data ML.NET evaluates.
/// </summary>
internal sealed class PrePass
{
    private static readonly HashSet<string> GrowMethods = ["Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "AddLast", "AddFirst"];
    private static readonly HashSet<string> ConcatMethods = ["Concat", "Append", "Prepend"];

    private readonly SettingsContext _context;
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _derivedFrom = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, HashSet<ISymbol>> _closure = new(SymbolEqualityComparer.Default);

    private PrePass(SettingsContext context)
    {
        _context = context;
    }

    /// <summary>Every value assigned to a local, parameter or field in the block (declarations, assignments, foreach variables).</summary>
    public Dictionary<ISymbol, List<IOperation>> Assignments { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Locals whose foreach collection is recorded in <see cref="Assignments"/> as an element of it.</summary>
    public HashSet<ISymbol> ForEachVariables { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The syntax of calls that grow a collection with its own rows: hand-rolled oversampling.</summary>
    public HashSet<SyntaxNode> SelfAppends { get; } = [];

    /// <summary>Locals that ML.NET evaluates a model on (directly or through <c>Transform</c>): evaluation data.</summary>
    public HashSet<ISymbol> EvaluatedData { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Data-like fields and properties declared in source that the block reads on its own instance (or statically).</summary>
    public HashSet<ISymbol> OwnMembersRead { get; } = new(SymbolEqualityComparer.Default);

    public static PrePass Run(IOperation root, SettingsContext context, CancellationToken cancellationToken)
    {
        var pass = new PrePass(context);
        var invocations = new List<IInvocationOperation>();
        foreach (var op in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (op)
            {
                case IVariableDeclaratorOperation declarator:
                    var initializer = declarator.Initializer?.Value;
                    if (initializer != null)
                    {
                        pass.Record(declarator.Symbol, initializer);
                    }

                    break;
                case ISimpleAssignmentOperation assignment:
                    if (TargetSymbol(assignment.Target) is { } target)
                    {
                        pass.Record(target, assignment.Value);
                    }

                    break;
                case ICompoundAssignmentOperation compound:
                    if (TargetSymbol(compound.Target) is { } compoundTarget)
                    {
                        pass.AddDerived(compoundTarget, compound.Value);
                    }

                    break;
                case IForEachLoopOperation loop:
                    foreach (var local in loop.Locals)
                    {
                        pass.Record(local, loop.Collection);
                        pass.ForEachVariables.Add(local);
                    }

                    break;
                case IInvocationOperation invocation:
                    invocations.Add(invocation);
                    break;
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: { IsConst: false } field }:
                    pass.AddOwnMember(field, field.Type);
                    break;
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true, Property: var property }:
                    pass.AddOwnMember(property, property.Type);
                    break;
            }
        }

        // Mutations derive a collection from what is put into it.
        foreach (var invocation in invocations)
        {
            if (invocation.Instance != null && TargetSymbol(invocation.Instance) is { } grown && GrowMethods.Contains(invocation.TargetMethod.Name))
            {
                foreach (var argument in invocation.Arguments)
                {
                    pass.AddDerived(grown, argument.Value, skipSelf: true);
                }
            }
        }

        foreach (var invocation in invocations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pass.FindSelfAppend(invocation);
            pass.FindEvaluated(invocation);
        }

        return pass;
    }

    private void AddOwnMember(ISymbol member, ITypeSymbol type)
    {
        if (!member.IsImplicitlyDeclared && !member.DeclaringSyntaxReferences.IsEmpty && _context.Compilation.IsDataLike(type))
        {
            OwnMembersRead.Add(member.OriginalDefinition);
        }
    }

    /// <summary>The data-like locals, parameters and fields an expression reads directly (lambda bodies included).</summary>
    public List<ISymbol> DirectSources(IOperation expression)
    {
        var sources = new List<ISymbol>();
        foreach (var op in expression.DescendantsAndSelf())
        {
            var symbol = op switch
            {
                ILocalReferenceOperation l => l.Local,
                IParameterReferenceOperation p => (ISymbol)p.Parameter,
                IFieldReferenceOperation f when f.Instance is null or IInstanceReferenceOperation => f.Field,
                _ => null,
            };
            if (symbol != null && _context.Compilation.IsDataLike(TypeOf(symbol)))
            {
                sources.Add(symbol);
            }
        }

        return sources;
    }

    /// <summary>Every data-like local, parameter or field the expression is derived from, transitively.</summary>
    public HashSet<ISymbol> Closure(IOperation expression)
    {
        var result = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var source in DirectSources(expression))
        {
            result.Add(source);
            result.UnionWith(Closure(source));
        }

        return result;
    }

    private HashSet<ISymbol> Closure(ISymbol symbol)
    {
        if (_closure.TryGetValue(symbol, out var known))
        {
            return known;
        }

        var result = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        _closure[symbol] = result; // cycles end here
        var stack = new Stack<ISymbol>();
        stack.Push(symbol);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!_derivedFrom.TryGetValue(current, out var parents))
            {
                continue;
            }

            foreach (var parent in parents)
            {
                if (result.Add(parent))
                {
                    stack.Push(parent);
                }
            }
        }

        return result;
    }

    private static ISymbol? TargetSymbol(IOperation target)
    {
        while (target is IConversionOperation conversion)
        {
            target = conversion.Operand;
        }

        return target switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            IFieldReferenceOperation f when f.Instance is null or IInstanceReferenceOperation => f.Field,
            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation l } => l.Local,
            _ => null,
        };
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol l => l.Type,
        IParameterSymbol p => p.Type,
        IFieldSymbol f => f.Type,
        _ => null,
    };

    private void Record(ISymbol target, IOperation value)
    {
        if (!Assignments.TryGetValue(target, out var list))
        {
            list = [];
            Assignments[target] = list;
        }

        list.Add(value);
        AddDerived(target, value);
    }

    private void AddDerived(ISymbol target, IOperation value, bool skipSelf = false)
    {
        if (!_context.Compilation.IsDataLike(TypeOf(target)))
        {
            return;
        }

        foreach (var source in DirectSources(value))
        {
            if (skipSelf && SymbolEqualityComparer.Default.Equals(source, target))
            {
                continue;
            }

            if (!_derivedFrom.TryGetValue(target, out var set))
            {
                set = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                _derivedFrom[target] = set;
            }

            set.Add(source);
        }
    }

    private void FindSelfAppend(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        if (invocation.Instance != null && GrowMethods.Contains(name))
        {
            // rows.Add(rows[i]), rows.AddRange(rows.Where(isFraud)), frauds derived from rows then rows.AddRange(frauds)
            if (TargetSymbol(invocation.Instance) is not { } grown || !HoldsRows(TypeOf(grown)))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (Closure(argument.Value).Contains(grown))
                {
                    SelfAppends.Add(invocation.Syntax);
                    return;
                }
            }

            return;
        }

        if (ConcatMethods.Contains(name) && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length == 2
            && invocation.TargetMethod.ContainingNamespace?.ToDisplayString() == "System.Linq"
            && HoldsRows(invocation.Type))
        {
            // rows.Concat(rows.Where(isFraud)): a sequence joined with its own rows.
            var first = invocation.Arguments[0].Value;
            var second = invocation.Arguments[1].Value;
            var sources = DirectSources(first);
            if (sources.Count == 0)
            {
                return;
            }

            var closure = Closure(second);
            foreach (var source in sources)
            {
                if (closure.Contains(source))
                {
                    SelfAppends.Add(invocation.Syntax);
                    return;
                }
            }
        }
    }

    /// <summary>Whether a collection's elements are rows (arrays or objects), not numbers, labels or text.</summary>
    private bool HoldsRows(ITypeSymbol? collection)
    {
        var element = ElementType(collection);
        if (element == null)
        {
            return false;
        }

        return element.SpecialType != SpecialType.System_String && !CompilationState.IsScalar(element)
            && element.SpecialType != SpecialType.System_Object && element.TypeKind != TypeKind.TypeParameter || element is IArrayTypeSymbol;
    }

    private static ITypeSymbol? ElementType(ITypeSymbol? collection)
    {
        if (collection is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (collection is not INamedTypeSymbol named)
        {
            return null;
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return named.TypeArguments[0];
        }

        foreach (var iface in named.AllInterfaces)
        {
            if (iface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return iface.TypeArguments[0];
            }
        }

        return null;
    }

    private void FindEvaluated(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!method.Name.StartsWith("Evaluate", System.StringComparison.Ordinal) || !_context.Known.IsMLNetSymbol(method))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name != "data")
            {
                continue;
            }

            MarkEvaluated(argument.Value, depth: 0);
        }
    }

    private void MarkEvaluated(IOperation value, int depth)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IInvocationOperation { TargetMethod.Name: "Transform" } transform)
        {
            var input = transform.Arguments.Length > 0 ? transform.Arguments[0].Value : null;
            if (input != null && depth < 2)
            {
                MarkEvaluated(input, depth + 1);
            }

            return;
        }

        if (value is ILocalReferenceOperation local)
        {
            EvaluatedData.Add(local.Local);
            if (depth < 2 && Assignments.TryGetValue(local.Local, out var values))
            {
                foreach (var assigned in values)
                {
                    if (assigned is IInvocationOperation { TargetMethod.Name: "Transform" })
                    {
                        MarkEvaluated(assigned, depth + 1);
                    }
                }
            }
        }
    }
}
