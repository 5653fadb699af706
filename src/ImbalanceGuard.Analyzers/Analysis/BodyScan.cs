using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// What a member's body says by its tokens alone (no binding), for <see cref="MethodSummaries"/>: whether it can
/// leave taint by itself, and which names it calls or reads (whose bodies may).
/// </summary>
internal readonly struct BodyScan
{
    private BodyScan(bool signals, List<string> calledNames)
    {
        Signals = signals;
        CalledNames = calledNames;
    }

    /// <summary>
    /// A resampler, a split or fold generator, or evaluation data is named; a collection is grown with its own
    /// rows; or rows are cut the way hand-written sampling and splits cut them (<c>Take</c> with <c>Skip</c>, a
    /// cut beside a random order, two <c>Where</c>s).
    /// </summary>
    public bool Signals { get; }

    /// <summary>The distinct simple names the body uses (members it may call or read), when <see cref="Signals"/> is false.</summary>
    public List<string> CalledNames { get; }

    public static BodyScan Of(SyntaxNode body, SettingsContext context, CancellationToken cancellationToken)
    {
        const IdentifierKind Named = IdentifierKind.Resampler | IdentifierKind.Sink | IdentifierKind.Evaluation;
        var names = new List<string>();
        var seen = new HashSet<string>();
        bool take = false, skip = false, random = false;
        var wheres = 0;
        List<SyntaxToken>? grows = null;
        bool statistic = false, rewrites = false;
        foreach (var token in body.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken))
            {
                continue;
            }

            var text = token.ValueText;
            var kind = context.ClassifyIdentifier(text, cancellationToken);
            if ((kind & Named) != 0)
            {
                return new BodyScan(true, names);
            }

            if ((kind & IdentifierKind.Preprocessing) != 0)
            {
                // A learning step (NormalizeMinMax, a scaler) is a signal; a statistic only where rows are rewritten with it.
                if (!Checks.PreprocessingBeforeSplitCheck.IsStatisticName(text))
                {
                    return new BodyScan(true, names);
                }

                statistic = true;
            }

            rewrites |= text == "Select" || token.Parent is ForEachStatementSyntax || token.Parent is ForStatementSyntax;

            if ((kind & IdentifierKind.Grow) != 0)
            {
                (grows ??= []).Add(token);
            }

            take |= text == "Take";
            skip |= text == "Skip";
            random |= (kind & IdentifierKind.Random) != 0;
            wheres += text == "Where" ? 1 : 0;
            if (token.Parent is SimpleNameSyntax && seen.Add(text))
            {
                names.Add(text);
            }
        }

        var cuts = (take && skip) || (take && random) || wheres >= 2 || (statistic && rewrites);
        return new BodyScan(cuts || (grows != null && AnyGrowsWithItself(grows, body)), names);
    }

    /// <summary>
    /// Whether one of the grow calls (<c>Add</c>, <c>AddRange</c>, <c>Concat</c>, ...) grows a collection with its
    /// own rows: <c>rows.Add(rows[i])</c>, <c>rows.AddRange(rows.Where(...))</c>, <c>rows.Concat(frauds)</c> with
    /// <c>frauds</c> declared from <c>rows</c> (the receiver's name in the arguments, directly or in the
    /// initializer of a local passed as one).
    /// </summary>
    public static bool AnyGrowsWithItself(List<SyntaxToken> grows, SyntaxNode body)
    {
        Dictionary<string, EqualsValueClauseSyntax>? initializers = null;
        foreach (var grow in grows)
        {
            if (grow.Parent is not SimpleNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access } name
                || access.Name != name || LastName(access.Expression) is not { } receiver)
            {
                continue;
            }

            foreach (var node in invocation.ArgumentList.DescendantNodes())
            {
                if (node is not IdentifierNameSyntax identifier)
                {
                    continue;
                }

                var text = identifier.Identifier.ValueText;
                if (text == receiver)
                {
                    return true;
                }

                initializers ??= Initializers(body);
                if (initializers.TryGetValue(text, out var initializer) && IdentifierSearch.Mentions(initializer, receiver))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static Dictionary<string, EqualsValueClauseSyntax> Initializers(SyntaxNode body)
    {
        var initializers = new Dictionary<string, EqualsValueClauseSyntax>();
        foreach (var node in body.DescendantNodes())
        {
            if (node is VariableDeclaratorSyntax { Initializer: { } initializer } local)
            {
                initializers[local.Identifier.ValueText] = initializer;
            }
        }

        return initializers;
    }

    private static string? LastName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ => null,
    };

}
