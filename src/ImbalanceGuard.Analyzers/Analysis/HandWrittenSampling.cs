using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// Random under-sampling written by hand, one class at a time: <c>group.OrderBy(_ => random.Next()).Take(minCount)</c>
/// over a class's rows (a <c>GroupBy</c> group, or rows filtered with <c>Where</c>). A shuffle alone
/// (<c>OrderBy(random)</c> without <c>Take</c>) and a random sample of all the rows are not resamplers.
/// </summary>
internal static class HandWrittenSampling
{
    /// <summary>Whether <paramref name="invocation"/> is the <c>Take</c> of a random ordering of one class's rows.</summary>
    public static bool IsPerClassRandomTake(IInvocationOperation invocation, SemanticModel model, PrePass pre, CancellationToken cancellationToken)
    {
        if (invocation.TargetMethod.Name != "Take" || !IsLinq(invocation.TargetMethod) || invocation.Arguments.Length != 2
            || Conversions.Strip(invocation.Arguments[0].Value) is not IInvocationOperation order
            || order.TargetMethod.Name is not ("OrderBy" or "OrderByDescending") || !IsLinq(order.TargetMethod) || order.Arguments.Length != 2
            || order.Syntax is not InvocationExpressionSyntax orderSyntax || orderSyntax.ArgumentList.Arguments.Count == 0)
        {
            return false;
        }

        // The key is random: the lambda calls System.Random or Guid.NewGuid.
        var key = orderSyntax.ArgumentList.Arguments[orderSyntax.ArgumentList.Arguments.Count - 1].Expression;
        if (key is not AnonymousFunctionExpressionSyntax lambda || !CallsRandom(lambda, model, cancellationToken))
        {
            return false;
        }

        return IsOneClass(Conversions.Strip(order.Arguments[0].Value), pre, depth: 0);
    }

    private static bool CallsRandom(SyntaxNode lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        if (lambda.SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        foreach (var node in lambda.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax call && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method)
            {
                var type = method.ContainingType?.ToDisplayString();
                if (type == "System.Random" || (type == "System.Guid" && method.Name == "NewGuid"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A class's rows: a group of a <c>GroupBy</c>, or rows filtered with <c>Where</c> (directly or through a local).</summary>
    private static bool IsOneClass(IOperation rows, PrePass pre, int depth)
    {
        if (rows.Type is INamedTypeSymbol { Name: "IGrouping" } grouping && grouping.ContainingNamespace?.ToDisplayString() == "System.Linq")
        {
            return true;
        }

        switch (rows)
        {
            case IInvocationOperation { TargetMethod.Name: "Where" } where when IsLinq(where.TargetMethod):
                return true;
            case IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" or "AsEnumerable", Arguments.Length: 1 } copy when IsLinq(copy.TargetMethod) && depth < 3:
                return IsOneClass(Conversions.Strip(copy.Arguments[0].Value), pre, depth + 1);
            case ILocalReferenceOperation local when depth < 3 && pre.Assignments.TryGetValue(local.Local, out var values) && values.Count == 1:
                return IsOneClass(Conversions.Strip(values[0]), pre, depth + 1);
            default:
                return false;
        }
    }

    private static bool IsLinq(IMethodSymbol method)
        => method.ContainingType?.ToDisplayString() is "System.Linq.Enumerable" or "System.Linq.Queryable";

}
