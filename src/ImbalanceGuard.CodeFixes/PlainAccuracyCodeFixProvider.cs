using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text.RegularExpressions;
using ImbalanceGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ImbalanceGuard.CodeFixes;

/// <summary>
/// IG0004's fix for ML.NET's metrics: a binary classifier's <c>Accuracy</c> becomes
/// <c>AreaUnderPrecisionRecallCurve</c> (PR-AUC), a multiclass classifier's <c>MicroAccuracy</c> becomes
/// <c>MacroAccuracy</c> (balanced accuracy). Where the value is printed after a label in an interpolated or
/// concatenated string, the label's "accuracy" is changed to match, so the output does not call PR-AUC accuracy.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PlainAccuracyCodeFixProvider))]
[Shared]
public sealed class PlainAccuracyCodeFixProvider : EditorCodeFixProvider
{
    /// <summary>The equivalence key of the fix (both metrics: Fix All changes binary and multiclass accuracy alike).</summary>
    public const string UseImbalanceAwareMetric = "IG0004.UseImbalanceAwareMetric";

    private const string PrAuc = "AreaUnderPrecisionRecallCurve";
    private const string Macro = "MacroAccuracy";

    /// <summary>The last mention of accuracy in a binary metric's label, the one next to the value.</summary>
    private static readonly Regex BinaryLabel = new("accuracy", RegexOptions.IgnoreCase | RegexOptions.RightToLeft | RegexOptions.CultureInvariant);

    /// <summary>The last mention of micro accuracy in a multiclass metric's label ("Micro accuracy", "MicroAccuracy", "Micro", "accuracy").</summary>
    private static readonly Regex MulticlassLabel = new(@"micro[\s_-]?accuracy|\bmicro\b|accuracy", RegexOptions.IgnoreCase | RegexOptions.RightToLeft | RegexOptions.CultureInvariant);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.PlainAccuracy.Id);

    private protected override IEnumerable<(string Title, string Key)> Offers(FixContext context, Diagnostic diagnostic)
    {
        if (Find(context, diagnostic) is { } metric)
        {
            yield return (metric.Replacement == PrAuc
                ? "Report PR-AUC (AreaUnderPrecisionRecallCurve) instead of accuracy"
                : "Report balanced accuracy (MacroAccuracy) instead of micro accuracy", UseImbalanceAwareMetric);
        }
    }

    private protected override bool Apply(SyntaxEditor editor, FixContext context, Diagnostic diagnostic, string key)
    {
        if (key != UseImbalanceAwareMetric || Find(context, diagnostic) is not { } metric)
        {
            return false;
        }

        editor.ReplaceNode(metric.Name, IdentifierName(metric.Replacement).WithTriviaFrom(metric.Name));
        var label = Label(metric.Reported);
        if (label != null && Relabelled(label.Value, metric.Replacement == PrAuc) is { } relabelled)
        {
            // The label's node holds only that token (a literal, or an interpolated string's text).
            editor.ReplaceNode(label.Value.Parent!, (current, _) => current.ReplaceToken(current.GetFirstToken(), relabelled));
        }

        return true;
    }

    /// <summary>The one ML.NET accuracy in the reported expression (<c>metrics.Accuracy</c>, or inside <c>Math.Round(metrics.Accuracy * 100, 1)</c>).</summary>
    private static Metric? Find(FixContext context, Diagnostic diagnostic)
    {
        var reported = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (reported is ArgumentSyntax argument)
        {
            reported = argument.Expression;
        }

        Metric? found = null;
        foreach (var name in reported.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText is not ("Accuracy" or "MicroAccuracy")
                || name.Parent is not (MemberAccessExpressionSyntax or MemberBindingExpressionSyntax)
                || context.Model.GetSymbolInfo(name, context.CancellationToken).Symbol is not IPropertySymbol property
                || property.ContainingAssembly?.Name.StartsWith("Microsoft.ML", StringComparison.Ordinal) != true)
            {
                continue;
            }

            var replacement = property.Name == "Accuracy" && Derives(property.ContainingType, "BinaryClassificationMetrics") ? PrAuc
                : property.Name == "MicroAccuracy" && Derives(property.ContainingType, "MulticlassClassificationMetrics") ? Macro
                : null;
            if (replacement == null)
            {
                continue;
            }

            if (found != null)
            {
                // Two accuracies in one reported expression: which label goes with which is not clear.
                return null;
            }

            found = new Metric(reported, name, replacement);
        }

        return found;
    }

    private static bool Derives(INamedTypeSymbol? type, string name)
    {
        for (var t = type; t != null; t = t.BaseType)
        {
            if (t.Name == name && t.ContainingNamespace?.ToDisplayString() == "Microsoft.ML.Data")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The text that labels the reported value: the text just before its hole in an interpolated string, or the string
    /// literal just before it in a concatenation (<c>"Accuracy: " + metrics.Accuracy</c>, also with <c>.ToString(...)</c>).
    /// </summary>
    private static SyntaxToken? Label(SyntaxNode reported)
    {
        var value = reported;
        while (value.Parent is ParenthesizedExpressionSyntax
            || value.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } access && access.Expression == value && access.Parent is InvocationExpressionSyntax)
        {
            value = value.Parent is MemberAccessExpressionSyntax toString ? toString.Parent! : value.Parent;
        }

        if (value.Parent is InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax text } hole)
        {
            var index = text.Contents.IndexOf(hole);
            return index > 0 && text.Contents[index - 1] is InterpolatedStringTextSyntax before ? before.TextToken : null;
        }

        if (value.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum && sum.Right == value)
        {
            var left = sum.Left is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } inner ? inner.Right : sum.Left;
            return left is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token : null;
        }

        // A format string or message template before the value: Console.WriteLine("Accuracy: {0:P2}", metrics.Accuracy).
        if (value.Parent is ArgumentSyntax { Parent: ArgumentListSyntax list } argument)
        {
            for (var i = list.Arguments.IndexOf(argument) - 1; i >= 0; i--)
            {
                if (list.Arguments[i].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } format)
                {
                    return format.Token;
                }
            }
        }

        return null;
    }

    /// <summary>The label with its last "accuracy" named after the new metric; null when it does not mention accuracy.</summary>
    private static SyntaxToken? Relabelled(SyntaxToken label, bool prAuc)
    {
        var text = Relabel(label.Text, prAuc);
        return text == null ? null : Token(label.LeadingTrivia, label.Kind(), text, Relabel(label.ValueText, prAuc) ?? label.ValueText, label.TrailingTrivia);
    }

    /// <summary>
    /// The label with its last mention of accuracy outside any <c>{...}</c> hole replaced; a message template's hole
    /// named after the metric (<c>{Accuracy}</c>) renamed too, so the logged property is not called accuracy either.
    /// </summary>
    private static string? Relabel(string label, bool prAuc)
    {
        var text = label;
        var changed = false;
        foreach (Match match in (prAuc ? BinaryLabel : MulticlassLabel).Matches(label))
        {
            var hole = Hole(label, match.Index);
            if (hole != null && !changed && hole.Value.Name.Equals(prAuc ? "Accuracy" : "MicroAccuracy", StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(0, hole.Value.Start) + (prAuc ? "PrAuc" : "MacroAccuracy") + text.Substring(hole.Value.Start + hole.Value.Name.Length);
            }
            else if (hole == null)
            {
                var upper = char.IsUpper(match.Value[0]);
                var replacement = prAuc ? "PR-AUC"
                    : match.Value.StartsWith("micro", StringComparison.OrdinalIgnoreCase) ? (upper ? "Macro" : "macro") + match.Value.Substring(5)
                    : (upper ? "Balanced " : "balanced ") + match.Value.ToLowerInvariant();
                return text.Substring(0, match.Index) + replacement + text.Substring(match.Index + match.Length);
            }

            changed |= hole != null;
        }

        return changed ? text : null;
    }

    /// <summary>The name of the <c>{name}</c> or <c>{name:format}</c> hole a position of a format string is in, or null outside holes.</summary>
    private static (int Start, string Name)? Hole(string text, int position)
    {
        var open = text.LastIndexOf('{', position);
        if (open < 0 || text.LastIndexOf('}', position) > open || open > 0 && text[open - 1] == '{')
        {
            return null;
        }

        var end = open + 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_' || text[end] == '@'))
        {
            end++;
        }

        return (open + 1, text.Substring(open + 1, end - open - 1));
    }

    private sealed class Metric
    {
        public Metric(SyntaxNode reported, IdentifierNameSyntax name, string replacement)
        {
            Reported = reported;
            Name = name;
            Replacement = replacement;
        }

        /// <summary>The expression the diagnostic is on.</summary>
        public SyntaxNode Reported { get; }

        /// <summary>The metric's name in it.</summary>
        public IdentifierNameSyntax Name { get; }

        /// <summary>The imbalance-aware metric's property name.</summary>
        public string Replacement { get; }
    }
}
