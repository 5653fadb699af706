using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// Everything the five analyzers share for one compilation: the known symbols (resolved once), the settings
/// per distinct <c>.editorconfig</c> configuration, caches of method roles and data-like types, and the
/// per-code-block analysis results (computed once, whichever analyzer asks first).
/// </summary>
internal sealed class CompilationState
{
    private static readonly ConditionalWeakTable<Compilation, CompilationState> States = new();

    private readonly ConcurrentDictionary<string, SettingsContext> _settings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxTree, (AnalyzerOptions Options, SettingsContext Context)> _treeSettings = new();
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _dataLike = new(SymbolEqualityComparer.Default);
    private readonly ConditionalWeakTable<SyntaxNode, CodeBlockResults> _blocks = new();
    private readonly Compilation _compilation;
    private readonly object _attributedLock = new();
    private volatile ImmutableHashSet<string>? _attributedNames;
    private int _active = -1;

    private CompilationState(Compilation compilation)
    {
        _compilation = compilation;
        Known = new KnownSymbols(compilation);
        ReferencesAnnotatedLibrary = Known.HasImbalanceGuard && HasLibraryBuiltOnImbalanceGuard(compilation);
    }

    public KnownSymbols Known { get; }

    /// <summary>Whether a referenced library (not ImbalanceGuard itself) references ImbalanceGuard, and so may carry annotated helpers.</summary>
    public bool ReferencesAnnotatedLibrary { get; }

    public static CompilationState Get(Compilation compilation)
        => States.GetValue(compilation, static c => new CompilationState(c));

    public SettingsContext GetSettings(AnalyzerOptions options, SyntaxTree tree)
    {
        // Every analyzer asks for every code block: the tree's answer is kept (reading the options costs more).
        if (_treeSettings.TryGetValue(tree, out var cached) && ReferenceEquals(cached.Options, options))
        {
            return cached.Context;
        }

        var context = ReadSettings(options, tree);
        _treeSettings[tree] = (options, context);
        return context;
    }

    private SettingsContext ReadSettings(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var key = AnalyzerSettings.Key(config);
        if (_settings.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var created = new SettingsContext(this, key.Length == 0 ? AnalyzerSettings.Default : AnalyzerSettings.From(config));
        return _settings.GetOrAdd(key, created);
    }

    /// <summary>
    /// Whether the analyzers have anything to do here: the compilation references ImbalanceGuard or ML.NET,
    /// or declares a method whose name matches a resampler, splitter or cross-validation pattern. Decided
    /// once per compilation from the declaration table, without binding any code.
    /// </summary>
    public bool IsActive(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var active = _active;
        if (active < 0)
        {
            active = Known.HasImbalanceGuard || Known.HasMLNet || DeclaresPatternMethod(options, cancellationToken) ? 1 : 0;
            _active = active;
        }

        return active == 1;
    }

    private bool DeclaresPatternMethod(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var settings = new List<AnalyzerSettings>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var context = GetSettings(options, tree);
            if (keys.Add(AnalyzerSettings.Key(options.AnalyzerConfigOptionsProvider.GetOptions(tree))))
            {
                settings.Add(context.Settings);
            }
        }

        return _compilation.ContainsSymbolsWithName(
            name =>
            {
                foreach (var s in settings)
                {
                    if (s.Resamplers.MayMatchName(name) || s.Splitters.MayMatchName(name) || s.CrossValidation.MayMatchName(name))
                    {
                        return true;
                    }
                }

                return false;
            },
            SymbolFilter.Member,
            cancellationToken);
    }

    public CodeBlockResults GetBlockResults(SyntaxNode codeBlock, Func<CodeBlockResults> create)
        => _blocks.GetValue(codeBlock, _ => create());

    /// <summary>The names of methods declared in this compilation's source with a role attribute (a cheap syntax scan, once).</summary>
    public ImmutableHashSet<string> AttributedMethodNames(CancellationToken cancellationToken)
    {
        var names = _attributedNames;
        if (names != null)
        {
            return names;
        }

        lock (_attributedLock)
        {
            return _attributedNames ??= ScanAttributedMethodNames(cancellationToken);
        }
    }

    private ImmutableHashSet<string> ScanAttributedMethodNames(CancellationToken cancellationToken)
    {

        var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        if (Known.ResamplerAttribute != null)
        {
            foreach (var tree in _compilation.SyntaxTrees)
            {
                // Most files name none of the attributes: a text search spares walking their syntax.
                var text = tree.GetText(cancellationToken).ToString();
                if (text.IndexOf("Resampler", StringComparison.Ordinal) < 0 && text.IndexOf("DataSplitter", StringComparison.Ordinal) < 0
                    && text.IndexOf("CrossValidationSplitter", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                var root = tree.GetRoot(cancellationToken);
                foreach (var list in root.DescendantNodes(n => n is not BlockSyntax).OfType<AttributeListSyntax>())
                {
                    foreach (var attribute in list.Attributes)
                    {
                        var name = attribute.Name is QualifiedNameSyntax q ? q.Right.Identifier.ValueText
                            : attribute.Name is SimpleNameSyntax s ? s.Identifier.ValueText
                            : attribute.Name is AliasQualifiedNameSyntax a ? a.Name.Identifier.ValueText
                            : string.Empty;
                        if (IsRoleAttributeName(name))
                        {
                            switch (list.Parent)
                            {
                                case MethodDeclarationSyntax method:
                                    builder.Add(method.Identifier.ValueText);
                                    break;
                                case LocalFunctionStatementSyntax local:
                                    builder.Add(local.Identifier.ValueText);
                                    break;
                            }
                        }
                    }
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Data-like types are what data flows through: arrays, collections, spans, ML.NET's IDataView, ImbalanceGuard's
    /// data and splits, tuples of those, and classes or structs that hold such members.
    /// </summary>
    public bool IsDataLike(ITypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }

        if (_dataLike.TryGetValue(type, out var known))
        {
            return known;
        }

        var result = ComputeDataLike(type, depth: 0);
        _dataLike.TryAdd(type, result);
        return result;
    }

    private bool ComputeDataLike(ITypeSymbol type, int depth)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Object:
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_Void:
                return false;
        }

        if (IsScalar(type))
        {
            return false;
        }

        switch (type)
        {
            case IArrayTypeSymbol:
                return true;
            case ITypeParameterSymbol:
            case IPointerTypeSymbol:
            case IFunctionPointerTypeSymbol:
            case IDynamicTypeSymbol:
            case IErrorTypeSymbol:
                return false;
        }

        if (type.TypeKind == TypeKind.Delegate || type.TypeKind == TypeKind.Enum)
        {
            return false;
        }

        if (type is INamedTypeSymbol named)
        {
            if (named.IsTupleType)
            {
                foreach (var element in named.TupleElements)
                {
                    if (depth < 2 && ComputeDataLike(element.Type, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (Implements(named, Known.DataView) || InheritsFrom(named, Known.LabeledData)
                || Is(named, Known.TrainTestData) || Is(named, Known.TrainHoldoutSplit) || Is(named, Known.Fold))
            {
                return true;
            }

            var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            var metadataName = named.MetadataName;
            if (ns == "System" && (metadataName is "Span`1" or "ReadOnlySpan`1" or "Memory`1" or "ReadOnlyMemory`1" or "ArraySegment`1"))
            {
                return true;
            }

            foreach (var iface in named.AllInterfaces)
            {
                if (iface.SpecialType == SpecialType.System_Collections_IEnumerable
                    || iface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return true;
                }
            }

            if (named.SpecialType == SpecialType.System_Collections_IEnumerable
                || named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }

            // A class or struct of the user's (or a library's) that holds data: one level deep.
            if (depth == 0 && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft", StringComparison.Ordinal))
            {
                foreach (var member in named.GetMembers())
                {
                    if (member.IsStatic)
                    {
                        continue;
                    }

                    var memberType = member switch
                    {
                        IFieldSymbol f when !f.IsImplicitlyDeclared || f.AssociatedSymbol != null => f.Type,
                        IPropertySymbol p when !p.IsIndexer => p.Type,
                        _ => null,
                    };
                    if (memberType != null && ComputeDataLike(memberType, depth + 1))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    public static bool IsScalar(ITypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.TypeKind == TypeKind.Enum;
    }

    public static bool IsFloatingPoint(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;
    }

    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType == null)
        {
            return false;
        }

        for (var t = type; t != null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? iface)
    {
        if (type == null || iface == null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, iface))
        {
            return true;
        }

        foreach (var i in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, iface))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => known != null && type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    private static bool IsRoleAttributeName(string name)
        => name is "Resampler" or "ResamplerAttribute" or "DataSplitter" or "DataSplitterAttribute"
            or "CrossValidationSplitter" or "CrossValidationSplitterAttribute";

    private static bool HasLibraryBuiltOnImbalanceGuard(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == "ImbalanceGuard")
            {
                continue;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == "ImbalanceGuard")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
