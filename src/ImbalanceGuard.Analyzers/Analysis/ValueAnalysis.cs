using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// The value rules on a code block's operation tree: IG0004 (an accuracy value reaching output, a return, or
/// a comparison that picks a model) and IG0005 (a probability or score compared with a hard-coded 0.5, or a
/// threshold argument of 0.5). Accuracy and score values follow locals flow-insensitively: a local is an
/// accuracy if any value assigned to it is one.
/// </summary>
internal sealed class ValueAnalysis
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

    private static readonly HashSet<string> ThresholdQualifiers =
        ["decision", "probability", "prob", "classification", "classifier", "score", "positive", "prediction", "predicted", "class", "label", "fraud", "alert"];

    // A value only named accuracy is a classifier's accuracy where its code evaluates a classifier: one of these
    // words in the code block, its member's signature or its type's name. Elsewhere it is a root finder's
    // tolerance (`if (Math.Abs(step) < accuracy)`), a GPS fix's accuracy in metres or a float format's digits.
    // Not "model" (view models) nor "test" (the tests of a numerical library).
    private static readonly HashSet<string> EvaluationWords =
        ["predict", "predicts", "predicted", "prediction", "predictions", "predictor", "label", "labels", "labeled", "labelled",
         "classifier", "classifiers", "classification", "classify", "classified", "metric", "metrics", "evaluate",
         "evaluated", "evaluation", "evaluator", "confusion", "train", "trained", "training", "trainer", "holdout",
         "fold", "folds", "epoch", "epochs"];

    private readonly IOperation _root;
    private readonly SettingsContext _context;
    private readonly PrePass _pre;
    private readonly List<Finding> _findings;
    private readonly HashSet<(string Id, TextSpan Span)> _reported = [];
    private readonly HashSet<ISymbol> _accuracyLocals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _scoreLocals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _halfLocals = new(SymbolEqualityComparer.Default);

    private bool? _evaluationContext;

    private ValueAnalysis(IOperation root, SettingsContext context, PrePass pre, List<Finding> findings)
    {
        _root = root;
        _context = context;
        _pre = pre;
        _findings = findings;
    }

    private KnownSymbols Known => _context.Known;

    public static void Analyze(IOperation root, SettingsContext context, PrePass pre, List<Finding> findings, bool accuracy, bool thresholds, CancellationToken cancellationToken)
    {
        var analysis = new ValueAnalysis(root, context, pre, findings);
        analysis.ResolveLocals(cancellationToken);
        foreach (var operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (accuracy)
            {
                analysis.CheckAccuracy(operation);
            }

            if (thresholds)
            {
                analysis.CheckThreshold(operation);
            }
        }
    }

    private void Report(DiagnosticDescriptor rule, SyntaxNode node, params string[] arguments)
    {
        if (_reported.Add((rule.Id, node.Span)))
        {
            _findings.Add(new Finding(rule, node.GetLocation(), arguments));
        }
    }

    private static string Text(SyntaxNode node)
    {
        var text = string.Join(" ", node.ToString().Split(['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    // ---------------------------------------------------------------- locals

    private void ResolveLocals(CancellationToken cancellationToken)
    {
        foreach (var pair in _pre.Assignments)
        {
            if (pair.Key is ILocalSymbol { IsConst: false } local && !_pre.ForEachVariables.Contains(local))
            {
                var allHalf = pair.Value.Count > 0;
                foreach (var value in pair.Value)
                {
                    allHalf &= IsHalfConstant(value);
                }

                if (allHalf)
                {
                    _halfLocals.Add(local);
                }
            }
        }

        for (var round = 0; round < 6; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = false;
            foreach (var pair in _pre.Assignments)
            {
                if (pair.Key is not (ILocalSymbol or IParameterSymbol))
                {
                    continue;
                }

                var forEach = _pre.ForEachVariables.Contains(pair.Key);
                foreach (var value in pair.Value)
                {
                    // A foreach variable is an element of its collection: an accuracy among accuracies.
                    if (!_accuracyLocals.Contains(pair.Key) && IsAccuracy(value))
                    {
                        changed |= _accuracyLocals.Add(pair.Key);
                    }

                    if (!_scoreLocals.Contains(pair.Key) && (forEach ? IsScoreCollection(value) : IsScore(value)))
                    {
                        changed |= _scoreLocals.Add(pair.Key);
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }
    }

    // ---------------------------------------------------------------- IG0004

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
        bool sequence = (last == "accuracies" || last == "accuracy") && ElementIsFloating(type);
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
        foreach (var division in node.DescendantNodes())
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

        var block = _root.Syntax;
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

    private static bool ElementIsFloating(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return CompilationState.IsFloatingPoint(array.ElementType);
        }

        if (type is INamedTypeSymbol named)
        {
            foreach (var iface in named.AllInterfaces)
            {
                if (iface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                {
                    return CompilationState.IsFloatingPoint(iface.TypeArguments[0]);
                }
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
                && LambdaOf(invocation.Arguments[1].Value) is { } selector && LambdaReturnsAccuracy(selector, depth))
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
            if (operation is IReturnOperation { ReturnedValue: { } value } && EnclosingFunction(operation) == lambda && IsAccuracy(value, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static IAnonymousFunctionOperation? LambdaOf(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IDelegateCreationOperation creation:
                    value = creation.Target;
                    continue;
                case IAnonymousFunctionOperation lambda:
                    return lambda;
                default:
                    return null;
            }
        }
    }

    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current != null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    private void CheckAccuracy(IOperation operation)
    {
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
        if (use != null && !ShownBesideBaseline(operation))
        {
            Report(Rules.PlainAccuracy, operation.Syntax, Text(operation.Syntax), use);
        }
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
        var function = EnclosingFunction(returned);
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

    // ---------------------------------------------------------------- IG0005

    private void CheckThreshold(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual:
                if (IsHalf(binary.RightOperand) && IsScore(binary.LeftOperand))
                {
                    Report(Rules.DefaultThreshold, binary.RightOperand.Syntax, $"'{Text(binary.LeftOperand.Syntax)}' is compared with a hard-coded 0.5");
                }
                else if (IsHalf(binary.LeftOperand) && IsScore(binary.RightOperand))
                {
                    Report(Rules.DefaultThreshold, binary.LeftOperand.Syntax, $"'{Text(binary.RightOperand.Syntax)}' is compared with a hard-coded 0.5");
                }

                break;
            case IRelationalPatternOperation pattern when IsHalf(pattern.Value):
                if (PatternInput(pattern) is { } input && IsScore(input))
                {
                    Report(Rules.DefaultThreshold, pattern.Value.Syntax, $"'{Text(input.Syntax)}' is matched against a hard-coded 0.5");
                }

                break;
            case IInvocationOperation invocation:
                CheckThresholdArguments(invocation);
                break;
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    CheckThresholdArgument(argument, creation.Arguments, creation.Constructor);
                }

                break;
            case ISimpleAssignmentOperation assignment when assignment.Parent is IObjectOrCollectionInitializerOperation && IsHalf(assignment.Value):
                var member = assignment.Target switch
                {
                    IPropertyReferenceOperation p => (ISymbol)p.Property,
                    IFieldReferenceOperation f => f.Field,
                    _ => null,
                };
                if (member != null && IsThresholdName(member.Name))
                {
                    Report(Rules.DefaultThreshold, assignment.Value.Syntax, $"the decision threshold '{member.Name}' is set to a hard-coded 0.5");
                }

                break;
        }
    }

    private void CheckThresholdArguments(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "ChangeModelThreshold" && Known.IsMLNetSymbol(method))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "threshold" && IsHalf(argument.Value))
                {
                    Report(Rules.DefaultThreshold, invocation.Syntax, "'ChangeModelThreshold' moves the decision threshold to 0.5 on the model's raw score, which is not a probability");
                }
            }

            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            CheckThresholdArgument(argument, invocation.Arguments, method);
        }
    }

    private void CheckThresholdArgument(IArgumentOperation argument, IEnumerable<IArgumentOperation>? siblings = null, IMethodSymbol? method = null)
    {
        if (argument.Parameter is not { } parameter || argument.IsImplicit || !IsHalf(argument.Value))
        {
            return;
        }

        var kind = ThresholdNameKind(parameter.Name);
        if (kind == ThresholdName.Decision
            || (kind == ThresholdName.Bare && IsDecisionContext(siblings, method ?? parameter.ContainingSymbol as IMethodSymbol, argument)))
        {
            Report(Rules.DefaultThreshold, argument.Value.Syntax, $"the threshold argument '{parameter.Name}' is a hard-coded 0.5");
        }
    }

    /// <summary>
    /// A bare <c>threshold</c> is a decision threshold only in a decision context: a method of ImbalanceGuard or
    /// ML.NET, a method named for classifying or predicting, or a call that also passes scores or probabilities.
    /// An intersection-over-union threshold in non-maximum suppression is not one.
    /// </summary>
    private bool IsDecisionContext(IEnumerable<IArgumentOperation>? siblings, IMethodSymbol? method, IArgumentOperation threshold)
    {
        if (method != null)
        {
            if (Known.IsLibrarySymbol(method))
            {
                return true;
            }

            var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
            foreach (var word in IdentifierWords.Split(name))
            {
                if (DecisionMethodWords.Contains(word))
                {
                    return true;
                }
            }
        }

        if (siblings != null)
        {
            foreach (var sibling in siblings)
            {
                if (!ReferenceEquals(sibling, threshold) && (IsScore(sibling.Value) || IsScoreCollection(sibling.Value)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private enum ThresholdName
    {
        None,
        Bare,
        Decision,
    }

    private static readonly HashSet<string> DecisionMethodWords =
        ["classify", "classification", "predict", "prediction", "predictions", "decide", "decision", "label", "labels", "flag", "alert", "alerts", "fraud", "positive", "positives"];

    private static ThresholdName ThresholdNameKind(string name)
    {
        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return ThresholdName.None;
        }

        var last = words[words.Count - 1];
        if (last is not ("threshold" or "cutoff"))
        {
            return ThresholdName.None;
        }

        if (words.Count == 1)
        {
            return ThresholdName.Bare;
        }

        for (var i = 0; i < words.Count - 1; i++)
        {
            if (!ThresholdQualifiers.Contains(words[i]))
            {
                return ThresholdName.None;
            }
        }

        return ThresholdName.Decision;
    }

    private static bool IsThresholdName(string name) => ThresholdNameKind(name) == ThresholdName.Decision;

    private static IOperation? PatternInput(IPatternOperation pattern)
    {
        IOperation current = pattern;
        while (current.Parent is IBinaryPatternOperation or INegatedPatternOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IIsPatternOperation isPattern => isPattern.Value,
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
            IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } } => switchStatement.Value,
            _ => null,
        };
    }

    private static bool IsHalfConstant(IOperation operation)
    {
        var value = operation.ConstantValue;
        if (!value.HasValue)
        {
            return false;
        }

        return value.Value switch
        {
            double d => d == 0.5,
            float f => f == 0.5f,
            decimal m => m == 0.5m,
            _ => false,
        };
    }

    private bool IsHalf(IOperation operation)
    {
        if (IsHalfConstant(operation))
        {
            return true;
        }

        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation switch
        {
            ILocalReferenceOperation local => _halfLocals.Contains(local.Local),
            IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } => IsReadOnlyHalf(field),
            _ => false,
        };
    }

    private static bool IsReadOnlyHalf(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value })
            {
                while (value is CastExpressionSyntax cast)
                {
                    value = cast.Expression;
                }

                if (value is LiteralExpressionSyntax literal)
                {
                    return literal.Token.Value switch
                    {
                        double d => d == 0.5,
                        float f => f == 0.5f,
                        decimal m => m == 0.5m,
                        _ => false,
                    };
                }
            }
        }

        return false;
    }

    private bool HasScoreAttribute(ISymbol symbol)
    {
        var attributes = symbol is IMethodSymbol method ? method.GetReturnTypeAttributes().AddRange(method.GetAttributes()) : symbol.GetAttributes();
        foreach (var attribute in attributes)
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass == null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(attributeClass, Known.ClassifierScoreAttribute))
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(attributeClass, Known.ColumnNameAttribute)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is "Probability" or "Score")
            {
                return true;
            }
        }

        return false;
    }

    private bool IsScoreSymbol(ISymbol symbol, ITypeSymbol? type, bool collection)
    {
        if (symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true })
        {
            return false;
        }

        var floating = collection ? ElementIsFloating(type) || type is IArrayTypeSymbol { ElementType: var e } && CompilationState.IsFloatingPoint(e)
            : CompilationState.IsFloatingPoint(type);
        if (!floating)
        {
            return false;
        }

        if (HasScoreAttribute(symbol))
        {
            return true;
        }

        var name = symbol.Name;
        var words = IdentifierWords.Split(name);
        var settings = _context.Settings;
        return collection
            ? settings.ScoreCollectionNames.MatchesLastWord(name, words) || settings.ScoreNames.MatchesLastWord(name, words)
            : settings.ScoreNames.MatchesLastWord(name, words);
    }

    private bool IsScore(IOperation? operation, int depth = 0)
    {
        if (operation == null || depth > 10)
        {
            return false;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return IsScore(conversion.Operand, depth + 1);
            case IParenthesizedOperation parenthesized:
                return IsScore(parenthesized.Operand, depth + 1);
            case IPropertyReferenceOperation property:
                if (property.Property.IsIndexer)
                {
                    return property.Instance != null && IsScoreCollection(property.Instance, depth + 1);
                }

                return IsScoreSymbol(property.Property, property.Type, collection: false);
            case IFieldReferenceOperation field:
                return IsScoreSymbol(field.Field, field.Type, collection: false);
            case ILocalReferenceOperation local:
                return (_scoreLocals.Contains(local.Local) && CompilationState.IsFloatingPoint(local.Type)) || IsScoreSymbol(local.Local, local.Type, collection: false);
            case IParameterReferenceOperation parameter:
                return (_scoreLocals.Contains(parameter.Parameter) && CompilationState.IsFloatingPoint(parameter.Type)) || IsScoreSymbol(parameter.Parameter, parameter.Type, collection: false);
            case IArrayElementReferenceOperation element:
                return IsScoreCollection(element.ArrayReference, depth + 1);
            case IConditionalOperation conditional:
                return IsScore(conditional.WhenTrue, depth + 1) || IsScore(conditional.WhenFalse, depth + 1);
            case ICoalesceOperation coalesce:
                return IsScore(coalesce.Value, depth + 1);
            case IConditionalAccessOperation access:
                return IsScore(access.WhenNotNull, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } complement when IsOne(complement.LeftOperand):
                return IsScore(complement.RightOperand, depth + 1);
            case IInvocationOperation invocation:
            {
                var method = invocation.TargetMethod;
                if (!CompilationState.IsFloatingPoint(method.ReturnType))
                {
                    return false;
                }

                if (method.Name == "Calibrate" && method.ContainingType != null
                    && (CompilationState.Implements(method.ContainingType, Known.ProbabilityCalibrator) || CompilationState.Is(method.ContainingType, Known.ProbabilityCalibrator)))
                {
                    return true;
                }

                if (method.ContainingType?.ToDisplayString() == "System.Linq.Enumerable" && invocation.Arguments.Length > 0
                    && method.Name is "ElementAt" or "First" or "Last" or "Single" or "FirstOrDefault" or "LastOrDefault" or "Max" or "Min")
                {
                    return IsScoreCollection(invocation.Arguments[0].Value, depth + 1);
                }

                return !Known.IsLibrarySymbol(method) && IsScoreSymbol(method, method.ReturnType, collection: false);
            }

            default:
                return false;
        }
    }

    private static bool IsOne(IOperation operation)
        => operation.ConstantValue.HasValue && operation.ConstantValue.Value switch
        {
            double d => d == 1,
            float f => f == 1,
            int i => i == 1,
            decimal m => m == 1,
            _ => false,
        };

    private bool IsScoreCollection(IOperation operation, int depth = 0)
    {
        if (depth > 10)
        {
            return false;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return IsScoreCollection(conversion.Operand, depth + 1);
            case IPropertyReferenceOperation property:
                return IsScoreSymbol(property.Property, property.Type, collection: true);
            case IFieldReferenceOperation field:
                return IsScoreSymbol(field.Field, field.Type, collection: true);
            case ILocalReferenceOperation local:
                return (_scoreLocals.Contains(local.Local) && ElementIsFloating(local.Type)) || IsScoreSymbol(local.Local, local.Type, collection: true);
            case IParameterReferenceOperation parameter:
                return IsScoreSymbol(parameter.Parameter, parameter.Type, collection: true);
            case IInvocationOperation invocation when invocation.TargetMethod.Name is "ToArray" or "ToList" or "AsSpan" or "Where" or "OrderBy" or "OrderByDescending"
                && invocation.Arguments.Length > 0 && invocation.TargetMethod.IsExtensionMethod:
                return IsScoreCollection(invocation.Arguments[0].Value, depth + 1);
            case IInvocationOperation invocation when invocation.TargetMethod.Name == "Select" && invocation.Arguments.Length == 2
                && LambdaOf(invocation.Arguments[1].Value) is { } selector:
                foreach (var inner in selector.Body.DescendantsAndSelf())
                {
                    if (inner is IReturnOperation { ReturnedValue: { } returned } && IsScore(returned, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
