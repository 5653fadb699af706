using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImbalanceGuard.CodeFixes;

/// <summary>
/// ImbalanceGuard's escape hatch undone: a resampled <c>TrainingSet</c> read row by row into locals and rebuilt into a
/// <c>Dataset</c> for a split (<c>Split.Stratified(Dataset.FromRows(rows, labels))</c>), where the resampler was given
/// <c>Split.FromPreSplit(data)</c>. The rebuild is dropped and <c>data</c> split as it is. Only where each local of the
/// rebuild is read once, by the rebuild, and is computed from the resampled set alone without writing anything.
/// </summary>
internal sealed class DatasetRebuild
{
    private const string DatasetType = "ImbalanceGuard.Dataset";
    private const string SplitType = "ImbalanceGuard.Split";
    private const string TrainingSetType = "ImbalanceGuard.TrainingSet";

    private DatasetRebuild(InvocationExpressionSyntax call, ILocalSymbol resampled, StatementSyntax resampling, List<StatementSyntax> statements)
    {
        Call = call;
        Resampled = resampled;
        Resampling = resampling;
        Statements = statements;
    }

    /// <summary>The <c>Dataset.FromRows(...)</c> or <c>Dataset.FromArrays(...)</c> given to the split.</summary>
    public InvocationExpressionSyntax Call { get; }

    /// <summary>The local that holds the resampled set.</summary>
    public ILocalSymbol Resampled { get; }

    /// <summary>The statement that declares it.</summary>
    public StatementSyntax Resampling { get; }

    /// <summary>The statements that read its rows into the rebuild's locals: removed with it.</summary>
    public List<StatementSyntax> Statements { get; }

    /// <summary>The rebuild that <paramref name="given"/> (a split's argument) is, or null.</summary>
    public static DatasetRebuild? Read(ExpressionSyntax given, List<StatementSyntax> siblings, SemanticModel model, CancellationToken cancellationToken)
    {
        if (given is not InvocationExpressionSyntax call || call.ArgumentList.Arguments.Count != 2
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { Name: "FromRows" or "FromArrays", IsStatic: true } method
            || method.ContainingType.ToDisplayString() != DatasetType
            || call.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax first || call.ArgumentList.Arguments[1].Expression is not IdentifierNameSyntax second
            || model.GetSymbolInfo(first, cancellationToken).Symbol is { } one && SymbolEqualityComparer.Default.Equals(one, model.GetSymbolInfo(second, cancellationToken).Symbol))
        {
            return null;
        }

        ILocalSymbol? resampled = null;
        var statements = new List<StatementSyntax>();
        var reads = new List<IdentifierNameSyntax>();
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (argument.Expression is not IdentifierNameSyntax name
                || model.GetSymbolInfo(name, cancellationToken).Symbol is not ILocalSymbol local
                || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value } declarator
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }
                || !siblings.Contains(statement)
                || SplitTrainingParts.References(declarator, local, model, cancellationToken) is not { Count: 1 } references || references[0] != name
                || !WritesNothing(value))
            {
                return null;
            }

            // Computed from one resampled set (read in lambdas too), written nowhere.
            foreach (var read in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(read, cancellationToken).Symbol is ILocalSymbol source && source.Type.ToDisplayString() == TrainingSetType)
                {
                    resampled ??= source;
                    if (!SymbolEqualityComparer.Default.Equals(resampled, source))
                    {
                        return null;
                    }

                    reads.Add(read);
                }
            }

            statements.Add(statement);
        }

        if (resampled?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } declaration
            || declaration.FirstAncestorOrSelf<StatementSyntax>() is not { } resampling || !siblings.Contains(resampling)
            || SplitTrainingParts.References(declaration, resampled, model, cancellationToken).Any(r => !reads.Contains(r)))
        {
            return null;
        }

        return new DatasetRebuild(call, resampled, resampling, statements);
    }

    /// <summary>
    /// The dataset a training set was declared from, <c>data</c> in <c>var all = Split.FromPreSplit(data);</c>, and
    /// that statement (removed when <paramref name="training"/> is read only by the resampler), or null.
    /// </summary>
    public static (ExpressionSyntax Data, StatementSyntax Statement)? Declared(ExpressionSyntax training, List<StatementSyntax> siblings, SemanticModel model, CancellationToken cancellationToken)
    {
        if (training is not IdentifierNameSyntax name || model.GetSymbolInfo(name, cancellationToken).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax call } declarator
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }
            || !siblings.Contains(statement)
            || call.ArgumentList.Arguments.Count != 1 || call.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax data
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { Name: "FromPreSplit" } method
            || method.ContainingType.ToDisplayString() != SplitType
            || SplitTrainingParts.References(declarator, local, model, cancellationToken) is not { Count: 1 } references || references[0] != name)
        {
            return null;
        }

        return (data, statement);
    }

    /// <summary>Whether an expression assigns, increments or passes by reference nothing.</summary>
    private static bool WritesNothing(ExpressionSyntax value)
        => !value.DescendantNodesAndSelf().Any(n => n is AssignmentExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
            or PostfixUnaryExpressionSyntax or AwaitExpressionSyntax
            || n is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(SyntaxKind.None));

}
