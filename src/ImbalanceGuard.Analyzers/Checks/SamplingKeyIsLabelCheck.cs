using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Checks;

/// <summary>
/// IG0008: an ML.NET split or cross-validation call whose sampling key (<c>samplingKeyColumnName</c>, or a ranking
/// cross-validation's <c>rowGroupColumnName</c>) is the label column. The label is what the method says it is: the
/// <c>labelColumnName</c> given to this call, to a trainer, or to a trainer's options anywhere in the same method
/// (with the columns copied or key-mapped into it); when nothing there names a label, ML.NET's default "Label".
/// </summary>
internal static class SamplingKeyIsLabelCheck
{
    /// <summary>ML.NET's default label column name, which every catalog and trainer uses when none is given.</summary>
    public const string DefaultLabel = "Label";

    private const string SamplingKeyParameter = "samplingKeyColumnName";
    private const string RowGroupParameter = "rowGroupColumnName";
    private const string LabelParameter = "labelColumnName";

    /// <summary>Whether a method is one of ML.NET's splits or cross-validations that take a sampling key (by name first: this runs on every call).</summary>
    public static bool IsSplitOrCrossValidation(IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "TrainTestSplit":
            case "CrossValidationSplit":
            case "CrossValidate":
            case "CrossValidateNonCalibrated":
                break;
            default:
                return false;
        }

        return method.ContainingAssembly?.Name.StartsWith("Microsoft.ML", StringComparison.Ordinal) == true
            && method.ContainingNamespace?.ToDisplayString() == "Microsoft.ML";
    }

    /// <summary>The diagnostic for <paramref name="invocation"/>, or null when its sampling key is not the label.</summary>
    public static Diagnostic? Analyze(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (!IsSplitOrCrossValidation(method))
        {
            return null;
        }

        var task = TaskOf(CatalogOf(method));
        var keyParameter = task == ModelTask.Ranking && method.Name == "CrossValidate" ? RowGroupParameter : SamplingKeyParameter;
        IArgumentOperation? key = null;
        IArgumentOperation? ownLabel = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == keyParameter && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                key = argument;
            }
            else if (argument.Parameter?.Name == LabelParameter && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                ownLabel = argument;
            }
        }

        if (key == null)
        {
            return null;
        }

        var keyValue = ColumnName.Of(key.Value);
        if (keyValue.IsNull)
        {
            return null;
        }

        var root = Root(invocation);
        var labels = LabelsOf(root, invocation, ownLabel, cancellationToken);
        string? label = null;
        foreach (var candidate in labels.Names)
        {
            if (candidate.SameColumn(keyValue))
            {
                label = candidate.Display;
                break;
            }
        }

        if (label == null)
        {
            return null;
        }

        if (task == ModelTask.Unknown)
        {
            task = labels.Task;
        }

        return Diagnostic.Create(
            Rules.SamplingKeyIsLabel,
            key.Syntax.GetLocation(),
            method.Name,
            label,
            keyParameter,
            Consequence(task),
            task == ModelTask.Regression || task == ModelTask.Ranking ? string.Empty
                : "; for a split that keeps the class balance use ImbalanceGuard.ML's StratifiedTrainTestSplit or StratifiedCrossValidationSplit");
    }

    private static string Consequence(ModelTask task) => task switch
    {
        ModelTask.Regression => "rows with the same target value are kept together and every target value in the test part is one the model never saw in training (an extrapolation test, not a random split)",
        ModelTask.Ranking => "each relevance grade becomes one group that lands wholly on one side",
        _ => "each class lands wholly in training or wholly in test (a class only in test is never learned, one only in training is never tested)",
    };

    /// <summary>The kind of model a catalog (or a trainer's nested catalog) belongs to.</summary>
    private static ModelTask TaskOf(ITypeSymbol? type)
    {
        for (var t = type; t != null; t = t.ContainingType)
        {
            switch (t.Name)
            {
                case "BinaryClassificationCatalog":
                case "MulticlassClassificationCatalog":
                    return ModelTask.Classification;
                case "RegressionCatalog":
                    return ModelTask.Regression;
                case "RankingCatalog":
                    return ModelTask.Ranking;
            }
        }

        return ModelTask.Unknown;
    }

    /// <summary>The catalog a method works on: its type, or for an extension method (most trainers) the type it extends.</summary>
    private static ITypeSymbol? CatalogOf(IMethodSymbol method)
        => method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType;

    /// <summary>The outermost operation around <paramref name="operation"/>: the whole method, lambdas and local functions included.</summary>
    private static IOperation Root(IOperation operation)
    {
        var root = operation;
        while (root.Parent != null)
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary>The label columns named in the method (the call's own, trainers', trainer options'), and the task its ML.NET calls belong to.</summary>
    private static Labels LabelsOf(IOperation root, IInvocationOperation checkedCall, IArgumentOperation? ownLabel, CancellationToken cancellationToken)
    {
        var names = new List<ColumnName>();
        var explicitLabels = 0;
        var task = ModelTask.Unknown;
        var copies = new List<(ColumnName Output, ColumnName Input)>();
        if (ownLabel != null)
        {
            explicitLabels++;
            Add(names, ColumnName.Of(ownLabel.Value));
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IInvocationOperation call when IsMLNet(call.TargetMethod):
                    if (task == ModelTask.Unknown)
                    {
                        task = TaskOf(CatalogOf(call.TargetMethod));
                    }

                    if (ReferenceEquals(call, checkedCall))
                    {
                        // Its own label argument is counted above.
                        break;
                    }

                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter?.Name == LabelParameter && argument.ArgumentKind == ArgumentKind.Explicit)
                        {
                            explicitLabels++;
                            Add(names, ColumnName.Of(argument.Value));
                        }
                    }

                    if (call.TargetMethod.Name is "CopyColumns" or "MapValueToKey" or "ConvertType")
                    {
                        var output = ColumnName.Of(ArgumentValue(call, "outputColumnName"));
                        var input = ColumnName.Of(ArgumentValue(call, "inputColumnName"));
                        if (!output.IsNull && !input.IsNull)
                        {
                            copies.Add((output, input));
                        }
                    }

                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment
                    when member.Member.Name == "LabelColumnName" && IsMLNet(member.Member):
                    // A trainer's options (fields in ML.NET): new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = "IsFraud" }.
                    explicitLabels++;
                    Add(names, ColumnName.Of(assignment.Value));
                    break;
            }
        }

        if (explicitLabels == 0)
        {
            names.Add(ColumnName.Constant(DefaultLabel));
        }

        // A column copied, converted or key-mapped into the label is the label under another name.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (output, input) in copies)
            {
                if (Contains(names, output) && !Contains(names, input))
                {
                    names.Add(input);
                    changed = true;
                }
            }
        }

        return new Labels(names, task);
    }

    private static void Add(List<ColumnName> names, ColumnName name)
    {
        if (!name.IsNull)
        {
            names.Add(name);
        }
    }

    private static bool Contains(List<ColumnName> names, ColumnName name)
    {
        foreach (var n in names)
        {
            if (n.SameColumn(name))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? ArgumentValue(IInvocationOperation call, string parameter)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == parameter && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool IsMLNet(ISymbol symbol)
        => symbol.ContainingAssembly?.Name.StartsWith("Microsoft.ML", StringComparison.Ordinal) == true;

    private enum ModelTask
    {
        Unknown,
        Classification,
        Regression,
        Ranking,
    }

    private sealed class Labels
    {
        public Labels(List<ColumnName> names, ModelTask task)
        {
            Names = names;
            Task = task;
        }

        public List<ColumnName> Names { get; }

        public ModelTask Task { get; }
    }

    /// <summary>
    /// A column name as the code gives it: a string known at compile time (a literal, a constant, <c>nameof</c>, a
    /// readonly field or a local assigned once with such a value), or else the variable that holds it, so that one
    /// parameter passed as both label and key is still seen as the same column.
    /// </summary>
    private readonly struct ColumnName
    {
        private ColumnName(string? value, ISymbol? symbol)
        {
            Value = value;
            Symbol = symbol;
        }

        public string? Value { get; }

        public ISymbol? Symbol { get; }

        public bool IsNull => Value == null && Symbol == null;

        public string Display => Value ?? Symbol!.Name;

        public static ColumnName Constant(string value) => new(value, null);

        public bool SameColumn(ColumnName other)
        {
            if (Value != null && other.Value != null)
            {
                // ML.NET's column names are case-sensitive.
                return string.Equals(Value, other.Value, StringComparison.Ordinal);
            }

            return Symbol != null && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);
        }

        public static ColumnName Of(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            if (operation == null)
            {
                return default;
            }

            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value is string text ? new ColumnName(text, null) : default;
            }

            return operation switch
            {
                ILocalReferenceOperation local => new ColumnName(SingleAssignedLocal(local), local.Local),
                IParameterReferenceOperation parameter => new ColumnName(null, parameter.Parameter),
                IFieldReferenceOperation { Field.IsReadOnly: true } field => new ColumnName(Initializer(field.Field), field.Field),
                IPropertyReferenceOperation { Property.SetMethod: null } property => new ColumnName(Initializer(property.Property), property.Property),
                _ => default,
            };
        }

        /// <summary>The string a local is declared with, when it is never assigned again in the method.</summary>
        private static string? SingleAssignedLocal(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            string? value = null;
            foreach (var operation in Root(reference).DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        var initializer = declarator.Initializer?.Value;
                        while (initializer is IConversionOperation c)
                        {
                            initializer = c.Operand;
                        }

                        if (initializer?.ConstantValue.Value is not string text)
                        {
                            return null;
                        }

                        value = text;
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        return null;
                    case IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation passed }
                        when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                        return null;
                }
            }

            return value;
        }

        /// <summary>The string a readonly field or get-only property is initialised with, read from its declaration (a literal or <c>nameof</c>).</summary>
        private static string? Initializer(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var expression = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    _ => null,
                };
                switch (expression)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        return literal.Token.ValueText;
                    case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                        when nameOf.ArgumentList.Arguments.Count == 1:
                        return nameOf.ArgumentList.Arguments[0].Expression switch
                        {
                            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                            SimpleNameSyntax name => name.Identifier.ValueText,
                            _ => null,
                        };
                }
            }

            return null;
        }
    }
}
