namespace ImbalanceGuard.Evaluation;

/// <summary>A group whose metric differs most from the rest of the rows in a <see cref="SubgroupReport"/>.</summary>
/// <param name="Group">The group.</param>
/// <param name="Metric">"recall" (at the threshold) or "calibration" (calibration in the large: mean score minus base rate).</param>
/// <param name="GroupValue">The metric on the group's rows.</param>
/// <param name="RestValue">The metric on all other rows together.</param>
public sealed record SubgroupGap(string Group, string Metric, double GroupValue, double RestValue)
{
    /// <summary>The group's value minus the rest's.</summary>
    public double Difference => GroupValue - RestValue;
}
