namespace ImbalanceGuard.Monitoring;

/// <summary>The outcome of a chi-square test of two rows of category counts (<see cref="ChiSquareTest.Homogeneity"/>).</summary>
/// <param name="Statistic">Pearson's statistic, with Yates's continuity correction when <paramref name="DegreesOfFreedom"/> is 1.</param>
/// <param name="PValue">The chance of a statistic at least this large when both rows come from one distribution over the categories.</param>
/// <param name="DegreesOfFreedom">The number of categories either row has, less one (0 when there is only one: statistic 0, p-value 1).</param>
public readonly record struct ChiSquareResult(double Statistic, double PValue, int DegreesOfFreedom);
