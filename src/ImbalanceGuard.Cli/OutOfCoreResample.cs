using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli;

/// <summary>
/// <c>resample --method random-under</c> on a file too large for memory (<see cref="OutOfCore.IsNeeded"/>): exact
/// per-class targets from the same <c>sampling_strategy</c> the in-memory sampler reads, resolved on the file's exact
/// class counts; in each class the rows with the lowest seeded hashes of their row ids are kept, in file order. CSV
/// is streamed by the tool; Parquet goes through the engine. The output is CSV or Parquet by --out's ending.
/// </summary>
internal static class OutOfCoreResample
{
    /// <summary>The sampler this path runs.</summary>
    public const string Method = "random-under";

    /// <summary>Runs the sample and writes its summary; the exit code.</summary>
    /// <exception cref="ArgumentException">A parameter the out-of-core path cannot honour, or a memory limit too small.</exception>
    public static int Run(
        ParseResult parseResult, DataOptions dataOptions, string input, IReadOnlyDictionary<string, string> values, string output, bool indices, long limit, bool json, TextWriter stdout)
    {
        var sampler = (RandomUnderSampler)SamplerCatalog.Create(Method, new SamplerParameters(values));
        if (sampler.Replacement)
        {
            throw new ArgumentException("random-under out of core keeps each row at most once: replacement=true needs the data in memory (raise --memory-limit).");
        }

        if (indices)
        {
            throw new ArgumentException("--indices is not written out of core: the kept rows are the output file's rows, in the input's order.");
        }

        using var staged = new StagedOutput(input);
        var outPath = staged.Reserve(output, "--out", OutputFormat.Table);
        var options = dataOptions.LoadOptions(parseResult);
        var clock = Stopwatch.StartNew();
        SampleOutcome outcome = null!;
        try
        {
            staged.WriteFile(outPath, temporary => outcome = TableFormats.FromPath(input) == TableFormat.Csv
                ? SampleCsv(input, options, sampler, temporary, outPath, limit)
                : SampleOnEngine(input, options.LabelColumn, sampler, temporary, outPath, limit));
        }
        catch (MemoryLimitException e)
        {
            throw new ArgumentException($"--memory-limit {MemorySize.Format(limit)}: {e.Message}", e);
        }
        catch (DllNotFoundException e)
        {
            throw SplitCommand.EngineUnavailable(e);
        }

        staged.Commit();
        clock.Stop();
        var (before, after) = (outcome.Before.Values.Sum(), outcome.After.Values.Sum());
        if (json)
        {
            JsonOutput.WriteObject(stdout, w =>
            {
                w.WriteNumber("rows_before", before);
                w.WriteNumber("rows_after", after);
                WriteCounts(w, "counts_before", outcome.Before);
                WriteCounts(w, "counts_after", outcome.After);
                w.WriteNumber("seconds", clock.Elapsed.TotalSeconds);
            });
        }
        else
        {
            var classes = string.Join(", ", outcome.Before.Keys.Order(StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"class {c}: {outcome.Before[c]:N0} -> {outcome.After.GetValueOrDefault(c):N0}")));
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Method} (out of core, under --memory-limit {MemorySize.Format(limit)}): kept {after:N0} of {before:N0} rows ({classes}), in {clock.Elapsed.TotalSeconds:0.000} s."));
            stdout.WriteLine($"Wrote {outPath}");
        }

        return ExitCodes.Success;
    }

    // The tool streams the CSV; a Parquet output is converted from the streamed CSV by the engine.
    private static SampleOutcome SampleCsv(string input, CsvLoadOptions options, RandomUnderSampler sampler, string temporary, string outPath, long limit)
    {
        var parquet = TableFormats.FromPath(outPath) == TableFormat.Parquet;
        var csv = parquet ? temporary + ".csv" : temporary;
        try
        {
            var outcome = StreamedSampler.RandomUnder(input, options.LabelColumn, sampler.SamplingStrategy, sampler.Seed, csv, limit, options.Separator, options.Limits);
            if (parquet)
            {
                using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = limit });
                engine.CsvToParquet(csv, input, temporary);
            }

            return outcome;
        }
        finally
        {
            if (parquet)
            {
                File.Delete(csv);
            }
        }
    }

    // Parquet input: the engine counts the classes, then runs the ClassSample plan with the resolved targets.
    private static SampleOutcome SampleOnEngine(string input, string? label, RandomUnderSampler sampler, string temporary, string outPath, long limit)
    {
        using var engine = DuckDbEngine.Open(new EngineOptions { MemoryLimitBytes = limit });
        var source = engine.Load(input, "ig_input");
        var labelColumn = source.Require(label ?? source.Columns[^1]);
        var plan = new TablePlan(source.Name, source.Columns, "rowid", new ClassSample(labelColumn, new Dictionary<string, long>(), sampler.Seed));
        var before = engine.Query(plan.RenderClassCounts(SqlDialect.DuckDb, labelColumn))
            .ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var targets = StreamedSampler.Targets(sampler.SamplingStrategy, before);
        plan = plan with { Operation = new ClassSample(labelColumn, targets, sampler.Seed) };
        var columns = string.Join(", ", source.Columns.Select(c => TablePlan.Quote(SqlDialect.DuckDb, c)));
        engine.CopyTo($"SELECT {columns} FROM ({plan.Render(SqlDialect.DuckDb)}) ORDER BY {TablePlan.RowColumn}", temporary, TableFormats.FromPath(outPath)!.Value);
        return new SampleOutcome(source, before, targets);
    }

    private static void WriteCounts(System.Text.Json.Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, long> counts)
    {
        writer.WriteStartObject(name);
        foreach (var (className, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(className, count);
        }

        writer.WriteEndObject();
    }
}
