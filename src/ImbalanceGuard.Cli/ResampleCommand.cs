using System.CommandLine;
using System.CommandLine.Completions;
using System.Diagnostics;
using System.Globalization;
using ImbalanceGuard.Sampling;
using ImbalanceGuard.Scale;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary><c>resample</c>: runs one sampler on a CSV file that is already a training split.</summary>
internal static class ResampleCommand
{
    public static (Command Command, string[] Examples) Create(TextWriter stdout, TextWriter stderr)
    {
        var csv = CommonOptions.CsvArgument(
            "The training split to resample, as CSV (header row, numeric features, a label column) or Parquet, by its ending: the training part written by split (its record, <file>.ig.json, is beside it), or with --pre-split a training part split elsewhere. Split first: never resample test rows.");
        var method = new Option<string>("--method", "-m")
        {
            Description = "The sampler: " + string.Join(", ", SamplerCatalog.Names) + ".",
            HelpName = "NAME",
            Required = true,
        };
        method.CompletionSources.Add(_ => SamplerCatalog.Names.Select(n => new CompletionItem(n)));
        var dataOptions = new DataOptions();
        var seed = new Option<int?>("--seed")
        {
            Description = "Seeds the sampler's random choices (its random_state parameter); ignored by deterministic samplers. Default 0.",
            HelpName = "N",
        };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = "A sampler parameter by its imbalanced-learn name, e.g. k_neighbors=3 or sampling_strategy=0.5; repeat for several.",
            HelpName = "KEY=VALUE",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = CommonOptions.Out("Where to write the resampled rows, as CSV or Parquet by the ending: the input's header, the kept rows in their original order, then the synthetic rows. Its record (<file>.ig.json) goes beside it: training data, resampled from the input, which split refuses.");
        var indices = new Option<string?>("--indices")
        {
            Description = "Also write the 0-based positions of the kept input rows, ascending, one per line.",
            HelpName = "IDX.txt",
        };
        var json = CommonOptions.Json();
        var preSplit = CommonOptions.PreSplit();
        var memoryLimit = CommonOptions.MemoryLimit();
        var largeClassRows = new Option<int?>("--large-class-rows")
        {
            Description = "Out of core, for borderline-smote, svm-smote, adasyn and kmeans-smote (whose neighbour search includes the classes not grown): "
                + "hold this many rows of each class not grown, those with the lowest seeded hashes of their row ids, and run the sampler on them.",
            HelpName = "N",
        };
        var command = new Command(
            "resample",
            "Resample a training split with one sampler and write the result. Files are written only when everything succeeded.")
        {
            csv,
            method,
            seed,
            parameters,
            output,
            indices,
            json,
            preSplit,
            memoryLimit,
            largeClassRows,
        };
        dataOptions.AddTo(command);

        command.SetAction(parseResult =>
        {
            var name = parseResult.GetRequiredValue(method);
            SamplerArguments.CheckMethod(name);
            var csvPath = parseResult.GetRequiredValue(csv);
            var values = SamplerArguments.Parameters(name, parseResult.GetValue(parameters) ?? [], parseResult.GetValue(seed));

            var inputRecord = SplitRecords.RequireTrainingData(csvPath, parseResult.GetValue(preSplit));
            var outOfCore = OutOfCore.IsNeeded(csvPath, parseResult.GetValue(memoryLimit));
            if (outOfCore && name == OutOfCoreResample.Method)
            {
                return OutOfCoreResample.Run(
                    parseResult, dataOptions, csvPath, inputRecord, values, parseResult.GetValue(seed), parseResult.GetValue(parameters) ?? [],
                    parseResult.GetRequiredValue(output), parseResult.GetValue(indices) is not null, parseResult.GetValue(memoryLimit), parseResult.GetValue(json), stdout);
            }

            // Out of core the SMOTE family reads CSV only: another sampler given a Parquet file reads it into memory.
            if (outOfCore && TableFormats.FromPath(csvPath) != TableFormat.Parquet)
            {
                return OutOfCoreOversampling.Run(
                    csvPath, name, values, dataOptions, parseResult, (parseResult.GetValue(memoryLimit), parseResult.GetValue(largeClassRows)),
                    (parseResult.GetRequiredValue(output), parseResult.GetValue(indices), parseResult.GetValue(json)),
                    (inputRecord, parseResult.GetValue(seed), parseResult.GetValue(parameters) ?? []), stdout, stderr);
            }

            using var staged = new StagedOutput(csvPath);
            var outPath = staged.Reserve(parseResult.GetRequiredValue(output), "--out", OutputFormat.Table);
            var recordPath = staged.Reserve(SplitRecord.PathFor(parseResult.GetRequiredValue(output)), "--out", OutputFormat.Json);
            var indicesPath = parseResult.GetValue(indices) is { } i ? staged.Reserve(i, "--indices", OutputFormat.Lines) : null;
            var data = DataOptions.Load(csvPath, SamplerArguments.LoadOptions(name, csvPath, dataOptions, parseResult, values), stderr);
            var watched = !parseResult.GetValue(json) && Terminal.Watched(stderr);
            var bar = watched ? new ProgressRelay() : null;
            var sampler = SamplerCatalog.Create(name, new SamplerParameters(values, data.Schema), bar);
            if (SamplerCatalog.CategoricalProblem(sampler, data.Schema) is { } categorical)
            {
                throw new ArgumentException(categorical);
            }

            // Declared training data: the file is the training side of a split made elsewhere.
            var training = Split.FromPreSplit(data);
            var clock = Stopwatch.StartNew();
            var result = bar is null
                ? sampler.FitResample(training)
                : Terminal.Progress(stderr).Start(context =>
                {
                    bar.Task = context.AddTask(Markup.Escape(name), maxValue: 1).IsIndeterminate();
                    return sampler.FitResample(training);
                });
            clock.Stop();
            foreach (var warning in result.Warnings)
            {
                stderr.WriteLine("warning: " + warning);
            }

            foreach (var note in result.Notes)
            {
                stderr.WriteLine("note: " + note.Message);
            }

            TableFile.Write(staged, outPath, result.Resampled);

            // The output is training data: its record lets split refuse it and resample take it.
            FileFingerprint outputPrint = null!;
            staged.WriteFile(outPath, temporary => outputPrint = FileFingerprint.Of(temporary, Path.GetFileName(outPath), result.Resampled.RowCount));
            var record = SplitRecords.Resampled(
                inputRecord,
                csvPath,
                data.RowCount,
                outputPrint,
                data.Schema.LabelName,
                result.CountsAfter.ToDictionary(c => c.Key, c => (long)c.Value, StringComparer.Ordinal),
                name,
                parseResult.GetValue(seed),
                parseResult.GetValue(parameters) ?? []);
            staged.Write(recordPath, writer => SplitRecords.Write(writer, record));
            if (indicesPath is not null)
            {
                staged.Write(indicesPath, writer => WriteIndices(writer, result.KeptIndices));
            }

            staged.Commit();
            if (parseResult.GetValue(json))
            {
                WriteJson(stdout, data.RowCount, result, clock.Elapsed);
            }
            else
            {
                WriteHuman(stdout, name, result, clock.Elapsed, outPath, recordPath, indicesPath);
            }

            return ExitCodes.Success;
        });

        return (command,
        [
            $"{CommandLine.ToolName} split data/pima.csv --holdout 0.2 --seed 42 --train train.csv --holdout-out holdout.csv",
            $"{CommandLine.ToolName} resample train.csv --method smote --seed 42 --out train-smote.csv",
            $"{CommandLine.ToolName} resample train.csv -m random-under --param sampling_strategy=0.5 --out train-under.csv --json",
            $"{CommandLine.ToolName} resample train.parquet -m tomek-links --out train-cleaned.parquet",
            $"{CommandLine.ToolName} resample data/hacide.csv --pre-split -m tomek-links --out cleaned.csv --indices kept.txt",
            $"{CommandLine.ToolName} resample mixed-train.csv --pre-split -m smote-nc --ignore id --categorical region --out mixed-smote.csv",
            $"{CommandLine.ToolName} resample train.parquet -m random-under -p sampling_strategy=0.1 --memory-limit 512MB --out under.parquet",
            $"{CommandLine.ToolName} resample big-train.csv -m smote --param sampling_strategy=1:200000 --memory-limit 512MB --out big-smote.csv",
            $"{CommandLine.ToolName} resample big-train.csv -m adasyn --large-class-rows 100000 --memory-limit 512MB --out big-adasyn.csv",
        ]);
    }

    /// <summary>The sampler's reports, shown on the bar (on the sampler's thread; Spectre redraws on its own).</summary>
    private sealed class ProgressRelay : IProgress<SamplingProgress>
    {
        public ProgressTask? Task { get; set; }

        public void Report(SamplingProgress value)
        {
            if (Task is not { } task)
            {
                return;
            }

            task.Description = Markup.Escape(value.Step);
            task.IsIndeterminate = value.Total <= 1 && value.Done == 0;
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
        }
    }

    private static void WriteIndices(TextWriter writer, IReadOnlyList<int> kept)
    {
        foreach (var index in kept)
        {
            writer.Write(index.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static void WriteJson(TextWriter stdout, int rowsBefore, SamplingResult result, TimeSpan elapsed) => JsonOutput.WriteObject(stdout, w =>
    {
        w.WriteNumber("rows_before", rowsBefore);
        w.WriteNumber("rows_after", result.Resampled.RowCount);
        JsonOutput.WriteCounts(w, "counts_before", result.CountsBefore);
        JsonOutput.WriteCounts(w, "counts_after", result.CountsAfter);
        w.WriteNumber("seconds", elapsed.TotalSeconds);
    });

    private static void WriteHuman(TextWriter stdout, string method, SamplingResult result, TimeSpan elapsed, string outPath, string recordPath, string? indicesPath)
    {
        var console = Terminal.Over(stdout);
        ResampleSummary.Write(
            console, method, Longs(result.CountsBefore), Longs(result.CountsAfter), result.KeptIndices.Count, result.SyntheticCount, elapsed);
        console.WriteLine($"Wrote {outPath}");
        console.WriteLine($"Wrote {recordPath} (its record: training data, resampled)");
        if (indicesPath is not null)
        {
            console.WriteLine($"Wrote {indicesPath}");
        }
    }

    private static Dictionary<string, long> Longs(IReadOnlyDictionary<string, int> counts)
        => counts.ToDictionary(c => c.Key, c => (long)c.Value, StringComparer.Ordinal);
}
