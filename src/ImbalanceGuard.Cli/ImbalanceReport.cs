using System.Globalization;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli;

/// <summary>The facts <c>inspect</c> reports about one labelled dataset, and the advice that follows from them.</summary>
internal sealed class ImbalanceReport
{
    // Below this many rows SMOTE's default k_neighbors=5 cannot run on a class.
    private const int SmoteDefaultMinimumRows = 6;

    // From this many rows neighbour searches over the whole data start to take real time.
    private const int LargeRowCount = 100_000;

    private ImbalanceReport(string source, string labelName, long rows, int features, IReadOnlyDictionary<string, long> classCounts, IReadOnlyList<DataNote> notes)
    {
        Notes = notes;
        Source = source;
        LabelName = labelName;
        Rows = rows;
        Features = features;
        ClassCounts = classCounts;
        MajorityClass = classCounts.MaxBy(c => c.Value).Key;
        MinorityClass = classCounts.MinBy(c => c.Value).Key;
    }

    public string Source { get; }

    public string LabelName { get; }

    public long Rows { get; }

    public int Features { get; }

    public IReadOnlyDictionary<string, long> ClassCounts { get; }

    /// <summary>What <see cref="DataNotes"/> found: identifier, time and constant columns, identical rows with different labels.</summary>
    public IReadOnlyList<DataNote> Notes { get; }

    public string MajorityClass { get; }

    public string MinorityClass { get; }

    public long MajorityCount => ClassCounts[MajorityClass];

    public long MinorityCount => ClassCounts[MinorityClass];

    /// <summary>Majority count / minority count.</summary>
    public double ImbalanceRatio => (double)MajorityCount / MinorityCount;

    /// <summary>The accuracy of always predicting the majority class.</summary>
    public double MajorityBaselineAccuracy => (double)MajorityCount / Rows;

    /// <exception cref="DataFormatException">The label column holds a single class: there is no imbalance to measure.</exception>
    public static ImbalanceReport Of(Dataset data, string source)
    {
        var counts = data.ClassCountsByName();
        if (counts.Count < 2)
        {
            throw SingleClass(source, data.Schema.LabelName, counts.Keys.Single());
        }

        return new ImbalanceReport(source, data.Schema.LabelName, data.RowCount, data.FeatureCount, counts.ToDictionary(c => c.Key, c => (long)c.Value), DataNotes.Of(data));
    }

    /// <summary>
    /// The report of a file profiled out of core: exact counts, the constant-column notes, and a note naming the
    /// checks that need every row in memory and were skipped.
    /// </summary>
    /// <exception cref="DataFormatException">The label column holds a single class.</exception>
    public static ImbalanceReport Of(StreamedProfile profile, string source)
    {
        if (profile.ClassCounts.Count < 2)
        {
            throw SingleClass(source, profile.LabelColumn, profile.ClassCounts[0].Key);
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, count) in profile.ClassCounts)
        {
            counts.Add(name, count);
        }

        var notes = profile.ConstantColumns.Select(c => DataNotes.Constant(c.Name, c.Value)).ToList();
        notes.Add(new DataNote(
            "skipped",
            null,
            "Out of core, the checks for identifier and time columns and for identical rows with different labels were skipped: they need every row in memory. "
            + "Give --memory-limit at least four times the file's size to read it in memory and have them."));
        return new ImbalanceReport(source, profile.LabelColumn, profile.Rows, profile.Features, counts, notes);
    }

    private static DataFormatException SingleClass(string source, string label, string only) => new(
        $"{source}: the label column '{label}' holds a single class ('{only}'); imbalance needs at least two classes. Is --label the right column?");

    /// <summary>A short paragraph: how to evaluate, when to resample, and which samplers fit this size.</summary>
    public string Advice()
    {
        var text = new List<string>();
        var baseline = MajorityBaselineAccuracy.ToString("0.0%", CultureInfo.InvariantCulture);
        if (ImbalanceRatio < 1.5)
        {
            text.Add($"The classes are close to balanced; always predicting '{MajorityClass}' scores {baseline}, so accuracy is still a weak yardstick, and resampling may not be needed at all.");
        }
        else
        {
            text.Add($"Accuracy is meaningless here: always predicting '{MajorityClass}' already scores {baseline}.");
        }

        var multiclass = ClassCounts.Count > 2;
        text.Add(multiclass
            ? "Judge models by macro-averaged PR-AUC, MCC, balanced accuracy and per-class recall instead."
            : $"Judge models by PR-AUC (average precision for class '{MinorityClass}'), MCC and balanced accuracy instead.");
        text.Add("Split before resampling: resample only the training split (the file you give to resample) and evaluate on untouched rows; "
            + "resampling before a split or before cross-validation leaks copies of test rows into training and inflates every score.");
        text.Add(SamplerAdvice());
        if (MinorityCount < AnomalyShare * Rows)
        {
            // Below about 0.1 % the rare class is too thin to learn as a class: model what normal looks like instead.
            text.Add($"Class '{MinorityClass}' is {(100.0 * MinorityCount / Rows).ToString("0.###", CultureInfo.InvariantCulture)} % of the rows, below 0.1 %: "
                + "frame it as anomaly detection too — compare --strategies none,class-weight,isolation-forest grows an isolation forest on the other rows and calibrates its scores inside each fold.");
        }

        return string.Join(' ', text);
    }

    /// <summary>The share of rows below which the rare class is better framed as an anomaly (the seeds' ~0.1 %).</summary>
    private const double AnomalyShare = 0.001;

    private string SamplerAdvice()
    {
        var minority = MinorityCount;
        if (minority < SmoteDefaultMinimumRows)
        {
            var smote = minority >= 2
                ? $", or SMOTE with --param k_neighbors={(minority - 1).ToString(CultureInfo.InvariantCulture)}"
                : string.Empty;
            return $"Class '{MinorityClass}' has only {Plural.Of(minority, "row", "rows")}, too few for SMOTE's default 5 neighbours: "
                + $"use {Samplers("random-over")}{smote}; better still, collect more rows of it.";
        }

        if (Rows >= LargeRowCount)
        {
            return $"With {Rows.ToString("N0", CultureInfo.InvariantCulture)} rows, neighbour-based samplers take a while: "
                + $"{Samplers("random-under", "random-over")} are the fastest; {Samplers("smote", "cluster-centroids")} are worth their cost on a sample first.";
        }

        if (ImbalanceRatio >= 10)
        {
            return $"With a {ImbalanceRatio.ToString("0.#", CultureInfo.InvariantCulture)}:1 imbalance, under-sampling alone throws most rows away: "
                + $"over-sample the minority with {Samplers("smote", "borderline-smote-1", "adasyn", "svm-smote")}, or combine with cleaning ({Samplers("smote-tomek", "smote-enn")}).";
        }

        return $"At this size any sampler runs quickly: try {Samplers("smote", "random-over")} to grow the minority, "
            + $"{Samplers("random-under", "near-miss-1")} to shrink the majority, or {Samplers("tomek-links", "enn")} to clean the class border, and compare them on a validation split.";
    }

    /// <summary>The named samplers this build has (others may still be on their way), as <c>a, b or c</c>.</summary>
    private static string Samplers(params string[] names)
    {
        var known = names.Where(n => SamplerCatalog.Names.Contains(n, StringComparer.Ordinal)).ToArray();
        return known.Length switch
        {
            0 => "a sampler from 'imbalance-guard resample --help'",
            1 => known[0],
            _ => string.Join(", ", known[..^1]) + " or " + known[^1],
        };
    }
}
