using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Scale;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary>
/// <c>resample</c> on a file larger than its share of <c>--memory-limit</c> (<see cref="OutOfCore.IsNeeded"/>): SMOTE,
/// SMOTE-NC and SMOTEN hold only the rows of the classes they grow and stream the rest from the input to the output
/// (<see cref="StreamedOversampling"/>); the other samplers compare rows of the large class and are refused.
/// </summary>
internal static class OutOfCoreOversampling
{
    /// <summary>Resamples <paramref name="csvPath"/> streamed and reports as the in-memory path does.</summary>
    /// <exception cref="ArgumentException">The method cannot run out of core, the input is Parquet, or an output is not writable as asked.</exception>
    /// <exception cref="DataFormatException">The file is not usable.</exception>
    /// <exception cref="SamplingException">The strategy or the sampler cannot work on these rows, or they do not fit in the limit.</exception>
    public static int Run(
        string csvPath,
        string method,
        Dictionary<string, string> values,
        DataOptions dataOptions,
        ParseResult parseResult,
        (long Bytes, int? LargeClassRows) memory,
        (string Out, string? Indices, bool Json) outputs,
        (SplitRecord? Record, int? Seed, IReadOnlyList<string> Parameters) input,
        TextWriter stdout,
        TextWriter stderr)
    {
        var memoryLimit = memory.Bytes;
        var limitText = MemorySize.Format(memoryLimit);
        if (TableFormats.FromPath(csvPath) == TableFormat.Parquet)
        {
            throw new ArgumentException($"{csvPath}: --method {method} reads CSV only; Parquet input is not supported for it.");
        }

        var options = SamplerArguments.LoadOptions(method, csvPath, dataOptions, parseResult, values);
        var sampler = SamplerCatalog.Create(method, new SamplerParameters(values));
        var sampling = LargeClassSampling(csvPath, method, sampler, values, memory.LargeClassRows, limitText);

        // Reads the header now, so that an unreadable input is named as the input, not as the output being written.
        Dataset.CsvColumns(csvPath, options);
        using var staged = new StagedOutput(csvPath);
        var outPath = staged.Reserve(outputs.Out, "--out", OutputFormat.Csv);
        var recordPath = staged.Reserve(SplitRecord.PathFor(outputs.Out), "--out", OutputFormat.Json);
        var indicesPath = outputs.Indices is { } i ? staged.Reserve(i, "--indices", OutputFormat.Lines) : null;
        var clock = Stopwatch.StartNew();
        StreamedOversamplingResult? result = null;
        try
        {
            staged.Write(outPath, writer => result = StreamedOversampling.Resample(csvPath, options, sampler, writer, memoryLimit, sampling));
        }
        catch (SamplingException e) when (e.Message.Contains("memory limit", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{csvPath}: {e.Message.Replace("raise the memory limit", "raise --memory-limit", StringComparison.Ordinal)}", e);
        }

        clock.Stop();
        var done = result!;
        var rowsBefore = done.CountsBefore.Values.Sum();

        // The output is training data, as in memory: its record lets split refuse it and resample take it.
        FileFingerprint outputPrint = null!;
        staged.WriteFile(outPath, temporary => outputPrint = FileFingerprint.Of(temporary, Path.GetFileName(outPath), done.CountsAfter.Values.Sum()));
        var record = SplitRecords.Resampled(
            input.Record, csvPath, rowsBefore, outputPrint, options.LabelColumn ?? Dataset.CsvColumns(csvPath, options)[^1],
            done.CountsAfter, method, input.Seed, input.Parameters);
        staged.Write(recordPath, writer => SplitRecords.Write(writer, record));
        if (indicesPath is not null)
        {
            // An over-sampler keeps every row.
            staged.Write(indicesPath, writer =>
            {
                for (var row = 0L; row < rowsBefore; row++)
                {
                    writer.Write(row.ToString(CultureInfo.InvariantCulture));
                    writer.Write('\n');
                }
            });
        }

        staged.Commit();
        foreach (var warning in done.Warnings)
        {
            stderr.WriteLine("warning: " + warning);
        }

        if (sampling is not null && outputs.Json)
        {
            stderr.WriteLine("note: " + SampleLine(method, done, sampling));
        }

        if (outputs.Json)
        {
            JsonOutput.WriteObject(stdout, w =>
            {
                w.WriteNumber("rows_before", rowsBefore);
                w.WriteNumber("rows_after", rowsBefore + done.SyntheticCount);
                WriteCounts(w, "counts_before", done.CountsBefore);
                WriteCounts(w, "counts_after", done.CountsAfter);
                w.WriteNumber("rows_in_memory", done.RowsInMemory);
                if (sampling is not null)
                {
                    WriteCounts(w, "sampled_classes", done.SampledClasses);
                }

                w.WriteNumber("seconds", clock.Elapsed.TotalSeconds);
            });
        }
        else
        {
            WriteHuman(stdout, method, done, clock.Elapsed, outPath, indicesPath, limitText);
            if (sampling is not null)
            {
                stdout.WriteLine(SampleLine(method, done, sampling));
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>The sample of the classes not grown for a sampler that compares them, or null for the SMOTE family.</summary>
    /// <exception cref="ArgumentException">The sampler cannot run out of core, or needs --large-class-rows and has none (or the SMOTE family has one).</exception>
    private static LargeClassSampling? LargeClassSampling(string csvPath, string method, Sampler sampler, Dictionary<string, string> values, int? rows, string limitText)
    {
        if (StreamedOversampling.Supports(sampler))
        {
            return rows is null ? null : throw new ArgumentException($"--large-class-rows: {method} holds only the classes it grows and takes no sample of the others.");
        }

        if (!StreamedOversampling.SupportsWithSample(sampler))
        {
            throw new ArgumentException(
                $"{csvPath} is larger than a quarter of --memory-limit {limitText}, and {method} runs only in memory; out of core, use smote, smote-nc or smoten (or borderline-smote, svm-smote, adasyn, kmeans-smote with --large-class-rows), or raise --memory-limit.");
        }

        if (rows is not { } count)
        {
            throw new ArgumentException(
                $"{csvPath} is larger than a quarter of --memory-limit {limitText}, and {method} compares rows of every class: out of core it runs on a sample of the classes it does not grow; give --large-class-rows N, or raise --memory-limit.");
        }

        if (count < 1)
        {
            throw new ArgumentException($"--large-class-rows must be at least 1; got {count}.");
        }

        var seed = values.TryGetValue("random_state", out var text) ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : 0;
        return new LargeClassSampling(count, row => PortableHash.Compute(row, seed));
    }

    /// <summary>The one line that says the sampler ran on a sample, and of what.</summary>
    private static string SampleLine(string method, StreamedOversamplingResult result, LargeClassSampling sampling) => string.Create(
        CultureInfo.InvariantCulture,
        $"{method} ran on an under-sampled large class: {string.Join("; ", result.SampledClasses.Select(p => $"class {p.Key}, {p.Value:N0} rows of {result.CountsBefore[p.Key]:N0}"))} (at most {sampling.RowsPerClass:N0} a class, the lowest seeded hashes of row ids).");

    private static void WriteCounts(System.Text.Json.Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, long> counts)
    {
        writer.WriteStartObject(name);
        foreach (var (className, count) in counts)
        {
            writer.WriteNumber(className, count);
        }

        writer.WriteEndObject();
    }

    private static void WriteHuman(TextWriter stdout, string method, StreamedOversamplingResult result, TimeSpan elapsed, string outPath, string? indicesPath, string limitText)
    {
        var console = Terminal.Over(stdout);
        var rowsBefore = result.CountsBefore.Values.Sum();
        ResampleSummary.Write(console, method, result.CountsBefore, result.CountsAfter, rowsBefore, result.SyntheticCount, elapsed);
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Out of core (the file is over a quarter of --memory-limit {limitText}): {result.RowsInMemory:N0} rows were held in memory, every other row streamed from the input to the output."));
        console.WriteLine($"Wrote {outPath}");
        console.WriteLine($"Wrote {SplitRecord.PathFor(outPath)} (its record: training data, resampled)");
        if (indicesPath is not null)
        {
            console.WriteLine($"Wrote {indicesPath}");
        }
    }

}
