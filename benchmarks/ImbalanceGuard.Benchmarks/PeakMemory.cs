using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Benchmarks;

/// <summary>
/// Peak memory of one resampling, read from the kernel: the process's peak resident set (VmHWM) is reset
/// after the data is loaded and the collector has given back every free page, so the peak afterwards minus
/// the resident set before is what the resampling itself needed, output included. Linux only. The output is
/// the matrix the resampled set holds itself: an over-sampler's set shares the input's matrix for the rows
/// it kept and holds only the rows it made (for random over-sampling, which rows each copy repeats).
/// </summary>
internal static class PeakMemory
{
    public static int Run(string[] args)
    {
        var csv = args[0];
        var method = args[1];
        var parameters = new Dictionary<string, string>();
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            var pair = args[i + 1].Split('=', 2);
            parameters[pair[0]] = pair[1];
        }

        var categorical = method switch
        {
            "smoten" => null,
            _ when parameters.TryGetValue("categorical_features", out var columns) => columns.Split(','),
            _ => Array.Empty<string>(),
        };
        var options = new CsvLoadOptions { AllFeaturesCategorical = method == "smoten" };
        var data = Dataset.LoadCsv(csv, options);
        if (categorical is { Length: > 0 })
        {
            var names = categorical.Select(c => data.Schema.FeatureNames[int.Parse(c, CultureInfo.InvariantCulture)]).ToArray();
            data = Dataset.LoadCsv(csv, new CsvLoadOptions { CategoricalColumns = names });
        }

        var training = Split.FromPreSplit(data);
        var sampler = SamplerCatalog.Create(method, new SamplerParameters(parameters, data.Schema));

        // Loading leaves garbage behind; collected but still committed, its pages would be reused by the
        // resampling without raising the resident set, and the peak would understate what it needs. An
        // aggressive collection returns every free page to the system first.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5");
        var before = Status("VmRSS");
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = sampler.FitResample(training);
        var seconds = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Status("VmHWM");
        var outputBytes = result.Resampled.Table.OwnFeatureBytes;

        // What a reader that needs the whole matrix in one array pays afterwards, when the set shares its rows.
        clock.Restart();
        _ = result.Resampled.Table.Features;
        var joinSeconds = clock.Elapsed.TotalSeconds;

        long inputBytes = (long)training.RowCount * training.FeatureCount * sizeof(double);
        var extra = Math.Max(0, peak - before);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            method,
            input_bytes = inputBytes,
            output_bytes = outputBytes,
            peak_extra_bytes = extra,
            peak_over_input = extra / (double)inputBytes,
            working_over_input = Math.Max(0, extra - outputBytes) / (double)inputBytes,
            allocated_over_input = allocated / (double)inputBytes,
            seconds,
            join_seconds = joinSeconds,
        }));
        GC.KeepAlive(result);
        return 0;
    }

    private static long Status(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kilobytes = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/self/status has no {field}.");
    }
}
