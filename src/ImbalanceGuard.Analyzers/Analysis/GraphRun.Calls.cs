using System.Collections.Generic;
using System.Linq;
using ImbalanceGuard.Analyzers.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// Calls in a graph run: the method's role (library, attribute, name, hand-written shape, or the summary of
/// one of the compilation's own methods), the sinks handed to the rules' checks, the sources a call adds,
/// and local functions run with their arguments.
/// </summary>
internal sealed partial class GraphRun
{
    /// <summary>
    /// A call: its role decides what it is (resampler, splitter, fold generator, cross-validation, fold cut);
    /// the sinks are checked in the report pass; the result carries the data-like arguments' taint plus what
    /// the role or the summary adds; containers it fills and out/ref arguments take the result.
    /// </summary>
    private TaintValue VisitInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var role = Context.GetRole(method);
        MethodSummary? summary = null;
        if (role.Kind == MethodRoleKind.None)
        {
            role = _owner.ShapeRole(invocation);
            if (role.Kind == MethodRoleKind.None)
            {
                // One of the compilation's own methods: what it does to data, from its summary.
                summary = _owner.SummaryOf(invocation);
                role = summary == null ? role : RoleAtCallSite(summary);
            }
        }

        var selfAppend = _owner.Pre.SelfAppends.Contains(invocation.Syntax);
        var localFunction = method.MethodKind == MethodKind.LocalFunction && role.Kind == MethodRoleKind.None;
        List<(int Ordinal, TaintValue Taint)>? localArguments = localFunction ? [] : null;

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
            if (localArguments != null && argument.Parameter != null)
            {
                localArguments.Add((argument.Parameter.Ordinal, taint));
            }

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

        if (localArguments != null)
        {
            flow = flow.Union(RunLocalFunction(method.OriginalDefinition, localArguments));
        }

        if (_report)
        {
            DispatchSinks(new SinkCall(invocation, role, data, hasData));
        }

        var result = Sources(invocation, role, flow, data, selfAppend, summary);
        if (summary != null)
        {
            result = ApplySummary(invocation, summary, result);
        }

        if (selfAppend)
        {
            // Hand-rolled oversampling: a collection grown with copies of its own rows.
            var grown = instance.Union(flow);
            if (_report)
            {
                LeakChecks.AtResampler(this, new SinkCall(invocation, new MethodRole(MethodRoleKind.Resampler, null), grown, hasData: true));
            }

            var name = FlowAnalysis.Describe(invocation.Syntax);
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

    /// <summary>
    /// The sinks: where a call hands the data it was given to the rules' checks (report pass only). A new
    /// kind of sink is recognised here; a new rule on an existing sink adds itself in <see cref="LeakChecks"/>.
    /// </summary>
    private void DispatchSinks(in SinkCall call)
    {
        switch (call.Role.Kind)
        {
            case MethodRoleKind.Resampler:
                LeakChecks.AtResampler(this, call);
                break;
            case MethodRoleKind.Splitter:
                LeakChecks.AtSplit(this, call);
                break;
            case MethodRoleKind.FoldGenerator:
            case MethodRoleKind.CrossValidation:
            case MethodRoleKind.FoldCut:
                LeakChecks.AtCrossValidation(this, call);
                break;
            case MethodRoleKind.None when !call.Data.IsEmpty && HandWrittenSplit.IsSplitCut(call.Invocation, Model):
                LeakChecks.AtHandWrittenSplit(this, call);
                break;
        }
    }

    /// <summary>
    /// The sources recognised on invocations, and what each role does to the taint of its result: a
    /// resampler's output is resampled, a split's or fold generator's parts are not evaluation data, folds
    /// are folds, a method marked or typed as evaluation data returns evaluation data, the output of
    /// preprocessing fitted on the same rows is preprocessed (IG0007). A new taint bit's invocation sources are
    /// added here.
    /// </summary>
    private TaintValue Sources(IInvocationOperation invocation, MethodRole role, TaintValue flow, TaintValue data, bool selfAppend, MethodSummary? summary)
    {
        var method = invocation.TargetMethod;
        var result = flow;
        var described = selfAppend ? null : FlowAnalysis.Describe(invocation.Syntax);
        if (summary != null && described != null)
        {
            described = Through(described, summary.Returned.Resampler ?? summary.Parameters.Values.FirstOrDefault(p => p.Resampler != null).Resampler);
        }
        switch (role.Kind)
        {
            case MethodRoleKind.Resampler:
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
                result = flow.Without(Taint.Evaluation);
                break;
            case MethodRoleKind.FoldGenerator:
            case MethodRoleKind.CrossValidation:
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
                    result = result.With(Taint.Evaluation, "'" + FlowAnalysis.Describe(invocation.Syntax) + "'");
                }

                // Transform after Fit on the same rows, FitTransform, rows rescaled with their own statistics.
                if (PreprocessingBeforeSplitCheck.Preprocessing(invocation, _owner) is { } preprocessing)
                {
                    result = result.With(Taint.Preprocessed, preprocessing);
                }

                break;
        }

        return result;
    }

    /// <summary>A method of the compilation is a resampler where it returns resampled data or resamples the data it is given, and a splitter where it returns disjoint parts of its input.</summary>
    private static MethodRole RoleAtCallSite(MethodSummary summary)
    {
        if (summary.SplitsParameter != null)
        {
            return new MethodRole(MethodRoleKind.Splitter, summary.SplitsParameter);
        }

        if (summary.Returned.Has(Taint.Resampled) || summary.Parameters.Values.Any(p => p.Has(Taint.Resampled)))
        {
            return new MethodRole(MethodRoleKind.Resampler, null);
        }

        return MethodRole.None;
    }

    /// <summary>A call of one of the compilation's methods named with the resampler it leads to: <c>LoadBalanced (through smote.Resample)</c>.</summary>
    private static string Through(string call, string? inner)
    {
        if (inner == null)
        {
            return call;
        }

        var through = inner.LastIndexOf("(through ", System.StringComparison.Ordinal);
        var origin = through < 0 ? inner : inner.Substring(through + 9).TrimEnd(')');
        return call + " (through " + origin + ")";
    }

    /// <summary>
    /// The rest of a summary at its call site: evaluation data or folds returned, the data of the arguments
    /// the method fills, and the fields and properties of this instance's type it stores into.
    /// </summary>
    private TaintValue ApplySummary(IInvocationOperation invocation, MethodSummary summary, TaintValue result)
    {
        var described = FlowAnalysis.Describe(invocation.Syntax);
        var returned = summary.Returned;
        if (returned.Has(Taint.Evaluation))
        {
            result = result.With(Taint.Evaluation, "'" + described + "', which returns " + (returned.Evaluation ?? "evaluation data"));
        }

        if (returned.Has(Taint.Folds))
        {
            result = result.With(Taint.Folds, null);
        }

        if (returned.Has(Taint.Preprocessed))
        {
            // PreprocessData(data) that fits a normalizer on its parameter and returns the transformed rows.
            result = result.With(Taint.Preprocessed, ReturnedBy(described, returned.Preprocessing));
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter != null && summary.Parameters.TryGetValue(argument.Parameter.Ordinal, out var left) && AsLambda(argument.Value) == null)
            {
                AddToContainer(argument.Value, Renamed(left, described));
            }
        }

        if (invocation.Instance is null or IInstanceReferenceOperation)
        {
            foreach (var pair in summary.Members)
            {
                _state.Add(pair.Key, Renamed(pair.Value, described));
            }
        }

        return result;
    }

    private static TaintValue Renamed(TaintValue value, string call)
        => new(value.Bits, value.Resampler == null ? null : Through(call, value.Resampler), value.Evaluation, value.Preprocessing);

    /// <summary>
    /// How returned data was preprocessed, named with the call that returned it: <c>returned by 'PreprocessData',
    /// transformed by '…'</c>. Through several helpers the outermost call (the one the reader sees) is named.
    /// </summary>
    private static string? ReturnedBy(string call, string? preprocessing)
    {
        if (preprocessing == null)
        {
            return null;
        }

        const string Prefix = "returned by '";
        if (preprocessing.StartsWith(Prefix, System.StringComparison.Ordinal))
        {
            var end = preprocessing.IndexOf("', ", Prefix.Length, System.StringComparison.Ordinal);
            preprocessing = end < 0 ? preprocessing : preprocessing.Substring(end + 3);
        }

        return Prefix + call + "', " + preprocessing;
    }

    /// <summary>
    /// A call of a local function (top-level statements keep their helpers there): its graph runs with the
    /// arguments' taint in its parameters and the captured state around it; what it returns flows to the
    /// call, and what it leaves in captured variables and fields stays. Recursion runs it once.
    /// </summary>
    private TaintValue RunLocalFunction(IMethodSymbol function, List<(int Ordinal, TaintValue Taint)> arguments)
    {
        ControlFlowGraph graph;
        try
        {
            graph = _graph.GetLocalFunctionControlFlowGraphInScope(function, _owner.CancellationToken);
        }
        catch (System.ArgumentException)
        {
            return default;
        }

        if (!_owner.EnterLocalFunction(function))
        {
            return default;
        }

        try
        {
            var initial = _state.Clone();
            foreach (var parameter in function.Parameters)
            {
                initial.Set(parameter, default);
            }

            foreach (var (ordinal, taint) in arguments)
            {
                if (ordinal < function.Parameters.Length)
                {
                    initial.Set(function.Parameters[ordinal], taint);
                }
            }

            var run = new GraphRun(_owner, graph);
            var returned = run.Run(initial, report: false);
            foreach (var pair in run.ExitState.Entries)
            {
                if (pair.Key is ISymbol symbol && !SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol, function))
                {
                    _state.Add(symbol, pair.Value);
                }
            }

            return returned;
        }
        finally
        {
            _owner.ExitLocalFunction(function);
        }
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
}
