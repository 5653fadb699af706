using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ImbalanceGuard.CodeFixes;

/// <summary>One document as a fix sees it: its syntax root and semantic model, and what the fixes ask to be done once at the end.</summary>
internal sealed class FixContext
{
    private FixContext(Document document, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        Document = document;
        Root = root;
        Model = model;
        CancellationToken = cancellationToken;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>A namespace a fix's new code needs imported (the ML.NET bridge's, for its extension methods), or null.</summary>
    public string? NamespaceToImport { get; set; }

    public static async Task<FixContext?> CreateAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root == null || model == null ? null : new FixContext(document, root, model, cancellationToken);
    }
}
