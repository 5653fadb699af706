using ImbalanceGuard.Pipelines;
using Spectre.Console;

namespace ImbalanceGuard.Cli;

/// <summary>A finished strategy comparison on one dataset.</summary>
internal sealed class Comparison
{
    private Comparison(ComparisonSettings settings, Dataset data, IReadOnlyList<StrategyResult> results)
    {
        Settings = settings;
        Data = data;
        Results = results;
        PositiveClass = results[0].Result.PositiveClass;
        PositiveCount = data.ClassCountsByName()[PositiveClass];
        var majority = data.ClassCountsByName().MaxBy(c => c.Value);
        MajorityClass = majority.Key;
        MajorityShare = majority.Value / (double)data.RowCount;
    }

    public ComparisonSettings Settings { get; }

    public Dataset Data { get; }

    /// <summary>Best average precision first.</summary>
    public IReadOnlyList<StrategyResult> Results { get; }

    public string PositiveClass { get; }

    public int PositiveCount { get; }

    public string MajorityClass { get; }

    /// <summary>The accuracy of always predicting the majority class.</summary>
    public double MajorityShare { get; }

    /// <summary>Loads the data and cross-validates every strategy, with a progress bar on <paramref name="progressOut"/> when given.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or a strategy cannot run on the data.</exception>
    public static Comparison Run(ComparisonSettings settings, TextWriter? progressOut, CancellationToken cancellationToken)
    {
        if (settings.Folds < 2)
        {
            throw new ArgumentException($"--folds must be at least 2; got {settings.Folds}.");
        }

        if (settings.Repeats < 1)
        {
            throw new ArgumentException($"--repeats must be at least 1; got {settings.Repeats}.");
        }

        var data = Dataset.LoadCsv(settings.CsvPath, CommonOptions.LoadOptions(settings.Label));
        if (data.ClassCounts.Count(c => c > 0) < 2)
        {
            throw new ArgumentException($"{settings.CsvPath} has a single class; there is nothing to compare.");
        }

        var rarest = data.ClassCounts.Where(c => c > 0).Min();
        if (rarest < settings.Folds)
        {
            throw new ArgumentException($"the rarest class has {rarest} rows, fewer than --folds {settings.Folds}; every fold needs one.");
        }

        IFoldSplitter splitter = settings.Repeats == 1
            ? new StratifiedKFold(settings.Folds, shuffle: true, seed: settings.Seed)
            : new RepeatedStratifiedKFold(settings.Folds, settings.Repeats, settings.Seed);
        if (progressOut is null)
        {
            return new Comparison(settings, data, StrategyComparison.Run(data, settings.Strategies, settings.Model, splitter, settings.Seed, cancellationToken: cancellationToken));
        }

        IReadOnlyList<StrategyResult>? results = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(progressOut) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = settings.Strategies.ToDictionary(s => s, s => context.AddTask(Markup.Escape(s), maxValue: splitter.SplitCount), StringComparer.Ordinal);
                var progress = new Relay(p => tasks[p.Strategy].Value = p.Fold.CompletedFolds);
                results = StrategyComparison.Run(data, settings.Strategies, settings.Model, splitter, settings.Seed, progress, cancellationToken);
            });
        return new Comparison(settings, data, results!);
    }

    private sealed class Relay(Action<ComparisonProgress> report) : IProgress<ComparisonProgress>
    {
        public void Report(ComparisonProgress value) => report(value);
    }
}
