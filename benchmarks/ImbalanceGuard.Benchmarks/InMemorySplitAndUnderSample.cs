using System.Diagnostics;
using System.Globalization;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Benchmarks;

/// <summary>
/// The in-memory twin of the out-of-core benchmark in benchmarks/README.md ("Larger than memory"): read a CSV
/// whole, split it stratified, write both parts, under-sample the training part to balance and write it — what
/// <c>split</c> and then <c>resample --strategy random-under</c> do out of core. Prints the seconds of each step;
/// run it under <c>/usr/bin/time -v</c> for the peak resident set.
/// </summary>
internal static class InMemorySplitAndUnderSample
{
    public static int Run(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: in-memory-split <data.csv> <holdout share> <output folder>");
            return 2;
        }

        var (csv, share, folder) = (args[0], double.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        var data = Dataset.LoadCsv(csv);
        Step("read", clock);
        var split = Split.Stratified(data, share, seed: 1);
        Step("split", clock);
        Write(split.Training, Path.Combine(folder, "training.csv"));
        Write(split.Holdout, Path.Combine(folder, "holdout.csv"));
        Step("write parts", clock);
        var balanced = new RandomUnderSampler { Seed = 1 }.Resample(split.Training);
        Step("under-sample", clock);
        Write(balanced, Path.Combine(folder, "training-under.csv"));
        Step("write under-sampled", clock);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"rows {data.RowCount}, training {split.Training.RowCount}, holdout {split.Holdout.RowCount}, under-sampled {balanced.RowCount}"));
        return 0;
    }

    private static void Write(LabeledData data, string path)
    {
        using var writer = new StreamWriter(path);
        data.WriteCsv(writer);
    }

    private static void Step(string name, Stopwatch clock)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {clock.Elapsed.TotalSeconds:F1} s"));
        clock.Restart();
    }
}
