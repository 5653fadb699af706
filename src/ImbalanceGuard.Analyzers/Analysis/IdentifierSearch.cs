using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>Syntax-only questions about the identifiers under a node (no binding).</summary>
internal static class IdentifierSearch
{
    /// <summary>Whether an identifier token with this text occurs under <paramref name="node"/>.</summary>
    public static bool Mentions(SyntaxNode node, string name)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }
}
