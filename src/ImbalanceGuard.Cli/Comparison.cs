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

    /// <summary>Best first: by average precision, or by the objective when <c>--objective</c> was given (see <see cref="StrategyComparison.Rank"/>).</summary>
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

        if (settings.TimeColumn is not null && settings.Repeats > 1)
        {
            throw new ArgumentException("--repeats cannot be used with --time-column: time-ordered folds are the same on every repeat.");
        }

        if (settings.TimeColumn is not null && settings.GroupColumn is not null)
        {
            throw new ArgumentException("--time-column and --group-column cannot be used together; choose the one that says how new data will arrive.");
        }

        if (settings.Gap > 0 && settings.TimeColumn is null)
        {
            throw new ArgumentException("--gap needs --time-column: a gap separates earlier training rows from later validation rows.");
        }

        // The ordering or grouping column is not a feature: a model must not learn the time or the customer.
        var keyColumns = new[] { settings.TimeColumn, settings.GroupColumn }.OfType<string>().ToArray();
        var times = settings.TimeColumn is { } timeColumn ? KeyColumn.Times(settings.CsvPath, timeColumn, settings.Load) : null;
        var groups = settings.GroupColumn is { } groupColumn ? KeyColumn.Cells(settings.CsvPath, groupColumn, "--group-column", settings.Load) : null;
        var load = keyColumns.Length == 0 ? settings.Load : settings.Load with { IgnoreColumns = [.. settings.Load.IgnoreColumns ?? [], .. keyColumns] };
        var data = DataOptions.Load(settings.CsvPath, load, stderr);
        if (data.ClassCounts.Count(c => c > 0) < 2)
        {
            throw new ArgumentException($"{settings.CsvPath} has a single class; there is nothing to compare.");
        }

        var rarest = data.ClassCounts.Where(c => c > 0).Min();
        if (rarest < settings.Folds && times is null)
        {
            throw new ArgumentException($"the rarest class has {Plural.Of(rarest, "row", "rows")}, fewer than --folds {settings.Folds}; every fold needs one.");
        }

        IFoldSplitter splitter = (times, groups) switch
        {
            ({ } t, _) => new TimeSeriesSplit(settings.Folds, gap: settings.Gap, times: t),
            (_, { } g) => new StratifiedGroupKFold(g, settings.Folds, shuffle: true, seed: settings.Seed),
            _ when settings.Repeats == 1 => new StratifiedKFold(settings.Folds, shuffle: true, seed: settings.Seed),
            _ => new RepeatedStratifiedKFold(settings.Folds, settings.Repeats, settings.Seed),
        };
        // Seconds of counting instead of minutes of folds that end on a class too small for a sampler.
        var skipped = StrategyComparison.Check(data, settings.Strategies, settings.Model, splitter, settings.Seed, settings.Parameters, settings.Positive, settings.Objective);
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
            return Finished(settings, data, StrategyComparison.Run(data, strategies, settings.Model, splitter, settings.Seed, null, cancellationToken, parameters, settings.Positive, settings.Objective), skipped, stderr);
        }

        IReadOnlyList<StrategyResult>? results = null;
        Terminal.Progress(progressOut).Start(context =>
            {
                var tasks = strategies.ToDictionary(s => s, s => context.AddTask(Markup.Escape(s), maxValue: splitter.SplitCount), StringComparer.Ordinal);
                var progress = new Relay(p => tasks[p.Strategy].Value = p.Fold.CompletedFolds);
                results = StrategyComparison.Run(data, strategies, settings.Model, splitter, settings.Seed, progress, cancellationToken, parameters, settings.Positive, settings.Objective);
            });
        return Finished(settings, data, results!, skipped, stderr);
    }

    private static Comparison Finished(ComparisonSettings settings, Dataset data, IReadOnlyList<StrategyResult> results, IReadOnlyList<SkippedStrategy> skipped, TextWriter stderr)
    {
        // Without --objective the thresholds are tuned for F1 all the same, but the strategies are ranked by average
        // precision, which needs no threshold; with it, by what the user asked for.
        var comparison = new Comparison(settings, data, StrategyComparison.Rank(results, settings.RankByObjective ? settings.Objective : null), skipped);
        if (comparison.OneVsRest is { } note)
        {
            stderr.WriteLine("note: " + note);
        }

        var objective = comparison.Settings.Objective;
        foreach (var result in comparison.Results)
        {
            var folds = result.Result.Folds;
            var without = folds.Count(f => !f.Metrics.ContainsKey(MetricNames.Threshold));
            var met = result.Result.ConstraintsMetFolds;
            if (objective.Constraints.Count > 0 && met < folds.Count)
            {
                stderr.WriteLine(
                    $"warning: {result.Strategy} met {objective} in {met} of {folds.Count} folds"
                    + (without > 0 ? $"; in {without} no threshold met the constraints on the training side, so their decision metrics are left out." : "."));
            }
        }

        // Each fold's pipeline resamples on its own; what resample would have said once is said once per strategy here.
        foreach (var result in comparison.Results)
        {
            foreach (var sampling in result.Result.SamplingNotes)
            {
                stderr.WriteLine($"note: {result.Strategy}: {sampling.Message}");
            }
        }

        if (CalibrationNote.Warning(comparison.Results, comparison.PositiveClass) is { } uncalibrated)
        {
            stderr.WriteLine(uncalibrated);
        }

        return comparison;
    }

    /// <summary>What the folds were, in words: "folds", "time-ordered folds on 'date'" or "group folds on 'customer'".</summary>
    public static string FoldKind(ComparisonSettings settings)
        => settings switch
        {
            { TimeColumn: { } time } => $"time-ordered folds on '{time}'{(settings.Gap > 0 ? $" with a gap of {Plural.Of(settings.Gap, "row", "rows")}" : string.Empty)}",
            { GroupColumn: { } group } => $"stratified group folds on '{group}'",
            _ => "folds",
        };

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
