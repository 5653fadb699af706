using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>The operation tree and control-flow graph of a code block (a member's body, an initializer).</summary>
internal static class FlowGraphs
{
    /// <summary>The root operation of the code block that <paramref name="node"/> declares, or null when it has none.</summary>
    public static IOperation? Root(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var root = model.GetOperation(node, cancellationToken);
        if (root == null)
        {
            return null;
        }

        while (root.Parent != null)
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary>
    /// The root operations of a code block: its own, or for a field or property declaration (a code block with no
    /// operation of its own) those of its initializers.
    /// </summary>
    public static List<IOperation> Roots(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var roots = new List<IOperation>();
        if (Root(model, node, cancellationToken) is { } root)
        {
            roots.Add(root);
            return roots;
        }

        var initializers = node switch
        {
            BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => (SyntaxNode?)variable.Initializer),
            PropertyDeclarationSyntax property => [property.Initializer],
            _ => [],
        };
        foreach (var initializer in initializers)
        {
            if (initializer != null && Root(model, initializer, cancellationToken) is { } initialized)
            {
                roots.Add(initialized);
            }
        }

        return roots;
    }

    /// <summary>The control-flow graph of a root operation, or null for a root that has none.</summary>
    public static ControlFlowGraph? Create(IOperation root, CancellationToken cancellationToken)
    {
        return root switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
            IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
            IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
            IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
            _ => null,
        };
    }
}
