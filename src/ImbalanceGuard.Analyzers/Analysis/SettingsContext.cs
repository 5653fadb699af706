using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>The settings of one <c>.editorconfig</c> configuration in one compilation, with the caches that depend on them.</summary>
internal sealed class SettingsContext
{
    private readonly ConcurrentDictionary<IMethodSymbol, MethodRole> _roles = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _evaluation = new(SymbolEqualityComparer.Default);
    private readonly IdentifierCache _identifiers = new();
    private readonly ConcurrentDictionary<SyntaxTree, TreeMarks> _marks = new();
    private readonly ConcurrentDictionary<SyntaxTree, bool> _marking = new();

    public SettingsContext(CompilationState compilation, AnalyzerSettings settings)
    {
        Compilation = compilation;
        Settings = settings;
        Summaries = new MethodSummaries(this);
    }

    /// <summary>The summaries of the compilation's own members under these settings (the leakage rules across methods).</summary>
    public MethodSummaries Summaries { get; }

    public CompilationState Compilation { get; }

    public AnalyzerSettings Settings { get; }

    public KnownSymbols Known => Compilation.Known;

    /// <summary>What an identifier can mean to the token scan, once per distinct text in the compilation.</summary>
    public IdentifierKind ClassifyIdentifier(string text, System.Threading.CancellationToken cancellationToken)
    {
        if (_identifiers.TryGet(text, out var kind))
        {
            return kind;
        }

        kind = Triggers.Classify(text, this, cancellationToken);
        _identifiers.Add(text, kind);
        return kind;
    }

    /// <summary>As <see cref="ClassifyIdentifier(string, System.Threading.CancellationToken)"/> for the text in <c>name[0..length)</c>: a string is made only the first time.</summary>
    public IdentifierKind ClassifyIdentifier(char[] name, int length, System.Threading.CancellationToken cancellationToken)
    {
        return _identifiers.TryGet(name, length, out var kind) ? kind : ClassifyIdentifier(new string(name, 0, length), cancellationToken);
    }

    /// <summary>
    /// What the analyses could at most find in a code block, by the lexical pre-filter (<see cref="TreeMarks"/>): from
    /// its tree's marks, scanned once by the first analyzer that asks; while another thread is still scanning the tree,
    /// from the block's own text rather than by waiting (eight analyzers waiting on one scan is what costs).
    /// </summary>
    public Triggers MayFire(SyntaxNode block, bool alwaysResampler)
    {
        var tree = block.SyntaxTree;
        if (!_marks.TryGetValue(tree, out var marks))
        {
            if (!_marking.TryAdd(tree, true))
            {
                return TreeMarks.Scan(tree.GetText(), block.Span, this).MayFire(block.Span, alwaysResampler);
            }

            var text = tree.GetText();
            marks = TreeMarks.Scan(text, new Microsoft.CodeAnalysis.Text.TextSpan(0, text.Length), this);
            _marks[tree] = marks;
        }

        return marks.MayFire(block.Span, alwaysResampler);
    }

    public MethodRole GetRole(IMethodSymbol method)
    {
        if (_roles.TryGetValue(method, out var role))
        {
            return role;
        }

        role = Classify(method);
        _roles.TryAdd(method, role);
        return role;
    }

    /// <summary>
    /// Whether a local, parameter, field or property is evaluation data by itself: marked
    /// <c>[EvaluationData]</c>, or data-like with a name that says test, validation or holdout.
    /// </summary>
    public bool IsEvaluationSymbol(ISymbol symbol)
    {
        if (_evaluation.TryGetValue(symbol, out var known))
        {
            return known;
        }

        var result = ComputeEvaluationSymbol(symbol);
        _evaluation.TryAdd(symbol, result);
        return result;
    }

    private bool ComputeEvaluationSymbol(ISymbol symbol)
    {
        ITypeSymbol? type = symbol switch
        {
            ILocalSymbol l => l.Type,
            IParameterSymbol p => p.Type,
            IFieldSymbol f => f.Type,
            IPropertySymbol p => p.Type,
            IMethodSymbol m => m.ReturnType,
            _ => null,
        };
        if (type == null)
        {
            return false;
        }

        if (CompilationState.InheritsFrom(type, Known.HoldoutSet))
        {
            return true;
        }

        if (Known.EvaluationDataAttribute != null)
        {
            var attributes = symbol is IMethodSymbol method ? method.GetReturnTypeAttributes() : symbol.GetAttributes();
            foreach (var attribute in attributes)
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, Known.EvaluationDataAttribute))
                {
                    return true;
                }
            }
        }

        if (symbol is IMethodSymbol)
        {
            return false;
        }

        // Library members are known by symbol (TestSet, Holdout, Validation), not by name.
        if (Known.IsLibrarySymbol(symbol))
        {
            return false;
        }

        if (!Compilation.IsDataLike(type) || CompilationState.Is(type, Known.TrainTestData)
            || CompilationState.Is(type, Known.TrainHoldoutSplit) || CompilationState.Is(type, Known.Fold))
        {
            return false;
        }

        var name = symbol.Name;
        return Settings.IsEvaluationName(name, IdentifierWords.Split(name));
    }

    private MethodRole Classify(IMethodSymbol method)
    {
        var m = method.ReducedFrom ?? method;
        m = m.OriginalDefinition;
        var type = m.ContainingType;
        var known = Known;
        var name = m.Name;

        if (type != null)
        {
            if (known.Sampler != null && (name == "Resample" || name == "FitResample") && CompilationState.InheritsFrom(type, known.Sampler))
            {
                return new MethodRole(MethodRoleKind.Resampler, "training");
            }

            if (CompilationState.Is(type, known.Split))
            {
                return name switch
                {
                    "Stratified" or "TimeOrdered" or "Grouped" => new MethodRole(MethodRoleKind.Splitter, "data"),
                    "FromPreSplit" => new MethodRole(MethodRoleKind.PreSplit, null),
                    _ => MethodRole.None,
                };
            }

            if ((CompilationState.Is(type, known.StratifiedKFold) || CompilationState.Is(type, known.RepeatedStratifiedKFold)
                    || CompilationState.Is(type, known.TimeSeriesSplit) || CompilationState.Is(type, known.FoldSplitter))
                && (name == "Split" || name == "AssignFolds"))
            {
                return new MethodRole(MethodRoleKind.FoldGenerator, "data");
            }

            // The ML.NET bridge: its resampler and splits are ImbalanceGuard's own, on IDataView.
            if (CompilationState.Is(type, known.MLDataCatalog))
            {
                return name switch
                {
                    "Resample" => new MethodRole(MethodRoleKind.Resampler, "data"),
                    "StratifiedTrainTestSplit" => new MethodRole(MethodRoleKind.Splitter, "data"),
                    "StratifiedCrossValidationSplit" => new MethodRole(MethodRoleKind.FoldGenerator, "data"),
                    "AsTrainingData" => new MethodRole(MethodRoleKind.PreSplit, null),
                    _ => MethodRole.None,
                };
            }

            if (CompilationState.Is(type, known.MLBinaryCatalog) && name == "CrossValidateWithResampling")
            {
                return new MethodRole(MethodRoleKind.CrossValidation, "data");
            }

            if (CompilationState.Is(type, known.CrossValidation) && name == "Run")
            {
                return new MethodRole(MethodRoleKind.CrossValidation, "data");
            }

            if (CompilationState.Is(type, known.DataOperationsCatalog))
            {
                return name switch
                {
                    "TrainTestSplit" => new MethodRole(MethodRoleKind.Splitter, "data"),
                    "CrossValidationSplit" => new MethodRole(MethodRoleKind.FoldGenerator, "data"),
                    _ => MethodRole.None,
                };
            }

            if (known.IsMLNetSymbol(m) && name.StartsWith("CrossValidate", StringComparison.Ordinal))
            {
                return new MethodRole(MethodRoleKind.CrossValidation, "data");
            }
        }

        if (known.IsLibrarySymbol(m))
        {
            // ImbalanceGuard and ML.NET are known by symbol: no attribute or name pattern applies to them.
            return MethodRole.None;
        }

        if (known.ResamplerAttribute != null)
        {
            foreach (var attribute in AllAttributes(m))
            {
                var attributeClass = attribute.AttributeClass;
                if (SymbolEqualityComparer.Default.Equals(attributeClass, known.ResamplerAttribute))
                {
                    return new MethodRole(MethodRoleKind.Resampler, null);
                }

                if (SymbolEqualityComparer.Default.Equals(attributeClass, known.DataSplitterAttribute))
                {
                    return new MethodRole(MethodRoleKind.Splitter, null);
                }

                if (SymbolEqualityComparer.Default.Equals(attributeClass, known.CrossValidationSplitterAttribute))
                {
                    return new MethodRole(MethodRoleKind.FoldGenerator, null);
                }
            }
        }

        if (m.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.ReducedExtension) || m.Parameters.IsEmpty && m.IsStatic)
        {
            return MethodRole.None;
        }

        var qualified = type == null ? name : type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + name;
        var settings = Settings;
        if (settings.CrossValidation.IsMatch(name, qualified))
        {
            return new MethodRole(MethodRoleKind.FoldGenerator, null);
        }

        if (settings.Splitters.IsMatch(name, qualified))
        {
            return new MethodRole(MethodRoleKind.Splitter, null);
        }

        if (settings.Resamplers.IsMatch(name, qualified))
        {
            return new MethodRole(MethodRoleKind.Resampler, null);
        }

        return MethodRole.None;
    }

    private static ImmutableArray<AttributeData> AllAttributes(IMethodSymbol method)
    {
        // An override or an interface implementation inherits the role of what it overrides.
        var attributes = method.GetAttributes();
        for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
        {
            attributes = attributes.AddRange(overridden.GetAttributes());
        }

        return attributes;
    }
}
