using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// Recognises a classifier's output in a code block: a probability or score, or a collection of them (class
/// probabilities, a softmax vector). A value is one when
/// <list type="bullet">
/// <item>it is marked: <c>[ClassifierScore]</c>, or ML.NET's <c>[ColumnName("Probability")]</c>/<c>[ColumnName("Score")]</c>;</item>
/// <item>it is named as a probability (last word <c>probability</c>, <c>prob</c>, <c>proba</c>, <c>confidence</c>,
/// <c>likelihood</c>, <c>posterior</c>, or a word of <c>imbalance_guard.score_names</c>): the name alone suffices;</item>
/// <item>it is named as a score (last word <c>score</c>) and comes from a model: a member of a prediction class
/// (one with a <c>PredictedLabel</c> column, a <c>Score</c>/<c>Probability</c> column, a name with the word
/// prediction, or the output type of a <c>PredictionEngine</c> or <c>CreateEnumerable</c> in the block), a member
/// read from what a model returned (<c>engine.Predict(x).Score</c>), ImbalanceGuard's <c>BinaryScores.Scores</c>, or
/// a <c>Score*</c> method of a model-like type. A cross-validated <c>BestScore</c>, a row's <c>QualityScore</c> or a
/// <c>similarityScore</c> is none of these;</item>
/// <item>it is computed by a model: a <c>Predict*</c> method, a sigmoid (<c>1 / (1 + Math.Exp(-z))</c>, a method named
/// for a sigmoid, logistic or softmax), a probability calibrator, or <c>1 - p</c> of one; a float array named as a
/// prediction on a prediction class (<c>prediction.Prediction[1]</c>) is a vector of class scores.</item>
/// </list>
/// Locals and parameters are followed flow-insensitively: one is a score if any value assigned to it is one.
/// </summary>
internal sealed class ClassifierOutputs
{
    private static readonly HashSet<string> PredictionWords = ["prediction", "predictions", "predicted"];

    // The words of a type name that make it a model whose Score* methods score rows.
    // Not "network" (a social network's Score) nor "transformer" (data transformers): "neural" covers NeuralNetwork.
    private static readonly HashSet<string> ModelTypeWords =
        ["model", "classifier", "predictor", "regressor", "learner", "neural", "perceptron", "ensemble", "forest", "booster", "svm"];

    // A method named for one of these (its last word) returns a probability by construction; not SigmoidDerivative,
    // LogSoftmax (log-probabilities) or a logit (log-odds).
    private static readonly HashSet<string> ActivationWords = ["sigmoid", "logistic", "softmax", "expit"];

    private static readonly HashSet<string> OutputColumns = ["PredictedLabel", "Score", "Probability"];

    private readonly ValueAnalysis _engine;
    private readonly HashSet<ISymbol> _scoreLocals = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, bool> _predictionTypes = new(SymbolEqualityComparer.Default);
    private HashSet<ITypeSymbol>? _engineOutputTypes;

    /// <summary>Prepares the recognition for one code block: the locals that hold a classifier's output.</summary>
    public ClassifierOutputs(ValueAnalysis engine, CancellationToken cancellationToken)
    {
        _engine = engine;

        // A foreach variable is an element of its collection: a score among scores.
        engine.ResolveLocals(_scoreLocals, (_, value, forEach) => forEach ? IsScoreCollection(value) : IsScore(value), cancellationToken);
    }

    private KnownSymbols Known => _engine.Known;

    private AnalyzerSettings Settings => _engine.Context.Settings;

    /// <summary>Whether <paramref name="operation"/> is a classifier's probability or score (a floating-point value).</summary>
    public bool IsScore(IOperation? operation, int depth = 0)
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

                return IsScoreSymbol(property.Property, property.Type, collection: false, property.Instance);
            case IFieldReferenceOperation field:
                return IsScoreSymbol(field.Field, field.Type, collection: false, field.Instance);
            case ILocalReferenceOperation local:
                return (_scoreLocals.Contains(local.Local) && CompilationState.IsFloatingPoint(local.Type)) || IsScoreSymbol(local.Local, local.Type, collection: false, null);
            case IParameterReferenceOperation parameter:
                return (_scoreLocals.Contains(parameter.Parameter) && CompilationState.IsFloatingPoint(parameter.Type)) || IsScoreSymbol(parameter.Parameter, parameter.Type, collection: false, null);
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
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division:
                return IsSigmoid(division);
            case IInvocationOperation invocation:
                return IsScoreInvocation(invocation, depth);
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="operation"/> is a probability computed in the code rather than read from a model: a
    /// sigmoid written out, or a call of a method named for a sigmoid, logistic or softmax, directly or through a
    /// local only ever assigned one. Synthetic data draws its labels that way.
    /// </summary>
    public bool IsComputedActivation(IOperation operation, int depth = 0)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division:
                return IsSigmoid(division);
            case IInvocationOperation invocation:
                var words = IdentifierWords.Split(invocation.TargetMethod.Name);
                return words.Count > 0 && ActivationWords.Contains(words[words.Count - 1]) && !words.Contains("log") && words[0] != "predict";
            case ILocalReferenceOperation local when depth < 4 && !_engine.Pre.ForEachVariables.Contains(local.Local)
                && _engine.Pre.Assignments.TryGetValue(local.Local, out var values) && values.Count > 0:
                foreach (var value in values)
                {
                    if (!IsComputedActivation(value, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="operation"/> is a collection of a classifier's probabilities or scores.</summary>
    public bool IsScoreCollection(IOperation operation, int depth = 0)
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
                return IsScoreSymbol(property.Property, property.Type, collection: true, property.Instance);
            case IFieldReferenceOperation field:
                return IsScoreSymbol(field.Field, field.Type, collection: true, field.Instance);
            case ILocalReferenceOperation local:
                return (_scoreLocals.Contains(local.Local) && ValueAnalysis.ElementIsFloating(local.Type)) || IsScoreSymbol(local.Local, local.Type, collection: true, null);
            case IParameterReferenceOperation parameter:
                return IsScoreSymbol(parameter.Parameter, parameter.Type, collection: true, null);
            case IInvocationOperation invocation when invocation.TargetMethod.Name is "ToArray" or "ToList" or "AsSpan" or "Where" or "OrderBy" or "OrderByDescending"
                && invocation.Arguments.Length > 0 && invocation.TargetMethod.IsExtensionMethod:
                return IsScoreCollection(invocation.Arguments[0].Value, depth + 1);
            case IInvocationOperation invocation when invocation.TargetMethod.Name == "Select" && invocation.Arguments.Length == 2
                && ValueAnalysis.LambdaOf(invocation.Arguments[1].Value) is { } selector:
                foreach (var inner in selector.Body.DescendantsAndSelf())
                {
                    if (inner is IReturnOperation { ReturnedValue: { } returned } && IsScore(returned, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case IInvocationOperation invocation:
                // Softmax(logits), model.PredictScores(row): a model's vector of class scores.
                var method = invocation.TargetMethod;
                return ValueAnalysis.ElementIsFloating(method.ReturnType) && !Known.IsLibrarySymbol(method)
                    && (IsModelComputation(method) || IsScoreSymbol(method, method.ReturnType, collection: true, invocation.Instance));
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="operation"/> reads something named as a score or probability (or a collection of
    /// them), whatever its origin: a call that passes such a value beside a bare <c>threshold</c> is a decision.
    /// </summary>
    public bool IsNamedScore(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        var symbol = ReferencedSymbol(operation);
        if (symbol == null)
        {
            return false;
        }

        var name = symbol.Name;
        var words = IdentifierWords.Split(name);
        var settings = Settings;
        return settings.ScoreNames.MatchesLastWord(name, words) || settings.ScoreCollectionNames.MatchesLastWord(name, words)
            || settings.ModelScoreNames.MatchesLastWord(name, words) || settings.ModelScoreCollectionNames.MatchesLastWord(name, words);
    }

    private static ISymbol? ReferencedSymbol(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation p => p.Property,
        IFieldReferenceOperation f => f.Field,
        ILocalReferenceOperation l => l.Local,
        IParameterReferenceOperation p => p.Parameter,
        IInvocationOperation i => i.TargetMethod,
        _ => null,
    };

    private bool IsScoreInvocation(IInvocationOperation invocation, int depth)
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

        return !Known.IsLibrarySymbol(method) && (IsModelComputation(method) || IsScoreSymbol(method, method.ReturnType, collection: false, invocation.Instance));
    }

    /// <summary>A method whose result is a model's output by its name: <c>Predict*</c>, or a sigmoid, logistic or softmax.</summary>
    private static bool IsModelComputation(IMethodSymbol method)
    {
        var words = IdentifierWords.Split(method.Name);
        if (words.Count == 0)
        {
            return false;
        }

        if (words[0] == "predict")
        {
            return true;
        }

        return ActivationWords.Contains(words[words.Count - 1]) && !words.Contains("log");
    }

    /// <summary>
    /// The logistic function written out: <c>1 / (1 + Math.Exp(-z))</c>, in <c>double</c> or <c>float</c>
    /// (<c>MathF.Exp</c>), or with <c>Math.Pow(Math.E, -z)</c>.
    /// </summary>
    private static bool IsSigmoid(IBinaryOperation division)
    {
        if (!IsOne(division.LeftOperand) || !CompilationState.IsFloatingPoint(division.Type))
        {
            return false;
        }

        var denominator = Unwrap(division.RightOperand);
        if (denominator is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum)
        {
            return false;
        }

        var (one, exp) = IsOne(sum.LeftOperand) ? (sum.LeftOperand, sum.RightOperand) : (sum.RightOperand, sum.LeftOperand);
        if (!IsOne(one) || Unwrap(exp) is not IInvocationOperation call)
        {
            return false;
        }

        var containing = call.TargetMethod.ContainingType?.ToDisplayString();
        if (containing is not ("System.Math" or "System.MathF"))
        {
            return false;
        }

        return call.TargetMethod.Name == "Exp"
            || (call.TargetMethod.Name == "Pow" && call.Arguments.Length == 2
                && Unwrap(call.Arguments[0].Value) is IFieldReferenceOperation { Field.Name: "E" });
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
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

    private bool IsScoreSymbol(ISymbol symbol, ITypeSymbol? type, bool collection, IOperation? instance)
    {
        if (symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true })
        {
            return false;
        }

        var floating = collection ? ValueAnalysis.ElementIsFloating(type) : CompilationState.IsFloatingPoint(type);
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
        var settings = Settings;
        if (settings.ScoreNames.MatchesLastWord(name, words) || (collection && settings.ScoreCollectionNames.MatchesLastWord(name, words)))
        {
            return true;
        }

        if (settings.ModelScoreNames.MatchesLastWord(name, words) || (collection && settings.ModelScoreCollectionNames.MatchesLastWord(name, words)))
        {
            return IsModelMember(symbol, instance);
        }

        // prediction.Prediction[1]: a prediction class's float vector is its class scores.
        return collection && symbol is IPropertySymbol or IFieldSymbol && words.Count > 0 && PredictionWords.Contains(words[words.Count - 1])
            && symbol.ContainingType != null && IsPredictionType(symbol.ContainingType);
    }

    /// <summary>Whether a value named as a score comes from a model (see the class summary).</summary>
    private bool IsModelMember(ISymbol symbol, IOperation? instance)
    {
        switch (symbol)
        {
            case IPropertySymbol or IFieldSymbol:
                var containing = symbol.ContainingType;
                if (containing != null && (IsPredictionType(containing) || CompilationState.Is(containing, Known.BinaryScores)))
                {
                    return true;
                }

                return instance != null && ComesFromModel(instance, 0);
            case IMethodSymbol method:
                return method.ContainingType != null && IsModelType(method.ContainingType);
            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="instance"/> is what a model returned: <c>engine.Predict(x)</c>, directly or through a local.</summary>
    private bool ComesFromModel(IOperation instance, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        switch (Unwrap(instance))
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                return IsModelComputation(method) || (Known.IsMLNetSymbol(method) && method.Name is "CreateEnumerable");
            case ILocalReferenceOperation local when _engine.Pre.Assignments.TryGetValue(local.Local, out var values):
                foreach (var value in values)
                {
                    if (ComesFromModel(value, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case IArrayElementReferenceOperation element:
                return ComesFromModel(element.ArrayReference, depth + 1);
            case IConditionalAccessInstanceOperation conditional:
                for (var parent = conditional.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return ComesFromModel(access.Operation, depth + 1);
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// An ML.NET prediction class: it has a <c>PredictedLabel</c>, <c>Score</c> or <c>Probability</c> output column
    /// (by name or <c>[ColumnName]</c>), its name has the word prediction, or the block uses it as a prediction engine's
    /// output or reads it back with <c>CreateEnumerable</c>.
    /// </summary>
    private bool IsPredictionType(INamedTypeSymbol type)
    {
        if (_predictionTypes.TryGetValue(type, out var known))
        {
            return known;
        }

        var result = HasPredictionWord(type.Name) || HasOutputColumn(type) || EngineOutputTypes().Contains(type);
        _predictionTypes[type] = result;
        return result;
    }

    private static bool HasPredictionWord(string name)
    {
        foreach (var word in IdentifierWords.Split(name))
        {
            if (PredictionWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasOutputColumn(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not (IPropertySymbol or IFieldSymbol) || member.IsImplicitlyDeclared)
            {
                continue;
            }

            if (member.Name == "PredictedLabel")
            {
                return true;
            }

            foreach (var attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "ColumnNameAttribute" && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string column && OutputColumns.Contains(column))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The types this block gets out of ML.NET as predictions: <c>PredictionEngine&lt;TIn, TOut&gt;</c>'s TOut, <c>CreateEnumerable&lt;T&gt;</c>'s T.</summary>
    private HashSet<ITypeSymbol> EngineOutputTypes()
    {
        if (_engineOutputTypes != null)
        {
            return _engineOutputTypes;
        }

        var types = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        if (Known.HasMLNet)
        {
            foreach (var operation in _engine.Root.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation { TargetMethod: { TypeArguments.Length: > 0 } method }
                    && method.Name is "CreatePredictionEngine" or "CreateEnumerable" or "CreateTimeSeriesEngine" && Known.IsMLNetSymbol(method))
                {
                    types.Add(method.TypeArguments[method.TypeArguments.Length - 1]);
                }
                else if (operation.Type is INamedTypeSymbol { Name: "PredictionEngine" or "PredictionEnginePool", TypeArguments.Length: 2 } engineType
                    && Known.IsMLNetSymbol(engineType))
                {
                    types.Add(engineType.TypeArguments[1]);
                }
            }
        }

        _engineOutputTypes = types;
        return types;
    }

    /// <summary>
    /// A model whose <c>Score*</c> methods score rows: a type named as one (model, classifier, predictor, ...),
    /// ImbalanceGuard's probabilistic classifiers, or a type that also has a <c>Predict*</c> method.
    /// </summary>
    private bool IsModelType(INamedTypeSymbol type)
    {
        if (CompilationState.Implements(type, Known.ProbabilisticClassifier))
        {
            return true;
        }

        foreach (var word in IdentifierWords.Split(type.Name))
        {
            if (ModelTypeWords.Contains(word))
            {
                return true;
            }
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol candidate && candidate.Name.StartsWith("Predict", System.StringComparison.Ordinal))
            {
                return true;
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
}
