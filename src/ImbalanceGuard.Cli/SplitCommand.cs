using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ImbalanceGuard.Scale;

namespace ImbalanceGuard.Cli;

/// <summary>
/// <c>split</c>: a stratified or time-ordered holdout split of a CSV or Parquet file of any size, streamed under a
/// memory cap (<see cref="StreamedSplitter"/>), with a sidecar record beside each part.
/// </summary>
internal static class SplitCommand
{
    public static (Command Command, string[] Examples) Create(TextWriter stdout)
    {
        var data = new Argument<string>("data")
        {
            Description = "The file to split: CSV with a header line, or Parquet; by its ending (.csv, .parquet). It is never loaded into the tool's memory.",
        };
        var share = new Option<double>("--holdout")
        {
            Description = "The holdout share, strictly between 0 and 1: of each class (stratified), or of all rows, the latest (with --time-column).",
            HelpName = "SHARE",
            Required = true,
            CustomParser = ParseShare,
        };
        var timeColumn = new Option<string?>("--time-column")
        {
            Description = "Split by time instead: the latest rows by this column (a number, date or timestamp) are the holdout part.",
            HelpName = "COL",
        };
        var label = CommonOptions.Label();
        var seed = new Option<int>("--seed")
        {
            Description = "Seeds the hash of row positions that picks the holdout rows of each class: the same seed picks the same rows whatever --threads and --memory-limit. Default 0.",
            HelpName = "N",
            DefaultValueFactory = _ => 0,
        };
        var memoryLimit = CommonOptions.MemoryLimit();
        var threads = EngineSession.Threads();
        var train = new Option<string>("--train")
        {
            Description = "Where to write the training part (.csv or .parquet); its record goes to <file>.ig.json.",
            HelpName = "OUT",
            Required = true,
        };
        var holdout = new Option<string>("--holdout-out")
        {
            Description = "Where to write the holdout part (.csv or .parquet); its record goes to <file>.ig.json.",
            HelpName = "OUT",
            Required = true,
        };
        var command = new Command(
            "split",
            "Split a CSV or Parquet file of any size into a training file and a holdout file, stratified by class or by "
            + "time, streamed under a memory cap (Parquet is read and written by an embedded engine, DuckDB). Each part gets a record beside it (<file>.ig.json), "
            + "so that resampling the holdout file, or splitting either part again, is refused.")
        {
            data, share, timeColumn, label, seed, memoryLimit, threads, train, holdout,
        };

        command.SetAction(parseResult =>
        {
            var input = parseResult.GetRequiredValue(data);
            var refusal = SplitRecords.Check(input);
            if (refusal is { Resampling.Count: > 0 })
            {
                throw new ArgumentException(SplitRecords.SplitOfResampledData(input, refusal));
            }

            if (refusal is { } record)
            {
                throw new ArgumentException(
                    $"{input} is the {Role(record.Role)} part of a split of {record.Source.Name} ({SplitRecord.PathFor(input)}); "
                    + "splitting it again would let evaluation rows and training rows mix. Split the original file.");
            }

            using var staged = new StagedOutput(input);
            var trainPath = staged.Reserve(parseResult.GetRequiredValue(train), "--train", OutputFormat.Table);
            var holdoutPath = staged.Reserve(parseResult.GetRequiredValue(holdout), "--holdout-out", OutputFormat.Table);
            var trainRecord = staged.Reserve(SplitRecord.PathFor(parseResult.GetRequiredValue(train)), "--train", OutputFormat.Json);
            var holdoutRecord = staged.Reserve(SplitRecord.PathFor(parseResult.GetRequiredValue(holdout)), "--holdout-out", OutputFormat.Json);
            var limit = parseResult.GetValue(memoryLimit);
            var shareValue = parseResult.GetValue(share);
            var seedValue = parseResult.GetValue(seed);
            var time = parseResult.GetValue(timeColumn);

            SplitOutcome outcome;
            FileFingerprint trainPrint = null!, holdoutPrint = null!;
            var threadCount = parseResult.GetValue(threads);
            try
            {
                // The engine writes the temporary files; the fingerprints are taken there, before they move into place.
                string trainTemporary = null!, holdoutTemporary = null!;
                staged.WriteFile(trainPath, t => trainTemporary = t);
                staged.WriteFile(holdoutPath, t => holdoutTemporary = t);
                var options = new EngineOptions { MemoryLimitBytes = limit, Threads = threadCount };
                using var csv = CsvInput.Open(input, options, [parseResult.GetValue(label), time]);
                outcome = SplitCsv(csv, time, shareValue, seedValue, parseResult.GetValue(label), options, (trainPath, trainTemporary), (holdoutPath, holdoutTemporary));
                trainPrint = FileFingerprint.Of(trainTemporary, Path.GetFileName(trainPath), outcome.Training.Values.Sum());
                holdoutPrint = FileFingerprint.Of(holdoutTemporary, Path.GetFileName(holdoutPath), outcome.Holdout.Values.Sum());
            }
            catch (MemoryLimitException e)
            {
                throw new ArgumentException($"--memory-limit {MemorySize.Format(limit)}: {e.Message}", e);
            }
            catch (DllNotFoundException e)
            {
                throw EngineUnavailable(e);
            }

            var sourcePrint = FileFingerprint.Of(input, Path.GetFileName(input), outcome.Source.RowCount);
            var labelName = parseResult.GetValue(label) ?? outcome.Source.Columns[^1];
            var kind = time is null ? "stratified" : "time-ordered";
            int? recordSeed = time is null ? seedValue : null;
            staged.Write(trainRecord, w => SplitRecords.Write(w, new SplitRecord(
                SplitRole.Training, trainPrint, sourcePrint, kind, shareValue, recordSeed, labelName, time, outcome.Training, holdoutPrint.Name)));
            staged.Write(holdoutRecord, w => SplitRecords.Write(w, new SplitRecord(
                SplitRole.Holdout, holdoutPrint, sourcePrint, kind, shareValue, recordSeed, labelName, time, outcome.Holdout, trainPrint.Name)));
            staged.Commit();

            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Split {Plural.Of(outcome.Source.RowCount, "row", "rows")} ({kind}): {Plural.Of(trainPrint.Rows, "training row", "training rows")} ({Counts(outcome.Training)}) to {trainPath}, "
                + $"{Plural.Of(holdoutPrint.Rows, "holdout row", "holdout rows")} ({Counts(outcome.Holdout)}) to {holdoutPath}; each has its record beside it (.ig.json)."));
            return ExitCodes.Success;
        });

        return (command,
        [
            $"{CommandLine.ToolName} split data/pima.csv --holdout 0.2 --seed 42 --train train.csv --holdout-out holdout.csv",
            $"{CommandLine.ToolName} split events.parquet --holdout 0.1 --time-column ts --label fraud --memory-limit 512MB --train train.parquet --holdout-out holdout.parquet",
        ]);
    }

    /// <summary>
    /// The framework-dependent package for other platforms ('any') carries no DuckDB native library (one is 36-117 MB
    /// a platform); each listed platform's own package carries its own.
    /// </summary>
    internal static PlatformNotSupportedException EngineUnavailable(DllNotFoundException e) => new(
        "split needs the DuckDB engine's native library, which the tool's package for this platform does not carry "
        + EnginePackages + "; run it on one of those platforms or from a build of the repository.",
        e);

    /// <summary>Which of the tool's packages carry the engine's native library, for the messages that say it is missing.</summary>
    internal const string EnginePackages = "(the packages for linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64 and win-arm64 do)";

    // CSV is streamed by the tool itself (the selection never holds the rows; Parquet input is first copied as CSV by
    // the engine); a Parquet part is converted from the streamed CSV part by the engine, with the input's column
    // types, so both parts have one schema.
    private static SplitOutcome SplitCsv(
        CsvInput input, string? time, double share, int seed, string? label, EngineOptions options, (string Path, string Temporary) train, (string Path, string Temporary) holdout)
    {
        // The streamed split reads the label column it is given (null: the last), not the operation's.
        TableOperation operation = time is null ? new StratifiedHoldout(label ?? string.Empty, share, seed) : new TimeOrderedHoldout(time, share);
        var parts = new[] { train, holdout };
        var csv = parts.Select(p => TableFormats.FromPath(p.Path) == TableFormat.Csv ? p.Temporary : p.Temporary + ".csv").ToArray();
        try
        {
            var outcome = StreamedSplitter.Run(input.Path, operation, label, csv[0], csv[1], options.MemoryLimitBytes);
            if (parts.Any(p => TableFormats.FromPath(p.Path) == TableFormat.Parquet))
            {
                using var engine = DuckDbEngine.Open(options);
                for (var i = 0; i < parts.Length; i++)
                {
                    if (csv[i] != parts[i].Temporary)
                    {
                        engine.CsvToParquet(csv[i], input.Source, parts[i].Temporary);
                    }
                }
            }

            return outcome with { Source = outcome.Source with { Path = input.Source } };
        }
        finally
        {
            foreach (var (part, file) in parts.Zip(csv))
            {
                if (file != part.Temporary)
                {
                    File.Delete(file);
                }
            }
        }
    }

    internal static string Role(SplitRole role) => role == SplitRole.Training ? "training" : "holdout";

    private static string Counts(IReadOnlyDictionary<string, long> counts)
        => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"class {c.Key}: {c.Value:N0}")));

    private static double ParseShare(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0 && value < 1))
        {
            result.AddError($"--holdout must be a number strictly between 0 and 1; got '{text}'.");
        }

        return value;
    }
}
