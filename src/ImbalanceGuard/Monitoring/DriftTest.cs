namespace ImbalanceGuard.Monitoring;

/// <summary>The test a <see cref="FeatureDrift"/> comes from, decided by the feature's kind.</summary>
public enum DriftTest
{
    /// <summary>The two-sample Kolmogorov–Smirnov test (<see cref="KolmogorovSmirnov"/>), for continuous features.</summary>
    KolmogorovSmirnov,

    /// <summary>The chi-square test of the category counts (<see cref="ChiSquareTest"/>), for categorical features.</summary>
    ChiSquare,
}
