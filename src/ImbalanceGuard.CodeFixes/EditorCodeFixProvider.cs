using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace ImbalanceGuard.CodeFixes;

/// <summary>
/// The shape every ImbalanceGuard fix has: a fixer says which fixes a diagnostic allows (<see cref="Offers"/>) and
/// records one fix's edits in a <see cref="SyntaxEditor"/> (<see cref="Apply"/>). A single fix and Fix All run the
/// same code: Fix All records the edits of every diagnostic in a document in one editor, then
/// <see cref="Finish"/> runs once (to add a <c>using</c> once, say).
/// </summary>
public abstract class EditorCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken));

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var fix = await FixContext.CreateAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
        if (fix == null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var (title, key) in Offers(fix, diagnostic))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => FixAsync(document, ImmutableArray.Create(diagnostic), key, token)!, key),
                    diagnostic);
            }
        }
    }

    /// <summary>The fixes <paramref name="diagnostic"/> allows here, as (title, equivalence key): none when its code has a shape the fixes cannot keep compiling.</summary>
    private protected abstract IEnumerable<(string Title, string Key)> Offers(FixContext context, Diagnostic diagnostic);

    /// <summary>Records the edits of the fix <paramref name="key"/> for <paramref name="diagnostic"/>; false when it does not apply to it.</summary>
    private protected abstract bool Apply(SyntaxEditor editor, FixContext context, Diagnostic diagnostic, string key);

    /// <summary>Runs once on the edited root of a document (after every diagnostic's edits).</summary>
    private protected virtual SyntaxNode Finish(SyntaxNode root, FixContext context) => root;

    private async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
    {
        var context = await FixContext.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (context == null || key == null)
        {
            return document;
        }

        var editor = new SyntaxEditor(context.Root, document.Project.Solution.Services);
        var applied = false;
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Offers(context, diagnostic).Any(o => o.Key == key))
            {
                applied |= Apply(editor, context, diagnostic, key);
            }
        }

        return applied ? document.WithSyntaxRoot(Finish(editor.GetChangedRoot(), context)) : document;
    }
}
