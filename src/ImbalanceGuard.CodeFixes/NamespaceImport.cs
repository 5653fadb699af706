using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImbalanceGuard.CodeFixes;

/// <summary>Adds a <c>using</c> directive to a file, among the others in ordinal order, in the file's own line endings.</summary>
internal static class NamespaceImport
{
    public static SyntaxNode Add(SyntaxNode root, string name)
    {
        if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Alias == null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == name))
        {
            return root;
        }

        var newLine = SyntaxFactory.EndOfLine(root.ToFullString().Contains("\r\n") ? "\r\n" : "\n");
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name).WithLeadingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(newLine);
        if (unit.Usings.Count == 0)
        {
            // The file's header comments stay first; a blank line parts the using from the code.
            var first = unit.GetLeadingTrivia();
            return unit.WithoutLeadingTrivia()
                .WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(first).WithTrailingTrivia(newLine, newLine)));
        }

        var index = 0;
        while (index < unit.Usings.Count && string.CompareOrdinal(unit.Usings[index].Name?.ToString(), name) < 0)
        {
            index++;
        }

        if (index == 0)
        {
            // Before the first using: it takes over that using's leading trivia (a file header).
            var firstUsing = unit.Usings[0];
            return unit.WithUsings(unit.Usings
                .Replace(firstUsing, firstUsing.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .Insert(0, directive.WithLeadingTrivia(firstUsing.GetLeadingTrivia())));
        }

        return unit.WithUsings(unit.Usings.Insert(index, directive));
    }

    /// <summary>Whether an extension method named <paramref name="method"/> on <paramref name="receiver"/> is already in scope at <paramref name="position"/>.</summary>
    public static bool InScope(SemanticModel model, int position, ITypeSymbol receiver, string method)
        => model.LookupSymbols(position, receiver, method, includeReducedExtensionMethods: true).Any(s => s is IMethodSymbol);
}
