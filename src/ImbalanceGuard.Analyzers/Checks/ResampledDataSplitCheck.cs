using ImbalanceGuard.Analyzers.Analysis;

namespace ImbalanceGuard.Analyzers.Checks;

/// <summary>
/// IG0001's own logic: a train/test split given resampled data. The sink is any splitter the engine
/// recognises (ML.NET's and ImbalanceGuard's splits, <c>[DataSplitter]</c> methods, configured names,
/// and the compilation's own methods that return disjoint parts of their input).
/// </summary>
internal static class ResampledDataSplitCheck
{
    public static void Check(IFlowPoint flow, in SinkCall call)
    {
        if (call.Data.Has(Taint.Resampled))
        {
            flow.Report(Rules.ResampledBeforeSplit, call.Invocation.Syntax, call.Described, call.Data.Resampler ?? "a resampler");
        }
    }
}
