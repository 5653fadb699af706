using ImbalanceGuard.Analyzers.Checks;

namespace ImbalanceGuard.Analyzers.Analysis;

/// <summary>
/// Where the engine hands a sink to the rules. Each hook runs on the converged state, in the report pass
/// only, once per sink call. A new leakage rule is one file in <c>Checks/</c> plus a line in the hook(s) of
/// the sinks it watches (and, if it needs a new kind of data, a <see cref="Taint"/> bit recognised in
/// <see cref="GraphRun"/>'s source hooks).
/// </summary>
internal static class LeakChecks
{
    /// <summary>A train/test split (ML.NET, ImbalanceGuard, attributed, named, or a splitter by shape).</summary>
    public static void AtSplit(IFlowPoint flow, in SinkCall call)
    {
        ResampledDataSplitCheck.Check(flow, call);
        PreprocessingBeforeSplitCheck.CheckSplitOrCrossValidation(flow, call);
    }

    /// <summary>A fold generator or a cross-validation call (or a hand-written fold cut).</summary>
    public static void AtCrossValidation(IFlowPoint flow, in SinkCall call)
    {
        ResamplingOutsideFoldsCheck.CheckCrossValidation(flow, call);
        PreprocessingBeforeSplitCheck.CheckSplitOrCrossValidation(flow, call);
    }

    /// <summary>
    /// The <c>Take</c> of a hand-written <c>Take</c>/<c>Skip</c> split of tainted data (see <see cref="HandWrittenSplit"/>).
    /// Only IG0007 watches it: the resampling rules keep to the splitters they name.
    /// </summary>
    public static void AtHandWrittenSplit(IFlowPoint flow, in SinkCall call)
    {
        PreprocessingBeforeSplitCheck.CheckHandWrittenSplit(flow, call);
    }

    /// <summary>A resampler's input: evaluation data first (IG0003), else resampling inside a fold loop on the wrong data (IG0002).</summary>
    public static void AtResampler(IFlowPoint flow, in SinkCall call)
    {
        if (!ResampledEvaluationDataCheck.Check(flow, call))
        {
            ResamplingOutsideFoldsCheck.CheckResamplerInFoldLoop(flow, call);
        }
    }
}
