using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImbalanceGuard.CodeFixes;

/// <summary>
/// The training side of a split statement and every place it is read, when that can be told for certain: a split
/// result held in one local read only through its members (<c>split.TrainSet</c>, ImbalanceGuard's
/// <c>split.Training</c>, a tuple's <c>Train</c>), or a deconstruction whose variables are named for their side
/// (<c>xTrain</c>, <c>X_train</c>, <c>xTr</c>, <c>training</c>). Written-to parts, a result passed on whole, or names
/// that do not say which side is which give no answer.
/// </summary>
internal static class SplitTrainingParts
{
    /// <summary>The members that are a split's training side (ML.NET and the bridge, ImbalanceGuard, tuples).</summary>
    private static readonly string[] TrainingMembers = ["TrainSet", "Training", "Train", "TrainingSet"];

    /// <summary>The words that name a deconstructed variable as the training side.</summary>
    private static readonly string[] TrainingWords = ["train", "training", "tr", "trn"];

    /// <summary>
    /// The training parts of the split <paramref name="statement"/>, in order: the expression that reads each one and
    /// its reads after the split. Null when the statement's shape or its uses leave the training side unclear.
    /// </summary>
    public static List<TrainingPart>? Find(StatementSyntax statement, InvocationExpressionSyntax split, SemanticModel model, CancellationToken cancellationToken)
    {
        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } local
            && variables[0] is { Initializer.Value: var value } declarator && Unparenthesized(value) == split && !local.IsConst && local.UsingKeyword.IsKind(SyntaxKind.None)
            && model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol result)
        {
            return Member(declarator, result, model, cancellationToken) is { } part ? [part] : null;
        }

        if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: var left, Right: var right } }
            && Unparenthesized(right) == split)
        {
            return Deconstructed(left, model, cancellationToken);
        }

        return null;
    }

    /// <summary>Every read of a local in its scope (the member that declares it, or the file for top-level code).</summary>
    public static List<IdentifierNameSyntax> References(SyntaxNode declaration, ISymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode scope = declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member and not GlobalStatementSyntax
            ? member
            : declaration.SyntaxTree.GetRoot(cancellationToken);
        return scope.DescendantNodes()
            .OfType<IdentifierNameSyntax>()
            .Where(name => name.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
            .ToList();
    }

    /// <summary>Whether <paramref name="reference"/> is written (assigned, incremented, passed by <c>ref</c>/<c>out</c>).</summary>
    public static bool IsWritten(ExpressionSyntax reference)
    {
        var node = Outermost(reference);
        return node.Parent is AssignmentExpressionSyntax assignment && assignment.Left == node
            || node.Parent is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(SyntaxKind.None)
            || node.Parent is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax
            || node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax tuple } && IsAssigned(tuple);
    }

    /// <summary>Whether a tuple (or the tuple it is nested in) is the target of a deconstructing assignment.</summary>
    private static bool IsAssigned(TupleExpressionSyntax tuple)
    {
        ExpressionSyntax node = tuple;
        while (node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax outer })
        {
            node = outer;
        }

        return node.Parent is AssignmentExpressionSyntax assignment && assignment.Left == node;
    }

    /// <summary>The expression around <paramref name="expression"/> with its parentheses.</summary>
    public static ExpressionSyntax Outermost(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression;
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary><c>var split = ...;</c> read only as <c>split.Member</c>, the training member among them.</summary>
    private static TrainingPart? Member(VariableDeclaratorSyntax declarator, ILocalSymbol result, SemanticModel model, CancellationToken cancellationToken)
    {
        var member = result.Type.GetMembers()
            .Where(m => m is IPropertySymbol or IFieldSymbol && TrainingMembers.Contains(m.Name))
            .OrderBy(m => System.Array.IndexOf(TrainingMembers, m.Name))
            .FirstOrDefault();
        var type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (member == null || type == null)
        {
            return null;
        }

        var reads = new List<ExpressionSyntax>();
        foreach (var reference in References(declarator, result, model, cancellationToken))
        {
            var node = Outermost(reference);
            if (node.Parent is not MemberAccessExpressionSyntax access || access.Expression != node || IsWritten(access))
            {
                // The result itself passed on, deconstructed or assigned: its training side cannot be swapped alone.
                return null;
            }

            if (access.Name.Identifier.ValueText == member.Name)
            {
                reads.Add(access);
            }
        }

        var read = SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(result.Name), SyntaxFactory.IdentifierName(member.Name));
        return new TrainingPart(read, type, reads);
    }

    /// <summary><c>var (xTrain, xTest, yTrain, yTest) = ...;</c>: the variables named as the training side, never written.</summary>
    private static List<TrainingPart>? Deconstructed(ExpressionSyntax left, SemanticModel model, CancellationToken cancellationToken)
    {
        var designations = left switch
        {
            DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax list } => list.Variables.ToList(),
            TupleExpressionSyntax tuple when tuple.Arguments.All(a => a.Expression is DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax or DiscardDesignationSyntax })
                => tuple.Arguments.Select(a => ((DeclarationExpressionSyntax)a.Expression).Designation).ToList(),
            _ => null,
        };
        if (designations == null || designations.Any(d => d is not (SingleVariableDesignationSyntax or DiscardDesignationSyntax)))
        {
            return null;
        }

        var parts = new List<TrainingPart>();
        foreach (var variable in designations.OfType<SingleVariableDesignationSyntax>())
        {
            if (!IsTrainingName(variable.Identifier.ValueText))
            {
                continue;
            }

            if (model.GetDeclaredSymbol(variable, cancellationToken) is not ILocalSymbol local)
            {
                return null;
            }

            var reads = References(variable, local, model, cancellationToken);
            if (reads.Any(IsWritten))
            {
                return null;
            }

            parts.Add(new TrainingPart(SyntaxFactory.IdentifierName(local.Name), local.Type, reads.Cast<ExpressionSyntax>().ToList()));
        }

        // A training part must have a test part beside it; names that all say "train" say nothing.
        return parts.Count == 0 || parts.Count == designations.Count ? null : parts;
    }

    /// <summary>Whether a name has a word that says training (camel, Pascal or snake case).</summary>
    private static bool IsTrainingName(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '_' || char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]) || char.IsDigit(name[i]) != char.IsDigit(name[i - 1]))
            {
                words.Add(name.Substring(start, i - start).Trim('_').ToLowerInvariant());
                start = i;
            }
        }

        return words.Any(w => TrainingWords.Contains(w));
    }
}
