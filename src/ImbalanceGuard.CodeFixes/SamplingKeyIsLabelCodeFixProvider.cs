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
/// IG0008's fixes. Always: remove the sampling key (the split becomes ML.NET's random one). Where the project
/// references ImbalanceGuard's ML.NET bridge and the result is used only through its parts: the bridge's stratified
/// split or folds, stratified by the column that was the key (the label).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SamplingKeyIsLabelCodeFixProvider))]
[Shared]
public sealed class SamplingKeyIsLabelCodeFixProvider : EditorCodeFixProvider
{
    /// <summary>The equivalence key of "remove the sampling key".</summary>
    public const string RemoveKey = "IG0008.RemoveSamplingKey";

    /// <summary>The equivalence key of "use the ML.NET bridge's stratified split or folds".</summary>
    public const string UseStratified = "IG0008.UseStratified";

    private const string BridgeNamespace = "ImbalanceGuard.ML";
    private const string BridgeCatalog = "ImbalanceGuard.ML.ImbalanceDataCatalog";

    /// <summary>ML.NET's default test fraction, which the bridge's (0.2) would silently change.</summary>
    private const string MLNetDefaultTestFraction = "0.1";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.SamplingKeyIsLabel.Id);

    private protected override IEnumerable<(string Title, string Key)> Offers(FixContext context, Diagnostic diagnostic)
    {
        if (Find(context, diagnostic) is not { } call)
        {
            yield break;
        }

        if (Stratified(context, call) is { } stratified)
        {
            yield return ("Use ImbalanceGuard.ML's " + stratified + " (stratified by the label)", UseStratified);
        }

        yield return ("Remove the sampling key (it is the label column)", RemoveKey);
    }

    private protected override bool Apply(SyntaxEditor editor, FixContext context, Diagnostic diagnostic, string key)
    {
        if (Find(context, diagnostic) is not { } call)
        {
            return false;
        }

        if (key == RemoveKey)
        {
            editor.ReplaceNode(call.Syntax.ArgumentList, WithoutKey(call));
            return true;
        }

        if (Stratified(context, call) is not { } method)
        {
            return false;
        }

        var explicitType = method == "StratifiedTrainTestSplit"
            ? ExplicitType(SplitResultUses.OnlyParts(call.Syntax, context.Model, out var type), type)
            : ExplicitType(SplitResultUses.OnlyFoldParts(call.Syntax, context.Model, out type), type);
        if (explicitType != null)
        {
            editor.ReplaceNode(explicitType, IdentifierName("var").WithTriviaFrom(explicitType));
        }

        editor.ReplaceNode(call.Syntax, StratifiedCall(call, method));
        var catalog = context.Model.GetTypeInfo(((MemberAccessExpressionSyntax)call.Syntax.Expression).Expression, context.CancellationToken).Type;
        if (catalog == null || !NamespaceImport.InScope(context.Model, call.Syntax.SpanStart, catalog, method))
        {
            context.NamespaceToImport = BridgeNamespace;
        }

        return true;
    }

    private protected override SyntaxNode Finish(SyntaxNode root, FixContext context)
        => context.NamespaceToImport is { } name ? NamespaceImport.Add(root, name) : root;

    private static TypeSyntax? ExplicitType(bool ok, TypeSyntax? type) => ok ? type : null;

    /// <summary>The diagnosed call and its key argument.</summary>
    private static KeyedCall? Find(FixContext context, Diagnostic diagnostic)
    {
        var node = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false);
        if (node.FirstAncestorOrSelf<ArgumentSyntax>() is not { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } key
            || context.Model.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        return new KeyedCall(invocation, key, operation);
    }

    /// <summary>The bridge method that replaces the call, when the bridge is referenced and the call's result allows it.</summary>
    private static string? Stratified(FixContext context, KeyedCall call)
    {
        var bridge = context.Model.Compilation.GetTypeByMetadataName(BridgeCatalog);
        if (bridge == null || call.Syntax.Expression is not MemberAccessExpressionSyntax)
        {
            return null;
        }

        var method = call.Operation.TargetMethod.Name switch
        {
            "TrainTestSplit" when SplitResultUses.OnlyParts(call.Syntax, context.Model, out _) => "StratifiedTrainTestSplit",
            "CrossValidationSplit" when SplitResultUses.OnlyFoldParts(call.Syntax, context.Model, out _) => "StratifiedCrossValidationSplit",
            _ => null,
        };
        return method != null && bridge.GetMembers(method).Any() ? method : null;
    }

    /// <summary>
    /// <c>catalog.StratifiedTrainTestSplit(data, testFraction: f, labelColumnName: key, seed: s)</c>: the test fraction
    /// always given (ML.NET's default 0.1 is not the bridge's), the label the former key, an <c>int?</c> seed made an
    /// <c>int</c> (<c>?? 0</c>), a null or missing one left out (the bridge's seed 0).
    /// </summary>
    private static InvocationExpressionSyntax StratifiedCall(KeyedCall call, string method)
    {
        var access = (MemberAccessExpressionSyntax)call.Syntax.Expression;
        var arguments = new List<ArgumentSyntax>();
        foreach (var argument in call.Operation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
        {
            var name = argument.Parameter?.Name;
            var given = argument.ArgumentKind == ArgumentKind.Explicit && argument.Syntax is ArgumentSyntax syntax ? syntax.Expression : null;
            switch (name)
            {
                case "data" when given != null:
                    arguments.Add(Argument(given.WithoutTrivia()));
                    break;
                case "testFraction":
                    arguments.Add(Named(name, given?.WithoutTrivia() ?? ParseExpression(MLNetDefaultTestFraction)));
                    break;
                case "numberOfFolds" when given != null:
                    arguments.Add(Named(name, given.WithoutTrivia()));
                    break;
                case "samplingKeyColumnName":
                    arguments.Add(Named("labelColumnName", call.Key.Expression.WithoutTrivia()));
                    break;
                case "seed" when given != null && !IsNull(argument.Value):
                    arguments.Add(Named(name, Seed(argument, given.WithoutTrivia())));
                    break;
            }
        }

        return call.Syntax
            .WithExpression(access.WithName(IdentifierName(method).WithTriviaFrom(access.Name)))
            .WithArgumentList(ArgumentList(CommaSeparated(arguments)).WithTriviaFrom(call.Syntax.ArgumentList));
    }

    /// <summary>The seed as an <c>int</c>: an <c>int</c> given to ML.NET's <c>int?</c> as it is, an <c>int?</c> value with <c>?? 0</c>.</summary>
    private static ExpressionSyntax Seed(IArgumentOperation argument, ExpressionSyntax given)
    {
        return Unconverted(argument.Value).Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            ? BinaryExpression(SyntaxKind.CoalesceExpression, given is IdentifierNameSyntax or MemberAccessExpressionSyntax ? given : ParenthesizedExpression(given), ParseExpression("0"))
            : given;
    }

    /// <summary>The argument list without the key; positional arguments after it are named, as their positions change.</summary>
    private static ArgumentListSyntax WithoutKey(KeyedCall call)
    {
        var list = call.Syntax.ArgumentList;
        var index = list.Arguments.IndexOf(call.Key);
        var kept = new List<ArgumentSyntax>();
        for (var i = 0; i < list.Arguments.Count; i++)
        {
            var argument = list.Arguments[i];
            if (i == index)
            {
                continue;
            }

            if (i > index && argument.NameColon == null && ParameterOf(call.Operation, argument) is { } parameter)
            {
                // The expression's leading trivia (a line break in a wrapped list) moves in front of the new name.
                argument = argument
                    .WithNameColon(NameColon(IdentifierName(parameter).WithLeadingTrivia(argument.Expression.GetLeadingTrivia())).WithTrailingTrivia(Space))
                    .WithExpression(argument.Expression.WithoutLeadingTrivia());
            }

            kept.Add(argument);
        }

        var separators = list.Arguments.GetSeparators().Take(System.Math.Max(0, kept.Count - 1));
        return list.WithArguments(SeparatedList(kept, separators));
    }

    private static SeparatedSyntaxList<ArgumentSyntax> CommaSeparated(List<ArgumentSyntax> arguments)
        => SeparatedList(arguments, Enumerable.Repeat(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space), System.Math.Max(0, arguments.Count - 1)));

    private static IOperation Unconverted(IOperation value)
        => value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : value;

    private static bool IsNull(IOperation value)
        => Unconverted(value).ConstantValue is { HasValue: true, Value: null };

    private static string? ParameterOf(IInvocationOperation operation, ArgumentSyntax syntax)
        => operation.Arguments.FirstOrDefault(a => a.Syntax == syntax)?.Parameter?.Name;

    private static ArgumentSyntax Named(string name, ExpressionSyntax value)
        => Argument(NameColon(IdentifierName(name)).WithTrailingTrivia(Space), default, value);

    private sealed class KeyedCall
    {
        public KeyedCall(InvocationExpressionSyntax syntax, ArgumentSyntax key, IInvocationOperation operation)
        {
            Syntax = syntax;
            Key = key;
            Operation = operation;
        }

        public InvocationExpressionSyntax Syntax { get; }

        public ArgumentSyntax Key { get; }

        public IInvocationOperation Operation { get; }
    }
}
