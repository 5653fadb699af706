using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// One graph (a method body, a lambda or a local function) run to a fixed point, then once more to report.
/// This file: the fixed point, reads, assignments, containers, deconstruction, patterns and lambdas; calls
/// (sources, sinks, summaries, local functions) are in <c>GraphRun.Calls.cs</c>.
/// </summary>
internal sealed partial class GraphRun : IFlowPoint
{
    private const int MaxIterations = 40;
    private static readonly HashSet<string> MutatorNames = ["Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd", "UnionWith", "AddLast", "AddFirst", "CopyTo"];

    private readonly FlowAnalysis _owner;
    private readonly ControlFlowGraph _graph;
    private FlowState _state = new();
    private bool _report;
    private TaintValue _returned;

    public GraphRun(FlowAnalysis owner, ControlFlowGraph graph)
    {
        _owner = owner;
        _graph = graph;
    }

    /// <inheritdoc />
    public SemanticModel Model => _owner.Model;

    /// <inheritdoc />
    public PrePass Pre => _owner.Pre;

    /// <summary>After <see cref="Run"/>: the converged state where the graph exits (empty when it never exits normally).</summary>
    public FlowState ExitState { get; private set; } = new();

    private SettingsContext Context => _owner.Context;

    /// <inheritdoc />
    public TaintValue TaintOf(ISymbol symbol) => _state.Get(symbol);

    /// <inheritdoc />
    public void Report(DiagnosticDescriptor rule, SyntaxNode node, params string[] arguments) => _owner.Report(rule, node, arguments);

    public TaintValue Run(FlowState initial, bool report)
    {
        var blocks = _graph.Blocks;
        var outStates = new FlowState?[blocks.Length];
        _report = false;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var changed = false;
            foreach (var block in blocks)
            {
                if (!block.IsReachable && block.Kind != BasicBlockKind.Entry && block.Predecessors.IsEmpty && !IsInHandler(block))
                {
                    continue;
                }

                var result = Transfer(block, In(block, initial, outStates));
                var previous = outStates[block.Ordinal];
                if (previous == null || !previous.SameBits(result))
                {
                    outStates[block.Ordinal] = result;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        // The converged states: report, collect what is returned, and analyze local functions.
        _report = report;
        _returned = default;
        var summary = initial.Clone();
        foreach (var block in blocks)
        {
            if (!block.IsReachable && block.Kind != BasicBlockKind.Entry && block.Predecessors.IsEmpty && !IsInHandler(block))
            {
                continue;
            }

            var result = Transfer(block, In(block, initial, outStates));
            summary.UnionWith(result);
            if (block.Kind == BasicBlockKind.Exit)
            {
                ExitState = result;
            }
        }

        if (report)
        {
            foreach (var localFunction in _graph.LocalFunctions)
            {
                var graph = _graph.GetLocalFunctionControlFlowGraph(localFunction, _owner.CancellationToken);
                new GraphRun(_owner, graph).Run(summary.Clone(), report: true);
            }
        }

        return _returned;
    }

    private static bool IsInHandler(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
        {
            if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Finally or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler)
            {
                return true;
            }
        }

        return false;
    }

    private FlowState In(BasicBlock block, FlowState initial, FlowState?[] outStates)
    {
        if (block.Kind == BasicBlockKind.Entry)
        {
            return initial.Clone();
        }

        FlowState? joined = null;
        foreach (var predecessor in block.Predecessors)
        {
            var source = outStates[predecessor.Source.Ordinal];
            if (source == null)
            {
                continue;
            }

            if (joined == null)
            {
                joined = source.Clone();
            }
            else
            {
                joined.UnionWith(source);
            }
        }

        if (joined != null && !block.Predecessors.IsEmpty)
        {
            return joined;
        }

        // A handler (catch, finally) or a block not reached yet: whatever any block may hold.
        var all = initial.Clone();
        foreach (var state in outStates)
        {
            if (state != null)
            {
                all.UnionWith(state);
            }
        }

        return all;
    }

    private FlowState Transfer(BasicBlock block, FlowState input)
    {
        _state = input;
        foreach (var operation in block.Operations)
        {
            Visit(operation);
        }

        if (block.BranchValue != null)
        {
            var value = Visit(block.BranchValue);
            if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                _returned = _returned.Union(value);
            }
        }

        return _state;
    }

    private TaintValue Visit(IOperation? operation)
    {
        if (operation == null)
        {
            return default;
        }

        _owner.CancellationToken.ThrowIfCancellationRequested();
        var value = VisitCore(operation);
        var type = operation.Type;
        if (type != null)
        {
            if (CompilationState.IsScalar(type))
            {
                return default;
            }

            if (CompilationState.InheritsFrom(type, Context.Known.HoldoutSet))
            {
                value = value.With(Taint.Evaluation, "'" + FlowAnalysis.Describe(operation.Syntax) + "', a HoldoutSet");
            }
        }

        return value;
    }

    private TaintValue VisitCore(IOperation operation)
    {
        switch (operation)
        {
            case ILiteralOperation:
            case IInstanceReferenceOperation:
            case IDefaultValueOperation:
            case ITypeOfOperation:
            case ISizeOfOperation:
            case INameOfOperation:
                return default;
            case ILocalReferenceOperation local:
                return Read(local.Local, local.Syntax);
            case IParameterReferenceOperation parameter:
                return Read(parameter.Parameter, parameter.Syntax);
            case IFlowCaptureReferenceOperation capture:
                return _state.Get(capture.Id);
            case IFlowCaptureOperation capture:
                _state.Set(capture.Id, Visit(capture.Value));
                return default;
            case IFieldReferenceOperation field:
                return VisitField(field);
            case IPropertyReferenceOperation property:
                return VisitProperty(property);
            case ISimpleAssignmentOperation assignment:
            {
                var value = Visit(assignment.Value);
                AssignTo(assignment.Target, value, strong: true);
                return value;
            }

            case ICompoundAssignmentOperation compound:
            {
                var value = Visit(compound.Target).Union(Visit(compound.Value));
                AssignTo(compound.Target, value, strong: true);
                return value;
            }

            case ICoalesceAssignmentOperation coalesce:
            {
                var value = Visit(coalesce.Target).Union(Visit(coalesce.Value));
                AssignTo(coalesce.Target, value, strong: true);
                return value;
            }

            case IDeconstructionAssignmentOperation deconstruction:
                return VisitDeconstruction(deconstruction);
            case IInvocationOperation invocation:
                return VisitInvocation(invocation);
            case IObjectCreationOperation creation:
            {
                var value = default(TaintValue);
                foreach (var argument in creation.Arguments)
                {
                    var argumentValue = Visit(argument.Value);
                    if (IsDataLike(argument.Value.Type) || IsDelegate(argument.Value))
                    {
                        value = value.Union(argumentValue);
                    }
                }

                return value.Union(Visit(creation.Initializer));
            }

            case IArrayElementReferenceOperation element:
            {
                var value = Visit(element.ArrayReference);
                foreach (var index in element.Indices)
                {
                    Visit(index);
                }

                return value;
            }

            case IConversionOperation conversion:
                return Visit(conversion.Operand);
            case IFlowAnonymousFunctionOperation lambda:
                return VisitLambda(lambda, default);
            case IIsPatternOperation isPattern:
            {
                var value = Visit(isPattern.Value);
                BindPattern(isPattern.Pattern, value);
                return default;
            }

            case IDeclarationExpressionOperation declaration:
                return Visit(declaration.Expression);
            case IInterpolatedStringOperation:
            case IBinaryOperation:
            case IUnaryOperation:
                VisitChildren(operation);
                return default;
            default:
                return VisitChildren(operation);
        }
    }

    private TaintValue VisitChildren(IOperation operation)
    {
        var value = default(TaintValue);
        foreach (var child in operation.ChildOperations)
        {
            value = value.Union(Visit(child));
        }

        return value;
    }

    private TaintValue Read(ISymbol symbol, SyntaxNode syntax)
    {
        var value = _state.Get(symbol);
        if (_owner.IsSummarizedParameter(symbol))
        {
            // A summary is computed with clean parameters: what the caller passes decides, not the parameter's name.
            return value;
        }

        if (Context.IsEvaluationSymbol(symbol) || (_owner.Pre.EvaluatedData.Contains(symbol) && !value.Has(Taint.Folds)))
        {
            value = value.With(Taint.Evaluation, "'" + symbol.Name + "'");
        }

        return value;
    }

    private TaintValue VisitField(IFieldReferenceOperation field)
    {
        var instance = Visit(field.Instance);
        var value = field.Instance is null or IInstanceReferenceOperation
            ? _state.Get(field.Field)
            : instance;
        var definition = field.Field.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, Context.Known.TestSet))
        {
            value = value.With(Taint.Evaluation, "'" + FlowAnalysis.Describe(field.Syntax) + "'");
        }
        else if (SymbolEqualityComparer.Default.Equals(definition, Context.Known.TrainSet))
        {
            // The training side of a split is not evaluation data, whatever the split's name says.
            value = value.Without(Taint.Evaluation);
        }
        else if (Context.IsEvaluationSymbol(field.Field))
        {
            value = value.With(Taint.Evaluation, "'" + FlowAnalysis.Describe(field.Syntax) + "'");
        }

        return value;
    }

    private TaintValue VisitProperty(IPropertyReferenceOperation property)
    {
        var value = Visit(property.Instance);
        foreach (var argument in property.Arguments)
        {
            Visit(argument.Value);
        }

        if (property.Instance is null or IInstanceReferenceOperation)
        {
            value = value.Union(_state.Get(property.Property));
        }

        if (property.Property.GetMethod is { DeclaringSyntaxReferences.IsEmpty: false } getter && IsDataLike(property.Type)
            && _owner.Context.Summaries.Of(getter, _owner.Model, _owner.CancellationToken) is { } getterSummary)
        {
            // A computed property of the compilation's own (`Balanced => Smote(_rows)`) returns what its getter returns.
            value = value.Union(Renamed(getterSummary.Returned, FlowAnalysis.Describe(property.Syntax)));
        }

        var known = Context.Known;
        var definition = property.Property.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, known.TestSet))
        {
            value = value.With(Taint.Evaluation, "'" + FlowAnalysis.Describe(property.Syntax) + "'");
        }
        else if (SymbolEqualityComparer.Default.Equals(definition, known.TrainSet))
        {
            // The training side of a split is not evaluation data, whatever the split's name says.
            value = value.Without(Taint.Evaluation);
        }
        else if (Context.IsEvaluationSymbol(property.Property))
        {
            value = value.With(Taint.Evaluation, "'" + FlowAnalysis.Describe(property.Syntax) + "'");
        }
        else if (CompilationState.Is(property.Property.ContainingType, known.Fold) || CompilationState.Is(property.Property.ContainingType, known.TrainHoldoutSplit))
        {
            // Fold.Training / TrainHoldoutSplit.Training: the training side (the holdout side is a HoldoutSet).
            value = value.Without(Taint.Evaluation);
        }

        return value;
    }

    private void AssignTo(IOperation target, TaintValue value, bool strong)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                Set(local.Local, value, strong);
                break;
            case IParameterReferenceOperation parameter:
                Set(parameter.Parameter, value, strong);
                break;
            case IFlowCaptureReferenceOperation capture:
                Set(capture.Id, value, strong);
                break;
            case IDeclarationExpressionOperation declaration:
                AssignTo(declaration.Expression, value, strong);
                break;
            case IConversionOperation conversion:
                AssignTo(conversion.Operand, value, strong);
                break;
            case IFieldReferenceOperation field:
                if (field.Instance is null or IInstanceReferenceOperation)
                {
                    Set(field.Field, value, strong);
                }
                else
                {
                    Visit(field.Instance);
                    AddToContainer(field.Instance, value);
                }

                break;
            case IPropertyReferenceOperation property:
                foreach (var argument in property.Arguments)
                {
                    Visit(argument.Value);
                }

                if (property.Instance is null or IInstanceReferenceOperation)
                {
                    Set(property.Property, value, strong && property.Arguments.IsEmpty);
                }
                else
                {
                    Visit(property.Instance);
                    AddToContainer(property.Instance, value);
                }

                break;
            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                {
                    Visit(index);
                }

                AddToContainer(element.ArrayReference, value);
                break;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    AssignTo(element, value, strong);
                }

                break;
            default:
                Visit(target);
                break;
        }
    }

    private void Set(object entity, TaintValue value, bool strong)
    {
        if (strong)
        {
            _state.Set(entity, value);
        }
        else
        {
            _state.Add(entity, value);
        }
    }

    /// <summary>Something was stored into <paramref name="container"/> (an element, a member): it now holds that data too.</summary>
    private void AddToContainer(IOperation container, TaintValue value)
    {
        while (container is IConversionOperation conversion)
        {
            container = conversion.Operand;
        }

        switch (container)
        {
            case ILocalReferenceOperation local:
                _state.Add(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                _state.Add(parameter.Parameter, value);
                if (_owner.IsSummary && !value.IsEmpty)
                {
                    _owner.MutatedParameters.Add(parameter.Parameter);
                }

                break;
            case IFlowCaptureReferenceOperation capture:
                _state.Add(capture.Id, value);
                break;
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                _state.Add(field.Field, value);
                break;
            case IFieldReferenceOperation field:
                AddToContainer(field.Instance!, value);
                break;
            case IPropertyReferenceOperation property when property.Instance is not null and not IInstanceReferenceOperation:
                AddToContainer(property.Instance, value);
                break;
            case IArrayElementReferenceOperation element:
                AddToContainer(element.ArrayReference, value);
                break;
        }
    }

    private TaintValue VisitDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        var target = deconstruction.Target;
        while (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        var source = deconstruction.Value;
        while (source is IConversionOperation conversion)
        {
            source = conversion.Operand;
        }

        if (target is ITupleOperation targetTuple && source is ITupleOperation sourceTuple && targetTuple.Elements.Length == sourceTuple.Elements.Length)
        {
            // (a, b) = (x, y): element by element (values first, as C# evaluates them).
            var values = sourceTuple.Elements.Select(Visit).ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                AssignDeconstructed(targetTuple.Elements[i], values[i], sourceTuple.Elements[i]);
            }

            return values.Aggregate(default(TaintValue), (a, b) => a.Union(b));
        }

        var value = Visit(deconstruction.Value);
        AssignDeconstructed(target, value, null);
        return value;
    }

    private void AssignDeconstructed(IOperation target, TaintValue value, IOperation? source)
    {
        while (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        if (target is ITupleOperation tuple)
        {
            var sourceTuple = source;
            while (sourceTuple is IConversionOperation conversion)
            {
                sourceTuple = conversion.Operand;
            }

            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                if (sourceTuple is ITupleOperation nested && nested.Elements.Length == tuple.Elements.Length)
                {
                    AssignDeconstructed(tuple.Elements[i], Visit(nested.Elements[i]), nested.Elements[i]);
                }
                else
                {
                    AssignDeconstructed(tuple.Elements[i], PartOf(value, tuple.Elements[i]), null);
                }
            }

            return;
        }

        if (target is IDiscardOperation)
        {
            return;
        }

        AssignTo(target, PartOf(value, target), strong: true);
    }

    /// <summary>A part of a deconstructed split: the training part is not evaluation data.</summary>
    private TaintValue PartOf(TaintValue whole, IOperation target)
    {
        var type = target.Type;
        if (type != null && CompilationState.InheritsFrom(type, Context.Known.LabeledData) && !CompilationState.InheritsFrom(type, Context.Known.HoldoutSet))
        {
            return whole.Without(Taint.Evaluation);
        }

        return whole;
    }

    private void BindPattern(IPatternOperation pattern, TaintValue value)
    {
        switch (pattern)
        {
            case IDeclarationPatternOperation declaration when declaration.DeclaredSymbol != null:
                _state.Set(declaration.DeclaredSymbol, value);
                break;
            case IRecursivePatternOperation recursive:
                if (recursive.DeclaredSymbol != null)
                {
                    _state.Set(recursive.DeclaredSymbol, value);
                }

                break;
            case IBinaryPatternOperation binary:
                BindPattern(binary.LeftPattern, value);
                BindPattern(binary.RightPattern, value);
                break;
        }
    }

    private TaintValue VisitLambda(IFlowAnonymousFunctionOperation lambda, TaintValue parameters)
    {
        ControlFlowGraph graph;
        try
        {
            graph = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _owner.CancellationToken);
        }
        catch (System.ArgumentException)
        {
            return default;
        }

        var initial = _state.Clone();
        foreach (var parameter in lambda.Symbol.Parameters)
        {
            initial.Set(parameter, parameters);
        }

        return new GraphRun(_owner, graph).Run(initial, _report);
    }

    private static IFlowAnonymousFunctionOperation? AsLambda(IOperation value)
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
                case IFlowAnonymousFunctionOperation lambda:
                    return lambda;
                default:
                    return null;
            }
        }
    }

    private static bool IsDelegate(IOperation value) => value.Type?.TypeKind == TypeKind.Delegate;

    private bool IsDataLike(ITypeSymbol? type) => Context.Compilation.IsDataLike(type);
}
