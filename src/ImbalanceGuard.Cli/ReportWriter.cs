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
        var settings = comparison.Settings;
        var method = string.Create(
            CultureInfo.InvariantCulture,
            $"Strategies cross-validated with {settings.Folds} {(settings.TimeColumn is null && settings.GroupColumn is null ? "stratified folds" : Comparison.FoldKind(settings))}{(settings.Repeats > 1 ? $" × {settings.Repeats} repeats" : string.Empty)}, base model {settings.Model}, seed {settings.Seed}.{(comparison.OneVsRest is { } note ? " " + note : string.Empty)}");
        var data = new ReportData(Path.GetFileName(settings.CsvPath), comparison.Data, comparison.Results, method)
        {
            ResampledExample = comparison.Data.FeatureCount == 2 ? ExampleResampling(comparison) : null,
            Skipped = [.. comparison.Skipped.Select(s => s with { Reason = Comparison.Note(s) })],
            Objective = settings.Objective,
            DataNotes = [.. DataNotes.Of(comparison.Data).Select(n => n.Message)],
        };
        var verdict = ReportVerdict.Of(data);
        var html = HtmlReport.Build(data);
        staged.Write(path, writer => writer.Write(html));
        staged.Commit();
        return verdict;
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
