using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// A train/test split written by hand in one block: <c>rows.Take(n)</c> with a <c>rows.Skip(n)</c> of the same
/// list and the same count in the same member. The <c>Take</c> is the sink, so a pair gives one diagnostic. A
/// preview (<c>Take(5)</c> alone), paging and lagging (<c>Skip(1)</c> beside <c>Take(10)</c>) and the cuts of a fold
/// loop (a count that depends on the loop) are not a split.
/// </summary>
internal static class HandWrittenSplit
{
    /// <summary>Whether <paramref name="cut"/> is the <c>Take</c> of a hand-written <c>Take</c>/<c>Skip</c> split.</summary>
    public static bool IsSplitCut(IInvocationOperation cut, SemanticModel model)
    {
        var method = cut.TargetMethod;
        if (method.Name != "Take" || cut.Arguments.Length != 2 || (method.ReducedFrom ?? method).ContainingNamespace?.ToDisplayString() != "System.Linq"
            || cut.Syntax is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } countArguments }
            || cut.Syntax.SyntaxTree != model.SyntaxTree || ListOf(cut.Arguments[0].Value) is not { } rows
            || cut.Syntax.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax) is not { } scope)
        {
            return false;
        }

        var count = countArguments[0].Expression;
        if (CountsWithLoopVariable(count, model))
        {
            // rows.Take(k * size) in a loop over k: a fold (or a page), not one split.
            return false;
        }

        foreach (var other in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (other.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Skip" } access
                && other.ArgumentList.Arguments.Count == 1 && other.ArgumentList.Arguments[0].Expression.IsEquivalentTo(count)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression).Symbol, rows))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the count uses a local declared by a loop around the cut (its variable, or a local of its body).</summary>
    private static bool CountsWithLoopVariable(ExpressionSyntax count, SemanticModel model)
    {
        foreach (var loop in count.Ancestors())
        {
            if (loop is not (ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax))
            {
                continue;
            }

            foreach (var name in count.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(name).Symbol is ILocalSymbol local
                    && local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(r.Span)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The local, parameter, field or property a <c>Take</c> cuts (the same list must be skipped).</summary>
    private static ISymbol? ListOf(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property => property.Property,
            _ => null,
        };
    }
}
