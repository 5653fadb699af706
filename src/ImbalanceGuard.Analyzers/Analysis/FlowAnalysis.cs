using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ImbalanceGuard.Analyzers.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// The leakage rules (IG0001-IG0003) as a taint analysis over the control-flow graph: resampler outputs,
/// evaluation data and fold-generator outputs are sources; taint follows data dependency (assignments,
/// tuples and deconstruction, calls that take data and return data, LINQ lambdas, collections that are
/// filled, loops) to a fixed point; splits, cross-validation calls and resamplers are the sinks, checked
/// against the converged state. Line order plays no part: a split that runs before the resampler is
/// clean unless a loop carries the resampled data back to it.
/// </summary>
internal sealed class FlowAnalysis
{
    private const int MaxIterations = 40;
    private static readonly HashSet<string> MutatorNames = ["Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd", "UnionWith", "AddLast", "AddFirst", "CopyTo"];

    private readonly SettingsContext _context;
    private readonly SemanticModel _model;
    private readonly PrePass _pre;
    private readonly List<Finding> _findings;
    private readonly HashSet<(string Id, TextSpan Span)> _reported = [];
    private readonly CancellationToken _cancellationToken;

    private FlowAnalysis(SettingsContext context, SemanticModel model, PrePass pre, List<Finding> findings, CancellationToken cancellationToken)
    {
        _context = context;
        _model = model;
        _pre = pre;
        _findings = findings;
        _cancellationToken = cancellationToken;
    }

    public static void Analyze(ControlFlowGraph graph, SettingsContext context, SemanticModel model, PrePass pre, List<Finding> findings, CancellationToken cancellationToken)
    {
        var analysis = new FlowAnalysis(context, model, pre, findings, cancellationToken);
        new GraphRun(analysis, graph).Run(new FlowState(), report: true);
    }

    private void Report(DiagnosticDescriptor rule, SyntaxNode node, params string[] arguments)
    {
        if (_reported.Add((rule.Id, node.Span)))
        {
            _findings.Add(new Finding(rule, node.GetLocation(), arguments));
        }
    }

    private static string Describe(SyntaxNode node)
    {
        var target = node is InvocationExpressionSyntax invocation ? invocation.Expression : node;
        var text = target.ToString();
        text = string.Join(" ", text.Split(['\r', '\n', '\t', ' '], System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text.Substring(0, 57) + "..." : text;
    }

    /// <summary>One graph (a method body, a lambda or a local function) run to a fixed point, then once more to report.</summary>
    private sealed class GraphRun
    {
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

        private SettingsContext Context => _owner._context;

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
            }

            if (report)
            {
                foreach (var localFunction in _graph.LocalFunctions)
                {
                    var graph = _graph.GetLocalFunctionControlFlowGraph(localFunction, _owner._cancellationToken);
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

            _owner._cancellationToken.ThrowIfCancellationRequested();
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
                    value = value.With(Taint.Evaluation, "'" + Describe(operation.Syntax) + "', a HoldoutSet");
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
            if (Context.IsEvaluationSymbol(symbol) || (_owner._pre.EvaluatedData.Contains(symbol) && !value.Has(Taint.Folds)))
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
                value = value.With(Taint.Evaluation, "'" + Describe(field.Syntax) + "'");
            }
            else if (SymbolEqualityComparer.Default.Equals(definition, Context.Known.TrainSet))
            {
                // The training side of a split is not evaluation data, whatever the split's name says.
                value = value.Without(Taint.Evaluation);
            }
            else if (Context.IsEvaluationSymbol(field.Field))
            {
                value = value.With(Taint.Evaluation, "'" + Describe(field.Syntax) + "'");
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

            var known = Context.Known;
            var definition = property.Property.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, known.TestSet))
            {
                value = value.With(Taint.Evaluation, "'" + Describe(property.Syntax) + "'");
            }
            else if (SymbolEqualityComparer.Default.Equals(definition, known.TrainSet))
            {
                // The training side of a split is not evaluation data, whatever the split's name says.
                value = value.Without(Taint.Evaluation);
            }
            else if (Context.IsEvaluationSymbol(property.Property))
            {
                value = value.With(Taint.Evaluation, "'" + Describe(property.Syntax) + "'");
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
                graph = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _owner._cancellationToken);
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

        private TaintValue VisitInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var role = Context.GetRole(method);
            var selfAppend = _owner._pre.SelfAppends.Contains(invocation.Syntax);

            var instance = Visit(invocation.Instance);
            var flow = default(TaintValue);
            var data = default(TaintValue);
            var hasData = false;
            if (invocation.Instance != null && IsDataLike(invocation.Instance.Type))
            {
                flow = instance;
                if (role.DataParameter == null)
                {
                    data = instance;
                    hasData = true;
                }
            }

            List<IFlowAnonymousFunctionOperation>? lambdas = null;
            List<IArgumentOperation>? outputs = null;
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                if (AsLambda(value) is { } lambda)
                {
                    (lambdas ??= []).Add(lambda);
                    continue;
                }

                var refKind = argument.Parameter?.RefKind ?? RefKind.None;
                if (refKind == RefKind.Out)
                {
                    (outputs ??= []).Add(argument);
                    continue;
                }

                if (refKind == RefKind.Ref)
                {
                    (outputs ??= []).Add(argument);
                }

                var taint = Visit(value);
                var isData = IsDataLike(value.Type);
                if (!isData && role.DataParameter == null && role.Kind is MethodRoleKind.Splitter or MethodRoleKind.FoldGenerator or MethodRoleKind.CrossValidation
                    && SizeOf(value) is { } sized)
                {
                    // KFold(xRes.Length, 5): folds over indices into the data whose size is given.
                    taint = Visit(sized);
                    isData = true;
                }
                if (isData || IsDelegate(value))
                {
                    flow = flow.Union(taint);
                }

                if (role.DataParameter != null ? argument.Parameter?.Name == role.DataParameter : isData)
                {
                    data = data.Union(taint);
                    hasData |= isData || role.DataParameter != null;
                }
            }

            if (lambdas != null)
            {
                var parameters = flow;
                foreach (var lambda in lambdas)
                {
                    flow = flow.Union(VisitLambda(lambda, parameters));
                }
            }

            var result = flow;
            var described = selfAppend ? null : Describe(invocation.Syntax);

            // IG0007 (Checks/PreprocessingBeforeSplitCheck.cs): its sources (a fitted preprocessor's output) and its sinks.
            result = PreprocessingBeforeSplitCheck.Visit(invocation, result, data, Context, _owner._model, _owner._pre, _report, _owner.Report);
            PreprocessingBeforeSplitCheck.Sink(invocation, role.Kind, data, _owner._model, _owner._pre, _report, _owner.Report);
            switch (role.Kind)
            {
                case MethodRoleKind.Resampler:
                    CheckResamplerInput(invocation, data, hasData);
                    result = flow.Union(data).With(Taint.Resampled, described);
                    if (method.ReturnsVoid)
                    {
                        // An in-place resampler: the collections it was given are resampled now.
                        foreach (var argument in invocation.Arguments)
                        {
                            if (IsDataLike(argument.Value.Type) && AsLambda(argument.Value) == null)
                            {
                                AddToContainer(argument.Value, result);
                            }
                        }

                        if (invocation.Instance != null && IsDataLike(invocation.Instance.Type))
                        {
                            AddToContainer(invocation.Instance, result);
                        }
                    }

                    break;
                case MethodRoleKind.Splitter:
                    if (_report && data.Has(Taint.Resampled))
                    {
                        _owner.Report(Rules.ResampledBeforeSplit, invocation.Syntax, Describe(invocation.Syntax), data.Resampler ?? "a resampler");
                    }

                    result = flow.Without(Taint.Evaluation);
                    break;
                case MethodRoleKind.FoldGenerator:
                case MethodRoleKind.CrossValidation:
                    if (_report && data.Has(Taint.Resampled))
                    {
                        var what = role.Kind == MethodRoleKind.FoldGenerator ? "makes cross-validation folds from" : "cross-validates on";
                        _owner.Report(
                            Rules.ResampledOutsideFolds,
                            invocation.Syntax,
                            $"'{Describe(invocation.Syntax)}' {what} data that was resampled by '{data.Resampler ?? "a resampler"}', so synthetic rows and their parents fall into the validation folds");
                    }

                    result = flow.Without(Taint.Evaluation);
                    if (role.Kind == MethodRoleKind.FoldGenerator)
                    {
                        result = result.With(Taint.Folds, null);
                    }

                    break;
                case MethodRoleKind.PreSplit:
                    // Split.FromPreSplit(training[, holdout]): the training side is what was declared training;
                    // the holdout side is a HoldoutSet, evaluation data by its type.
                    result = default;
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name == "training")
                        {
                            result = result.Union(Visit(argument.Value));
                        }
                    }

                    break;
                default:
                    if (Context.IsEvaluationSymbol(method))
                    {
                        result = result.With(Taint.Evaluation, "'" + Describe(invocation.Syntax) + "'");
                    }

                    break;
            }

            if (selfAppend)
            {
                // Hand-rolled oversampling: a collection grown with copies of its own rows.
                var grown = instance.Union(flow);
                CheckResamplerInput(invocation, grown, hasData: true);
                var name = Describe(invocation.Syntax);
                result = result.Union(grown).With(Taint.Resampled, name);
                if (invocation.Instance != null)
                {
                    AddToContainer(invocation.Instance, result);
                }
            }
            else if (role.Kind == MethodRoleKind.None && invocation.Instance != null && IsDataLike(invocation.Instance.Type)
                && (method.ReturnsVoid || MutatorNames.Contains(method.Name)))
            {
                // list.Add(x), list.AddRange(xs), array.CopyTo(...): the receiver now holds that data.
                AddToContainer(invocation.Instance, flow);
            }

            if (outputs != null)
            {
                foreach (var output in outputs)
                {
                    AssignTo(output.Value, result, strong: output.Parameter?.RefKind == RefKind.Out);
                }
            }

            return result;
        }

        private static IOperation? SizeOf(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value switch
            {
                IPropertyReferenceOperation { Property.Name: "Length" or "Count" or "LongLength", Instance: { } instance } => instance,
                IInvocationOperation { TargetMethod.Name: "Count" or "LongCount", Arguments.Length: 1 } count => count.Arguments[0].Value,
                _ => null,
            };
        }

        private void CheckResamplerInput(IInvocationOperation invocation, TaintValue data, bool hasData)
        {
            if (!_report || !hasData)
            {
                return;
            }

            if (data.Has(Taint.Evaluation))
            {
                _owner.Report(Rules.ResampledEvaluationData, invocation.Syntax, Describe(invocation.Syntax), data.Evaluation ?? "evaluation data");
                return;
            }

            if (!data.Has(Taint.Folds) && IsInFoldLoop(invocation.Syntax))
            {
                _owner.Report(
                    Rules.ResampledOutsideFolds,
                    invocation.Syntax,
                    $"'{Describe(invocation.Syntax)}' runs inside a cross-validation fold loop on data that is not the current fold's training part");
            }
        }

        /// <summary>
        /// Whether the call sits in a loop over cross-validation folds: a foreach whose variable is a fold, a
        /// for/while loop that indexes the folds, or a lambda whose parameter is a fold.
        /// </summary>
        private bool IsInFoldLoop(SyntaxNode node)
        {
            var model = _owner._model;
            if (node.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            for (var current = node; current.Parent != null; current = current.Parent)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case ForEachStatementSyntax forEach when current == forEach.Statement:
                        if (model.GetDeclaredSymbol(forEach) is { } variable && _state.Get(variable).Has(Taint.Folds))
                        {
                            return true;
                        }

                        break;
                    case ForEachVariableStatementSyntax forEachVariable when current == forEachVariable.Statement:
                        foreach (var designation in forEachVariable.Variable.DescendantNodes().OfType<SingleVariableDesignationSyntax>())
                        {
                            if (model.GetDeclaredSymbol(designation) is { } part && _state.Get(part).Has(Taint.Folds))
                            {
                                return true;
                            }
                        }

                        break;
                    case ForStatementSyntax forStatement when current == forStatement.Statement:
                        if (IndexesFolds(forStatement.Statement))
                        {
                            return true;
                        }

                        break;
                    case WhileStatementSyntax whileStatement when current == whileStatement.Statement:
                        if (IndexesFolds(whileStatement.Statement))
                        {
                            return true;
                        }

                        break;
                    case AnonymousFunctionExpressionSyntax lambda:
                        if (model.GetSymbolInfo(lambda).Symbol is IMethodSymbol function)
                        {
                            foreach (var parameter in function.Parameters)
                            {
                                if (_state.Get(parameter).Has(Taint.Folds))
                                {
                                    return true;
                                }
                            }
                        }

                        break;
                }
            }

            return false;
        }

        private bool IndexesFolds(StatementSyntax body)
        {
            var model = _owner._model;
            foreach (var node in body.DescendantNodes())
            {
                ExpressionSyntax? collection = node switch
                {
                    ElementAccessExpressionSyntax access => access.Expression,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ElementAt" } member } => member.Expression,
                    _ => null,
                };
                if (collection != null && model.GetSymbolInfo(collection).Symbol is { } symbol
                    && symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol && _state.Get(symbol).Has(Taint.Folds))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
