using ImbalanceGuard.Pipelines;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary>A finished strategy comparison on one dataset.</summary>
internal sealed class Comparison
{
    private Comparison(ComparisonSettings settings, Dataset data, IReadOnlyList<StrategyResult> results, IReadOnlyList<SkippedStrategy> skipped)
    {
        Settings = settings;
        Data = data;
        Results = results;
        Skipped = skipped;
        PositiveClass = results[0].Result.PositiveClass;
        PositiveCount = data.ClassCountsByName()[PositiveClass];
        var majority = data.ClassCountsByName().MaxBy(c => c.Value);
        MajorityClass = majority.Key;
        MajorityShare = majority.Value / (double)data.RowCount;
        var others = data.Schema.ClassNames.Where(c => c != PositiveClass).ToArray();
        OneVsRest = others.Length < 2
            ? null
            : $"Scored one-vs-rest: class '{PositiveClass}' is positive{(settings.Positive is null ? " (the rarest; choose another with --positive CLASS)" : string.Empty)} "
                + $"and the other classes ({string.Join(", ", others.Select(c => $"'{c}'"))}) together are negative.";
    }

    public ComparisonSettings Settings { get; }

    public Dataset Data { get; }

    /// <summary>Best average precision first.</summary>
    public IReadOnlyList<StrategyResult> Results { get; }

    /// <summary>The strategies that cannot run on this data, found before any fitting, in the order asked for.</summary>
    public IReadOnlyList<SkippedStrategy> Skipped { get; }

    public string PositiveClass { get; }

    public int PositiveCount { get; }

    public string MajorityClass { get; }

    /// <summary>The accuracy of always predicting the majority class.</summary>
    public double MajorityShare { get; }

    /// <summary>With more than two classes, which one is positive and that the others were merged; else null.</summary>
    public string? OneVsRest { get; }

    /// <summary>
    /// Loads the data, skips the strategies that cannot run on it (a warning each on <paramref name="stderr"/>) and
    /// cross-validates the others, with a progress bar on <paramref name="progressOut"/> when given.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is out of range, or no strategy can run on the data.</exception>
    public static Comparison Run(ComparisonSettings settings, TextWriter stderr, TextWriter? progressOut, CancellationToken cancellationToken)
    {
        if (settings.Folds < 2)
        {
            throw new ArgumentException($"--folds must be at least 2; got {settings.Folds}.");
        }

        if (settings.Repeats < 1)
        {
            throw new ArgumentException($"--repeats must be at least 1; got {settings.Repeats}.");
        }

        var data = DataOptions.Load(settings.CsvPath, settings.Load, stderr);
        if (data.ClassCounts.Count(c => c > 0) < 2)
        {
            throw new ArgumentException($"{settings.CsvPath} has a single class; there is nothing to compare.");
        }

        var rarest = data.ClassCounts.Where(c => c > 0).Min();
        if (rarest < settings.Folds)
        {
            throw new ArgumentException($"the rarest class has {Plural.Of(rarest, "row", "rows")}, fewer than --folds {settings.Folds}; every fold needs one.");
        }

        IFoldSplitter splitter = settings.Repeats == 1
            ? new StratifiedKFold(settings.Folds, shuffle: true, seed: settings.Seed)
            : new RepeatedStratifiedKFold(settings.Folds, settings.Repeats, settings.Seed);
        // Seconds of counting instead of minutes of folds that end on a class too small for a sampler.
        var skipped = StrategyComparison.Check(data, settings.Strategies, settings.Model, splitter, settings.Seed, settings.Parameters, settings.Positive);
        string[] strategies = [.. settings.Strategies.Where(s => !skipped.Any(k => k.Strategy == s))];
        if (strategies.Length == 0)
        {
            throw new ArgumentException(skipped.Count == 1
                ? $"the strategy cannot run on this data: {Note(skipped[0])}"
                : $"no strategy can run on this data. {string.Join(" ", skipped.Select(Note))}");
        }

        foreach (var skip in skipped)
        {
            stderr.WriteLine($"warning: skipped {skip.Strategy}: {Note(skip)}");
        }

        var parameters = settings.Parameters.Where(p => strategies.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);
        if (progressOut is null)
        {
            return Finished(new Comparison(settings, data, StrategyComparison.Run(data, strategies, settings.Model, splitter, settings.Seed, null, cancellationToken, parameters, settings.Positive), skipped), stderr);
        }

        IReadOnlyList<StrategyResult>? results = null;
        Terminal.Progress(progressOut).Start(context =>
            {
                var tasks = strategies.ToDictionary(s => s, s => context.AddTask(Markup.Escape(s), maxValue: splitter.SplitCount), StringComparer.Ordinal);
                var progress = new Relay(p => tasks[p.Strategy].Value = p.Fold.CompletedFolds);
                results = StrategyComparison.Run(data, strategies, settings.Model, splitter, settings.Seed, progress, cancellationToken, parameters, settings.Positive);
            });
        return Finished(new Comparison(settings, data, results!, skipped), stderr);
    }

    private static Comparison Finished(Comparison comparison, TextWriter stderr)
    {
        if (comparison.OneVsRest is { } note)
        {
            stderr.WriteLine("note: " + note);
        }

        if (CalibrationNote.Warning(comparison.Results, comparison.PositiveClass) is { } uncalibrated)
        {
            stderr.WriteLine(uncalibrated);
        }

        return comparison;
    }

    /// <summary>Why a strategy was skipped, with the --param that would let it run where there is one.</summary>
    public static string Note(SkippedStrategy skipped)
        => skipped is { Parameter: { } parameter, WorkableValue: { } value }
            ? $"{skipped.Reason.TrimEnd('.')}: --param {skipped.Strategy}.{parameter}={value.ToString(System.Globalization.CultureInfo.InvariantCulture)}."
            : skipped.Reason;

    private sealed class Relay(Action<ComparisonProgress> report) : IProgress<ComparisonProgress>
    {
        public void Report(ComparisonProgress value) => report(value);
    }
}
