using ImbalanceGuard.Analyzers.Analysis;

namespace ImbalanceGuard.Analyzers.Checks;

/// <summary>IG0003's own logic: a resampler given evaluation data (test, validation, holdout, or derived from it).</summary>
internal static class ResampledEvaluationDataCheck
{
    /// <summary>Reports the resampler call when its data is evaluation data; returns whether it did.</summary>
    public static bool Check(IFlowPoint flow, in SinkCall call)
    {
        if (!call.HasData || !call.Data.Has(Taint.Evaluation))
        {
            return false;
        }

        flow.Report(Rules.ResampledEvaluationData, call.Invocation.Syntax, call.Described, call.Data.Evaluation ?? "evaluation data");
        return true;
    }
}
