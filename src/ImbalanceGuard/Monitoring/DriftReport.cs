using System.Globalization;

namespace ImbalanceGuard.Monitoring;

/// <summary>
/// Feature drift between a reference dataset (what the model was built and validated on) and current data, one
/// <see cref="FeatureDrift"/> per feature, the most severe first.
/// </summary>
/// <remarks>
/// Continuous features get the two-sample Kolmogorov–Smirnov test (<see cref="KolmogorovSmirnov"/>), categorical ones
/// the chi-square test of their category counts (<see cref="ChiSquareTest"/>); both agree with SciPy 1.10. Categories
/// are matched by their text (a number by its shortest round-trip text), since each file codes its categories
/// separately; one only one side has is kept. Every feature also gets its population stability index. The p-values
/// are adjusted across the features by Benjamini–Hochberg, so a threshold on the adjusted value bounds the share of
/// false alarms among the features flagged. Severity: adjusted p-value ascending, then the stability index descending,
/// then column order. The label and row weights are not features; the tests are unweighted; missing values (NaN) are
/// left out.
/// </remarks>
public sealed class DriftReport
{
    private DriftReport(IReadOnlyList<FeatureDrift> features, int referenceRowCount, int currentRowCount)
    {
        Features = features;
        ReferenceRowCount = referenceRowCount;
        CurrentRowCount = currentRowCount;
    }

    /// <summary>Every feature, the most severe drift first.</summary>
    public IReadOnlyList<FeatureDrift> Features { get; }

    /// <summary>The number of reference rows.</summary>
    public int ReferenceRowCount { get; }

    /// <summary>The number of current rows.</summary>
    public int CurrentRowCount { get; }

    /// <summary>The drift of the feature with this name.</summary>
    /// <exception cref="ArgumentException">No feature has that name.</exception>
    public FeatureDrift Feature(string name)
        => Features.FirstOrDefault(f => f.Name == name)
            ?? throw new ArgumentException($"There is no feature '{name}'; the features are {string.Join(", ", Features.Select(f => f.Name))}.", nameof(name));

    /// <summary>Compares every feature of <paramref name="current"/> with the same feature of <paramref name="reference"/>.</summary>
    /// <exception cref="DriftColumnsException">The two have different feature columns: names, order or kinds.</exception>
    /// <exception cref="ArgumentException">Either has no rows.</exception>
    public static DriftReport Of(LabeledData reference, LabeledData current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        CheckColumns(reference.Schema, current.Schema);
        if (reference.RowCount == 0 || current.RowCount == 0)
        {
            throw new ArgumentException($"Drift needs rows on both sides; the {(reference.RowCount == 0 ? "reference" : "current")} data has none.");
        }

        var schema = reference.Schema;
        var features = new FeatureDrift[schema.FeatureCount];
        for (var j = 0; j < features.Length; j++)
        {
            var name = schema.FeatureNames[j];
            var a = Column(reference, j);
            var b = Column(current, j);
            features[j] = schema.FeatureKinds[j] == FeatureKind.Categorical
                ? Categorical(name, Keys(a, reference.Schema.CategoryLevels(j)), Keys(b, current.Schema.CategoryLevels(j)))
                : Numeric(name, a, b);
        }

        var adjusted = BenjaminiHochberg.Adjust(features.Select(f => f.PValue).ToArray());
        for (var j = 0; j < features.Length; j++)
        {
            features[j].AdjustedPValue = adjusted[j];
        }

        var ranked = features
            .Select((feature, position) => (feature, position))
            .OrderBy(x => double.IsNaN(x.feature.AdjustedPValue) ? double.PositiveInfinity : x.feature.AdjustedPValue)
            .ThenByDescending(x => double.IsNaN(x.feature.PopulationStabilityIndex) ? double.NegativeInfinity : x.feature.PopulationStabilityIndex)
            .ThenBy(x => x.position)
            .Select(x => x.feature)
            .ToArray();
        return new DriftReport(ranked, reference.RowCount, current.RowCount);
    }

    private static FeatureDrift Numeric(string name, double[] reference, double[] current)
    {
        var a = reference.Where(v => !double.IsNaN(v)).ToArray();
        var b = current.Where(v => !double.IsNaN(v)).ToArray();
        if (a.Length == 0 || b.Length == 0)
        {
            return new FeatureDrift(name, FeatureKind.Continuous, double.NaN, double.NaN, double.NaN);
        }

        var test = KolmogorovSmirnov.TwoSample(a, b);
        return new FeatureDrift(name, FeatureKind.Continuous, test.Statistic, test.PValue, PopulationStabilityIndex.Numeric(a, b));
    }

    private static FeatureDrift Categorical(string name, string?[] reference, string?[] current)
    {
        var categories = reference.Concat(current).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var referenceCounts = Counts(reference, index);
        var currentCounts = Counts(current, index);
        if (referenceCounts.Sum() == 0 || currentCounts.Sum() == 0)
        {
            return new FeatureDrift(name, FeatureKind.Categorical, double.NaN, double.NaN, double.NaN);
        }

        var test = ChiSquareTest.Homogeneity(referenceCounts, currentCounts);
        return new FeatureDrift(name, FeatureKind.Categorical, test.Statistic, test.PValue, PopulationStabilityIndex.FromCounts(referenceCounts, currentCounts));
    }

    private static long[] Counts(string?[] values, Dictionary<string, int> index)
    {
        var counts = new long[index.Count];
        foreach (var value in values)
        {
            if (value is not null)
            {
                counts[index[value]]++;
            }
        }

        return counts;
    }

    /// <summary>The category text of each value: its level, or the code itself written as it reads; null when missing.</summary>
    private static string?[] Keys(double[] codes, IReadOnlyList<string>? levels)
        => codes.Select(code => double.IsNaN(code)
                ? null
                : levels is null ? code.ToString("R", CultureInfo.InvariantCulture) : levels[(int)code])
            .ToArray();

    private static double[] Column(LabeledData data, int feature)
    {
        var column = new double[data.RowCount];
        for (var row = 0; row < column.Length; row++)
        {
            column[row] = data.GetRow(row)[feature];
        }

        return column;
    }

    private static void CheckColumns(DataSchema reference, DataSchema current)
    {
        var onlyReference = reference.FeatureNames.Except(current.FeatureNames, StringComparer.Ordinal).ToArray();
        var onlyCurrent = current.FeatureNames.Except(reference.FeatureNames, StringComparer.Ordinal).ToArray();
        var problems = new List<string>();
        var columns = new List<string>();
        if (onlyReference.Length > 0)
        {
            problems.Add($"only the reference has {string.Join(", ", onlyReference)}");
            columns.AddRange(onlyReference);
        }

        if (onlyCurrent.Length > 0)
        {
            problems.Add($"only the current data has {string.Join(", ", onlyCurrent)}");
            columns.AddRange(onlyCurrent);
        }

        if (problems.Count == 0)
        {
            var moved = reference.FeatureNames.Where((name, j) => current.FeatureNames[j] != name).ToArray();
            if (moved.Length > 0)
            {
                problems.Add($"{string.Join(", ", moved)} {(moved.Length == 1 ? "is" : "are")} in a different order");
                columns.AddRange(moved);
            }

            var kinds = reference.FeatureNames
                .Where(name => reference.FeatureKinds[reference.FeatureIndex(name)] != current.FeatureKinds[current.FeatureIndex(name)])
                .ToArray();
            foreach (var name in kinds)
            {
                var kind = reference.FeatureKinds[reference.FeatureIndex(name)];
                problems.Add($"{name} is {Describe(kind)} in the reference and {Describe(current.FeatureKinds[current.FeatureIndex(name)])} in the current data");
                columns.Add(name);
            }
        }

        if (problems.Count > 0)
        {
            throw new DriftColumnsException(
                $"The reference and current data must have the same feature columns: {string.Join("; ", problems)}.",
                columns.Distinct(StringComparer.Ordinal).ToArray());
        }
    }

    private static string Describe(FeatureKind kind) => kind == FeatureKind.Categorical ? "categorical" : "numeric";
}
