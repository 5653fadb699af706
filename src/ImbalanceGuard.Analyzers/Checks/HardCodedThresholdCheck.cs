using System;
using System.Collections.Generic;
using System.Threading;
using ImbalanceGuard.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Checks;

/// <summary>
/// IG0005: a classifier's probability or score compared with a hard-coded 0.5, and a 0.5 passed or assigned as a
/// decision threshold.
/// </summary>
internal sealed class HardCodedThresholdCheck
{
    private static readonly HashSet<string> ThresholdQualifiers =
        ["decision", "probability", "prob", "classification", "classifier", "score", "positive", "prediction", "predicted", "class", "label", "fraud", "alert"];

    private readonly ValueAnalysis _engine;
    private readonly ClassifierOutputs _outputs;
    private readonly HashSet<ISymbol> _halfLocals = new(SymbolEqualityComparer.Default);

    /// <summary>Prepares the check for one code block: the locals that hold 0.5 and the classifier outputs.</summary>
    public HardCodedThresholdCheck(ValueAnalysis engine, CancellationToken cancellationToken)
    {
        _engine = engine;
        ResolveHalfLocals();
        _outputs = new ClassifierOutputs(engine, cancellationToken);
    }

    private KnownSymbols Known => _engine.Known;

    /// <summary>Locals only ever assigned 0.5 are a hard-coded 0.5 under another name.</summary>
    private void ResolveHalfLocals()
    {
        foreach (var pair in _engine.Pre.Assignments)
        {
            if (pair.Key is ILocalSymbol { IsConst: false } local && !_engine.Pre.ForEachVariables.Contains(local))
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
    }

    /// <summary>Reports IG0005 when <paramref name="operation"/> compares a classifier's output with 0.5 or passes 0.5 as a decision threshold.</summary>
    public void Check(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual
                or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual:
                if (IsHalf(binary.RightOperand) && IsDecisionOnScore(binary, binary.LeftOperand))
                {
                    _engine.Report(Rules.DefaultThreshold, binary.RightOperand.Syntax, $"'{ValueAnalysis.Text(binary.LeftOperand.Syntax)}' is compared with a hard-coded 0.5");
                }
                else if (IsHalf(binary.LeftOperand) && IsDecisionOnScore(binary, binary.RightOperand))
                {
                    _engine.Report(Rules.DefaultThreshold, binary.LeftOperand.Syntax, $"'{ValueAnalysis.Text(binary.RightOperand.Syntax)}' is compared with a hard-coded 0.5");
                }

                break;
            case IRelationalPatternOperation pattern when IsHalf(pattern.Value):
                if (PatternInput(pattern) is { } input && IsDecisionOnScore(pattern, input))
                {
                    _engine.Report(Rules.DefaultThreshold, pattern.Value.Syntax, $"'{ValueAnalysis.Text(input.Syntax)}' is matched against a hard-coded 0.5");
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
                    _engine.Report(Rules.DefaultThreshold, assignment.Value.Syntax, $"the decision threshold '{member.Name}' is set to a hard-coded 0.5");
                }

                break;
        }
    }

    /// <summary>
    /// Whether <paramref name="comparison"/> decides on a classifier's output <paramref name="value"/>: the value is
    /// one, and the comparison is neither the classifier's own default prediction nor the generation of a label.
    /// </summary>
    private bool IsDecisionOnScore(IOperation comparison, IOperation value)
        => _outputs.IsScore(value) && !IsOwnDefaultPrediction(comparison, value) && !GeneratesLabel(comparison, value);

    /// <summary>
    /// A classifier type's own default prediction: inside an instance method of type T named for predicting, deciding
    /// or classifying (SharpLearning's <c>BinaryPredict</c>, Accord's <c>Decide</c>), the probability compared is
    /// computed by T itself — a member of T or of its base types, through (implicit) <c>this</c>/<c>base</c> or
    /// statically — directly or through a local only ever assigned such a value. With two classes <c>p &gt;= 0.5</c>
    /// is the argmax, the type's definition of its prediction, and the type gives callers the probability to cut
    /// elsewhere: the user's decision is where the prediction is used. A member of another object
    /// (<c>_engine.Predict(t).Probability</c>, a wrapped booster's output) and a method named for something else
    /// (<c>IsFraud(t) =&gt; Probability(t) &gt; 0.5</c>, a business decision) stay flagged, and so does a static
    /// method: a trained model is an object whose parameters its instance methods read, while a static
    /// <c>Classify(x) =&gt; PredictProbability(x) &gt;= 0.5</c> is a program's helper making the user's cut.
    /// </summary>
    private bool IsOwnDefaultPrediction(IOperation comparison, IOperation value)
    {
        if (EnclosingMethod(comparison) is not { IsStatic: false, ContainingType: { IsStatic: false } type } method || !IsPredictionMethodName(method.Name))
        {
            return false;
        }

        return IsComputedBy(value, type, 0);
    }

    // A method that returns the type's prediction; "predict" covers Predict, BinaryPredict, PredictProbability.
    private static readonly HashSet<string> PredictionMethodWords = ["predict", "prediction", "decide", "decision", "classify", "classification"];

    private static bool IsPredictionMethodName(string name)
    {
        // An explicit interface implementation is named IPredictor<System.Double>.Predict.
        var dot = name.LastIndexOf('.');
        foreach (var word in IdentifierWords.Split(dot >= 0 ? name.Substring(dot + 1) : name))
        {
            if (PredictionMethodWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member (method, accessor, explicit implementation) whose body holds <paramref name="operation"/>, past lambdas and local functions.</summary>
    private static IMethodSymbol? EnclosingMethod(IOperation operation)
    {
        var symbol = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol as IMethodSymbol;
    }

    private bool IsComputedBy(IOperation value, INamedTypeSymbol type, int depth)
    {
        if (depth > 6)
        {
            return false;
        }

        while (value is IConversionOperation or IParenthesizedOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
        }

        switch (value)
        {
            case IInvocationOperation invocation:
                return IsOwnMember(invocation.TargetMethod, invocation.Instance, type);
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                return indexer.Instance != null && IsComputedBy(indexer.Instance, type, depth + 1);
            case IPropertyReferenceOperation property:
                return IsOwnMember(property.Property, property.Instance, type);
            case IFieldReferenceOperation field:
                return IsOwnMember(field.Field, field.Instance, type);
            case IArrayElementReferenceOperation element:
                return IsComputedBy(element.ArrayReference, type, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } complement when complement.LeftOperand.ConstantValue.HasValue:
                return IsComputedBy(complement.RightOperand, type, depth + 1);
            case ILocalReferenceOperation local when !_engine.Pre.ForEachVariables.Contains(local.Local)
                && _engine.Pre.Assignments.TryGetValue(local.Local, out var values) && values.Count > 0:
                foreach (var assigned in values)
                {
                    if (!IsComputedBy(assigned, type, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>A member of <paramref name="type"/> or one of its base types, reached through this/base or statically.</summary>
    private static bool IsOwnMember(ISymbol member, IOperation? instance, INamedTypeSymbol type)
    {
        if (member.IsStatic ? instance != null : instance is not IInstanceReferenceOperation)
        {
            return false;
        }

        var declaring = member.ContainingType?.OriginalDefinition;
        for (var current = type.OriginalDefinition; current != null; current = current.BaseType?.OriginalDefinition)
        {
            if (SymbolEqualityComparer.Default.Equals(current, declaring))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Ground truth generated for synthetic data: <c>data.Label = Sigmoid(value) &gt; 0.5;</c> assigns the
    /// comparison to something named as a label (last word <c>label</c>, not a predicted label) and the probability
    /// is computed in the code (a sigmoid or softmax), not read from a model. A model's output assigned to a label
    /// (<c>row.Label = engine.Predict(x).Probability &gt; 0.5f</c>) is still a decision on it.
    /// </summary>
    private bool GeneratesLabel(IOperation comparison, IOperation value)
    {
        var current = comparison;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        ISymbol? target = current.Parent switch
        {
            ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, current) => assignment.Target switch
            {
                IPropertyReferenceOperation p => p.Property,
                IFieldReferenceOperation f => f.Field,
                ILocalReferenceOperation l => l.Local,
                _ => null,
            },
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            _ => null,
        };
        if (target == null)
        {
            return false;
        }

        var words = IdentifierWords.Split(target.Name);
        return words.Count > 0 && words[words.Count - 1] is "label" && !words.Contains("predicted") && !words.Contains("prediction")
            && _outputs.IsComputedActivation(value);
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
                    _engine.Report(Rules.DefaultThreshold, invocation.Syntax, "'ChangeModelThreshold' moves the decision threshold to 0.5 on the model's raw score, which is not a probability");
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
            _engine.Report(Rules.DefaultThreshold, argument.Value.Syntax, $"the threshold argument '{parameter.Name}' is a hard-coded 0.5");
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
                if (!ReferenceEquals(sibling, threshold) && (_outputs.IsNamedScore(sibling.Value) || _outputs.IsScore(sibling.Value) || _outputs.IsScoreCollection(sibling.Value)))
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
}
