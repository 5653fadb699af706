namespace ImbalanceGuard.Monitoring;

/// <summary>How far one feature moved between the reference and the current data (one entry of a <see cref="DriftReport"/>).</summary>
public sealed class FeatureDrift
{
    internal FeatureDrift(string name, FeatureKind kind, double statistic, double pValue, double populationStabilityIndex)
    {
        Name = name;
        Kind = kind;
        Statistic = statistic;
        PValue = pValue;
        PopulationStabilityIndex = populationStabilityIndex;
    }

    /// <summary>The feature's column name.</summary>
    public string Name { get; }

    /// <summary>Whether the feature is continuous or categorical.</summary>
    public FeatureKind Kind { get; }

    /// <summary>The test that gave <see cref="Statistic"/> and <see cref="PValue"/>: Kolmogorov–Smirnov for continuous features, chi-square for categorical ones.</summary>
    public DriftTest Test => Kind == FeatureKind.Categorical ? DriftTest.ChiSquare : DriftTest.KolmogorovSmirnov;

    /// <summary>The test's statistic; NaN when one side has no (non-missing) values.</summary>
    public double Statistic { get; }

    /// <summary>The test's p-value before any adjustment; NaN when one side has no (non-missing) values.</summary>
    public double PValue { get; }

    /// <summary>The Benjamini–Hochberg adjusted p-value across all features of the report; NaN with <see cref="PValue"/>.</summary>
    public double AdjustedPValue { get; internal set; } = double.NaN;

    /// <summary>The population stability index (see <see cref="Monitoring.PopulationStabilityIndex"/> for the binning); NaN when one side has no values.</summary>
    public double PopulationStabilityIndex { get; }
}
