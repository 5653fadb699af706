using System.Diagnostics;
using System.Globalization;
using ImbalanceGuard.Neighbors;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Benchmarks;

/// <summary>
/// What <see cref="LeakageChecks.InterpolatedRows"/> finds on real data, printed as tables:
/// <list type="bullet">
/// <item>false alarms: untouched data, split by <see cref="Split.Stratified"/> with several seeds; every row
/// the check flags is a false alarm;</item>
/// <item>catches: the training side resampled by SMOTE, Borderline-SMOTE 1 and 2 and ADASYN, its synthetic rows
/// rebuilt from arrays (no provenance) as the holdout, by the gap each was made at (≤ ½ is found for certain);</item>
/// <item>time, with <c>--rows N</c>: generated data split 3:1, the check against one neighbour query of the
/// holdout against all training rows.</item>
/// </list>
/// </summary>
internal static class NearCopyMeasurement
{
    public static int Run(string[] args)
    {
        var options = Options(args);
        if (options.TryGetValue("--rows", out var rowsText))
        {
            Time(int.Parse(rowsText, CultureInfo.InvariantCulture), int.Parse(options.GetValueOrDefault("--features", "20"), CultureInfo.InvariantCulture));
            return 0;
        }

        var directory = args[0];
        var seeds = int.Parse(options.GetValueOrDefault("--seeds", "10"), CultureInfo.InvariantCulture);
        // The bundled files that are all numbers (the folder also holds goog_drops.csv, whose date column is no feature).
        var readable = new List<(string File, Dataset Data)>();
        foreach (var file in Directory.GetFiles(directory, "*.csv").Order(StringComparer.Ordinal))
        {
            try
            {
                readable.Add((file, Dataset.LoadCsv(file)));
            }
            catch (DataFormatException e)
            {
                Console.Error.WriteLine($"skipped {Path.GetFileName(file)}: {e.Message}");
            }
        }

        Console.WriteLine($"False alarms: untouched data, Split.Stratified(data, 0.25, seed) for seeds 0..{seeds - 1}");
        Console.WriteLine("| dataset | rows x features | holdout rows checked (all seeds) | rows flagged |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (file, data) in readable)
        {
            long checkedRows = 0, flagged = 0;
            for (var seed = 0; seed < seeds; seed++)
            {
                var (training, holdout) = Split.Stratified(data, 0.25, seed);
                checkedRows += holdout.RowCount;
                flagged += Flagged(training, holdout).Count;
            }

            Console.WriteLine($"| {Path.GetFileName(file)} | {data.RowCount} x {data.FeatureCount} | {checkedRows} | {flagged} |");
        }

        Console.WriteLine();
        Console.WriteLine("Catches: training side of Split.Stratified(data, 0.25, 0) resampled (seed 0), its synthetic rows rebuilt from arrays as the holdout");
        Console.WriteLine("| dataset | sampler | synthetic rows | found | gap <= 1/2: rows, found | gap > 1/2: rows, found | made from rows differing in fewer features than the check needs (3; 2 of 2) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (file, data) in readable)
        {
            var (training, _) = Split.Stratified(data, 0.25, 0);
            foreach (var sampler in Samplers())
            {
                Catch(Path.GetFileName(file), data, training, sampler);
            }
        }

        return 0;
    }

    private static IEnumerable<Sampler> Samplers()
    {
        yield return new Smote { Seed = 0 };
        yield return new BorderlineSmote { Seed = 0 };
        yield return new BorderlineSmote { Seed = 0, BorderlineKind = BorderlineKind.Borderline2 };
        yield return new Adasyn { Seed = 0 };
    }

    private static void Catch(string name, Dataset data, TrainingSet training, Sampler sampler)
    {
        TrainingSet resampled;
        try
        {
            resampled = sampler.Resample(training);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Console.WriteLine($"| {name} | {sampler.Name} | cannot run: {e.Message} | | | |");
            return;
        }

        var synthetic = Enumerable.Range(0, resampled.RowCount).Where(i => resampled.GetProvenance(i).IsSynthetic).ToArray();
        if (synthetic.Length == 0)
        {
            Console.WriteLine($"| {name} | {sampler.Name} | 0 | | | |");
            return;
        }

        // Rebuilt from arrays: the rows and labels only, as a user copying them out would.
        var copied = Dataset.FromRows(
            [.. synthetic.Select(i => resampled.GetRow(i).ToArray())],
            [.. synthetic.Select(resampled.GetClassName)],
            new DatasetOptions { FeatureNames = data.Schema.FeatureNames, ClassNames = data.Schema.ClassNames });
        var (_, holdout) = Split.FromPreSplit(data, copied);
        var found = Flagged(training, holdout).ToHashSet();
        int low = 0, lowFound = 0, high = 0, highFound = 0, few = 0;
        for (var i = 0; i < synthetic.Length; i++)
        {
            var parents = resampled.GetProvenance(synthetic[i]).ParentRows;
            var gap = Gap(resampled.GetRow(synthetic[i]), data.GetRow((int)parents[0]), data.GetRow((int)parents[1]));
            few += Differing(data.GetRow((int)parents[0]), data.GetRow((int)parents[1])) < Math.Min(3, data.FeatureCount) ? 1 : 0;
            if (gap <= 0.5)
            {
                low++;
                lowFound += found.Contains(i) ? 1 : 0;
            }
            else
            {
                high++;
                highFound += found.Contains(i) ? 1 : 0;
            }
        }

        Console.WriteLine($"| {name} | {sampler.Name} | {synthetic.Length} | {found.Count} | {low}, {lowFound} | {high}, {highFound} | {few} |");
    }

    private static int Differing(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var count = 0;
        for (var j = 0; j < a.Length; j++)
        {
            count += a[j] != b[j] ? 1 : 0;
        }

        return count;
    }

    /// <summary>Where <paramref name="row"/> lies from <paramref name="from"/> to <paramref name="to"/>, along their widest coordinate.</summary>
    private static double Gap(ReadOnlySpan<double> row, ReadOnlySpan<double> from, ReadOnlySpan<double> to)
    {
        var widest = 0;
        for (var j = 1; j < row.Length; j++)
        {
            widest = Math.Abs(to[j] - from[j]) > Math.Abs(to[widest] - from[widest]) ? j : widest;
        }

        return to[widest] == from[widest] ? 0 : (row[widest] - from[widest]) / (to[widest] - from[widest]);
    }

    private static IReadOnlyList<int> Flagged(TrainingSet training, HoldoutSet holdout)
    {
        try
        {
            LeakageGuard.EnsureIndependent(training, holdout, LeakageChecks.InterpolatedRows);
            return [];
        }
        catch (LeakageException leak)
        {
            return leak.HoldoutRows;
        }
    }

    private static void Time(int rows, int features)
    {
        var data = SyntheticData.MakeClassification(rows, features, informative: Math.Min(features, 5), classes: 2, minorityFraction: 0.1, seed: 1);
        var (training, holdout) = Split.Stratified(data, 0.25, 0);
        Console.WriteLine($"Generated {rows} x {features} (10 % minority, seed 1), split 3:1: {training.RowCount} training rows, {holdout.RowCount} holdout rows; {Environment.ProcessorCount} cores");
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var flagged = Flagged(training, holdout).Count;
            var checkTime = clock.Elapsed.TotalSeconds;
            Console.Write($"run {run}: the InterpolatedRows check {checkTime:F2} s ({flagged} rows flagged); one query of the holdout against all training rows:");
            foreach (var k in new[] { 1, 20 })
            {
                clock.Restart();
                new NeighborIndex(training.Features, features).Query(holdout.Features, k);
                Console.Write($" k = {k} {clock.Elapsed.TotalSeconds:F2} s;");
            }

            Console.WriteLine();
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i]] = args[i + 1];
            }
        }

        return options;
    }
}
