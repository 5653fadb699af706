using ImbalanceGuard.Sampling;
using ImbalanceGuard.Thresholds;

namespace ImbalanceGuard.Pipelines;

/// <summary>
/// Cross-validates several imbalance strategies on the same folds and ranks them by mean average precision
/// (the threshold-free metric that rewards finding the rare class, where ROC-AUC flatters), or by the objective their
/// thresholds were tuned for when one is given (see <see cref="Rank"/>).
/// </summary>
public static class StrategyComparison
{
    /// <summary>Runs every strategy of <paramref name="strategies"/> (see <see cref="StrategyCatalog"/>) through <paramref name="splitter"/>'s folds.</summary>
    /// <param name="data">The whole dataset; each fold's pipeline resamples its own training side.</param>
    /// <param name="strategies">Strategy names, each once.</param>
    /// <param name="model">The base model (see <see cref="StrategyCatalog.Models"/>).</param>
    /// <param name="splitter">The folds, the same for every strategy.</param>
    /// <param name="seed">Seeds samplers, models and inner folds.</param>
    /// <param name="progress">Receives a report after each fold of each strategy.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="parameters">Sampler parameters by strategy name (see <see cref="StrategyCatalog.Create"/>).</param>
    /// <param name="positiveClass">The class to find, scored one-vs-rest; null for the rarest class.</param>
    /// <param name="objective">What each fold's threshold is tuned for on inner folds of its training side (constraints included, see <see cref="ThresholdObjective.Constrained"/>); null for F1.</param>
    /// <remarks>
    /// With a <see cref="TimeSeriesSplit"/> the pipelines tune and calibrate on time-ordered inner folds
    /// (<see cref="ImbalancePipeline.TimeOrderedInnerFolds"/>), so inside each training window too no row is scored
    /// by a model of later rows.
    /// </remarks>
    /// <returns>
    /// The results, best first (see <see cref="Rank"/>): by mean average precision without <paramref name="objective"/>, by the
    /// objective with one.
    /// </returns>
    /// <exception cref="ArgumentException">A strategy is unknown or repeated, the model is unknown, the list is empty, or a strategy cannot run on these folds (see <see cref="Check"/>).</exception>
    public static IReadOnlyList<StrategyResult> Run(
        Dataset data,
        IReadOnlyList<string> strategies,
        string model,
        IFoldSplitter splitter,
        int seed = 0,
        IProgress<ComparisonProgress>? progress = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? parameters = null,
        string? positiveClass = null,
        ThresholdObjective? objective = null)
    {
        ArgumentNullException.ThrowIfNull(splitter);

        // Build every pipeline first, so an unknown name fails before any fold runs.
        var pipelines = Pipelines(data, strategies, model, seed, parameters, positiveClass, objective, splitter);
        var results = new List<StrategyResult>(strategies.Count);
        for (var s = 0; s < pipelines.Length; s++)
        {
            var index = s;
            var options = new CrossValidationOptions
            {
                CancellationToken = cancellationToken,
                Progress = progress is null ? null : new Relay(p => progress.Report(new ComparisonProgress(strategies[index], index, strategies.Count, p))),
            };
            results.Add(new StrategyResult(strategies[s], CrossValidation.Run(pipelines[s], data, splitter, options)));
        }

        return Rank(results, objective);
    }

    /// <summary>
    /// Orders cross-validated strategies best first. Without an objective, by mean average precision (threshold-free).
    /// With one, by what it asks for: first the folds whose threshold met every constraint (an alert budget is a team's
    /// capacity, not a preference), then the objective's mean value over the folds (<see cref="MetricNames.ObjectiveValue"/>:
    /// lower first for a cost), then average precision. A strategy whose value is undefined comes last.
    /// </summary>
    /// <param name="results">Strategies cross-validated on the same folds.</param>
    /// <param name="objective">What their thresholds were tuned for; null to rank by average precision.</param>
    /// <returns>The same results, best first; the order of equals is kept.</returns>
    public static IReadOnlyList<StrategyResult> Rank(IEnumerable<StrategyResult> results, ThresholdObjective? objective = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (objective is null)
        {
            return [.. results.OrderByDescending(r => Better(r, MetricNames.AveragePrecision, lowerIsBetter: false))];
        }

        return [.. results
            .OrderByDescending(r => objective.Constraints.Count == 0 ? 0 : r.Result.ConstraintsMetFolds)
            .ThenByDescending(r => Better(r, MetricNames.ObjectiveValue, objective.LowerIsBetter))
            .ThenByDescending(r => Better(r, MetricNames.AveragePrecision, lowerIsBetter: false))];
    }

    /// <summary>A metric's mean turned so that larger is better, and an undefined mean worst of all.</summary>
    private static double Better(StrategyResult result, string metric, bool lowerIsBetter)
        => result.Result.Metrics.TryGetValue(metric, out var summary) && !double.IsNaN(summary.Mean)
            ? (lowerIsBetter ? -summary.Mean : summary.Mean)
            : double.NegativeInfinity;

    /// <summary>
    /// The strategies of <paramref name="strategies"/> that cannot run on these folds, each with its reason, found before
    /// anything is fitted: a sampler that would interpolate categorical features (<see cref="Sampler.InterpolatesFeatures"/>),
    /// or a class that a training fold or an inner fold leaves too small (<see cref="CrossValidation.Check"/>). Compare
    /// the others; a comparison that ran them would fail after the strategies before them had run.
    /// </summary>
    /// <param name="data">The whole dataset.</param>
    /// <param name="strategies">Strategy names, each once.</param>
    /// <param name="model">The base model.</param>
    /// <param name="splitter">The folds the comparison will use.</param>
    /// <param name="seed">The comparison's seed (it sets the inner folds).</param>
    /// <param name="parameters">Sampler parameters by strategy name.</param>
    /// <param name="positiveClass">The class to find; null for the rarest class.</param>
    /// <param name="objective">What the thresholds are tuned for; null for F1 (an objective adds no problem of its own, but the pipelines are built with it).</param>
    /// <exception cref="ArgumentException">As <see cref="Run(Dataset, IReadOnlyList{string}, string, IFoldSplitter, int, IProgress{ComparisonProgress}?, CancellationToken, IReadOnlyDictionary{string, IReadOnlyDictionary{string, string}}?, string?, ThresholdObjective?)"/>, for what is wrong whatever the folds.</exception>
    public static IReadOnlyList<SkippedStrategy> Check(
        Dataset data,
        IReadOnlyList<string> strategies,
        string model,
        IFoldSplitter splitter,
        int seed = 0,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? parameters = null,
        string? positiveClass = null,
        ThresholdObjective? objective = null)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        var pipelines = Pipelines(data, strategies, model, seed, parameters, positiveClass, objective, splitter);
        var skipped = new List<SkippedStrategy>();
        for (var s = 0; s < pipelines.Length; s++)
        {
            if (pipelines[s].Samplers.Select(x => SamplerCatalog.CategoricalProblem(x, data.Schema)).FirstOrDefault(p => p is not null) is { } mixing)
            {
                skipped.Add(new SkippedStrategy(strategies[s], mixing));
            }
            else if (CrossValidation.Check(pipelines[s], data, splitter) is { } problem)
            {
                skipped.Add(new SkippedStrategy(strategies[s], problem.Reason) { Parameter = problem.Parameter, WorkableValue = problem.WorkableValue });
            }
        }

        return skipped;
    }

    private static ImbalancePipeline[] Pipelines(
        Dataset data,
        IReadOnlyList<string> strategies,
        string model,
        int seed,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? parameters,
        string? positiveClass,
        ThresholdObjective? objective,
        IFoldSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(strategies);
        if (strategies.Count == 0)
        {
            throw new ArgumentException("Name at least one strategy to compare.", nameof(strategies));
        }

        if (strategies.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"The strategy '{repeated.Key}' is listed twice.", nameof(strategies));
        }

        if (parameters?.Keys.FirstOrDefault(k => !strategies.Contains(k, StringComparer.Ordinal)) is { } stray)
        {
            throw new ArgumentException($"Parameters are given for '{stray}', which is not among the strategies compared ({string.Join(", ", strategies)}).", nameof(parameters));
        }

        if (positiveClass is not null && !data.Schema.TryGetClassIndex(positiveClass, out _))
        {
            throw new ArgumentException($"The positive class '{positiveClass}' is not a class of the data ({string.Join(", ", data.Schema.ClassNames)}).", nameof(positiveClass));
        }

        return [.. strategies
            .Select(s => StrategyCatalog.Create(
                s, model, seed, objective is null ? null : ThresholdPolicy.Tuned(objective), data.Schema, parameters?.GetValueOrDefault(s)))
            .Select(p => positiveClass is null ? p : p.WithPositiveClass(positiveClass))
            // Folds in time want thresholds tuned in time: no inner fold scores a row with a model of later rows.
            .Select(p => splitter is TimeSeriesSplit ? p.WithTimeOrderedInnerFolds() : p)];
    }

    /// <summary>
    /// Runs every strategy through folds of the training side of a split, so the holdout stays unseen until the
    /// chosen strategy is evaluated on it once.
    /// </summary>
    /// <exception cref="ArgumentException">The training set was resampled, or as the other overload.</exception>
    public static IReadOnlyList<StrategyResult> Run(
        TrainingSet data,
        IReadOnlyList<string> strategies,
        string model,
        IFoldSplitter splitter,
        int seed = 0,
        IProgress<ComparisonProgress>? progress = null,
        CancellationToken cancellationToken = default)
        => Run(CrossValidation.FoldableRows(data), strategies, model, splitter, seed, progress, cancellationToken, null, null, null);

    /// <summary>Forwards on the calling thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class Relay(Action<CrossValidationProgress> report) : IProgress<CrossValidationProgress>
    {
        public void Report(CrossValidationProgress value) => report(value);
    }
}
