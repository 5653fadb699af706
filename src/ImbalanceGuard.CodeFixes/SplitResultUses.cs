using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImbalanceGuard.CodeFixes;

/// <summary>
/// Whether the result of an ML.NET split can become the ML.NET bridge's without breaking the code around it. ML.NET's
/// <c>TrainTestData</c> and the bridge's <c>DataViewSplit</c> share only <c>TrainSet</c> and <c>TestSet</c> (an
/// <c>IDataView</c> there, a view that is one here), so the result may be used only through those: directly, or
/// through one local that is read, never assigned; a fold list only by <c>foreach (var ...)</c>, indexing and
/// <c>Count</c>. A local declared with ML.NET's type is reported, to be declared with <c>var</c> instead.
/// </summary>
internal static class SplitResultUses
{
    /// <summary>Whether the result of a <c>TrainTestSplit</c> is used only through its parts.</summary>
    public static bool OnlyParts(ExpressionSyntax result, SemanticModel model, out TypeSyntax? explicitType)
        => UsedOnlyAs(result, model, UsesPart, out explicitType);

    /// <summary>Whether the result of a <c>CrossValidationSplit</c> is used only as a list of folds whose parts are read.</summary>
    public static bool OnlyFoldParts(ExpressionSyntax result, SemanticModel model, out TypeSyntax? explicitType)
        => UsedOnlyAs(result, model, UsesFolds, out explicitType);

    private static bool UsedOnlyAs(ExpressionSyntax result, SemanticModel model, Func<ExpressionSyntax, SemanticModel, bool> use, out TypeSyntax? explicitType)
    {
        explicitType = null;
        var node = Outermost(result);
        if (use(node, model))
        {
            return true;
        }

        if (node.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || declaration.Parent is not LocalDeclarationStatementSyntax statement
            || statement.IsConst || !statement.UsingKeyword.IsKind(SyntaxKind.None)
            || model.GetDeclaredSymbol(declarator) is not ILocalSymbol local)
        {
            return false;
        }

        if (!declaration.Type.IsVar)
        {
            explicitType = declaration.Type;
        }

        return References(declarator, local, model).All(reference => use(reference, model));
    }

    /// <summary><c>split.TrainSet</c> or <c>split.TestSet</c>, its value not held in a <c>var</c> local that is assigned again (that local's type changes too).</summary>
    private static bool UsesPart(ExpressionSyntax split, SemanticModel model)
    {
        if (split.Parent is not MemberAccessExpressionSyntax access || access.Expression != split
            || access.Name.Identifier.ValueText is not ("TrainSet" or "TestSet"))
        {
            return false;
        }

        var part = Outermost(access);
        if (part.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            && declarator.Parent is VariableDeclarationSyntax { Type.IsVar: true }
            && model.GetDeclaredSymbol(declarator) is ILocalSymbol local)
        {
            return References(declarator, local, model).All(reference => !IsWritten(reference));
        }

        return true;
    }

    /// <summary>A fold list read by <c>foreach (var fold in folds)</c>, <c>folds[i]</c> or <c>folds.Count</c>, each fold only through its parts.</summary>
    private static bool UsesFolds(ExpressionSyntax folds, SemanticModel model)
    {
        switch (folds.Parent)
        {
            case ForEachStatementSyntax loop when loop.Expression == folds && loop.Type.IsVar:
                return model.GetDeclaredSymbol(loop) is ILocalSymbol fold
                    && References(loop.Statement, fold, model).All(reference => UsesPart(reference, model));
            case ElementAccessExpressionSyntax element when element.Expression == folds:
                return UsesPart(Outermost(element), model);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" } access when access.Expression == folds:
                return true;
            default:
                return false;
        }
    }

    private static ExpressionSyntax Outermost(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression;
    }

    /// <summary>Every read of a local: the member (or, in top-level code, the file) that declares it is its whole scope.</summary>
    private static System.Collections.Generic.IEnumerable<ExpressionSyntax> References(SyntaxNode declaration, ILocalSymbol local, SemanticModel model)
    {
        SyntaxNode scope = declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member and not GlobalStatementSyntax
            ? member
            : declaration.SyntaxTree.GetRoot();
        foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local))
            {
                yield return Outermost(name);
            }
        }
    }

    private static bool IsWritten(ExpressionSyntax reference)
        => reference.Parent is AssignmentExpressionSyntax assignment && assignment.Left == reference
            || reference.Parent is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(SyntaxKind.None)
            || reference.Parent is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax;
}
