using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// Cross-validation folds written by hand over one list: in a <c>for</c> loop (or a <c>foreach</c> over
/// <c>Enumerable.Range</c>), the same list cut at least twice with bounds that depend on the loop variable,
/// e.g. <c>rows.Skip(k * size).Take(size)</c> for the validation fold and <c>rows.Take(k * size)</c> plus
/// <c>rows.Skip((k + 1) * size)</c> for the rest; at least two different cuts. Paging
/// (<c>items.Skip(page * size).Take(size)</c>, one cut per loop) and sliding windows (<c>Skip(i)</c>,
/// <c>Skip(i + w)</c>) are not fold loops. The first cut of the loop is the sink.
/// </summary>
internal static class HandWrittenFolds
{
    private static readonly HashSet<string> CutNames = ["Skip", "Take", "GetRange", "Where", "SkipLast", "TakeLast"];

    /// <summary>Whether <paramref name="invocation"/> is the first cut of a list in a hand-written fold loop.</summary>
    public static bool IsFoldCut(IInvocationOperation invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var name = invocation.TargetMethod.Name;
        if (name is not ("Skip" or "Take" or "GetRange") || invocation.Syntax is not InvocationExpressionSyntax syntax
            || syntax.SyntaxTree != model.SyntaxTree || syntax.Expression is not MemberAccessExpressionSyntax access)
        {
            return false;
        }

        if (model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is not { } list || list is not (ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol))
        {
            return false;
        }

        for (SyntaxNode? node = syntax.Parent; node != null && node is not MemberDeclarationSyntax; node = node.Parent)
        {
            if (LoopVariable(node, model, cancellationToken) is not { } variable)
            {
                continue;
            }

            var body = node is ForStatementSyntax f ? f.Statement : ((ForEachStatementSyntax)node).Statement;
            InvocationExpressionSyntax? first = null;
            var cuts = 0;
            var kinds = new HashSet<string>();
            foreach (var candidate in body.DescendantNodes())
            {
                if (candidate is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call
                    && CutNames.Contains(member.Name.Identifier.ValueText)
                    && Mentions(call.ArgumentList, variable)
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(member.Expression, cancellationToken).Symbol, list))
                {
                    first ??= call;
                    cuts++;
                    kinds.Add(member.Name.Identifier.ValueText);
                }
            }

            // Two different cuts (the fold and the rest: Skip and Take, GetRange and Where): a sliding window
            // (Skip(i) and Skip(i + w)) or paging (one Skip) is not a fold loop.
            return cuts >= 2 && kinds.Count >= 2 && first == syntax;
        }

        return false;
    }

    /// <summary>The loop variable of a <c>for</c> loop, or of a <c>foreach</c> over <c>Enumerable.Range</c>.</summary>
    private static string? LoopVariable(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case ForStatementSyntax { Declaration.Variables: { Count: 1 } variables }:
                return variables[0].Identifier.ValueText;
            case ForEachStatementSyntax forEach when forEach.Expression is InvocationExpressionSyntax range
                && model.GetSymbolInfo(range, cancellationToken).Symbol is IMethodSymbol { Name: "Range", ContainingType.Name: "Enumerable" }:
                return forEach.Identifier.ValueText;
            default:
                return null;
        }
    }

    private static bool Mentions(SyntaxNode node, string variable)
    {
        foreach (var identifier in node.DescendantNodes())
        {
            if (identifier is IdentifierNameSyntax name && name.Identifier.ValueText == variable)
            {
                return true;
            }
        }

        return false;
    }
}
