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
/// is streamed by the tool; Parquet is first copied as CSV by the engine. The output is CSV or Parquet by --out's ending.
/// </summary>
internal static class OutOfCoreResample
{
    /// <summary>The sampler this path runs.</summary>
    public const string Method = "random-under";

    /// <summary>Runs the sample and writes its summary; the exit code.</summary>
    /// <exception cref="ArgumentException">A parameter the out-of-core path cannot honour, or a memory limit too small.</exception>
    public static int Run(
        ParseResult parseResult, DataOptions dataOptions, string input, SplitRecord? inputRecord, IReadOnlyDictionary<string, string> values,
        int? seed, IReadOnlyList<string> parameterItems, string output, bool indices, long limit, bool json, TextWriter stdout)
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
        var recordPath = staged.Reserve(SplitRecord.PathFor(output), "--out", OutputFormat.Json);
        var options = dataOptions.LoadOptions(parseResult);
        var clock = Stopwatch.StartNew();
        SampleOutcome outcome = null!;
        try
        {
            var engine = new EngineOptions { MemoryLimitBytes = limit };
            using var csv = CsvInput.Open(input, engine, [options.LabelColumn]);
            FileFingerprint outputPrint = null!;
            staged.WriteFile(outPath, temporary =>
            {
                outcome = SampleCsv(csv, options, sampler, temporary, outPath, engine);
                outputPrint = FileFingerprint.Of(temporary, Path.GetFileName(outPath), outcome.After.Values.Sum());
            });

            // The output is training data, as in memory: its record lets split refuse it and resample take it.
            var record = SplitRecords.Resampled(
                inputRecord, input, outcome.Before.Values.Sum(), outputPrint, options.LabelColumn ?? outcome.Source.Columns[^1],
                outcome.After, Method, seed, parameterItems);
            staged.Write(recordPath, writer => SplitRecords.Write(writer, record));
        }
        catch (MemoryLimitException e)
        {
            throw new ArgumentException($"--memory-limit {MemorySize.Format(limit)}: {e.Message}", e);
        }
        catch (DllNotFoundException e)
        {
            throw TableFile.EngineUnavailable(e);
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
            stdout.WriteLine($"Wrote {recordPath} (its record: training data, resampled)");
        }

        return ExitCodes.Success;
    }

    // The tool streams the CSV (Parquet input is first copied as CSV by the engine); a Parquet output is converted
    // from the streamed CSV by the engine, with the input's column types.
    private static SampleOutcome SampleCsv(CsvInput input, CsvLoadOptions options, RandomUnderSampler sampler, string temporary, string outPath, EngineOptions engineOptions)
    {
        var parquet = TableFormats.FromPath(outPath) == TableFormat.Parquet;
        var csv = parquet ? temporary + ".csv" : temporary;
        try
        {
            // A Parquet file's CSV copy is comma-separated, whatever --separator says of CSV input.
            var separator = input.Path == input.Source ? options.Separator : ',';
            var outcome = StreamedSampler.RandomUnder(input.Path, options.LabelColumn, sampler.SamplingStrategy, sampler.Seed, csv, engineOptions.MemoryLimitBytes, separator, options.Limits);
            if (parquet)
            {
                using var engine = DuckDbEngine.Open(engineOptions);
                engine.CsvToParquet(csv, input.Source, temporary);
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
