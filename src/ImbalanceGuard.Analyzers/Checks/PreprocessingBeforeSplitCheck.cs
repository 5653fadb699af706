using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using ImbalanceGuard.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Checks;

/// <summary>
/// IG0007: preprocessing fitted on data that is then split or cross-validated. The sources mark data with
/// <see cref="Taint.Preprocessed"/>: the <c>Transform</c> output of an ML.NET transformer fitted (<c>Fit</c>) by an
/// estimator that learns from the rows (normalizers, a statistic for missing values, PCA, feature selection, text
/// featurizing) on those same rows, and rows rescaled with a hand-written statistic of all of them (mean, standard
/// deviation, minimum, maximum). The engine carries the taint like any other (through helpers that return
/// preprocessed rows, fields, parameters they fill); the sinks are the splits and cross-validation calls of IG0001
/// and IG0002 (<see cref="LeakChecks"/>) and a hand-written <c>Take</c>/<c>Skip</c> split (<see cref="HandWrittenSplit"/>). A whole estimator chain handed to <c>CrossValidate</c> is
/// fitted per fold and is not a source; ImbalanceGuard's own preprocessors (<c>StandardScaler</c>, <c>MinMaxScaler</c>,
/// <c>OneHotEncoder</c>) can only be fitted inside an <c>ImbalancePipeline</c>, on each training part, so they never are.
/// </summary>
internal static class PreprocessingBeforeSplitCheck
{
    /// <summary>Statistics of a column that a hand-written scaler subtracts or divides by (LINQ, MathNet and the user's own).</summary>
    private static readonly HashSet<string> StatisticNames =
    [
        "Average", "Mean", "Min", "Max", "Median", "StandardDeviation", "PopulationStandardDeviation", "Variance", "PopulationVariance",
        "Quantile", "Percentile", "Std", "StdDev",
    ];

    /// <summary>Whether a name is one of the column statistics a hand-written scaler uses (<c>Average</c>, <c>Max</c>, ...).</summary>
    internal static bool IsStatisticName(string name) => StatisticNames.Contains(name);

    /// <summary>The ML.NET normalizers that work row by row and learn nothing.</summary>
    private static readonly HashSet<string> RowWiseNormalizers = ["NormalizeLpNorm", "NormalizeGlobalContrast"];

    /// <summary>What a class of the user's is named when it learns a scale from rows (the last word of its name).</summary>
    private static readonly HashSet<string> ScalerWords = ["scaler", "normalizer", "standardizer", "imputer"];

    /// <summary>Per code block (keyed by its pre-pass): what each <c>Transform</c> or <c>Select</c> call was found to be, so the fixed-point iterations ask once.</summary>
    private static readonly ConditionalWeakTable<PrePass, Dictionary<SyntaxNode, string?>> Memo = new();

    /// <summary>
    /// IG0007's source, asked by the engine for every call without a leakage role (see
    /// <c>GraphRun.Sources</c>): how the call's result was preprocessed with what it learned from those same
    /// rows, for the message, or null when it was not.
    /// </summary>
    public static string? Preprocessing(IInvocationOperation invocation, FlowAnalysis analysis)
        => invocation.TargetMethod.Name is "Transform" or "FitTransform" or "Fit_Transform" or "Select"
            ? Memoized(invocation, analysis.Context, analysis.Model, analysis.Pre)
            : null;

    /// <summary>
    /// At a split, a fold generator, a cross-validation call or a hand-written fold cut (the sinks of IG0001 and
    /// IG0002): the data is preprocessed, or its rows were rescaled in place, before the call, with their own statistics.
    /// </summary>
    public static void CheckSplitOrCrossValidation(IFlowPoint flow, in SinkCall call)
    {
        var verb = call.Role.Kind switch
        {
            MethodRoleKind.Splitter => "splits",
            MethodRoleKind.FoldGenerator => "makes cross-validation folds from",
            MethodRoleKind.CrossValidation => "cross-validates on",
            MethodRoleKind.FoldCut => "cuts a cross-validation fold out of",
            _ => null,
        };
        if (verb == null)
        {
            return;
        }

        var preprocessing = call.Data.Has(Taint.Preprocessed) ? call.Data.Preprocessing : InPlaceScaling(call.Invocation, flow.Model, flow.Pre);
        if (preprocessing != null)
        {
            flow.Report(Rules.PreprocessedBeforeSplit, call.Invocation.Syntax, Message("'" + Describe(call.Invocation.Syntax) + "'", verb, preprocessing));
        }
    }

    /// <summary>At the <c>Take</c> of a hand-written <c>Take</c>/<c>Skip</c> split: the rows it cuts are preprocessed.</summary>
    public static void CheckHandWrittenSplit(IFlowPoint flow, in SinkCall call)
    {
        if (call.Data.Has(Taint.Preprocessed))
        {
            flow.Report(
                Rules.PreprocessedBeforeSplit,
                call.Invocation.Syntax,
                Message($"'{Describe(call.Invocation.Syntax)}' with its matching Skip", "splits", call.Data.Preprocessing));
        }
    }

    private static string Message(string call, string verb, string? preprocessing)
        => $"{call} {verb} data {preprocessing ?? "preprocessed with statistics of all of its rows"}, so the held-out rows shaped what the model is trained on";

    private static string? Memoized(IInvocationOperation invocation, SettingsContext context, SemanticModel model, PrePass pre)
    {
        var memo = Memo.GetValue(pre, _ => new Dictionary<SyntaxNode, string?>());
        lock (memo)
        {
            if (memo.TryGetValue(invocation.Syntax, out var known))
            {
                return known;
            }
        }

        var description = invocation.TargetMethod.Name switch
        {
            "Select" => HandWrittenScaling(invocation, model, pre),
            _ when context.Known.IsMLNetSymbol(invocation.TargetMethod) => FittedTransform(invocation, context, pre),
            _ => UserScaler(invocation, context, model, pre),
        };
        lock (memo)
        {
            memo[invocation.Syntax] = description;
        }

        return description;
    }

    // ------------------------------------------------------------------ ML.NET: Fit, then Transform

    /// <summary>What a learning estimator's step is, for the message, and whether it learned from the label.</summary>
    private readonly struct Learner(string description, string? label)
    {
        public string Description { get; } = description;

        /// <summary>The label column the step learned from (feature selection by mutual information, supervised binning), or null.</summary>
        public string? Label { get; } = label;
    }

    /// <summary>
    /// <c>transformer.Transform(data)</c> where the transformer is <c>estimator.Fit(rows)</c>, the estimator (or a step
    /// appended to its chain) learns from the rows, and <c>data</c> holds the rows it was fitted on.
    /// </summary>
    private static string? FittedTransform(IInvocationOperation transform, SettingsContext context, PrePass pre)
    {
        var known = context.Known;
        if (!known.IsMLNetSymbol(transform.TargetMethod) || transform.Arguments.Length == 0 || transform.Instance == null)
        {
            return null;
        }

        var input = transform.Arguments[0].Value;
        foreach (var fit in FitCalls(transform.Instance, pre, new HashSet<ISymbol>(SymbolEqualityComparer.Default), depth: 0))
        {
            if (fit.Arguments.Length == 0 || !HoldsFittedRows(Conversions.Strip(fit.Arguments[0].Value), Conversions.Strip(input), pre))
            {
                continue;
            }

            if (FindLearner(fit.Instance, known, pre, new HashSet<ISymbol>(SymbolEqualityComparer.Default), depth: 0) is { } learner)
            {
                var what = $"transformed by '{learner.Description}', fitted on all of those rows";
                return learner.Label == null
                    ? what
                    : what + $" and on their label '{learner.Label}' (learning from the label is the worst case: the held-out labels shaped the features)";
            }
        }

        return null;
    }

    /// <summary>The <c>estimator.Fit(rows)</c> calls a transformer comes from: the call itself, or what its local, parameter or field was assigned.</summary>
    private static IEnumerable<IInvocationOperation> FitCalls(IOperation transformer, PrePass pre, HashSet<ISymbol> visited, int depth)
    {
        transformer = Conversions.Strip(transformer);
        if (transformer is IInvocationOperation { TargetMethod.Name: "Fit" } fit)
        {
            yield return fit;
            yield break;
        }

        if (depth < 4 && SymbolOf(transformer) is { } symbol && visited.Add(symbol) && pre.Assignments.TryGetValue(symbol, out var values))
        {
            foreach (var value in values)
            {
                foreach (var found in FitCalls(value, pre, visited, depth + 1))
                {
                    yield return found;
                }
            }
        }
    }

    /// <summary>
    /// A step of an estimator chain that learns from the rows: the estimator itself, a step appended to it
    /// (<c>Append</c>), or what its local, parameter or field was assigned (a chain built up over several statements).
    /// A step that learned from the label wins, as the worst case.
    /// </summary>
    private static Learner? FindLearner(IOperation? estimator, KnownSymbols known, PrePass pre, HashSet<ISymbol> visited, int depth)
    {
        if (estimator == null || depth > 12)
        {
            return null;
        }

        estimator = Conversions.Strip(estimator);
        if (estimator is IInvocationOperation invocation)
        {
            if (LearningStep(invocation, known) is { } step)
            {
                return step;
            }

            // chain.Append(step), chain.AppendCacheCheckpoint(ml): the chain's steps and the appended one.
            if (invocation.TargetMethod.Name is not ("Append" or "AppendCacheCheckpoint") || !known.IsMLNetSymbol(invocation.TargetMethod))
            {
                return null;
            }

            Learner? found = null;
            var parts = invocation.Arguments.Select(a => a.Value).Prepend(invocation.Instance);
            foreach (var part in parts)
            {
                if (FindLearner(part, known, pre, visited, depth + 1) is { } learner && (found == null || (found.Value.Label == null && learner.Label != null)))
                {
                    found = learner;
                }
            }

            return found;
        }

        if (SymbolOf(estimator) is { } symbol && visited.Add(symbol) && pre.Assignments.TryGetValue(symbol, out var values))
        {
            Learner? found = null;
            foreach (var value in values)
            {
                if (FindLearner(value, known, pre, visited, depth + 1) is { } learner && (found == null || (found.Value.Label == null && learner.Label != null)))
                {
                    found = learner;
                }
            }

            return found;
        }

        return null;
    }

    /// <summary>Whether an ML.NET catalog call makes an estimator that learns from the rows, and from the label.</summary>
    private static Learner? LearningStep(IInvocationOperation invocation, KnownSymbols known)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (!known.IsMLNetSymbol(method))
        {
            return null;
        }

        var name = method.Name;
        var learns = method.ContainingType?.Name switch
        {
            "NormalizationCatalog" => name.StartsWith("Normalize", StringComparison.Ordinal) && !RowWiseNormalizers.Contains(name),
            "ExtensionsCatalog" => name == "ReplaceMissingValues" && ReplacesWithStatistic(invocation),
            "PcaCatalog" => name == "ProjectToPrincipalComponents",
            "FeatureSelectionCatalog" => name is "SelectFeaturesBasedOnMutualInformation" or "SelectFeaturesBasedOnCount",
            "TextCatalog" => name == "FeaturizeText",
            _ => false,
        };
        if (!learns)
        {
            return null;
        }

        var label = name is "SelectFeaturesBasedOnMutualInformation" or "NormalizeSupervisedBinning" ? LabelColumn(invocation) : null;
        return new Learner(Describe(invocation.Syntax), label);
    }

    /// <summary>
    /// <c>ReplaceMissingValues</c> learns only with a statistic (Mean, Minimum, Maximum, Mode); the default,
    /// <c>DefaultValue</c> (0), learns nothing. A mode that is not a constant is not assumed to learn.
    /// </summary>
    private static bool ReplacesWithStatistic(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = Conversions.Strip(argument.Value);
            if (argument.Parameter?.Name == "replacementMode")
            {
                return argument.ArgumentKind != ArgumentKind.DefaultValue && IsNonZeroConstant(value);
            }

            // The ColumnOptions overload: new ColumnOptions(output, input, replacementMode: Mean) for any column.
            foreach (var creation in value.DescendantsAndSelf().OfType<IObjectCreationOperation>())
            {
                foreach (var option in creation.Arguments)
                {
                    if (option.Parameter?.Name == "replacementMode" && option.ArgumentKind != ArgumentKind.DefaultValue && IsNonZeroConstant(Conversions.Strip(option.Value)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsNonZeroConstant(IOperation value)
        => value.ConstantValue is { HasValue: true, Value: { } constant } && Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) != 0;

    /// <summary>The label column a step learned from: its <c>labelColumnName</c> argument, ML.NET's default "Label" when not given.</summary>
    private static string LabelColumn(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "labelColumnName" && argument.Value.ConstantValue is { HasValue: true, Value: string column })
            {
                return column;
            }
        }

        return "Label";
    }

    // ------------------------------------------------------------------ the user's own scaler classes

    /// <summary>
    /// A scaler class of the user's (<c>StandardScaler</c>, <c>MinMaxNormalizer</c>, <c>MeanImputer</c>, a port of
    /// scikit-learn's): <c>scaler.FitTransform(rows)</c>, or <c>scaler.Transform(rows)</c> where the same scaler was
    /// fitted on those rows (<c>scaler.Fit(rows)</c>, <c>Scaler.Fit(rows)</c>, <c>new Scaler(rows)</c>).
    /// </summary>
    private static string? UserScaler(IInvocationOperation transform, SettingsContext context, SemanticModel model, PrePass pre)
    {
        var method = transform.TargetMethod;
        var type = method.ContainingType;
        if (type == null || context.Known.IsLibrarySymbol(method) || !IsScalerName(type.Name) || transform.Arguments.Length == 0)
        {
            return null;
        }

        if (method.Name != "Transform")
        {
            return $"transformed by '{Describe(transform.Syntax)}', fitted on all of those rows";
        }

        if (transform.Instance == null || SymbolOf(Conversions.Strip(transform.Instance)) is not { } scaler)
        {
            return null;
        }

        var input = Conversions.Strip(transform.Arguments[0].Value);
        foreach (var fittedOn in ScalerFitInputs(scaler, transform.Syntax, model, pre))
        {
            if (context.Compilation.IsDataLike(fittedOn.Type) && HoldsFittedRows(Conversions.Strip(fittedOn), input, pre))
            {
                return $"transformed by '{scaler.Name}' (a {type.Name} fitted on all of those rows)";
            }
        }

        return null;
    }

    /// <summary>Whether a type name ends in a scaler word: <c>StandardScaler</c>, <c>ZScoreNormalizer</c>, <c>MeanImputer</c>.</summary>
    internal static bool IsScalerName(string name)
    {
        if (!name.EndsWith("r", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var words = IdentifierWords.Split(name);
        return words.Count > 0 && ScalerWords.Contains(words[words.Count - 1]);
    }

    /// <summary>The data a scaler was fitted on: the arguments of its constructor or factory, and of <c>scaler.Fit(…)</c> calls in the same code.</summary>
    private static IEnumerable<IOperation> ScalerFitInputs(ISymbol scaler, SyntaxNode use, SemanticModel model, PrePass pre)
    {
        if (pre.Assignments.TryGetValue(scaler, out var values))
        {
            foreach (var value in values)
            {
                var arguments = Conversions.Strip(value) switch
                {
                    IObjectCreationOperation creation => creation.Arguments,
                    IInvocationOperation { TargetMethod.Name: "Fit" } fit => fit.Arguments,
                    _ => ImmutableArray<IArgumentOperation>.Empty,
                };
                foreach (var argument in arguments)
                {
                    yield return argument.Value;
                }
            }
        }

        if (use.SyntaxTree != model.SyntaxTree
            || use.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax) is not { } scope)
        {
            yield break;
        }

        foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Fit" } access
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression).Symbol, scaler)
                && model.GetOperation(call) is IInvocationOperation fit)
            {
                foreach (var argument in fit.Arguments)
                {
                    yield return argument.Value;
                }
            }
        }
    }

    // ------------------------------------------------------------------ hand-written: rows rescaled with their own statistics

    /// <summary>
    /// <c>rows.Select(v =&gt; (v - mean) / std)</c> where <c>mean</c> or <c>std</c> (or a value computed from them) is a
    /// statistic of those same rows: the rows were standardised with their own mean, range or spread.
    /// </summary>
    private static string? HandWrittenScaling(IInvocationOperation select, SemanticModel model, PrePass pre)
    {
        if (!IsLinq(select.TargetMethod) || select.Arguments.Length != 2 || select.Syntax.SyntaxTree != model.SyntaxTree
            || select.Arguments[1].Value.Syntax is not AnonymousFunctionExpressionSyntax lambda)
        {
            return null;
        }

        var rows = select.Arguments[0].Value;
        var rowSources = pre.Closure(rows);
        if (rowSources.Count == 0)
        {
            return null;
        }

        foreach (var identifier in lambda.Body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            // Only a value the rows are shifted or divided by: (v - mean) / std, (v - min) / (max - min).
            if (!IsShiftOrScaleOperand(identifier) || model.GetSymbolInfo(identifier).Symbol is not { } symbol
                || symbol is not (ILocalSymbol or IFieldSymbol) || lambda.Span.Contains(symbol.Locations.FirstOrDefault()?.SourceSpan ?? default))
            {
                continue;
            }

            if (Statistic(symbol, rowSources, pre, new HashSet<ISymbol>(SymbolEqualityComparer.Default), depth: 0) is { } statistic)
            {
                return $"scaled with '{symbol.Name}' ('{statistic}'), a statistic of all of those rows";
            }
        }

        return null;
    }

    /// <summary>Whether a name is what the row is shifted or divided by: <c>(v - mean) / std</c>, <c>means[j]</c>, <c>(v - min) / (max - min)</c>.</summary>
    private static bool IsShiftOrScaleOperand(ExpressionSyntax identifier)
    {
        SyntaxNode node = identifier;
        while (true)
        {
            switch (node.Parent)
            {
                case ElementAccessExpressionSyntax access when access.Expression == node:
                case ParenthesizedExpressionSyntax:
                case CastExpressionSyntax:
                    node = node.Parent;
                    continue;
                case BinaryExpressionSyntax binary:
                    return binary.IsKind(SyntaxKind.SubtractExpression) || binary.IsKind(SyntaxKind.DivideExpression);
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// The statistic call a value was computed from, when it is a statistic of rows that <paramref name="rowSources"/>
    /// holds (the very rows or data they were derived from): followed through the scalar locals it uses (std from variance from mean).
    /// </summary>
    private static string? Statistic(ISymbol symbol, HashSet<ISymbol> rowSources, PrePass pre, HashSet<ISymbol> visited, int depth)
    {
        if (depth > 3 || !visited.Add(symbol) || !pre.Assignments.TryGetValue(symbol, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (var op in value.DescendantsAndSelf())
            {
                switch (op)
                {
                    // Math.Max(rows.Count, 1) is a size, not a statistic of the rows.
                    case IInvocationOperation call when StatisticNames.Contains(call.TargetMethod.Name) && call.TargetMethod.ContainingType?.Name is not ("Math" or "MathF"):
                        if (pre.DirectSources(call).Any(rowSources.Contains))
                        {
                            return Describe(call.Syntax) + "()";
                        }

                        break;
                    case ILocalReferenceOperation local when CompilationState.IsScalar(local.Local.Type) || local.Local.Type is IArrayTypeSymbol { ElementType: var element } && CompilationState.IsScalar(element):
                        if (Statistic(local.Local, rowSources, pre, visited, depth + 1) is { } inner)
                        {
                            return inner;
                        }

                        break;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Rows the split is given that were rescaled in place before it with a statistic of those rows:
    /// <c>x[i] = (x[i] - mean) / std</c>, <c>x[i][j] -= means[j]</c>, <c>foreach (var r in rows) r.Amount /= max</c>.
    /// </summary>
    private static string? InPlaceScaling(IInvocationOperation sink, SemanticModel model, PrePass pre)
    {
        if (sink.Syntax.SyntaxTree != model.SyntaxTree
            || sink.Syntax.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax) is not { } scope)
        {
            return null;
        }

        var rows = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var argument in sink.Arguments)
        {
            rows.UnionWith(pre.Closure(argument.Value));
        }

        if (rows.Count == 0)
        {
            return null;
        }

        foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.SpanStart > sink.Syntax.SpanStart || !IsRowOf(assignment.Left, rows, model, pre))
            {
                continue;
            }

            var compound = assignment.IsKind(SyntaxKind.SubtractAssignmentExpression) || assignment.IsKind(SyntaxKind.DivideAssignmentExpression);
            if (!compound && !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                continue;
            }

            foreach (var identifier in assignment.Right.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                // x[i] -= mean: the whole right side shifts or scales; x[i] = (x[i] - mean) / std: only an operand of - or /.
                var operand = compound ? identifier.Parent is not MemberAccessExpressionSyntax member || member.Expression == identifier : IsShiftOrScaleOperand(identifier);
                if (operand && model.GetSymbolInfo(identifier).Symbol is { } symbol and (ILocalSymbol or IFieldSymbol)
                    && Statistic(symbol, rows, pre, new HashSet<ISymbol>(SymbolEqualityComparer.Default), depth: 0) is { } statistic)
                {
                    return $"scaled in place with '{identifier.Identifier.ValueText}' ('{statistic}'), a statistic of all of those rows";
                }
            }
        }

        return null;
    }

    /// <summary>Whether an assignment target is a row, element or member of the data: <c>x[i]</c>, <c>x[i][j]</c>, or a member of a foreach variable over it.</summary>
    private static bool IsRowOf(ExpressionSyntax target, HashSet<ISymbol> rows, SemanticModel model, PrePass pre)
    {
        var sawElementOrMember = false;
        while (target is ElementAccessExpressionSyntax or MemberAccessExpressionSyntax)
        {
            target = target is ElementAccessExpressionSyntax access ? access.Expression : ((MemberAccessExpressionSyntax)target).Expression;
            sawElementOrMember = true;
        }

        if (!sawElementOrMember || target is not IdentifierNameSyntax || model.GetSymbolInfo(target).Symbol is not { } root)
        {
            return false;
        }

        if (rows.Contains(root))
        {
            return true;
        }

        return pre.ForEachVariables.Contains(root) && pre.Assignments.TryGetValue(root, out var collections)
            && collections.Any(c => pre.DirectSources(c).Any(rows.Contains));
    }

    // ------------------------------------------------------------------ shared

    /// <summary>
    /// Whether <paramref name="appliedTo"/> holds rows that <paramref name="fittedOn"/> read: the same data, or data
    /// derived from it. The training part of a split applied to its test part holds none of them.
    /// </summary>
    private static bool HoldsFittedRows(IOperation fittedOn, IOperation appliedTo, PrePass pre)
    {
        if (fittedOn is IFieldReferenceOperation fitField && appliedTo is IFieldReferenceOperation appliedField
            && fitField.Instance != null && appliedField.Instance != null
            && !SymbolEqualityComparer.Default.Equals(fitField.Field, appliedField.Field)
            && SymbolEqualityComparer.Default.Equals(SymbolOf(Conversions.Strip(fitField.Instance)), SymbolOf(Conversions.Strip(appliedField.Instance))))
        {
            // split.TrainSet and split.TestSet: the two sides of one split.
            return false;
        }

        var fitted = pre.DirectSources(fittedOn);
        if (fitted.Count == 0)
        {
            return fittedOn.Syntax.IsEquivalentTo(appliedTo.Syntax);
        }

        var applied = pre.Closure(appliedTo);
        return fitted.Any(applied.Contains);
    }

    private static bool IsLinq(IMethodSymbol method)
        => (method.ReducedFrom ?? method).ContainingNamespace?.ToDisplayString() == "System.Linq";

    private static ISymbol? SymbolOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property => property.Property,
        _ => null,
    };

    /// <summary>A call as the messages name it: the engine's quoting, with room for ML.NET's long catalog paths.</summary>
    private static string Describe(SyntaxNode node) => FlowAnalysis.Describe(node, maxLength: 90);
}
