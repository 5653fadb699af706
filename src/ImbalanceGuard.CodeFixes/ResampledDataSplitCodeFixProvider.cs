using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
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
/// IG0001's fix, for straight-line code: split first, then resample only the training part. The resampler's
/// statement moves below the split and is given the split's training side; the split is given what the resampler was
/// given; and the code that read the training side reads the resampled training data. The shapes:
/// <list type="bullet">
/// <item>a resampler's result split as it is: <c>var (xRes, yRes) = Smote(x, y); var (xTr, xTe, yTr, yTe) = TrainTestSplit(xRes, yRes);</c>,
/// or the ML.NET bridge's <c>ml.Data.Resample(training, smote)</c> split by ML.NET (ML.NET's training side is made
/// the bridge's training view again with <c>AsTrainingData</c>);</item>
/// <item>a list resampled, then loaded with <c>LoadFromEnumerable</c> and split: the training view is read back with
/// <c>CreateEnumerable</c> for the resampler and the resampled rows loaded where the training view was used;</item>
/// <item>ImbalanceGuard's escape hatch: data declared training data (<c>Split.FromPreSplit(data)</c>), resampled, and
/// rebuilt into a <c>Dataset</c> to split (<see cref="DatasetRebuild"/>): <c>data</c> is split and the declaration
/// and the rebuild go.</item>
/// </list>
/// Offered only where this keeps everything else as it was: the resampler named by the diagnostic, its statement and
/// the split's (and any load between them) in one block, its result read by the split alone, what it is given not
/// touched in between, and the split's training side identifiable (read through <c>TrainSet</c>/<c>Training</c>, or
/// deconstructed into variables named for their side).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ResampledDataSplitCodeFixProvider))]
[Shared]
public sealed class ResampledDataSplitCodeFixProvider : EditorCodeFixProvider
{
    /// <summary>The equivalence key of "split first, then resample the training part".</summary>
    public const string SplitFirst = "IG0001.SplitFirst";

    private const string BridgeCatalog = "ImbalanceGuard.ML.ImbalanceDataCatalog";
    private const string TrainingDataView = "ImbalanceGuard.ML.TrainingDataView";
    private const string MLNetCatalog = "Microsoft.ML.DataOperationsCatalog";
    private const string DataView = "Microsoft.ML.IDataView";

    /// <summary>How the analyzer's message names the resampler (<see cref="Rules.ResampledBeforeSplit"/>'s second argument).</summary>
    private const string ResamplerOpen = "resampled by '";
    private const string ResamplerClose = "', so ";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.ResampledBeforeSplit.Id);

    private protected override IEnumerable<(string Title, string Key)> Offers(FixContext context, Diagnostic diagnostic)
    {
        if (Find(context, diagnostic) != null)
        {
            yield return ("Split first, then resample only the training part", SplitFirst);
        }
    }

    private protected override bool Apply(SyntaxEditor editor, FixContext context, Diagnostic diagnostic, string key)
    {
        if (key != SplitFirst || Find(context, diagnostic) is not { } plan)
        {
            return false;
        }

        foreach (var (old, replacement) in plan.Replacements)
        {
            editor.ReplaceNode(old, replacement.WithTriviaFrom(old));
        }

        // Its comments go with it; preprocessor directives stay where they are.
        foreach (var statement in plan.Removed.Prepend(plan.Resampling))
        {
            var removed = Unit(statement);
            var directives = removed.GetLeadingTrivia().Any(t => t.IsDirective);
            editor.RemoveNode(removed, directives ? SyntaxRemoveOptions.KeepExteriorTrivia : SyntaxRemoveOptions.KeepNoTrivia);
        }
        editor.InsertAfter(Unit(plan.Split), plan.Split.Parent is GlobalStatementSyntax ? GlobalStatement(plan.Moved) : plan.Moved);
        if (plan.NeedsLinq)
        {
            context.NamespaceToImport = "System.Linq";
        }

        return true;
    }

    private protected override SyntaxNode Finish(SyntaxNode root, FixContext context)
        => context.NamespaceToImport is { } name ? NamespaceImport.Add(root, name) : root;

    /// <summary>The edits that fix <paramref name="diagnostic"/>, or null when the code is not of a shape the fix keeps working.</summary>
    private static Plan? Find(FixContext context, Diagnostic diagnostic)
    {
        var model = context.Model;
        var cancellationToken = context.CancellationToken;
        var node = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        if (node is not InvocationExpressionSyntax split || ResamplerNamed(diagnostic) is not { } resamplerName
            || split.FirstAncestorOrSelf<StatementSyntax>() is not { } splitStatement
            || Siblings(splitStatement) is not { } siblings
            || SplitTrainingParts.Find(splitStatement, split, model, cancellationToken) is not { } parts)
        {
            return null;
        }

        // Which split arguments carry the resampler's outputs: directly, through a load, or rebuilt into a dataset.
        var links = new List<Link>();
        foreach (var given in split.ArgumentList.Arguments)
        {
            if (DatasetRebuild.Read(given.Expression, siblings, model, cancellationToken) is { } rebuild)
            {
                links.Add(new Link(new OutputRead(rebuild.Resampled, rebuild.Call, rebuild.Resampling), null, null, rebuild));
            }
            else if (Trace(given.Expression, siblings, model, cancellationToken) is { } link)
            {
                links.Add(link);
            }
        }

        // The arguments that come from the named resampler's statement (others may be locals of the block too).
        var resamplings = links.Select(l => l.Output.DeclaringStatement).Distinct()
            .Select(s => Resampling.Read(s, resamplerName, model, cancellationToken)).OfType<Resampling>().ToList();
        if (resamplings.Count != 1)
        {
            return null;
        }

        var resampling = resamplings[0];
        links.RemoveAll(l => l.Output.DeclaringStatement != resampling.Statement);
        if (resampling.Outputs.Count != links.Count || resampling.Outputs.Count != parts.Count
            || !resampling.Outputs.All(o => links.Count(l => SymbolEqualityComparer.Default.Equals(l.Output.Local, o)) == 1))
        {
            return null;
        }

        var resampleIndex = siblings.IndexOf(resampling.Statement);
        var splitIndex = siblings.IndexOf(splitStatement);
        var between = siblings.Skip(resampleIndex + 1).Take(splitIndex - resampleIndex - 1).ToList();
        if (resampleIndex < 0 || resampleIndex >= splitIndex
            || links.Any(l => l.LoadStatement != null && !between.Contains(l.LoadStatement))
            || links.Any(l => l.Rebuild != null && !l.Rebuild.Statements.All(between.Contains))
            || !Untouched(resampling, between, model, cancellationToken))
        {
            return null;
        }

        var plan = new Plan(resampling.Statement, splitStatement);
        var moved = new Dictionary<SyntaxNode, SyntaxNode>();
        for (var i = 0; i < resampling.Outputs.Count; i++)
        {
            var output = resampling.Outputs[i];
            var link = links.Single(l => SymbolEqualityComparer.Default.Equals(l.Output.Local, output));
            var input = resampling.Inputs[i];
            var part = parts[i];

            // The split takes what the resampler was given (through the same load), or the dataset it was declared from.
            if (link.Rebuild is { } rebuilt)
            {
                if (DatasetRebuild.Declared(Expression(input), siblings, model, cancellationToken) is not { } declared
                    || !Unwritten(declared.Data, siblings.Skip(siblings.IndexOf(declared.Statement) + 1).Take(splitIndex - siblings.IndexOf(declared.Statement) - 1), model, cancellationToken))
                {
                    return null;
                }

                plan.Replacements.Add((link.Output.Read, declared.Data.WithoutTrivia()));
                plan.Removed.Add(declared.Statement);
                plan.Removed.AddRange(rebuilt.Statements);
            }
            else
            {
                plan.Replacements.Add((link.Output.Read, Expression(input).WithoutTrivia()));
            }

            // The resampler takes the training side, converted back to what it accepts.
            var back = Back(part, input, link, resampling, model, plan, cancellationToken);
            if (back == null)
            {
                return null;
            }

            moved[Expression(input)] = back.WithTriviaFrom(Expression(input));

            // The training side's readers read the resampled training data, loaded again if it was loaded.
            ExpressionSyntax forward = IdentifierName(output.Name);
            ITypeSymbol? forwardType = output.Type;
            if (link.Load is { } load)
            {
                forward = load.WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(IdentifierName(output.Name)))));
                forwardType = model.GetTypeInfo(load, cancellationToken).Type;
            }

            foreach (var read in part.Reads)
            {
                if (read.SpanStart < splitStatement.Span.End || forwardType == null || !CanTake(read, forwardType, part.Type, model))
                {
                    return null;
                }

                plan.Replacements.Add((read, forward));
            }
        }

        var statement = resampling.Statement.ReplaceNodes(moved.Keys, (original, _) => moved[original]);
        plan.Moved = statement.WithLeadingTrivia(MovedTrivia(resampling.Statement, splitStatement)).WithTrailingTrivia(resampling.Statement.GetTrailingTrivia());
        return plan;
    }

    /// <summary>The resampler as the diagnostic's message names it.</summary>
    private static string? ResamplerNamed(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var start = message.IndexOf(ResamplerOpen, System.StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf(ResamplerClose, start + ResamplerOpen.Length, System.StringComparison.Ordinal);
        return end < 0 ? null : message.Substring(start + ResamplerOpen.Length, end - start - ResamplerOpen.Length);
    }

    /// <summary>
    /// A split argument that carries a resampler's output: the output's local itself, or that local loaded into an
    /// ML.NET view (inline, or in a local declared before the split and read only there).
    /// </summary>
    private static Link? Trace(ExpressionSyntax given, List<StatementSyntax> siblings, SemanticModel model, CancellationToken cancellationToken)
    {
        if (given is InvocationExpressionSyntax call)
        {
            return Load(call, model, cancellationToken) is { } read && ReadOf(read, siblings, model, cancellationToken) is { } loaded
                ? new Link(loaded, call, null)
                : null;
        }

        if (given is not IdentifierNameSyntax name || model.GetSymbolInfo(name, cancellationToken).Symbol is not ILocalSymbol local)
        {
            return null;
        }

        // IDataView view = ml.Data.LoadFromEnumerable(balanced); read by the split alone.
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax load } declarator
            && declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1 } declaration
            && declaration.Parent is LocalDeclarationStatementSyntax statement && siblings.Contains(statement)
            && IsOnlyRead(SplitTrainingParts.References(declarator, local, model, cancellationToken), name)
            && Load(load, model, cancellationToken) is { } rows && ReadOf(rows, siblings, model, cancellationToken) is { } output
            && (declaration.Type.IsVar || model.GetTypeInfo(declaration.Type, cancellationToken).Type?.ToDisplayString() == DataView))
        {
            return new Link(output, load, statement);
        }

        return ReadOf(name, siblings, model, cancellationToken) is { } direct ? new Link(direct, null, null) : null;
    }

    /// <summary>The rows argument of <c>catalog.LoadFromEnumerable(rows)</c> (ML.NET's, with no schema given), when it is a plain name.</summary>
    private static IdentifierNameSyntax? Load(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
        => call.ArgumentList.Arguments.Count == 1 && call.ArgumentList.Arguments[0] is { Expression: IdentifierNameSyntax rows, NameColon: null }
            && call.Expression is MemberAccessExpressionSyntax
            && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { Name: "LoadFromEnumerable", TypeArguments.Length: 1 } method
            && method.ContainingType.ToDisplayString() == MLNetCatalog
                ? rows
                : null;

    /// <summary>A name that reads a local declared by an earlier statement of the block and read nowhere else.</summary>
    private static OutputRead? ReadOf(IdentifierNameSyntax name, List<StatementSyntax> siblings, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(name, cancellationToken).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } declaration
            || declaration.FirstAncestorOrSelf<StatementSyntax>() is not { } statement || !siblings.Contains(statement)
            || !IsOnlyRead(SplitTrainingParts.References(declaration, local, model, cancellationToken), name))
        {
            return null;
        }

        return new OutputRead(local, name, statement);
    }

    /// <summary>Whether <paramref name="name"/> is the one reference in <paramref name="references"/>.</summary>
    private static bool IsOnlyRead(List<IdentifierNameSyntax> references, IdentifierNameSyntax name)
        => references.Count == 1 && references[0] == name;

    /// <summary>The expression an argument passes.</summary>
    private static ExpressionSyntax Expression(IArgumentOperation argument) => ((ArgumentSyntax)argument.Syntax).Expression;

    /// <summary>
    /// Whether the statements between the resampler and the split leave what the resampler is given as it was: they do
    /// not read its data (which could change it in place) and write none of its other inputs (the sampler, a seed).
    /// </summary>
    private static bool Untouched(Resampling resampling, List<StatementSyntax> between, SemanticModel model, CancellationToken cancellationToken)
    {
        var data = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var others = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var name in resampling.Call.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol { IsStatic: true } && model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol)
            {
                (resampling.Inputs.Any(i => Expression(i).Span.Contains(name.Span)) ? data : others).Add(symbol);
            }
        }

        foreach (var name in between.SelectMany(s => s.DescendantNodes()).OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(name, cancellationToken).Symbol is not { } symbol)
            {
                continue;
            }

            if (data.Contains(symbol) || others.Contains(symbol) && IsChanged(name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="data"/> (a plain name) is written in none of <paramref name="statements"/>.</summary>
    private static bool Unwritten(ExpressionSyntax data, IEnumerable<StatementSyntax> statements, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(data, cancellationToken).Symbol;
        return symbol != null && !statements.SelectMany(s => s.DescendantNodes()).OfType<IdentifierNameSyntax>()
            .Any(name => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol) && IsChanged(name));
    }

    /// <summary>Whether a name is written, or is the root of a member that is written (<c>sampler.Seed = 2</c>).</summary>
    private static bool IsChanged(IdentifierNameSyntax name)
    {
        ExpressionSyntax node = name;
        while (node.Parent is MemberAccessExpressionSyntax access && access.Expression == node)
        {
            node = access;
        }

        return SplitTrainingParts.IsWritten(node);
    }

    /// <summary>
    /// The training side as the resampler's input: as it is where its type fits; ML.NET's training view made the
    /// bridge's again (<c>AsTrainingData</c>, with the label column of the data first given); a loaded view read back
    /// into rows (<c>CreateEnumerable</c>, then <c>ToList()</c> or <c>ToArray()</c> as the resampler takes them).
    /// </summary>
    private static ExpressionSyntax? Back(TrainingPart part, IArgumentOperation input, Link link, Resampling resampling, SemanticModel model, Plan plan, CancellationToken cancellationToken)
    {
        var parameter = input.Parameter?.Type;
        if (parameter == null)
        {
            return null;
        }

        if (link.Load is { Expression: MemberAccessExpressionSyntax loader } load)
        {
            if (model.GetSymbolInfo(load, cancellationToken).Symbol is not IMethodSymbol { TypeArguments.Length: 1 } loadMethod
                || loadMethod.TypeArguments[0] is not INamedTypeSymbol row
                || !row.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public)
                || !model.Compilation.ClassifyConversion(part.Type, model.Compilation.GetTypeByMetadataName(DataView)!).IsImplicit)
            {
                return null;
            }

            var rowType = ParseTypeName(row.ToMinimalDisplayString(model, resampling.Statement.SpanStart));
            ExpressionSyntax rows = InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, loader.Expression.WithoutTrivia(), GenericName(Identifier("CreateEnumerable"), TypeArgumentList(SingletonSeparatedList(rowType)))),
                ArgumentList(SeparatedList(new[] { Argument(part.Read), Argument(NameColon("reuseRowObject"), default, LiteralExpression(SyntaxKind.FalseLiteralExpression)) })));
            var enumerable = model.Compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T).Construct(row);
            if (model.Compilation.ClassifyConversion(enumerable, parameter).IsImplicit)
            {
                return rows;
            }

            var list = model.Compilation.GetTypeByMetadataName("System.Collections.Generic.List`1")?.Construct(row);
            var method = list != null && model.Compilation.ClassifyConversion(list, parameter).IsImplicit ? "ToList"
                : model.Compilation.ClassifyConversion(model.Compilation.CreateArrayTypeSymbol(row), parameter).IsImplicit ? "ToArray"
                : null;
            if (method == null)
            {
                return null;
            }

            plan.NeedsLinq |= !NamespaceImport.InScope(model, resampling.Statement.SpanStart, enumerable, method);
            return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, rows, IdentifierName(method)));
        }

        if (model.Compilation.ClassifyConversion(part.Type, parameter).IsImplicit)
        {
            return part.Read;
        }

        // ML.NET's training view into the bridge's resampler: declared training data again, with the same label column.
        if (parameter.ToDisplayString() == TrainingDataView && resampling.Method.ContainingType.ToDisplayString() == BridgeCatalog
            && resampling.Call.Expression is MemberAccessExpressionSyntax { Expression: var catalog }
            && model.GetSymbolInfo(resampling.Call, cancellationToken).Symbol is IMethodSymbol { ReducedFrom: not null }
            && model.Compilation.ClassifyConversion(part.Type, model.Compilation.GetTypeByMetadataName(DataView)!).IsImplicit
            && Label(Expression(input), model, cancellationToken) is { } label)
        {
            var arguments = new List<ArgumentSyntax> { Argument(part.Read) };
            if (label.Value is { } value)
            {
                arguments.Add(Argument(NameColon("labelColumnName"), default, value));
            }

            return InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, catalog.WithoutTrivia(), IdentifierName("AsTrainingData")),
                ArgumentList(SeparatedList(arguments)));
        }

        return null;
    }

    /// <summary>
    /// The label column of the bridge's training view <paramref name="data"/>: the argument its <c>AsTrainingData</c>
    /// was given (none: the default), or else the view's own <c>LabelColumnName</c>.
    /// </summary>
    private static LabelColumn? Label(ExpressionSyntax data, SemanticModel model, CancellationToken cancellationToken)
    {
        var source = data;
        if (data is IdentifierNameSyntax name && model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var value } declarator
            && !SplitTrainingParts.References(declarator, local, model, cancellationToken).Any(SplitTrainingParts.IsWritten))
        {
            source = value;
        }

        if (source is InvocationExpressionSyntax call
            && model.GetOperation(call, cancellationToken) is IInvocationOperation { TargetMethod.Name: "AsTrainingData" } declared
            && declared.TargetMethod.ContainingType.ToDisplayString() == BridgeCatalog)
        {
            var label = declared.Arguments.FirstOrDefault(a => a.Parameter?.Name == "labelColumnName");
            if (label == null || label.ArgumentKind != ArgumentKind.Explicit)
            {
                return new LabelColumn(null);
            }

            if (label.Value.ConstantValue.HasValue && label.Syntax is ArgumentSyntax { Expression: var given })
            {
                return new LabelColumn(given.WithoutTrivia());
            }
        }

        return data is IdentifierNameSyntax ? new LabelColumn(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, data.WithoutTrivia(), IdentifierName("LabelColumnName"))) : null;
    }

    /// <summary>Whether a read of the training side (of <paramref name="partType"/>) may read a value of <paramref name="type"/> instead.</summary>
    private static bool CanTake(ExpressionSyntax read, ITypeSymbol type, ITypeSymbol partType, SemanticModel model)
    {
        if (SymbolEqualityComparer.Default.Equals(type, partType))
        {
            return true;
        }

        // Another type that converts: only where it is handed on as an argument, so that no local's type changes.
        return model.Compilation.ClassifyConversion(type, partType).IsImplicit && SplitTrainingParts.Outermost(read).Parent is ArgumentSyntax;
    }

    /// <summary>The statements of the block (or of the top-level program) that holds <paramref name="statement"/>.</summary>
    private static List<StatementSyntax>? Siblings(StatementSyntax statement)
        => statement.Parent switch
        {
            BlockSyntax block => block.Statements.ToList(),
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList(),
            _ => null,
        };

    /// <summary>The node that holds a statement in its list: the statement, or its top-level wrapper.</summary>
    private static SyntaxNode Unit(StatementSyntax statement) => statement.Parent is GlobalStatementSyntax global ? global : statement;

    /// <summary>
    /// The leading trivia of the moved statement: its own comments without the blank lines before them (or, when
    /// directives stand before it, only the split's indentation).
    /// </summary>
    private static SyntaxTriviaList MovedTrivia(StatementSyntax moved, StatementSyntax split)
    {
        var leading = moved.GetLeadingTrivia();
        if (leading.Any(t => t.IsDirective))
        {
            var own = split.GetLeadingTrivia();
            return own.Count > 0 && own[own.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? TriviaList(own[own.Count - 1]) : TriviaList();
        }

        var start = 0;
        while (start < leading.Count && (leading[start].IsKind(SyntaxKind.EndOfLineTrivia)
            || leading[start].IsKind(SyntaxKind.WhitespaceTrivia) && start + 1 < leading.Count && leading[start + 1].IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            start++;
        }

        return TriviaList(leading.Skip(start));
    }

    /// <summary>The edits of one fix.</summary>
    private sealed class Plan
    {
        public Plan(StatementSyntax resampling, StatementSyntax split)
        {
            Resampling = resampling;
            Split = split;
        }

        /// <summary>The resampler's statement, removed from its place.</summary>
        public StatementSyntax Resampling { get; }

        /// <summary>The split's statement, after which the resampler's goes.</summary>
        public StatementSyntax Split { get; }

        /// <summary>The resampler's statement as it goes after the split.</summary>
        public StatementSyntax Moved { get; set; } = null!;

        public List<(SyntaxNode Old, ExpressionSyntax New)> Replacements { get; } = [];

        /// <summary>Statements that only served the resampled data on its way to the split (a rebuild of a dataset).</summary>
        public List<StatementSyntax> Removed { get; } = [];

        /// <summary>Whether the new code calls <c>ToList</c>/<c>ToArray</c> where <c>System.Linq</c> is not imported.</summary>
        public bool NeedsLinq { get; set; }
    }

    /// <summary>A split argument that carries a resampler's output: its read, and the load call (and statement) it goes through.</summary>
    private sealed class Link
    {
        public Link(OutputRead output, InvocationExpressionSyntax? load, StatementSyntax? loadStatement, DatasetRebuild? rebuild = null)
        {
            Output = output;
            Load = load;
            LoadStatement = loadStatement;
            Rebuild = rebuild;
        }

        /// <summary>The dataset rebuilt from the resampled set that the split is given, if that is how it gets there.</summary>
        public DatasetRebuild? Rebuild { get; }

        public OutputRead Output { get; }

        public InvocationExpressionSyntax? Load { get; }

        public StatementSyntax? LoadStatement { get; }
    }

    /// <summary>The one read of a local that a statement of the block declares.</summary>
    private sealed class OutputRead
    {
        public OutputRead(ILocalSymbol local, ExpressionSyntax read, StatementSyntax declaringStatement)
        {
            Local = local;
            Read = read;
            DeclaringStatement = declaringStatement;
        }

        public ILocalSymbol Local { get; }

        /// <summary>Where the split's argument reads it (for a rebuild, the rebuild itself).</summary>
        public ExpressionSyntax Read { get; }

        public StatementSyntax DeclaringStatement { get; }
    }

    /// <summary>A label column argument to give <c>AsTrainingData</c>; a null value: its default.</summary>
    private sealed class LabelColumn
    {
        public LabelColumn(ExpressionSyntax? value) => Value = value;

        public ExpressionSyntax? Value { get; }
    }
}
