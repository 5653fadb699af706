using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// A user's own splitter recognised by what it returns, whatever its name: a tuple of two or more parts of
/// the same parameter, each cut with <c>Take</c>/<c>Skip</c>/<c>Where</c>/<c>GetRange</c> (possibly after a
/// shuffle or a copy, possibly through locals), two of them complementary — <c>Take(n)</c> and
/// <c>Skip(n)</c>, or <c>Where(p)</c> and <c>Where(!p)</c> (or the opposite comparison).
/// </summary>
internal static class SplitterShape
{
    private static readonly HashSet<string> PassThrough = ["ToList", "ToArray", "AsEnumerable", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending"];
    private static readonly HashSet<string> Cuts = ["Take", "Skip", "Where", "GetRange", "TakeLast", "SkipLast"];

    /// <summary>The name of the parameter that <paramref name="method"/> returns in disjoint parts, or null.</summary>
    public static string? SplitParameter(IMethodSymbol method, IOperation root, PrePass pre)
    {
        if (method.ReturnType is not INamedTypeSymbol { IsTupleType: true } tuple || tuple.TupleElements.Length < 2)
        {
            return null;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value } && Conversions.Strip(value) is ITupleOperation parts
                && SplitOf(parts, pre) is { } parameter)
            {
                return parameter.Name;
            }
        }

        return null;
    }

    private static IParameterSymbol? SplitOf(ITupleOperation parts, PrePass pre)
    {
        IParameterSymbol? source = null;
        var cuts = new List<List<InvocationExpressionSyntax>>();
        foreach (var element in parts.Elements)
        {
            var elementCuts = new List<InvocationExpressionSyntax>();
            var origin = Origin(element, pre, elementCuts, depth: 0);
            if (origin == null || elementCuts.Count == 0 || (source != null && !SymbolEqualityComparer.Default.Equals(source, origin)))
            {
                return null;
            }

            source = origin;
            cuts.Add(elementCuts);
        }

        for (var i = 0; i < cuts.Count; i++)
        {
            for (var j = i + 1; j < cuts.Count; j++)
            {
                foreach (var a in cuts[i])
                {
                    foreach (var b in cuts[j])
                    {
                        if (Complementary(a, b))
                        {
                            return source;
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The parameter a part is cut from, collecting the cuts on the way (through copies, shuffles and locals).</summary>
    private static IParameterSymbol? Origin(IOperation operation, PrePass pre, List<InvocationExpressionSyntax> cuts, int depth)
    {
        operation = Conversions.Strip(operation);
        if (depth > 8)
        {
            return null;
        }

        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return parameter.Parameter;
            case ILocalReferenceOperation local when pre.Assignments.TryGetValue(local.Local, out var values) && values.Count == 1:
                return Origin(values[0], pre, cuts, depth + 1);
            case IInvocationOperation invocation:
                var name = invocation.TargetMethod.Name;
                var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                if (receiver == null)
                {
                    return null;
                }

                if (Cuts.Contains(name) && invocation.Syntax is InvocationExpressionSyntax syntax)
                {
                    cuts.Add(syntax);
                    return Origin(receiver, pre, cuts, depth + 1);
                }

                return PassThrough.Contains(name) ? Origin(receiver, pre, cuts, depth + 1) : null;
            default:
                return null;
        }
    }

    private static bool Complementary(InvocationExpressionSyntax a, InvocationExpressionSyntax b)
    {
        var nameA = Name(a);
        var nameB = Name(b);
        var argsA = a.ArgumentList.Arguments;
        var argsB = b.ArgumentList.Arguments;
        if (argsA.Count != 1 || argsB.Count != 1)
        {
            return false;
        }

        var x = argsA[0].Expression;
        var y = argsB[0].Expression;
        if ((nameA, nameB) is ("Take", "Skip") or ("Skip", "Take") or ("TakeLast", "SkipLast") or ("SkipLast", "TakeLast"))
        {
            return Same(x, y);
        }

        if (nameA == "Where" && nameB == "Where" && Body(x) is { } p && Body(y) is { } q)
        {
            return Negates(p, q) || Negates(q, p) || OppositeComparisons(p, q);
        }

        return false;
    }

    private static string? Name(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    private static ExpressionSyntax? Body(ExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax { ExpressionBody: { } body } => body,
        ParenthesizedLambdaExpressionSyntax { ExpressionBody: { } body } => body,
        _ => null,
    };

    private static bool Negates(ExpressionSyntax p, ExpressionSyntax q)
        => Strip(q) is PrefixUnaryExpressionSyntax { OperatorToken.ValueText: "!" } not && Same(Strip(not.Operand), Strip(p));

    private static bool OppositeComparisons(ExpressionSyntax p, ExpressionSyntax q)
    {
        if (Strip(p) is not BinaryExpressionSyntax a || Strip(q) is not BinaryExpressionSyntax b || !Same(a.Left, b.Left) || !Same(a.Right, b.Right))
        {
            return false;
        }

        return (a.OperatorToken.ValueText, b.OperatorToken.ValueText) is ("<", ">=") or (">=", "<") or (">", "<=") or ("<=", ">") or ("==", "!=") or ("!=", "==");
    }

    private static ExpressionSyntax Strip(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static bool Same(SyntaxNode a, SyntaxNode b) => a.IsEquivalentTo(b, topLevel: false);

}
