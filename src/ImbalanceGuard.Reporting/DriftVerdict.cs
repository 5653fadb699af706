using System.Globalization;
using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Reporting;

/// <summary>The one-line verdict of a drift comparison, shared by the <c>drift</c> command and its HTML page.</summary>
public static class DriftVerdict
{
    /// <summary>
    /// Which features drifted (and the worst), whether the class counts changed, and the estimated positive rate with
    /// the alerts it implies at the threshold — each only where the data allows it.
    /// </summary>
    public static string Of(DriftReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var parts = new List<string>();
        var drifted = data.Drifted;
        var total = data.Features.Count;
        parts.Add(total == 0
            ? "No feature columns to compare"
            : drifted.Count == 0
            ? Invariant($"No feature drift: none of the {total} {(total == 1 ? "feature" : "features")} differs at a {Rate} false-discovery rate")
            : Invariant($"Feature drift in {drifted.Count} of {total} {(total == 1 ? "feature" : "features")} at a {Rate} false-discovery rate, most of all {drifted[0].Name} ({Describe(drifted[0])})"));
        if (data.ClassChange is { } change)
        {
            parts.Add(change.PValue < DriftReportData.FalseDiscoveryRate
                ? Invariant($"the class counts changed (chi-square {PIs(change.PValue)})")
                : Invariant($"the class counts did not change detectably (chi-square {PIs(change.PValue)})"));
        }

        if (data.Estimate is { } estimate)
        {
            var rate = Invariant($"{(data.PositiveRateMoved ? "the positive rate has moved: it" : "the positive rate")} is estimated at {estimate.PositiveRate:0.0000} (95 % interval {estimate.IntervalLow:0.0000}–{estimate.IntervalHigh:0.0000}) against {estimate.ReferencePositiveRate:0.0000} in the reference");
            if (estimate.ExpectedAlertsPer(1000) is { } alerts)
            {
                rate += Invariant($", so {alerts:0.#} alerts per 1,000 rows are expected at threshold {estimate.Threshold:0.###}");
            }

            parts.Add(rate);
        }

        return string.Join("; ", parts) + ".";
    }

    /// <summary>A feature's test, statistic and stability index in a few words, e.g. "KS 0.143, PSI 0.153".</summary>
    public static string Describe(FeatureDrift feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return Invariant($"{(feature.Test == DriftTest.ChiSquare ? "chi-square" : "KS")} {feature.Statistic:0.###}, PSI {feature.PopulationStabilityIndex:0.###}");
    }

    /// <summary>A p-value to three decimals, or in scientific notation below 0.001 (where three decimals would read 0).</summary>
    public static string PValue(double p) => double.IsNaN(p) ? "n/a"
        : p == 0 ? "< 1E-300" // below the smallest double the tests' tails reach: printing 0.00E+0 would claim certainty
        : p.ToString(p < 0.001 ? "0.00E+0" : "0.###", CultureInfo.InvariantCulture);

    /// <summary>"p = 0.012", or "p &lt; 1E-300" where the p-value underflowed to 0.</summary>
    public static string PIs(double p) => p == 0 ? "p < 1E-300" : "p = " + PValue(p);

    private static string Rate => Invariant($"{DriftReportData.FalseDiscoveryRate * 100:0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
