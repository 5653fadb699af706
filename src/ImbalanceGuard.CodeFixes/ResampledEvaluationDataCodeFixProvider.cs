using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using ImbalanceGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ImbalanceGuard.CodeFixes;

/// <summary>
/// IG0003's fix: resample nothing, evaluate on the data as it is. The resampler call is replaced by its input where
/// that has the call's own type (<c>Oversample(testRows)</c> → <c>testRows</c>; a tuple of inputs for a resampler that
/// returns a tuple of the same types, <c>Smote(xTest, yTest)</c> → <c>(xTest, yTest)</c>); a statement that resamples in
/// place and returns nothing (<c>testRows.AddRange(testRows.Where(r =&gt; r.IsFraud));</c>) is removed. Not offered for
/// other shapes (a result of another type, several inputs of the call's type), where the code would change meaning
/// or stop compiling.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ResampledEvaluationDataCodeFixProvider))]
[Shared]
public sealed class ResampledEvaluationDataCodeFixProvider : EditorCodeFixProvider
{
    /// <summary>The equivalence key of "resample nothing".</summary>
    public const string ResampleNothing = "IG0003.ResampleNothing";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.ResampledEvaluationData.Id);

    private protected override IEnumerable<(string Title, string Key)> Offers(FixContext context, Diagnostic diagnostic)
    {
        if (Plan(context, diagnostic) != null)
        {
            yield return ("Resample nothing: evaluate on the data as it is", ResampleNothing);
        }
    }

    private protected override bool Apply(SyntaxEditor editor, FixContext context, Diagnostic diagnostic, string key)
    {
        if (key != ResampleNothing || Plan(context, diagnostic) is not { } plan)
        {
            return false;
        }

        if (plan.Replacement == null)
        {
            // Its line goes with it, unless a comment stands before it.
            var statement = plan.Call.Parent!;
            var plain = statement.GetLeadingTrivia().All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia));
            editor.RemoveNode(statement, plain ? SyntaxRemoveOptions.KeepNoTrivia : SyntaxRemoveOptions.KeepExteriorTrivia);
        }
        else
        {
            editor.ReplaceNode(plan.Call, plan.Replacement.WithTriviaFrom(plan.Call));
        }

        return true;
    }

    /// <summary>What replaces the reported call (null: its statement is removed), or null when its shape allows no fix.</summary>
    private static (InvocationExpressionSyntax Call, ExpressionSyntax? Replacement)? Plan(FixContext context, Diagnostic diagnostic)
    {
        var node = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        if (node is not InvocationExpressionSyntax call
            || context.Model.GetOperation(call, context.CancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var type = operation.Type;
        if (type == null || type.SpecialType == SpecialType.System_Void)
        {
            // Resampling in place: the statement goes; only where a statement may simply be left out.
            return call.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax }
                ? (call, null)
                : null;
        }

        var inputs = new List<(ExpressionSyntax Expression, ITypeSymbol Type)>();
        foreach (var given in operation.Arguments)
        {
            if (given.ArgumentKind == ArgumentKind.Explicit && given.Syntax is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None } syntax
                && context.Model.GetTypeInfo(syntax.Expression, context.CancellationToken).Type is { } inputType)
            {
                inputs.Add((syntax.Expression, inputType));
            }
        }

        var same = inputs.Where(i => SymbolEqualityComparer.Default.Equals(i.Type, type)).ToList();
        if (same.Count == 1)
        {
            return (call, Parenthesized(same[0].Expression.WithoutTrivia()));
        }

        if (same.Count == 0 && type is INamedTypeSymbol { IsTupleType: true } tuple && Tuple(tuple, inputs, named: !IsDeconstructed(call)) is { } parts)
        {
            return (call, parts);
        }

        return null;
    }

    /// <summary>
    /// The inputs of the tuple's element types (others, such as a neighbour count, are left out), when they are the
    /// tuple's elements in order, as a tuple literal; <paramref name="named"/> as the returned tuple's elements so that
    /// <c>result.X</c> still reads.
    /// </summary>
    private static ExpressionSyntax? Tuple(INamedTypeSymbol tuple, List<(ExpressionSyntax Expression, ITypeSymbol Type)> inputs, bool named)
    {
        var elements = tuple.TupleElements;
        var data = inputs.Where(i => elements.Any(e => SymbolEqualityComparer.Default.Equals(e.Type, i.Type))).ToList();
        if (data.Count != elements.Length)
        {
            return null;
        }

        var arguments = new List<ArgumentSyntax>();
        for (var i = 0; i < elements.Length; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(data[i].Type, elements[i].Type))
            {
                return null;
            }

            var value = data[i].Expression.WithoutTrivia();
            // A named element is not its own ItemN field.
            arguments.Add(named && !SymbolEqualityComparer.Default.Equals(elements[i], elements[i].CorrespondingTupleField)
                ? Argument(NameColon(IdentifierName(elements[i].Name)).WithTrailingTrivia(Space), default, value)
                : Argument(value));
        }

        return TupleExpression(SeparatedList(arguments, Enumerable.Repeat(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space), arguments.Count - 1)));
    }

    /// <summary>Whether the call's tuple is taken apart at once (<c>var (x, y) = Smote(...)</c>), so its element names are never read.</summary>
    private static bool IsDeconstructed(InvocationExpressionSyntax call)
        => call.Parent is AssignmentExpressionSyntax { Left: DeclarationExpressionSyntax or TupleExpressionSyntax } assignment && assignment.Right == call;

    /// <summary>The input as it is where it cannot bind differently in the call's place, in parentheses otherwise.</summary>
    private static ExpressionSyntax Parenthesized(ExpressionSyntax input)
        => input is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ParenthesizedExpressionSyntax or LiteralExpressionSyntax or ThisExpressionSyntax or ObjectCreationExpressionSyntax
            ? input
            : ParenthesizedExpression(input);
}
