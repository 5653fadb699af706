using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Reporting.Tests;

/// <summary>Reports built from real comparisons on the bundled data, once per test run.</summary>
internal static class ReportFixtures
{
    private static readonly Lazy<ReportData> HacideData = new(() => Compare("hacide.csv", ["none", "smote", "random-under"], withScatter: true));

    /// <summary>hacide (two features, 2% minority): three strategies and a SMOTE scatter.</summary>
    public static ReportData Hacide => HacideData.Value;

    public static ReportData Compare(string file, IReadOnlyList<string> strategies, bool withScatter = false, LabeledData? data = null)
    {
        var dataset = RepositoryFiles.LoadData(file);
        var results = StrategyComparison.Run(dataset, strategies, "logistic", new StratifiedKFold(3, shuffle: true, seed: 1), seed: 1);
        return new ReportData(file, data ?? dataset, results, "Three stratified folds, logistic regression, seed 1.")
        {
            ResampledExample = withScatter ? new Smote { Seed = 1 }.Resample(Split.FromPreSplit(dataset)) : null,
        };
    }
}
