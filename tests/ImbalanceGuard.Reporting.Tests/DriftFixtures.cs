using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Monitoring;

namespace ImbalanceGuard.Reporting.Tests;

/// <summary>Drift pages' data from the repository's example files, built as the <c>drift</c> command builds them.</summary>
internal static class DriftFixtures
{
    private static readonly Lazy<DriftReportData> AtThreshold = new(() => Scored(0.5));

    /// <summary>
    /// docs/examples' pima halves: a labelled, scored reference and an unlabelled, scored current file with 3 of every 4
    /// positives dropped; estimated at threshold 0.5.
    /// </summary>
    public static DriftReportData Example => AtThreshold.Value;

    public static DriftReportData Scored(double? threshold)
    {
        var referencePath = ExampleFile("pima_drift_reference.csv");
        var currentPath = ExampleFile("pima_drift_current.csv");
        var reference = Dataset.LoadCsv(referencePath, new CsvLoadOptions { LabelColumn = "label", IgnoreColumns = ["score"] });
        var current = UnlabeledCsv.Load(currentPath, scoreColumn: "score");
        var referenceScores = ScoredCsv.Load(referencePath, "label", "score").Scores;
        return new DriftReportData("pima_drift_reference.csv", "pima_drift_current.csv", reference.RowCount, current.Features.RowCount)
        {
            Drift = DriftReport.Of(reference, current.Features),
            Reference = reference,
            Current = current.Features,
            ClassCountsReference = reference.ClassCountsByName(),
            ReferenceScores = referenceScores,
            CurrentScores = current.Scores,
            Estimate = PriorShift.Estimate(referenceScores, current.Scores!, new PriorShiftOptions { Threshold = threshold }),
        };
    }

    /// <summary>Two labelled files with a numeric and a categorical feature; the current one has more 'red' and more positives.</summary>
    public static DriftReportData Labelled()
    {
        var reference = Dataset.ReadCsv(new StringReader(Rows(200, i => i % 5 == 0 ? "red" : "blue", i => i % 10 == 0)), new CsvLoadOptions { TextColumnsAsCategorical = true });
        var current = Dataset.ReadCsv(new StringReader(Rows(150, i => i % 2 == 0 ? "red" : "green", i => i % 3 == 0)), new CsvLoadOptions { TextColumnsAsCategorical = true });
        return new DriftReportData("reference.csv", "current.csv", reference.RowCount, current.RowCount)
        {
            Drift = DriftReport.Of(reference, current),
            Reference = reference,
            Current = current,
            ClassCountsReference = reference.ClassCountsByName(),
            ClassCountsCurrent = current.ClassCountsByName(),
        };
    }

    private static string Rows(int count, Func<int, string> colour, Func<int, bool> positive)
        => "x,colour,label\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"{i % 17},{colour(i)},{(positive(i) ? 1 : 0)}\n"));

    private static string ExampleFile(string name) => Path.Combine(RepositoryFiles.RootDirectory, "docs", "examples", name);
}
