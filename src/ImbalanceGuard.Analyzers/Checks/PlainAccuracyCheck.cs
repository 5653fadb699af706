using System;
using System.Collections.Generic;
using System.Threading;
using ImbalanceGuard.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Checks;

/// <summary>
/// IG0004: an accuracy value printed or logged, returned as a method's score, or compared or ranked to pick a model.
/// Accuracy values are ML.NET's and ImbalanceGuard's accuracy metrics and values named accuracy where the code
/// evaluates a classifier, followed through locals, rounding and averages.
/// </summary>
internal sealed class PlainAccuracyCheck
{
    // "macro": ML.NET's MacroAccuracy is the mean of per-class recalls, i.e. balanced accuracy, what IG0004 recommends.
    private static readonly HashSet<string> AccuracyExclusions =
        ["balanced", "macro", "baseline", "majority", "top", "topk", "k", "chance", "random", "null", "dummy", "min", "minimum", "target", "required", "expected", "max", "maximum"];

    private static readonly HashSet<string> PreservingMath = ["Round", "Floor", "Ceiling", "Truncate", "Abs"];
    private static readonly HashSet<string> PreservingLinq =
        ["Average", "Max", "Min", "Sum", "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "ElementAt", "ElementAtOrDefault", "Select", "ToList", "ToArray", "AsEnumerable", "OrderBy", "OrderByDescending", "Where", "Skip", "Take", "Distinct", "Reverse"];

    private static readonly HashSet<string> RankingMethods =
        ["OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "MaxBy", "MinBy", "Max", "Min", "Sort", "GroupBy"];

    private static readonly string[] OutputPrefixes =
        ["Write", "Print", "Log", "Report", "Display", "Show", "Output", "Trace", "Publish", "Track", "Record", "Emit", "Append", "Format", "Info", "Warn", "Debug", "Error", "Console"];

    // A value only named accuracy is a classifier's accuracy where its code evaluates a classifier: one of these
    // words in the code block, its member's signature or its type's name. Elsewhere it is a root finder's
    // tolerance (`if (Math.Abs(step) < accuracy)`), a GPS fix's accuracy in metres or a float format's digits.
    // Not "model" (view models) nor "test" (the tests of a numerical library).
    private static readonly HashSet<string> EvaluationWords =
        ["predict", "predicts", "predicted", "prediction", "predictions", "predictor", "label", "labels", "labeled", "labelled",
         "classifier", "classifiers", "classification", "classify", "classified", "metric", "metrics", "evaluate",
         "evaluated", "evaluation", "evaluator", "confusion", "train", "trained", "training", "trainer", "holdout",
         "fold", "folds", "epoch", "epochs"];

    private const string AutoMLNamespace = "Microsoft.ML.AutoML";

    private readonly ValueAnalysis _engine;
    private readonly HashSet<ISymbol> _accuracyLocals = new(SymbolEqualityComparer.Default);
    private bool? _evaluationContext;

    /// <summary>Prepares the check for one code block: the locals that hold an accuracy.</summary>
    public PlainAccuracyCheck(ValueAnalysis engine, CancellationToken cancellationToken)
    {
        _engine = engine;

        // A foreach variable is an element of its collection: an accuracy among accuracies.
        engine.ResolveLocals(_accuracyLocals, (symbol, value, forEach) => IsAccuracy(value) || (!forEach && IsComputedShortAccuracy(symbol, value)), cancellationToken);
    }

    private KnownSymbols Known => _engine.Known;

    private bool IsAccuracyName(ISymbol symbol, ITypeSymbol? type)
    {
        if (Known.IsLibrarySymbol(symbol) || symbol is IFieldSymbol { IsConst: true } || symbol is ILocalSymbol { IsConst: true })
        {
            return false;
        }

        var words = IdentifierWords.Split(symbol.Name);
        if (words.Count == 0)
        {
            return false;
        }

        var last = words[words.Count - 1];
        bool scalar = last == "accuracy" && CompilationState.IsFloatingPoint(type);
        bool sequence = (last == "accuracies" || last == "accuracy") && ValueAnalysis.ElementIsFloating(type);
        if (!scalar && !sequence)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (AccuracyExclusions.Contains(word))
            {
                return false;
            }
        }

        return InEvaluationContext() || (symbol is IMethodSymbol method && ComputesCorrectOverTotal(method));
    }

    /// <summary>Whether <paramref name="method"/>'s own code divides a count of matches by a total (correct / total).</summary>
    private static bool ComputesCorrectOverTotal(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (ComputesCorrectOverTotal(reference.GetSyntax()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="node"/> divides a count of matches by a total, the way an accuracy is computed by
    /// hand: the dividend compares values (<c>y.Where((v, i) => v == p[i]).Count() / (double)y.Length</c>) or
    /// is a count named for matches (<c>correct / (double)total</c>).
    /// </summary>
    private static bool ComputesCorrectOverTotal(SyntaxNode node)
    {
        foreach (var division in node.DescendantNodesAndSelf())
        {
            if (division is not BinaryExpressionSyntax binary || !binary.IsKind(SyntaxKind.DivideExpression))
            {
                continue;
            }

            foreach (var part in binary.Left.DescendantNodesAndSelf())
            {
                if ((part is BinaryExpressionSyntax comparison && comparison.IsKind(SyntaxKind.EqualsExpression))
                    || (part is IdentifierNameSyntax name && IsMatchCountName(name.Identifier.ValueText)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsMatchCountName(string identifier)
    {
        foreach (var word in IdentifierWords.Split(identifier))
        {
            if (word is "correct" or "hits" or "matches" or "matched" or "right")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the code block evaluates a classifier: it has one of <see cref="EvaluationWords"/> or computes a
    /// correct / total ratio. Decided once per block.
    /// </summary>
    private bool InEvaluationContext()
    {
        if (_evaluationContext is { } known)
        {
            return known;
        }

        var block = _engine.Root.Syntax;
        var member = block.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        var found = HasEvaluationWord(member ?? block) || ComputesCorrectOverTotal(member ?? block);
        for (var type = member?.Parent as BaseTypeDeclarationSyntax; !found && type != null; type = type.Parent as BaseTypeDeclarationSyntax)
        {
            found = HasEvaluationWord(type.Identifier.ValueText);
        }

        _evaluationContext = found;
        return found;
    }

    private static bool HasEvaluationWord(SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && HasEvaluationWord(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasEvaluationWord(string identifier)
    {
        foreach (var word in IdentifierWords.Split(identifier))
        {
            if (EvaluationWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsKnownAccuracy(IPropertySymbol property)
    {
        for (var p = property; p != null; p = p.OverriddenProperty)
        {
            var definition = p.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, Known.MLAccuracy)
                || SymbolEqualityComparer.Default.Equals(definition, Known.MLMicroAccuracy)
                || SymbolEqualityComparer.Default.Equals(definition, Known.IGAccuracy))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsAccuracy(IOperation? operation, int depth = 0)
    {
        if (operation == null || depth > 12)
        {
            return false;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return IsAccuracy(conversion.Operand, depth + 1);
            case IParenthesizedOperation parenthesized:
                return IsAccuracy(parenthesized.Operand, depth + 1);
            case IPropertyReferenceOperation property:
                return IsKnownAccuracy(property.Property) || IsAccuracyName(property.Property, property.Type)
                    || (property.Property.IsIndexer && property.Instance != null && IsAccuracy(property.Instance, depth + 1));
            case IFieldReferenceOperation field:
                return IsAccuracyName(field.Field, field.Type);
            case ILocalReferenceOperation local:
                return _accuracyLocals.Contains(local.Local) || IsAccuracyName(local.Local, local.Type);
            case IParameterReferenceOperation parameter:
                return _accuracyLocals.Contains(parameter.Parameter) || IsAccuracyName(parameter.Parameter, parameter.Type);
            case IArrayElementReferenceOperation element:
                return IsAccuracy(element.ArrayReference, depth + 1);
            case IConditionalOperation conditional:
                return IsAccuracy(conditional.WhenTrue, depth + 1) || IsAccuracy(conditional.WhenFalse, depth + 1);
            case ICoalesceOperation coalesce:
                return IsAccuracy(coalesce.Value, depth + 1);
            case IConditionalAccessOperation access:
                return IsAccuracy(access.WhenNotNull, depth + 1);
            case IConditionalAccessInstanceOperation instance:
                return false;
            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide:
                return (IsAccuracy(binary.LeftOperand, depth + 1) && binary.RightOperand.ConstantValue.HasValue)
                    || (IsAccuracy(binary.RightOperand, depth + 1) && binary.LeftOperand.ConstantValue.HasValue);
            case IArrayCreationOperation creation when creation.Initializer != null:
                foreach (var value in creation.Initializer.ElementValues)
                {
                    if (IsAccuracy(value, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    if (IsAccuracy(arm.Value, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case IInvocationOperation invocation:
                return IsAccuracyInvocation(invocation, depth);
            default:
                return false;
        }
    }

    private bool IsAccuracyInvocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (IsAccuracyName(method, method.ReturnType))
        {
            return true;
        }

        var containing = method.ContainingType?.ToDisplayString();
        if (containing == "System.Math" && PreservingMath.Contains(method.Name) && invocation.Arguments.Length > 0)
        {
            return IsAccuracy(invocation.Arguments[0].Value, depth + 1);
        }

        if (containing == "System.Linq.Enumerable" && PreservingLinq.Contains(method.Name) && invocation.Arguments.Length > 0)
        {
            if (IsAccuracy(invocation.Arguments[0].Value, depth + 1) && method.Name != "Select")
            {
                return true;
            }

            // accuracies.Average(), results.Select(r => r.Metrics.Accuracy), results.Average(r => r.Metrics.Accuracy)
            if (method.Name is "Select" or "Average" or "Max" or "Min" or "Sum" && invocation.Arguments.Length > 1
                && ValueAnalysis.LambdaOf(invocation.Arguments[1].Value) is { } selector && LambdaReturnsAccuracy(selector, depth))
            {
                return true;
            }
        }

        return false;
    }

    private bool LambdaReturnsAccuracy(IAnonymousFunctionOperation lambda, int depth)
    {
        foreach (var operation in lambda.Body.DescendantsAndSelf())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value } && ValueAnalysis.EnclosingFunction(operation) == lambda && IsAccuracy(value, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports IG0004 when <paramref name="operation"/> is the largest accuracy expression of a use that reports or selects by it.</summary>
    public void Check(IOperation operation)
    {
        if (operation is IFieldReferenceOperation field && IsAutoMLAccuracyMetric(field.Field))
        {
            CheckAutoMLMetric(field);
            return;
        }

        // A switch expression is judged through its arms: the diagnostic sits on the arm that yields accuracy.
        if (operation is ISwitchExpressionOperation)
        {
            return;
        }

        if (operation.IsImplicit || operation is IArgumentOperation or IConversionOperation or IParenthesizedOperation || operation.Type == null || !IsAccuracy(operation))
        {
            return;
        }

        // Only the largest accuracy expression is judged: in Math.Round(metrics.Accuracy, 2) that is the call.
        var parent = ValueParent(operation, out var through);
        if (parent != null && parent is not IInterpolationOperation && IsAccuracy(parent))
        {
            return;
        }

        var use = Use(operation, parent, through);
        if (use != null && !ShownBesideBaseline(operation) && !IsAsserted(operation))
        {
            _engine.Report(Rules.PlainAccuracy, operation.Syntax, ValueAnalysis.Text(operation.Syntax), use);
        }
    }

    /// <summary>
    /// AutoML asked to optimise accuracy: ML.NET AutoML's <c>BinaryClassificationMetric.Accuracy</c> or
    /// <c>MulticlassClassificationMetric.MicroAccuracy</c>. Known by namespace and name, as the AutoML package is
    /// optional and may not be referenced when the rest of ML.NET is.
    /// </summary>
    private static bool IsAutoMLAccuracyMetric(IFieldSymbol field)
    {
        var type = field.ContainingType;
        return IsAutoMLMetricEnum(type)
            && ((type.Name == "BinaryClassificationMetric" && field.Name == "Accuracy")
                || (type.Name == "MulticlassClassificationMetric" && field.Name == "MicroAccuracy"));
    }

    /// <summary>An AutoML metric enum: <c>BinaryClassificationMetric</c>, <c>MulticlassClassificationMetric</c>, ... of <c>Microsoft.ML.AutoML</c>.</summary>
    private static bool IsAutoMLMetricEnum(INamedTypeSymbol? type)
        => type?.TypeKind == TypeKind.Enum && type.Name.EndsWith("Metric", StringComparison.Ordinal)
            && type.ContainingNamespace?.ToDisplayString() == AutoMLNamespace;

    /// <summary>
    /// A metric dispatcher's arm: <c>_metric switch { MulticlassClassificationMetric.MicroAccuracy => m.MicroAccuracy, ... }</c>
    /// maps the AutoML metric the caller chose to its value. The choice of accuracy is where that metric is set
    /// (reported there, see <see cref="CheckAutoMLMetric"/>); the mapping chooses nothing.
    /// </summary>
    private static bool IsAutoMLMetricDispatch(ISwitchExpressionArmOperation arm)
    {
        var pattern = arm.Pattern is IConstantPatternOperation constant ? constant.Value : null;
        while (pattern is IConversionOperation conversion)
        {
            pattern = conversion.Operand;
        }

        if (pattern is IFieldReferenceOperation { Field.ContainingType: var type } && IsAutoMLMetricEnum(type))
        {
            return true;
        }

        // Where the AutoML package does not bind (a project whose packages are missing), the arm still reads as a
        // dispatch: its pattern is a member named like the metric property it yields (X.MicroAccuracy => m.MicroAccuracy).
        return arm.Pattern.Syntax is ConstantPatternSyntax { Expression: MemberAccessExpressionSyntax key }
            && arm.Value.Syntax is MemberAccessExpressionSyntax yielded
            && key.Name.Identifier.ValueText == yielded.Name.Identifier.ValueText
            && arm.Pattern is IConstantPatternOperation { Value: var keyValue } && Conversions.Strip(keyValue) is IInvalidOperation;
    }

    /// <summary>
    /// Reports an AutoML accuracy metric passed as an argument (<c>SetBinaryClassificationMetric(BinaryClassificationMetric.Accuracy, ...)</c>)
    /// or assigned (<c>OptimizingMetric = MulticlassClassificationMetric.MicroAccuracy</c>): the experiment then picks
    /// the model with the best accuracy. A comparison with the metric (<c>metric == BinaryClassificationMetric.Accuracy</c>) is no choice.
    /// </summary>
    private void CheckAutoMLMetric(IFieldReferenceOperation metric)
    {
        var parent = ValueParent(metric, out _);
        var chosen = metric.Parent is IArgumentOperation || (metric.Parent is IConversionOperation { Parent: IArgumentOperation })
            || parent is ISimpleAssignmentOperation or IVariableInitializerOperation;
        if (chosen)
        {
            _engine.Report(Rules.PlainAccuracy, metric.Syntax, ValueAnalysis.Text(metric.Syntax), "the metric AutoML is asked to optimise, so it picks the model that best predicts the majority class");
        }
    }

    /// <summary>
    /// A local with a short accuracy name (<c>acc</c>, <c>oofAcc</c>, <c>valAcc</c>) assigned a correct / total
    /// computation. The name alone proves nothing: <c>acc</c> is also an accumulator.
    /// </summary>
    private static bool IsComputedShortAccuracy(ISymbol symbol, IOperation value)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        if (!CompilationState.IsFloatingPoint(type))
        {
            return false;
        }

        var words = IdentifierWords.Split(symbol.Name);
        if (words.Count == 0 || words[words.Count - 1] != "acc")
        {
            return false;
        }

        foreach (var word in words)
        {
            if (AccuracyExclusions.Contains(word))
            {
                return false;
            }
        }

        return ComputesMatchRate(value.Syntax);
    }

    /// <summary>
    /// Whether the expression computes a rate of matches: a count of matches divided by a total
    /// (see <see cref="ComputesCorrectOverTotal(SyntaxNode)"/>), or the average of a comparison
    /// (<c>predictions.Zip(labels, (p, y) => p == y ? 1.0 : 0.0).Average()</c>).
    /// </summary>
    private static bool ComputesMatchRate(SyntaxNode expression)
    {
        if (ComputesCorrectOverTotal(expression))
        {
            return true;
        }

        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Average" } } average)
            {
                foreach (var part in average.DescendantNodes())
                {
                    if (part is BinaryExpressionSyntax comparison && comparison.IsKind(SyntaxKind.EqualsExpression))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The parent that uses the value, past conversions, parentheses and argument wrappers.</summary>
    private static IOperation? ValueParent(IOperation operation, out IOperation child)
    {
        child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IArgumentOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent;
    }

    private string? Use(IOperation value, IOperation? parent, IOperation through)
    {
        switch (parent)
        {
            case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } arm when ReferenceEquals(arm.Value, through):
                // metric switch { "accuracy" => m.Accuracy, ... }: the arm's accuracy is used as the switch's value is.
                if (IsAutoMLMetricDispatch(arm))
                {
                    return null;
                }

                var outer = ValueParent(switchExpression, out var outerThrough);
                return outer != null && !IsAccuracy(outer) ? Use(switchExpression, outer, outerThrough) : null;
            case IInterpolationOperation:
                return "interpolated into output text";
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                return "concatenated into output text";
            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual:
                // accuracy > bestAccuracy: one diagnostic, on the left.
                return ReferenceEquals(through, binary.RightOperand) && IsAccuracy(binary.LeftOperand) ? null : "compared to pick or accept a model";
            case IInvocationOperation invocation:
                return InvocationUse(invocation, through);
            case IReturnOperation returned:
                return CompilationState.IsFloatingPoint(value.Type) ? ReturnUse(returned) : null;
            case IArrayInitializerOperation initializer when initializer.Parent?.Parent is IArgumentOperation { Parent: IInvocationOperation formatted }
                && IsOutputMethod(formatted.TargetMethod):
                return "printed or logged";
            default:
                return null;
        }
    }

    private string? InvocationUse(IInvocationOperation invocation, IOperation through)
    {
        var method = invocation.TargetMethod;
        var isInstance = ReferenceEquals(invocation.Instance, through)
            || (method.IsExtensionMethod && invocation.Arguments.Length > 0 && ReferenceEquals(invocation.Arguments[0], through));
        if (method.Name == "CompareTo")
        {
            return "compared to rank models";
        }

        if (isInstance && method.Name == "ToString" && invocation.Instance != null)
        {
            return "formatted as text for output";
        }

        var containing = method.ContainingType?.ToDisplayString();
        if (containing == "System.Math" && method.Name is "Max" or "Min")
        {
            return "used to pick the best model";
        }

        if (IsOutputMethod(method))
        {
            return "printed or logged";
        }

        return null;
    }

    private static bool IsOutputMethod(IMethodSymbol method)
    {
        var containing = method.ContainingType?.ToDisplayString() ?? string.Empty;
        if (containing is "System.Console" or "System.Diagnostics.Debug" or "System.Diagnostics.Trace" or "System.Text.StringBuilder"
            || containing.StartsWith("System.IO.", StringComparison.Ordinal) && method.Name.StartsWith("Write", StringComparison.Ordinal)
            || containing.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal))
        {
            return true;
        }

        if (containing == "string" && method.Name is "Format" or "Concat" or "Join")
        {
            return true;
        }

        foreach (var prefix in OutputPrefixes)
        {
            if (method.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private string? ReturnUse(IReturnOperation returned)
    {
        var function = ValueAnalysis.EnclosingFunction(returned);
        if (function is IAnonymousFunctionOperation lambda)
        {
            var parent = lambda.Parent;
            while (parent is IConversionOperation or IDelegateCreationOperation or IArgumentOperation)
            {
                parent = parent.Parent;
            }

            return parent is IInvocationOperation invocation && RankingMethods.Contains(invocation.TargetMethod.Name)
                ? "used to rank or select models"
                : null;
        }

        ISymbol? member = function is ILocalFunctionOperation local ? local.Symbol : returned.SemanticModel?.GetEnclosingSymbol(returned.Syntax.SpanStart);
        if (member is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            member = associated;
        }

        if (member == null)
        {
            return null;
        }

        var last = IdentifierWords.Last(member.Name);
        return last is "accuracy" or "accuracies" ? null : "returned as the score";
    }

    /// <summary>
    /// Whether the value is inside an argument of a test assertion (<c>Assert.IsTrue(acc &gt; 0.7)</c>,
    /// <c>Assert.True(metrics.Accuracy &gt; 0.9)</c>, <c>Assert.That(acc, Is.GreaterThan(0.7))</c>,
    /// <c>acc.Should().BeGreaterThan(0.7)</c>, <c>Debug.Assert(...)</c>), its failure message included: a test that
    /// the learner still learns, neither a report nor a model choice. The search stops at the enclosing statement.
    /// </summary>
    private static bool IsAsserted(IOperation operation)
    {
        for (var current = operation; current.Parent != null; current = current.Parent)
        {
            var parent = current.Parent;
            if (parent is IBlockOperation { IsImplicit: false })
            {
                return false;
            }

            if (parent is IInvocationOperation invocation && IsAssertion(invocation.TargetMethod))
            {
                return true;
            }

            // A test framework that does not bind (its package missing): Assert.IsTrue(acc > 0.7) read by its syntax.
            if (parent is IInvalidOperation { Syntax: InvocationExpressionSyntax call } && IsAssertionCall(call))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An assertion of a test framework or of the runtime: a method of a type named <c>Assert</c>, <c>ClassicAssert</c>,
    /// <c>CollectionAssert</c>, <c>StringAssert</c> or <c>Assume</c> (MSTest, NUnit, xunit), a method named
    /// <c>Assert</c> or <c>Assume</c> (<c>Debug.Assert</c>, <c>Trace.Assert</c>, <c>Contract.Assert</c>), or one whose
    /// first word is <c>should</c> (FluentAssertions' <c>Should()</c>, Shouldly's <c>ShouldBeGreaterThan</c>).
    /// </summary>
    private static bool IsAssertion(IMethodSymbol method) => IsAssertion(method.Name, method.ContainingType?.Name);

    private static bool IsAssertion(string method, string? type)
    {
        if (method is "Assert" or "Assume" || type is "Assert" or "ClassicAssert" or "CollectionAssert" or "StringAssert" or "Assume")
        {
            return true;
        }

        var words = IdentifierWords.Split(method);
        return words.Count > 0 && words[0] == "should";
    }

    /// <summary>The names of <see cref="IsAssertion(string, string?)"/> read from a call's syntax, for a call that does not bind.</summary>
    private static bool IsAssertionCall(InvocationExpressionSyntax call)
    {
        if (call.Expression is not MemberAccessExpressionSyntax member)
        {
            return false;
        }

        var receiver = member.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText,
            _ => null,
        };
        return IsAssertion(member.Name.Identifier.ValueText, receiver);
    }

    /// <summary>Accuracy shown beside the majority-class baseline (in the same statement) is honest.</summary>
    private bool ShownBesideBaseline(IOperation operation)
    {
        var statement = operation;
        while (statement.Parent != null && statement.Parent is not (IBlockOperation or ISwitchCaseOperation) && statement is not IExpressionStatementOperation)
        {
            statement = statement.Parent;
        }

        foreach (var descendant in statement.DescendantsAndSelf())
        {
            ISymbol? symbol = descendant switch
            {
                IPropertyReferenceOperation p => p.Property,
                IFieldReferenceOperation f => f.Field,
                ILocalReferenceOperation l => l.Local,
                IParameterReferenceOperation p => p.Parameter,
                IInvocationOperation i => i.TargetMethod,
                _ => null,
            };
            if (symbol == null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, Known.IGBaselineAccuracy))
            {
                return true;
            }

            var words = IdentifierWords.Split(symbol.Name);
            if (words.Contains("baseline") || words.Contains("majority"))
            {
                return true;
            }
        }

        return false;
    }
}
