namespace ImbalanceGuard.Monitoring;

/// <summary>The outcome of a two-sample Kolmogorov–Smirnov test (<see cref="KolmogorovSmirnov.TwoSample"/>).</summary>
/// <param name="Statistic">The largest distance between the two empirical distribution functions, in [0, 1].</param>
/// <param name="PValue">The two-sided p-value: the chance of a distance at least this large when both samples come from one continuous distribution.</param>
/// <param name="Exact">Whether the p-value is the exact one (both samples at most 10 000 values) rather than the asymptotic one.</param>
public readonly record struct KolmogorovSmirnovResult(double Statistic, double PValue, bool Exact);
