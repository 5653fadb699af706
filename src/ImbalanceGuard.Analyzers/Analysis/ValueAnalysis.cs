using System;
using System.Collections.Generic;
using System.Threading;
using ImbalanceGuard.Analyzers.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// The engine of the value rules, which judge values on a code block's operation tree rather than data flowing
/// through its control-flow graph: it walks the tree once and hands each operation to the rules' checks
/// (<see cref="PlainAccuracyCheck"/> for IG0004, <see cref="HardCodedThresholdCheck"/> for IG0005), resolves which
/// locals hold a kind of value, and reports each finding once. Locals are resolved flow-insensitively: a local holds
/// a kind of value if any value assigned to it is one.
/// </summary>
internal sealed class ValueAnalysis
{
    // Enough rounds for a chain of copies through a few locals; a fixed point is usually reached in two.
    private const int LocalRounds = 6;

    private readonly List<Finding> _findings;
    private readonly HashSet<(string Id, TextSpan Span)> _reported = [];

    private ValueAnalysis(IOperation root, SettingsContext context, PrePass pre, List<Finding> findings)
    {
        Root = root;
        Context = context;
        Pre = pre;
        _findings = findings;
    }

    /// <summary>The code block's root operation.</summary>
    public IOperation Root { get; }

    /// <summary>The compilation's known symbols and the file's settings.</summary>
    public SettingsContext Context { get; }

    /// <summary>The values assigned to each local (flow-insensitive).</summary>
    public PrePass Pre { get; }

    /// <summary>The compilation's ImbalanceGuard and ML.NET symbols.</summary>
    public KnownSymbols Known => Context.Known;

    /// <summary>Runs the value checks the token scan asked for on every operation of <paramref name="root"/>.</summary>
    public static void Analyze(IOperation root, SettingsContext context, PrePass pre, List<Finding> findings, bool accuracy, bool thresholds, CancellationToken cancellationToken)
    {
        var engine = new ValueAnalysis(root, context, pre, findings);
        var accuracyCheck = accuracy ? new PlainAccuracyCheck(engine, cancellationToken) : null;
        var thresholdCheck = thresholds ? new HardCodedThresholdCheck(engine, cancellationToken) : null;
        foreach (var operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            accuracyCheck?.Check(operation);
            thresholdCheck?.Check(operation);
        }
    }

    /// <summary>Reports <paramref name="rule"/> on <paramref name="node"/>, once per rule and span.</summary>
    public void Report(DiagnosticDescriptor rule, SyntaxNode node, params string[] arguments)
    {
        if (_reported.Add((rule.Id, node.Span)))
        {
            _findings.Add(new Finding(rule, node.GetLocation(), arguments));
        }
    }

    /// <summary>The source text of <paramref name="node"/> on one line, shortened for a message.</summary>
    public static string Text(SyntaxNode node)
    {
        var text = string.Join(" ", node.ToString().Split(['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    /// <summary>
    /// Adds to <paramref name="holders"/> every local or parameter of the block that is assigned a value
    /// <paramref name="isValue"/> accepts, until nothing changes (the predicate may consult the set: a copy of a copy).
    /// The predicate gets the symbol, the assigned value and whether the symbol is a foreach variable, whose recorded
    /// value is its collection.
    /// </summary>
    public void ResolveLocals(HashSet<ISymbol> holders, Func<ISymbol, IOperation, bool, bool> isValue, CancellationToken cancellationToken)
    {
        for (var round = 0; round < LocalRounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = false;
            foreach (var pair in Pre.Assignments)
            {
                if (pair.Key is not (ILocalSymbol or IParameterSymbol) || holders.Contains(pair.Key))
                {
                    continue;
                }

                var forEach = Pre.ForEachVariables.Contains(pair.Key);
                foreach (var value in pair.Value)
                {
                    if (isValue(pair.Key, value, forEach))
                    {
                        changed |= holders.Add(pair.Key);
                        break;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }
    }

    /// <summary>Whether <paramref name="type"/> is an array, span or sequence of floating-point values.</summary>
    public static bool ElementIsFloating(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return CompilationState.IsFloatingPoint(array.ElementType);
        }

        if (type is INamedTypeSymbol named)
        {
            // Span<T> and ReadOnlySpan<T> (ImbalanceGuard's BinaryScores.Scores) are no IEnumerable<T>.
            if (named.Name is "Span" or "ReadOnlySpan" && named.TypeArguments.Length == 1 && named.ContainingNamespace?.ToDisplayString() == "System")
            {
                return CompilationState.IsFloatingPoint(named.TypeArguments[0]);
            }

            foreach (var iface in named.AllInterfaces)
            {
                if (iface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return CompilationState.IsFloatingPoint(iface.TypeArguments[0]);
                }
            }
        }

        return false;
    }
    /// <summary>The lambda passed as <paramref name="value"/>, past conversions and delegate creation.</summary>
    public static IAnonymousFunctionOperation? LambdaOf(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IDelegateCreationOperation creation:
                    value = creation.Target;
                    continue;
                case IAnonymousFunctionOperation lambda:
                    return lambda;
                default:
                    return null;
            }
        }
    }

    /// <summary>The innermost lambda or local function around <paramref name="operation"/>, or null in the member itself.</summary>
    public static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current != null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }
}
