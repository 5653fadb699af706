using System.Linq;
using ImbalanceGuard.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImbalanceGuard.Analyzers.Checks;

/// <summary>
/// IG0002's own logic: resampled data handed to cross-validation (a fold generator, a cross-validation
/// call, or a hand-written fold cut), and a resampler inside a fold loop run on data that is not the
/// current fold's training part.
/// </summary>
internal static class ResamplingOutsideFoldsCheck
{
    public static void CheckCrossValidation(IFlowPoint flow, in SinkCall call)
    {
        if (!call.Data.Has(Taint.Resampled))
        {
            return;
        }

        var what = call.Role.Kind switch
        {
            MethodRoleKind.FoldGenerator => "makes cross-validation folds from",
            MethodRoleKind.FoldCut => "cuts a cross-validation fold out of",
            _ => "cross-validates on",
        };
        flow.Report(
            Rules.ResampledOutsideFolds,
            call.Invocation.Syntax,
            $"'{call.Described}' {what} data that was resampled by '{call.Data.Resampler ?? "a resampler"}', so synthetic rows and their parents fall into the validation folds");
    }

    public static void CheckResamplerInFoldLoop(IFlowPoint flow, in SinkCall call)
    {
        if (call.HasData && !call.Data.Has(Taint.Folds) && IsInFoldLoop(flow, call.Invocation.Syntax))
        {
            flow.Report(
                Rules.ResampledOutsideFolds,
                call.Invocation.Syntax,
                $"'{call.Described}' runs inside a cross-validation fold loop on data that is not the current fold's training part");
        }
    }

    /// <summary>
    /// Whether the call sits in a loop over cross-validation folds: a foreach whose variable is a fold, a
    /// for/while loop that indexes the folds, or a lambda whose parameter is a fold.
    /// </summary>
    private static bool IsInFoldLoop(IFlowPoint flow, SyntaxNode node)
    {
        var model = flow.Model;
        if (node.SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        for (var current = node; current.Parent != null; current = current.Parent)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case ForEachStatementSyntax forEach when current == forEach.Statement:
                    if (model.GetDeclaredSymbol(forEach) is { } variable && flow.TaintOf(variable).Has(Taint.Folds))
                    {
                        return true;
                    }

                    break;
                case ForEachVariableStatementSyntax forEachVariable when current == forEachVariable.Statement:
                    foreach (var designation in forEachVariable.Variable.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
                    {
                        if (model.GetDeclaredSymbol(designation) is { } part && flow.TaintOf(part).Has(Taint.Folds))
                        {
                            return true;
                        }
                    }

                    break;
                case ForStatementSyntax forStatement when current == forStatement.Statement:
                    if (IndexesFolds(flow, forStatement.Statement))
                    {
                        return true;
                    }

                    break;
                case WhileStatementSyntax whileStatement when current == whileStatement.Statement:
                    if (IndexesFolds(flow, whileStatement.Statement))
                    {
                        return true;
                    }

                    break;
                case AnonymousFunctionExpressionSyntax lambda:
                    if (model.GetSymbolInfo(lambda).Symbol is IMethodSymbol function)
                    {
                        foreach (var parameter in function.Parameters)
                        {
                            if (flow.TaintOf(parameter).Has(Taint.Folds))
                            {
                                return true;
                            }
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private static bool IndexesFolds(IFlowPoint flow, StatementSyntax body)
    {
        var model = flow.Model;
        foreach (var node in body.DescendantNodes())
        {
            ExpressionSyntax? collection = node switch
            {
                ElementAccessExpressionSyntax access => access.Expression,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ElementAt" } member } => member.Expression,
                _ => null,
            };
            if (collection != null && model.GetSymbolInfo(collection).Symbol is { } symbol
                && symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol && flow.TaintOf(symbol).Has(Taint.Folds))
            {
                return true;
            }
        }

        return false;
    }
}
