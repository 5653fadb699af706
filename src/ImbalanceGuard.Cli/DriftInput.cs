using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Monitoring;
using ImbalanceGuard.Reporting;

namespace ImbalanceGuard.Cli;

/// <summary>
/// Reads the two files of <c>drift</c>: each with its labels when it has the label column, else without
/// (<see cref="UnlabeledCsv"/>); the label and score columns are never features; then the drift, the class counts and,
/// from the current scores when the current file has no labels, the prior-shift estimate.
/// </summary>
internal static class DriftInput
{
    /// <param name="referencePath">The reference file: labels (and scores) when <paramref name="label"/> (and <paramref name="score"/>) are given.</param>
    /// <param name="currentPath">The current file: labels optional.</param>
    /// <param name="reading">How both files are read (separator, ignored and categorical columns); its label is <paramref name="label"/>.</param>
    /// <param name="label">The label column, or null when neither file is read with labels.</param>
    /// <param name="score">The score column, or null; requires <paramref name="label"/>.</param>
    /// <param name="positive">The positive class of the scores; null for the default of <see cref="ScoredCsv"/>.</param>
    /// <param name="options">The threshold and bootstrap seed of the estimate.</param>
    /// <param name="stderr">Where warnings go.</param>
    public static DriftReportData Load(
        string referencePath,
        string currentPath,
        CsvLoadOptions reading,
        string? label,
        string? score,
        string? positive,
        PriorShiftOptions options,
        TextWriter stderr)
    {
        // The reference's scores first: a missing score column is named as such, not as an unknown ignored column.
        var referenceScored = score is null ? null : TableFile.LoadScored(referencePath, label!, score, positive, reading.Separator, null, reading.Limits);
        var referenceScores = referenceScored?.Scores;
        var currentColumns = TableFile.Columns(currentPath, reading).Select(c => c.Trim()).ToArray();
        var currentHasLabels = label is not null && currentColumns.Contains(label, StringComparer.Ordinal);
        if (score is not null && !HasFeatures(TableFile.Columns(referencePath, reading), reading, label, score) && !HasFeatures(currentColumns, reading, label, score))
        {
            return ScoresAlone(referencePath, currentPath, referenceScored!, currentHasLabels, reading, label!, score, positive, options, stderr);
        }

        var reference = label is null
            ? TableFile.LoadUnlabeled(referencePath, reading).Features
            : DataOptions.Load(referencePath, Ignoring(reading, score), stderr);
        LabeledData current;
        IReadOnlyList<double>? currentScores = null;
        if (currentHasLabels)
        {
            // With labels the class counts say what happened; the scores, if there, are set aside like the reference's.
            var hasScore = score is not null && currentColumns.Contains(score, StringComparer.Ordinal);
            current = DataOptions.Load(currentPath, Ignoring(reading, hasScore ? score : null), stderr);
            WarnUnused(stderr, Path.GetFileName(currentPath), label!, score, options.Threshold);
        }
        else
        {
            var unlabelled = TableFile.LoadUnlabeled(currentPath, WithoutLabel(reading), score);
            current = unlabelled.Features;
            currentScores = unlabelled.Scores;
        }

        return new DriftReportData(Path.GetFileName(referencePath), Path.GetFileName(currentPath), reference.RowCount, current.RowCount)
        {
            Drift = DriftReport.Of(reference, current),
            Reference = reference,
            Current = current,
            ClassCountsReference = label is null ? null : reference.ClassCountsByName(),
            ClassCountsCurrent = currentHasLabels ? current.ClassCountsByName() : null,
            ReferenceScores = currentScores is null ? null : referenceScores,
            CurrentScores = currentScores,
            Estimate = referenceScores is not null && currentScores is not null ? PriorShift.Estimate(referenceScores, currentScores, options) : null,
        };
    }

    /// <summary>Files of a label and a score and nothing else to compare: the class counts and the estimate, no feature drift.</summary>
    private static DriftReportData ScoresAlone(
        string referencePath,
        string currentPath,
        ScoredData reference,
        bool currentHasLabels,
        CsvLoadOptions reading,
        string label,
        string score,
        string? positive,
        PriorShiftOptions options,
        TextWriter stderr)
    {
        var referenceCounts = Counts(reference);
        if (currentHasLabels)
        {
            var current = TableFile.LoadScored(currentPath, label, score, positive ?? reference.PositiveClass, reading.Separator, null, reading.Limits);
            WarnUnused(stderr, Path.GetFileName(currentPath), label, score, options.Threshold);
            return new DriftReportData(Path.GetFileName(referencePath), Path.GetFileName(currentPath), reference.Scores.Count, current.Scores.Count)
            {
                ClassCountsReference = referenceCounts,
                ClassCountsCurrent = Counts(current),
            };
        }

        var currentScores = TableFile.LoadScores(currentPath, score, reading.Separator, reading.Limits);
        return new DriftReportData(Path.GetFileName(referencePath), Path.GetFileName(currentPath), reference.Scores.Count, currentScores.Count)
        {
            ClassCountsReference = referenceCounts,
            ReferenceScores = reference.Scores,
            CurrentScores = currentScores,
            Estimate = PriorShift.Estimate(reference.Scores, currentScores, options),
        };
    }

    /// <summary>With labels in the current file nothing is estimated: say that --score and --threshold were not used, rather than drop them silently.</summary>
    private static void WarnUnused(TextWriter stderr, string currentName, string label, string? score, double? threshold)
    {
        if (score is not null)
        {
            stderr.WriteLine($"warning: {currentName} has the label column '{label}', so its class counts are compared and its positive rate is not estimated; "
                + (threshold is null ? "--score is not used." : "--score and --threshold are not used."));
        }
    }

    /// <summary>Whether a file with these columns has any left once the label, score and ignored columns are set aside.</summary>
    private static bool HasFeatures(IEnumerable<string> columns, CsvLoadOptions reading, string? label, string score)
        => columns.Select(c => c.Trim()).Any(c => c != label && c != score && !(reading.IgnoreColumns ?? []).Contains(c, StringComparer.Ordinal));

    /// <summary>Rows per class of scored data, the negative class first (the order a 0/1 label sorts in).</summary>
    private static Dictionary<string, int> Counts(ScoredData data) => new(StringComparer.Ordinal)
    {
        [data.NegativeClass] = (int)data.Scores.NegativeWeight,
        [data.PositiveClass] = (int)data.Scores.PositiveWeight,
    };

    /// <summary>The reading options with the score column set aside too: it is not a feature.</summary>
    private static CsvLoadOptions Ignoring(CsvLoadOptions reading, string? score) => score is null
        ? reading
        : reading with { IgnoreColumns = [.. reading.IgnoreColumns ?? [], score] };

    private static CsvLoadOptions WithoutLabel(CsvLoadOptions reading) => reading with { LabelColumn = null };
}
