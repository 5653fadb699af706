using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.CodeFixes;

/// <summary>
/// A statement that resamples and keeps the result in new locals, read so that it can be moved and given other data:
/// <c>var balanced = ml.Data.Resample(training, smote);</c> (one output, the argument of the result's type its input)
/// or <c>var (xRes, yRes) = Smote(x, y);</c> (a tuple's elements, the arguments of their types in order its inputs).
/// Its data inputs must be plain names, its other inputs (the receiver, a sampler, a seed) free of calls that could
/// act differently later.
/// </summary>
internal sealed class Resampling
{
    /// <summary>Pieces of a name that says the method resamples (<c>Oversample</c>, <c>RandomOverSampler</c>, <c>Smote</c>, <c>BalanceClasses</c>).</summary>
    private static readonly string[] ResamplingWords = ["sampl", "smote", "adasyn", "balanc", "duplicat"];

    private Resampling(StatementSyntax statement, InvocationExpressionSyntax call, IMethodSymbol method, List<ILocalSymbol> outputs, List<IArgumentOperation> inputs)
    {
        Statement = statement;
        Call = call;
        Method = method;
        Outputs = outputs;
        Inputs = inputs;
    }

    public StatementSyntax Statement { get; }

    public InvocationExpressionSyntax Call { get; }

    public IMethodSymbol Method { get; }

    /// <summary>The locals that hold the resampled data, in the order of the result.</summary>
    public List<ILocalSymbol> Outputs { get; }

    /// <summary>The arguments that are the data being resampled, one per output.</summary>
    public List<IArgumentOperation> Inputs { get; }

    /// <summary>The resampling in <paramref name="statement"/>, when its call is the one named <paramref name="resampler"/> (as the diagnostic names it).</summary>
    public static Resampling? Read(StatementSyntax statement, string resampler, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax? value;
        var outputs = new List<ILocalSymbol>();
        switch (statement)
        {
            case LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } local
                when !local.IsConst && local.UsingKeyword.IsKind(SyntaxKind.None) && variables[0].Initializer is { } initial:
                var declarator = variables[0];
                value = initial.Value;
                if (model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol one)
                {
                    outputs.Add(one);
                }

                break;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax list }, Right: var right } }
                when list.Variables.All(v => v is SingleVariableDesignationSyntax):
                value = right;
                outputs.AddRange(list.Variables.Select(v => model.GetDeclaredSymbol((SingleVariableDesignationSyntax)v, cancellationToken)).OfType<ILocalSymbol>());
                if (outputs.Count != list.Variables.Count)
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        if (value is not InvocationExpressionSyntax call || outputs.Count == 0 || !Names(call, resampler)
            || model.GetOperation(call, cancellationToken) is not IInvocationOperation operation || operation.Type == null
            || !ResamplesOnly(operation.TargetMethod))
        {
            return null;
        }

        var given = operation.Arguments.Where(a => a.ArgumentKind == ArgumentKind.Explicit && a.Syntax is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None }).ToList();
        var types = outputs.Count == 1 ? [operation.Type] : operation.Type is INamedTypeSymbol { IsTupleType: true } tuple ? tuple.TupleElements.Select(e => e.Type).ToList() : [];
        if (types.Count != outputs.Count)
        {
            return null;
        }

        // The data arguments: those of the result's types, in the result's order (a neighbour count is not data).
        var inputs = given.Where(a => types.Any(t => SymbolEqualityComparer.Default.Equals(a.Parameter?.Type, t))).ToList();
        if (inputs.Count != types.Count || inputs.Where((a, i) => !SymbolEqualityComparer.Default.Equals(a.Parameter?.Type, types[i])).Any())
        {
            return null;
        }

        var others = given.Except(inputs).Select(a => ((ArgumentSyntax)a.Syntax).Expression).ToList();
        if (call.Expression is MemberAccessExpressionSyntax access)
        {
            others.Add(access.Expression);
        }

        return inputs.All(i => IsPlainName(((ArgumentSyntax)i.Syntax).Expression)) && others.All(IsStable)
            ? new Resampling(statement, call, operation.TargetMethod, outputs, inputs)
            : null;
    }

    /// <summary>
    /// Whether moving the call below the split moves resampling alone: a library's method, or one of the project's
    /// that says it resamples (by its name or <c>[Resampler]</c>). A helper of the project that resamples among other
    /// things (cleans the rows, adds features) would leave the test part without them.
    /// </summary>
    private static bool ResamplesOnly(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            return true;
        }

        var name = method.Name.ToLowerInvariant();
        return ResamplingWords.Any(word => name.Contains(word))
            || method.GetAttributes().Any(a => a.AttributeClass?.Name == "ResamplerAttribute");
    }

    /// <summary>Whether the call is the one the analyzer's message names (its callee's text, blanks collapsed, cut at 60 characters).</summary>
    private static bool Names(InvocationExpressionSyntax call, string resampler)
    {
        var text = string.Join(" ", call.Expression.ToString().Split(['\r', '\n', '\t', ' '], System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text.Substring(0, 57) + "..." == resampler : text == resampler;
    }

    /// <summary><c>x</c>, <c>this.x</c> or <c>data.X</c>: read the same wherever it is read, absent writes.</summary>
    private static bool IsPlainName(ExpressionSyntax expression)
        => expression switch
        {
            IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax, Name: IdentifierNameSyntax } => true,
            _ => false,
        };

    /// <summary>A receiver or argument that gives the same value later: names, members, literals, and objects made of them.</summary>
    private static bool IsStable(ExpressionSyntax expression)
        => expression switch
        {
            IdentifierNameSyntax or LiteralExpressionSyntax or ThisExpressionSyntax or PredefinedTypeSyntax or TypeOfExpressionSyntax or DefaultExpressionSyntax => true,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => IsStable(access.Expression),
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus => IsStable(minus.Operand),
            ParenthesizedExpressionSyntax parenthesized => IsStable(parenthesized.Expression),
            CastExpressionSyntax cast => IsStable(cast.Expression),
            ObjectCreationExpressionSyntax creation => (creation.ArgumentList?.Arguments.All(a => IsStable(a.Expression)) ?? true)
                && (creation.Initializer?.Expressions.All(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax, Right: var right } && IsStable(right)) ?? true),
            _ => false,
        };
}
