using System.Globalization;
using ImbalanceGuard.Pipelines;
using ImbalanceGuard.Reporting;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Cli;

/// <summary>Turns a finished comparison into the HTML report, for <c>report</c> and <c>compare --report</c>.</summary>
internal static class ReportWriter
{
    /// <summary>
    /// Writes the report of <paramref name="comparison"/> to <paramref name="path"/>, reserved in <paramref name="staged"/>,
    /// commits it and returns its verdict.
    /// </summary>
    public static ReportVerdict Write(Comparison comparison, StagedOutput staged, string path)
    {
        var data = Data(comparison) with
        {
            ResampledExample = comparison.Data.FeatureCount == 2 ? ExampleResampling(comparison) : null,
            DataNotes = [.. DataNotes.Of(comparison.Data).Select(n => n.Message)],
        };
        var verdict = ReportVerdict.Of(data);
        var html = HtmlReport.Build(data);
        staged.Write(path, writer => writer.Write(html));
        staged.Commit();
        return verdict;
    }

    /// <summary>What the report of <paramref name="comparison"/> says, without the picture and the notes on the data (the verdict needs neither).</summary>
    public static ReportData Data(Comparison comparison)
    {
        var settings = comparison.Settings;
        var method = string.Create(
            CultureInfo.InvariantCulture,
            $"Strategies cross-validated with {settings.Folds} {(settings.TimeColumn is null && settings.GroupColumn is null ? "stratified folds" : Comparison.FoldKind(settings))}{(settings.Repeats > 1 ? $" × {settings.Repeats} repeats" : string.Empty)}, base model {settings.Model}, seed {settings.Seed}, ranked by {(settings.RankByObjective ? settings.Objective.ToString() : "average precision")}.{(comparison.OneVsRest is { } note ? " " + note : string.Empty)}");
        return new ReportData(Path.GetFileName(settings.CsvPath), comparison.Data, comparison.Results, method)
        {
            Skipped = [.. comparison.Skipped.Select(s => s with { Reason = Comparison.Note(s) })],
            Objective = settings.Objective,
            RankedByObjective = settings.RankByObjective,
            RowsPerDay = settings.RowsPerDay,
        };
    }

    /// <summary>For a picture of two-feature data: the first sampler compared (SMOTE if none was) run on every row.</summary>
    private static TrainingSet ExampleResampling(Comparison comparison)
    {
        var name = comparison.Settings.Strategies.FirstOrDefault(s => SamplerCatalog.Names.Contains(s, StringComparer.Ordinal)) ?? "smote";
        var sampler = SamplerCatalog.Create(name, new SamplerParameters(
            SamplerCatalog.ParametersOf(name).Contains("random_state", StringComparer.Ordinal)
                ? new Dictionary<string, string> { ["random_state"] = comparison.Settings.Seed.ToString(CultureInfo.InvariantCulture) }
                : [],
            comparison.Data.Schema));

        // Only drawn, never evaluated: the whole file is declared training data for the picture.
        return sampler.Resample(Split.FromPreSplit(comparison.Data));
    }
}
