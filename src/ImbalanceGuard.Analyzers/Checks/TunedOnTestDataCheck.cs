using System;
using System.Collections.Generic;
using System.Threading;
using ImbalanceGuard.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ImbalanceGuard.Analyzers.Checks;

/// <summary>
/// IG0006: a decision threshold, model or hyper-parameter chosen on test data. A code block selects on test data
/// when it keeps the best of a <em>metric computed on test data</em> together with a candidate (a sweep loop's
/// <c>if (m.F1Score &gt; best) { best = …; bestThreshold = t; }</c>, a <c>Math.Max</c> accumulation with the candidate
/// kept beside it), ranks candidates by such a metric (<c>MaxBy</c>, <c>MinBy</c>, <c>OrderBy…(…).First()</c>), or
/// hands test scores to a threshold tuner. Locals are followed flow-insensitively through
/// <see cref="PrePass.Assignments"/>; nothing crosses the code block.
/// </summary>
/// <remarks>
/// Test data: ML.NET's <c>TrainTestData.TestSet</c>, ImbalanceGuard's <c>HoldoutSet</c> (not a fold's
/// <c>Validation</c>), <c>TrainHoldoutSplit.Holdout</c>, and data whose name has a test word
/// (<see cref="AnalyzerSettings.TestNames"/>), together with everything computed from them. A name with a
/// validation word (<see cref="AnalyzerSettings.ValidationNames"/>, which holds the ambiguous <c>eval</c> too) or
/// <c>dev</c>/<c>oof</c>/<c>cv</c>/<c>fold</c> is where tuning belongs: it stops the search whatever the data came from.
/// A metric on test data: ML.NET's <c>Evaluate*</c>, ImbalanceGuard's evaluation API and a hand-written helper
/// returning a number or a record of numbers, called with test data (a whole set, not one row of it), and the
/// members of their results.
/// </remarks>
internal sealed class TunedOnTestDataCheck
{
    private const int MaxDepth = 12;

    // A name that says where tuning belongs, beside the configured validation names.
    private static readonly HashSet<string> TuningWords = ["dev", "oof", "cv", "fold", "folds"];

    // testFractions, testSizes: how large a test part should be, not test data.
    private static readonly HashSet<string> SizeWords = ["fraction", "fractions", "size", "sizes", "ratio", "ratios", "count", "counts", "percent", "percentage"];

    // Words that name a classifier's (or regressor's) metric, for helpers of the user's.
    private static readonly HashSet<string> MetricWords =
    [
        "accuracy", "acc", "f1", "f2", "fbeta", "beta", "auc", "roc", "prauc", "precision", "recall", "sensitivity", "specificity",
        "mcc", "matthews", "kappa", "score", "loss", "logloss", "error", "evaluate", "eval", "evaluation", "metric", "metrics",
        "brier", "cost", "rmse", "mae", "mse", "r2", "gmean", "jaccard", "iou", "dice", "tpr", "fpr", "youden",
    ];

    private static readonly HashSet<string> RankingMethods = ["OrderBy", "OrderByDescending"];
    private static readonly HashSet<string> ThenMethods = ["ThenBy", "ThenByDescending", "ToList", "ToArray", "AsEnumerable"];
    private static readonly HashSet<string> PickMethods =
        ["First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "Take", "ElementAt", "ElementAtOrDefault"];

    private static readonly HashSet<string> ElementPreservingLinq =
        ["Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "ToList", "ToArray", "AsEnumerable", "Take", "Skip", "Distinct", "Reverse", "Concat", "Append"];

    private static readonly HashSet<string> GrowMethods = ["Add", "Enqueue", "Push", "Insert", "AddLast", "AddFirst"];

    // Names of calls whose result is not test data even when test data goes in (a model fitted, rows read).
    private static readonly string[] NotDataPrefixes = ["Fit", "Train"];

    // Hand-written helpers that score one row, not a data set.
    private static readonly string[] NotMetricPrefixes = ["Predict", "Train", "Fit", "Load", "Read", "Transform", "Sigmoid", "Softmax"];

    private readonly SettingsContext _context;
    private readonly PrePass _pre;
    private readonly List<Finding> _findings;
    private readonly HashSet<TextSpan> _reported = [];
    private readonly HashSet<SyntaxNode> _reportedConditions = [];
    private readonly Dictionary<ISymbol, string?> _testLocals = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, string?> _metricLocals = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<IOperation>> _added = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IParameterSymbol, IOperation> _lambdaSources = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _pickedLocals = new(SymbolEqualityComparer.Default);

    private TunedOnTestDataCheck(SettingsContext context, PrePass pre, List<Finding> findings)
    {
        _context = context;
        _pre = pre;
        _findings = findings;
    }

    private KnownSymbols Known => _context.Known;

    /// <summary>Reports every selection on test data in the code block whose operation tree is <paramref name="root"/>.</summary>
    public static void Analyze(IOperation root, SettingsContext context, PrePass pre, List<Finding> findings, CancellationToken cancellationToken)
    {
        var check = new TunedOnTestDataCheck(context, pre, findings);
        var comparisons = new List<IBinaryOperation>();
        var invocations = new List<IInvocationOperation>();
        foreach (var operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IBinaryOperation binary when IsRelational(binary.OperatorKind):
                    comparisons.Add(binary);
                    break;
                case IInvocationOperation invocation:
                    invocations.Add(invocation);
                    if (invocation.Instance != null && Root(invocation.Instance) is { } grown && GrowMethods.Contains(invocation.TargetMethod.Name))
                    {
                        check.RecordAdded(grown, invocation);
                    }

                    if (PickMethods.Contains(invocation.TargetMethod.Name) && IsLinq(invocation.TargetMethod) && invocation.Arguments.Length > 0
                        && Unwrap(invocation.Arguments[0].Value) is ILocalReferenceOperation picked)
                    {
                        check._pickedLocals.Add(picked.Local);
                    }

                    break;
                case IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } element
                    when element.Indices.Length == 1 && IsZero(element.Indices[0]):
                    check._pickedLocals.Add(array.Local);
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation list } indexer
                    when indexer.Arguments.Length == 1 && IsZero(indexer.Arguments[0].Value):
                    check._pickedLocals.Add(list.Local);
                    break;
            }
        }

        foreach (var comparison in comparisons)
        {
            cancellationToken.ThrowIfCancellationRequested();
            check.CheckComparison(comparison);
        }

        foreach (var invocation in invocations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            check.CheckInvocation(invocation);
        }
    }

    // ---------------------------------------------------------------- the selections

    /// <summary>
    /// <c>if (metric &gt; best) { best = metric; bestThreshold = t; }</c>: a running best of a test metric (the other
    /// side is assigned in the branch) with a candidate kept beside it. The best value alone is only reported.
    /// </summary>
    private void CheckComparison(IBinaryOperation comparison)
    {
        foreach (var (metricSide, trackerSide) in new[] { (comparison.LeftOperand, comparison.RightOperand), (comparison.RightOperand, comparison.LeftOperand) })
        {
            if (Root(trackerSide) is not { } tracker || EnclosingIf(comparison) is not { } branch)
            {
                continue;
            }

            var selected = SelectedPart(branch);
            if (IsReportName(tracker.Name) || !Assigns(selected, tracker) || KeptCandidate(selected, tracker) is not { } candidate || IsReportName(candidate))
            {
                continue;
            }

            if (TestMetric(metricSide, 0) is { } test)
            {
                _reportedConditions.Add(branch.Syntax);
                Report(comparison.Syntax, $"'{candidate}' is kept as the best by '{Text(metricSide.Syntax)}'", test);
                return;
            }
        }
    }

    private void CheckInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;
        if ((name == "Max" || name == "Min") && method.ContainingType?.SpecialType == SpecialType.None
            && method.ContainingType.ToDisplayString() == "System.Math" && invocation.Arguments.Length == 2)
        {
            CheckMathMax(invocation);
        }
        else if ((name == "MaxBy" || name == "MinBy") && IsLinq(method))
        {
            CheckRanking(invocation, invocation);
        }
        else if (RankingMethods.Contains(name) && IsLinq(method) && PickedFrom(invocation) is { } pick)
        {
            CheckRanking(invocation, pick);
        }
        else if (RankingMethods.Contains(name) && IsLinq(method) && AssignedFrom(ChainTop(invocation)) is { } ranked && _pickedLocals.Contains(ranked))
        {
            // var ranked = results.OrderByDescending(r => r.Auc).ToList(); ... ranked[0] or ranked.First()
            CheckRanking(invocation, invocation);
        }
        else if (IsThresholdTuner(method))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (TestData(argument.Value, 0) is { } test)
                {
                    Report(invocation.Syntax, $"'{name}' tunes a threshold", test);
                    return;
                }
            }
        }
    }

    /// <summary>
    /// <c>best = Math.Max(best, f1)</c> with the candidate kept in the same loop under a condition on the best or
    /// the metric: <c>if (best != before) bestThreshold = t;</c>.
    /// </summary>
    private void CheckMathMax(IInvocationOperation invocation)
    {
        var first = invocation.Arguments[0].Value;
        var second = invocation.Arguments[1].Value;
        foreach (var (metricSide, trackerSide) in new[] { (first, second), (second, first) })
        {
            if (Root(trackerSide) is not { } tracker || IsReportName(tracker.Name) || EnclosingLoop(invocation) is not { } loop
                || TestMetric(metricSide, 0) is not { } test)
            {
                continue;
            }

            var watched = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { tracker };
            if (Root(metricSide) is { } metricSymbol)
            {
                watched.Add(metricSymbol);
            }

            if (AssignedFrom(invocation) is { } result)
            {
                watched.Add(result);
            }

            foreach (var operation in loop.Body.DescendantsAndSelf())
            {
                if (operation is IConditionalOperation { IsRef: false } branch && !_reportedConditions.Contains(branch.Syntax)
                    && Mentions(branch.Condition, watched) && KeptCandidate(branch.WhenTrue, tracker) is { } candidate)
                {
                    Report(invocation.Syntax, $"'{candidate}' is kept as the best by '{Text(metricSide.Syntax)}'", test);
                    return;
                }
            }
        }
    }

    /// <summary><c>MaxBy</c>/<c>MinBy</c>, or <c>OrderBy…</c> then <c>First</c>: a candidate picked by a test metric.</summary>
    private void CheckRanking(IInvocationOperation ranking, IInvocationOperation pick)
    {
        if (ranking.Arguments.Length < 2 || LambdaOf(ranking.Arguments[1].Value) is not { } selector || selector.Symbol.Parameters.Length != 1)
        {
            return;
        }

        var source = ranking.Arguments[0].Value;
        _lambdaSources[selector.Symbol.Parameters[0]] = source;
        foreach (var returned in ReturnedValues(selector))
        {
            if (TestMetric(returned, 0) is { } test)
            {
                var picked = ReferenceEquals(pick, ranking) ? ranking.TargetMethod.Name : ranking.TargetMethod.Name + "(…)." + pick.TargetMethod.Name;
                Report(ranking.Syntax, $"'{picked}' picks a candidate by '{Text(returned.Syntax)}'", test);
                return;
            }
        }
    }

    /// <summary>The call that picks from an <c>OrderBy…</c> chain (<c>First</c>, <c>Take</c>, …), through <c>ThenBy…</c> and <c>ToList</c>.</summary>
    private static IInvocationOperation? PickedFrom(IInvocationOperation ranking)
        => NextInChain(ChainTop(ranking)) is { } next && PickMethods.Contains(next.TargetMethod.Name) ? next : null;

    /// <summary>The last call of <c>ThenBy…</c>/<c>ToList</c>/<c>ToArray</c> that follows an <c>OrderBy…</c>.</summary>
    private static IInvocationOperation ChainTop(IInvocationOperation ranking)
    {
        var current = ranking;
        for (var i = 0; i < 6 && NextInChain(current) is { } next && ThenMethods.Contains(next.TargetMethod.Name); i++)
        {
            current = next;
        }

        return current;
    }

    private static IInvocationOperation? NextInChain(IInvocationOperation current)
    {
        var parent = current.Parent;
        while (parent is IConversionOperation or IArgumentOperation)
        {
            parent = parent.Parent;
        }

        return parent is IInvocationOperation next && IsLinq(next.TargetMethod) && next.Arguments.Length > 0
            && ReferenceEquals(Unwrap(next.Arguments[0].Value), current)
            ? next
            : null;
    }

    private static bool IsThresholdTuner(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type == null)
        {
            return false;
        }

        return (method.Name == "Tune" && type.Name == "ThresholdTuner" && type.ToDisplayString() == "ImbalanceGuard.Thresholds.ThresholdTuner")
            || (method.Name == "TuneThreshold" && type.Name == "ImbalanceBinaryClassificationCatalog" && type.ToDisplayString() == "ImbalanceGuard.ML.ImbalanceBinaryClassificationCatalog");
    }

    // ---------------------------------------------------------------- test data

    /// <summary>The test data an expression is computed from (its name, for the message), or null.</summary>
    private string? TestData(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        operation = Unwrap(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return LocalTestData(local.Local, depth);
            case IParameterReferenceOperation parameter:
                return SymbolTestData(parameter.Parameter, parameter.Parameter.Type);
            case IFieldReferenceOperation field:
                return MemberTestData(operation, field.Field, field.Field.Type, field.Instance, depth);
            case IPropertyReferenceOperation property:
                // An indexer's element of test data is test data: the indexer follows its instance.
                return MemberTestData(operation, property.Property, property.Property.Type, property.Instance, depth);
            case IInvocationOperation invocation when StartsWithAny(invocation.TargetMethod.Name, NotDataPrefixes):
                return null;
            case IConditionalAccessInstanceOperation:
                return ConditionalReceiver(operation) is { } receiver ? TestData(receiver, depth + 1) : null;
        }

        // Anything else (calls, lambdas, creations, element access, arithmetic) is computed from what it reads.
        foreach (var child in operation.ChildOperations)
        {
            if (TestData(child, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private string? LocalTestData(ILocalSymbol local, int depth)
    {
        if (_testLocals.TryGetValue(local, out var known))
        {
            return known;
        }

        _testLocals[local] = null; // cycles end here
        string? result = null;
        if (!IsTuningName(local.Name))
        {
            if (IsTestName(local.Name, local.Type))
            {
                result = local.Name;
            }
            else if (_pre.Assignments.TryGetValue(local, out var values))
            {
                foreach (var value in values)
                {
                    if (TestData(value, depth + 1) is { } found)
                    {
                        result = found;
                        break;
                    }
                }
            }
            else if (IsHoldoutSet(local.Type))
            {
                // Declared by a deconstruction (var (train, holdout) = split): the holdout part.
                result = local.Name;
            }
        }

        _testLocals[local] = result;
        return result;
    }

    /// <summary>A parameter, field or property by itself: a test name, or a <c>HoldoutSet</c> not named as validation.</summary>
    private string? SymbolTestData(ISymbol symbol, ITypeSymbol type)
    {
        if (IsTuningName(symbol.Name))
        {
            return null;
        }

        return IsTestName(symbol.Name, type) || IsHoldoutSet(type) ? symbol.Name : null;
    }

    private string? MemberTestData(IOperation reference, ISymbol member, ITypeSymbol type, IOperation? instance, int depth)
    {
        if (member.Equals(Known.TestSet, SymbolEqualityComparer.Default)
            || (member.Name == "TestSet" && member.ContainingAssembly?.Name == "ImbalanceGuard.ML"))
        {
            // ML.NET's CrossValidationSplit (and the bridge's) returns folds with a TestSet each: validation data.
            return IsFold(instance, 0) ? null : Text(reference.Syntax);
        }

        if (member.Name == "Holdout" && CompilationState.Is(member.ContainingType, Known.TrainHoldoutSplit))
        {
            // A fold's split is that fold's training and validation parts.
            return Unwrap(instance) is IPropertyReferenceOperation { Property.Name: "Split" } owner && CompilationState.Is(owner.Property.ContainingType, Known.Fold)
                ? null
                : Text(reference.Syntax);
        }

        if (Known.IsLibrarySymbol(member) || member.ContainingAssembly?.Name == "ImbalanceGuard.ML")
        {
            // TrainSet, Training, a fold's Validation are not test data; other library members follow their instance.
            if (member.Name.StartsWith("Train", StringComparison.Ordinal) || member.Name.StartsWith("Validation", StringComparison.Ordinal))
            {
                return null;
            }
        }
        else if (IsTuningName(member.Name))
        {
            return null;
        }
        else if (member is not IPropertySymbol { IsIndexer: true } && SymbolTestData(member, type) is { } named)
        {
            return instance == null ? named : Text(reference.Syntax);
        }

        return instance == null ? null : TestData(instance, depth + 1);
    }

    /// <summary>
    /// Whether a split is one fold of a cross-validation split: an element of a list of splits (indexed, a foreach
    /// variable, a lambda's parameter) or a value named fold.
    /// </summary>
    private bool IsFold(IOperation? instance, int depth)
    {
        if (instance == null || depth > 4)
        {
            return false;
        }

        switch (Unwrap(instance))
        {
            case IArrayElementReferenceOperation:
            case IPropertyReferenceOperation { Property.IsIndexer: true }:
                return true;
            case IParameterReferenceOperation parameter:
                return parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } || IsTuningName(parameter.Parameter.Name);
            case ILocalReferenceOperation local:
                if (_pre.ForEachVariables.Contains(local.Local) || IsTuningName(local.Local.Name))
                {
                    return true;
                }

                if (_pre.Assignments.TryGetValue(local.Local, out var values))
                {
                    foreach (var value in values)
                    {
                        if (IsFold(value, depth + 1))
                        {
                            return true;
                        }
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private bool IsTestName(string name, ITypeSymbol? type)
    {
        // A number or text named test (testFraction, testCount) is not test data.
        if (type == null || CompilationState.IsScalar(type) || type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        var words = IdentifierWords.Split(name);
        foreach (var word in words)
        {
            if (SizeWords.Contains(word))
            {
                return false;
            }
        }

        return _context.Settings.IsTestName(name, words);
    }

    private bool IsTuningName(string name)
    {
        var words = IdentifierWords.Split(name);
        foreach (var word in words)
        {
            if (TuningWords.Contains(word))
            {
                return true;
            }
        }

        return _context.Settings.ValidationNames.MatchesAnyWord(name, words);
    }

    private bool IsHoldoutSet(ITypeSymbol? type)
        => CompilationState.InheritsFrom(type, Known.HoldoutSet)
            || (type is { Name: "HoldoutDataView" } && type.ContainingAssembly?.Name == "ImbalanceGuard.ML");

    // ---------------------------------------------------------------- metrics on test data

    /// <summary>The test data a metric value was computed on, or null when the value is not such a metric.</summary>
    private string? TestMetric(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        operation = Unwrap(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return LocalMetric(local.Local, depth);
            case IParameterReferenceOperation parameter:
                if (_lambdaSources.TryGetValue(parameter.Parameter, out var source))
                {
                    return ElementMetric(source, null, depth + 1);
                }

                return IsMetricType(parameter.Parameter.Type) ? SymbolTestData(parameter.Parameter, parameter.Parameter.Type) : null;
            case IFieldReferenceOperation field:
                return MemberMetric(field.Field, field.Instance, depth);
            case IPropertyReferenceOperation property:
                return MemberMetric(property.Property, property.Instance, depth);
            case IInvocationOperation invocation:
                return InvocationMetric(invocation, depth);
            case IBinaryOperation binary when !IsRelational(binary.OperatorKind):
                return TestMetric(binary.LeftOperand, depth + 1) ?? TestMetric(binary.RightOperand, depth + 1);
            case IUnaryOperation unary:
                return TestMetric(unary.Operand, depth + 1);
            case IConditionalOperation conditional when conditional.WhenFalse != null:
                return TestMetric(conditional.WhenTrue, depth + 1) ?? TestMetric(conditional.WhenFalse, depth + 1);
            case ICoalesceOperation coalesce:
                return TestMetric(coalesce.Value, depth + 1);
            case IConditionalAccessOperation access:
                return TestMetric(access.WhenNotNull, depth + 1);
            case IConditionalAccessInstanceOperation:
                return ConditionalReceiver(operation) is { } receiver ? TestMetric(receiver, depth + 1) : null;
            default:
                return null;
        }
    }

    private string? LocalMetric(ILocalSymbol local, int depth)
    {
        if (_metricLocals.TryGetValue(local, out var known))
        {
            return known;
        }

        _metricLocals[local] = null; // cycles end here
        string? result = null;
        if (_pre.Assignments.TryGetValue(local, out var values) && !_pre.ForEachVariables.Contains(local))
        {
            foreach (var value in values)
            {
                if (TestMetric(value, depth + 1) is { } found)
                {
                    result = found;
                    break;
                }
            }
        }
        else if (_pre.ForEachVariables.Contains(local) && values != null)
        {
            // foreach (var m in testMetrics): an element of a collection of test metrics.
            foreach (var value in values)
            {
                if (ElementMetric(value, null, depth + 1) is { } found)
                {
                    result = found;
                    break;
                }
            }
        }

        _metricLocals[local] = result;
        return result;
    }

    private string? MemberMetric(ISymbol member, IOperation? instance, int depth)
    {
        if (instance == null)
        {
            return null;
        }

        // r.Auc where r is the element a ranking lambda looks at: the value that element was built with.
        if (Unwrap(instance) is IParameterReferenceOperation parameter && _lambdaSources.TryGetValue(parameter.Parameter, out var source))
        {
            return ElementMetric(source, member, depth + 1);
        }

        if (Unwrap(instance) is ILocalReferenceOperation local && _pre.ForEachVariables.Contains(local.Local)
            && _pre.Assignments.TryGetValue(local.Local, out var collections))
        {
            foreach (var collection in collections)
            {
                if (ElementMetric(collection, member, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        // A member of a tuple or record built here is that element's value, not the whole.
        if (Built(instance, member, depth + 1) is { } built)
        {
            return built.Count == 0 ? null : FirstMetric(built, depth + 1);
        }

        return TestMetric(instance, depth + 1);
    }

    private string? InvocationMetric(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (IsMetricCall(method, invocation))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (!IsRow(argument.Value) && TestData(argument.Value, depth + 1) is { } test)
                {
                    return test;
                }
            }

            if (invocation.Instance != null && !IsRow(invocation.Instance) && TestData(invocation.Instance, depth + 1) is { } fromInstance)
            {
                return fromInstance;
            }
        }

        // confusion.FBeta(2), report.F1(): a method of a metric computed on test data.
        if (invocation.Instance != null && !StartsWithAny(method.Name, NotMetricPrefixes))
        {
            return TestMetric(invocation.Instance, depth + 1);
        }

        if (method.ContainingType?.ToDisplayString() == "System.Math")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (TestMetric(argument.Value, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>ML.NET's <c>Evaluate*</c>, ImbalanceGuard's evaluation API, or a hand-written helper that returns a metric.</summary>
    private bool IsMetricCall(IMethodSymbol method, IInvocationOperation invocation)
    {
        var name = method.Name;
        if (Known.IsMLNetSymbol(method))
        {
            return name.StartsWith("Evaluate", StringComparison.Ordinal);
        }

        var assembly = method.ContainingAssembly?.Name ?? string.Empty;
        if (assembly == "ImbalanceGuard.ML")
        {
            return name.StartsWith("Evaluate", StringComparison.Ordinal);
        }

        if (assembly == "ImbalanceGuard")
        {
            return method.ContainingNamespace?.ToDisplayString() == "ImbalanceGuard.Evaluation" && IsMetricType(method.ReturnType);
        }

        if (assembly.StartsWith("System", StringComparison.Ordinal) || assembly.StartsWith("Microsoft", StringComparison.Ordinal)
            || assembly is "mscorlib" or "netstandard" || StartsWithAny(name, NotMetricPrefixes) || invocation.Arguments.Length == 0)
        {
            return false;
        }

        // A helper of the user's is a metric when it says so: its name (F1, ComputeAuc, Score, LogLoss) or the numbers
        // it returns (a record with F1, Precision); a benchmark's Measure(impl, testInputs) returning seconds is not.
        if (!IsMetricType(method.ReturnType))
        {
            return false;
        }

        return HasMetricWord(name) || (method.ReturnType is INamedTypeSymbol result && !CompilationState.IsFloatingPoint(result) && HasMetricMember(result));
    }

    private static bool HasMetricWord(string name)
    {
        foreach (var word in IdentifierWords.Split(name))
        {
            if (MetricWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMetricMember(INamedTypeSymbol type)
    {
        if (type.IsTupleType)
        {
            foreach (var element in type.TupleElements)
            {
                if (CompilationState.IsFloatingPoint(element.Type) && HasMetricWord(element.Name))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var member in type.GetMembers())
        {
            if (!member.IsStatic && member is IPropertySymbol { IsIndexer: false } property && CompilationState.IsFloatingPoint(property.Type) && HasMetricWord(property.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A number, or a result made of numbers (ML.NET's metrics, ImbalanceGuard's confusion and reports, a record or tuple of
    /// the user's): not data, not text, not a model.
    /// </summary>
    private bool IsMetricType(ITypeSymbol? type)
    {
        if (type == null)
        {
            return false;
        }

        if (CompilationState.IsFloatingPoint(type))
        {
            return true;
        }

        if (type is not INamedTypeSymbol named || CompilationState.IsScalar(type) || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        if (Known.IsMLNetSymbol(named))
        {
            return named.Name.EndsWith("Metrics", StringComparison.Ordinal);
        }

        var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "ImbalanceGuard.Evaluation")
        {
            return named.Name is not ("BinaryScores" or "ScoredData" or "ThresholdSweep");
        }

        if (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal) || ns.StartsWith("ImbalanceGuard", StringComparison.Ordinal)
            || _context.Compilation.IsDataLike(named) || named.TypeKind == TypeKind.Interface || named.TypeKind == TypeKind.Delegate)
        {
            // A tuple of numbers is a result; a tuple holding data is data.
            return named.IsTupleType && !_context.Compilation.IsDataLike(named) && HasFloatingMember(named);
        }

        return HasFloatingMember(named);
    }

    private static bool HasFloatingMember(INamedTypeSymbol type)
    {
        if (type.IsTupleType)
        {
            foreach (var element in type.TupleElements)
            {
                if (CompilationState.IsFloatingPoint(element.Type))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var member in type.GetMembers())
        {
            if (!member.IsStatic && member is IPropertySymbol { IsIndexer: false } property && CompilationState.IsFloatingPoint(property.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One row of test data (<c>testRows[i]</c>, the variable of <c>foreach (var row in testRows)</c>): scoring it is a prediction, not a metric.</summary>
    private bool IsRow(IOperation operation)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IArrayElementReferenceOperation:
            case IPropertyReferenceOperation { Property.IsIndexer: true }:
                return true;
            case ILocalReferenceOperation local when _pre.ForEachVariables.Contains(local.Local):
                return !CompilationState.IsScalar(local.Local.Type);
            case ILocalReferenceOperation local when _pre.Assignments.TryGetValue(local.Local, out var values) && values.Count > 0:
                foreach (var value in values)
                {
                    if (Unwrap(value) is not (IArrayElementReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: true }))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------- elements of collections

    /// <summary>
    /// Whether the elements of <paramref name="collection"/> (or their <paramref name="member"/>) are metrics on test
    /// data: elements built by a <c>Select</c>, put in by <c>Add</c>, or listed in an array.
    /// </summary>
    private string? ElementMetric(IOperation collection, ISymbol? member, int depth)
    {
        var elements = new List<IOperation>();
        CollectElements(collection, elements, depth);
        foreach (var element in elements)
        {
            var found = member == null
                ? TestMetric(element, depth + 1)
                : Built(element, member, depth + 1) is { } parts ? FirstMetric(parts, depth + 1) : TestMetric(element, depth + 1);
            if (found != null)
            {
                return found;
            }
        }

        return null;
    }

    private void CollectElements(IOperation collection, List<IOperation> elements, int depth)
    {
        if (depth > MaxDepth || elements.Count > 32)
        {
            return;
        }

        collection = Unwrap(collection);
        switch (collection)
        {
            case ILocalReferenceOperation local:
                if (_pre.Assignments.TryGetValue(local.Local, out var values) && !_pre.ForEachVariables.Contains(local.Local))
                {
                    foreach (var value in values)
                    {
                        CollectElements(value, elements, depth + 1);
                    }
                }

                if (_added.TryGetValue(local.Local, out var added))
                {
                    elements.AddRange(added);
                }

                break;
            case IInvocationOperation invocation when IsLinq(invocation.TargetMethod) && invocation.Arguments.Length > 0:
                var name = invocation.TargetMethod.Name;
                if (name == "Select" && invocation.Arguments.Length == 2 && LambdaOf(invocation.Arguments[1].Value) is { } projection)
                {
                    elements.AddRange(ReturnedValues(projection));
                }
                else if (ElementPreservingLinq.Contains(name))
                {
                    CollectElements(invocation.Arguments[0].Value, elements, depth + 1);
                }

                break;
            case IArrayCreationOperation { Initializer: { } initializer }:
                elements.AddRange(initializer.ElementValues);
                break;
            case IObjectCreationOperation { Initializer: { } listInitializer }:
                foreach (var initializer in listInitializer.Initializers)
                {
                    if (initializer is IInvocationOperation { TargetMethod.Name: "Add" } add)
                    {
                        foreach (var argument in add.Arguments)
                        {
                            elements.Add(argument.Value);
                        }
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The value(s) <paramref name="member"/> has in a tuple, anonymous object or object built by <paramref name="value"/>
    /// (following locals), or null when <paramref name="value"/> is not built here.
    /// </summary>
    private List<IOperation>? Built(IOperation value, ISymbol member, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        value = Unwrap(value);
        switch (value)
        {
            case ILocalReferenceOperation local when _pre.Assignments.TryGetValue(local.Local, out var values) && !_pre.ForEachVariables.Contains(local.Local):
                List<IOperation>? all = null;
                foreach (var assigned in values)
                {
                    if (Built(assigned, member, depth + 1) is { } parts)
                    {
                        (all ??= []).AddRange(parts);
                    }
                }

                return all;
            case ITupleOperation tuple:
                var index = TupleIndex(member);
                return index >= 0 && index < tuple.Elements.Length ? [tuple.Elements[index]] : [];
            case IAnonymousObjectCreationOperation anonymous:
                return MatchInitializers(anonymous.Initializers, member.Name);
            case IObjectCreationOperation creation when !Known.IsLibrarySymbol(creation.Type ?? (ISymbol)creation.Constructor!):
                var matched = creation.Initializer != null ? MatchInitializers(creation.Initializer.Initializers, member.Name) : [];
                foreach (var argument in creation.Arguments)
                {
                    if (string.Equals(argument.Parameter?.Name, member.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        matched.Add(argument.Value);
                    }
                }

                return matched;
            default:
                return null;
        }
    }

    private static List<IOperation> MatchInitializers(IEnumerable<IOperation> initializers, string name)
    {
        var matched = new List<IOperation>();
        foreach (var initializer in initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment && target.Member.Name == name)
            {
                matched.Add(assignment.Value);
            }
        }

        return matched;
    }

    private static int TupleIndex(ISymbol member)
    {
        if (member is not IFieldSymbol field)
        {
            return -1;
        }

        var item = field.CorrespondingTupleField ?? field;
        return item.Name.StartsWith("Item", StringComparison.Ordinal) && int.TryParse(item.Name.Substring(4), out var n) ? n - 1 : -1;
    }

    private string? FirstMetric(List<IOperation> values, int depth)
    {
        foreach (var value in values)
        {
            if (TestMetric(value, depth) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private void RecordAdded(ISymbol collection, IInvocationOperation add)
    {
        if (!_added.TryGetValue(collection, out var list))
        {
            list = [];
            _added[collection] = list;
        }

        foreach (var argument in add.Arguments)
        {
            list.Add(argument.Value);
        }
    }

    // ---------------------------------------------------------------- branches and candidates

    /// <summary>The <c>if</c> whose condition holds <paramref name="comparison"/> (possibly inside <c>&amp;&amp;</c>).</summary>
    private static IConditionalOperation? EnclosingIf(IOperation comparison)
    {
        var child = comparison;
        for (var parent = comparison.Parent; parent != null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional:
                    return ReferenceEquals(conditional.Condition, child) ? conditional : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                case IParenthesizedOperation:
                case IConversionOperation:
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// What runs when the comparison selects: the <c>if</c>'s branch, or, after <c>if (f1 &lt;= best) continue;</c>,
    /// the statements that follow it in the loop's block.
    /// </summary>
    private static List<IOperation> SelectedPart(IConditionalOperation branch)
    {
        var whenTrue = branch.WhenTrue is IBlockOperation { Operations.Length: 1 } single ? single.Operations[0] : branch.WhenTrue;
        if (whenTrue is IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break } && branch.WhenFalse == null
            && branch.Parent is IBlockOperation block)
        {
            var after = new List<IOperation>();
            var index = block.Operations.IndexOf(branch);
            for (var i = index + 1; i < block.Operations.Length; i++)
            {
                after.Add(block.Operations[i]);
            }

            return after;
        }

        return [branch.WhenTrue];
    }

    private static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        for (var parent = operation.Parent; parent != null; parent = parent.Parent)
        {
            if (parent is ILoopOperation loop)
            {
                return loop;
            }

            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }

        return null;
    }

    private static bool Assigns(List<IOperation> branch, ISymbol tracker)
    {
        foreach (var statement in branch)
        {
            foreach (var operation in statement.DescendantsAndSelf())
            {
                if (operation is IAssignmentOperation assignment && SymbolEqualityComparer.Default.Equals(Root(assignment.Target), tracker))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The name of what the branch keeps beside the best value: an assignment (or a tuple or object part of one) of
    /// something that is neither the metric nor test data nor a constant, e.g. <c>bestThreshold = t</c>,
    /// <c>bestModel = model</c>, <c>best = (t, f1)</c>.
    /// </summary>
    private string? KeptCandidate(List<IOperation> branch, ISymbol tracker)
    {
        foreach (var statement in branch)
        {
            if (KeptCandidate(statement, tracker) is { } candidate)
            {
                return candidate;
            }
        }

        return null;
    }

    private string? KeptCandidate(IOperation branch, ISymbol tracker)
    {
        foreach (var operation in branch.DescendantsAndSelf())
        {
            if (operation is not ISimpleAssignmentOperation assignment || Root(assignment.Target) is not { } target)
            {
                continue;
            }

            var parts = Unwrap(assignment.Value) switch
            {
                ITupleOperation tuple => tuple.Elements,
                IObjectCreationOperation creation => Parts(creation),
                IAnonymousObjectCreationOperation anonymous => Parts(anonymous.Initializers),
                var single => System.Collections.Immutable.ImmutableArray.Create(single),
            };
            foreach (var part in parts)
            {
                if (IsCandidate(part))
                {
                    return SymbolEqualityComparer.Default.Equals(target, tracker) ? Text(part.Syntax) : target.Name;
                }
            }
        }

        return null;
    }

    private static System.Collections.Immutable.ImmutableArray<IOperation> Parts(IObjectCreationOperation creation)
    {
        var builder = System.Collections.Immutable.ImmutableArray.CreateBuilder<IOperation>();
        foreach (var argument in creation.Arguments)
        {
            builder.Add(argument.Value);
        }

        if (creation.Initializer != null)
        {
            builder.AddRange(Parts(creation.Initializer.Initializers));
        }

        return builder.ToImmutable();
    }

    private static System.Collections.Immutable.ImmutableArray<IOperation> Parts(System.Collections.Immutable.ImmutableArray<IOperation> initializers)
    {
        var builder = System.Collections.Immutable.ImmutableArray.CreateBuilder<IOperation>();
        foreach (var initializer in initializers)
        {
            builder.Add(initializer is ISimpleAssignmentOperation assignment ? assignment.Value : initializer);
        }

        return builder.ToImmutable();
    }

    private bool IsCandidate(IOperation value)
    {
        value = Unwrap(value);
        if (value.ConstantValue.HasValue || value is IDefaultValueOperation)
        {
            return false;
        }

        return TestMetric(value, 0) == null && TestData(value, 0) == null;
    }

    private static bool Mentions(IOperation condition, HashSet<ISymbol> symbols)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (Root(operation) is { } symbol && symbols.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local, parameter, field or property a value is read from or stored in (<c>best</c>, <c>best.F1</c>, <c>this.best</c>).</summary>
    private static ISymbol? Root(IOperation? operation)
    {
        for (var i = 0; operation != null && i < 8; i++)
        {
            operation = Unwrap(operation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IMemberReferenceOperation member when member.Instance is null or IInstanceReferenceOperation:
                    return member.Member is IFieldSymbol or IPropertySymbol ? member.Member : null;
                case IMemberReferenceOperation member:
                    operation = member.Instance;
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    private static ISymbol? AssignedFrom(IOperation value)
    {
        var parent = value.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            ISimpleAssignmentOperation assignment => Root(assignment.Target),
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            _ => null,
        };
    }

    // ---------------------------------------------------------------- helpers

    private static IOperation Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    continue;
                default:
                    return operation!;
            }
        }
    }

    /// <summary>What <c>?.</c> was applied to: <c>report.Confusion</c> in <c>report.Confusion?.FBeta(2)</c>.</summary>
    private static IOperation? ConditionalReceiver(IOperation instance)
    {
        for (var parent = instance.Parent; parent != null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation enclosing)
            {
                return enclosing.Operation;
            }
        }

        return null;
    }

    private static IAnonymousFunctionOperation? LambdaOf(IOperation value)
    {
        value = Unwrap(value);
        return value switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
            IAnonymousFunctionOperation lambda => lambda,
            _ => null,
        };
    }

    private static IEnumerable<IOperation> ReturnedValues(IAnonymousFunctionOperation lambda)
    {
        foreach (var operation in lambda.Body.DescendantsAndSelf())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned } && !InsideNestedFunction(operation, lambda))
            {
                yield return returned;
            }
        }
    }

    private static bool InsideNestedFunction(IOperation operation, IAnonymousFunctionOperation lambda)
    {
        for (var parent = operation.Parent; parent != null && !ReferenceEquals(parent, lambda); parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The worst class or fold is kept to be reported, never chosen: <c>worstRecall</c>, <c>weakestClass</c>.</summary>
    private static bool IsReportName(string name)
    {
        foreach (var word in IdentifierWords.Split(name))
        {
            if (word is "worst" or "weakest")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsZero(IOperation index) => index.ConstantValue is { HasValue: true, Value: 0 };

    private static bool IsLinq(IMethodSymbol method)
        => method.ContainingType?.ToDisplayString() == "System.Linq.Enumerable";

    private static bool IsRelational(BinaryOperatorKind kind)
        => kind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual;

    private static bool StartsWithAny(string name, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void Report(SyntaxNode node, string selection, string test)
    {
        if (_reported.Add(node.Span))
        {
            _findings.Add(new Finding(Rules.TunedOnTestData, node.GetLocation(), selection, test));
        }
    }

    private static string Text(SyntaxNode node)
    {
        var text = string.Join(" ", node.ToString().Split(['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }
}
