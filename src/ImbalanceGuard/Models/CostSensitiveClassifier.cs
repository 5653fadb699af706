using System.Globalization;

namespace ImbalanceGuard.Models;

/// <summary>
/// Cost-sensitive decisions from a K×K cost matrix, where <c>Costs[i][j]</c> is the cost of predicting class j
/// for a row of class i. By default the base learner is fitted as it is and a row gets the class of least
/// expected cost, Σᵢ P(i | x)·C(i, j), under the learner's probabilities (calibrate them first for this to be
/// right). With <see cref="MetaCost"/> the training rows are relabelled first (Domingos 1999): the learner
/// is bagged to estimate each row's class probabilities, each row takes its least-expected-cost class, and the
/// learner is refitted on the relabelled rows; its predicted class is then the decision.
/// </summary>
public sealed class CostSensitiveClassifier : IClassifierTrainer, ISeedableTrainer
{
    private readonly double[][] _costs = [];
    private readonly int _metaCostBags = 10;
    private readonly int _maxDegreeOfParallelism = -1;
    private long _seed;

    /// <summary>The learner whose probabilities the decisions use. Required.</summary>
    public required IClassifierTrainer Estimator { get; init; }

    /// <summary>
    /// The cost matrix, one row per true class and one column per predicted class, in the schema's class order.
    /// Required; the values must be finite. The diagonal is usually 0.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is empty or not square, or a value is not finite.</exception>
    public required double[][] Costs
    {
        get => _costs;
        init => _costs = CheckCosts(value);
    }

    /// <summary>Whether to relabel the training rows by MetaCost before the final fit. Default false.</summary>
    public bool MetaCost { get; init; }

    /// <summary>The bootstrap resamples MetaCost bags the learner on (Domingos's <c>m</c>). Default 10.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MetaCostBags
    {
        get => _metaCostBags;
        init => _metaCostBags = ModelChecks.AtLeast(value, 1, "m", nameof(MetaCostBags));
    }

    /// <summary>Seeds MetaCost's bootstraps and the bagged learners. Default 0.</summary>
    public long Seed
    {
        get => _seed;
        init => _seed = value;
    }

    /// <summary>The most threads for MetaCost's bags; -1 for every core. The model never depends on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = ModelChecks.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Fits the learner (after MetaCost's relabelling, when asked) on <paramref name="training"/>.</summary>
    /// <exception cref="ArgumentException">The cost matrix does not have one row and column per class of the schema.</exception>
    public CostSensitiveModel Fit(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var k = training.ClassCount;
        if (_costs.Length != k)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The cost matrix is {_costs.Length}×{_costs.Length}; the data has {k} classes, so it must be {k}×{k}."),
                nameof(training));
        }

        if (!MetaCost)
        {
            return new CostSensitiveModel(Estimator.Fit(training), _costs, relabelled: false, changedLabels: 0);
        }

        var table = training.Table;
        var n = table.RowCount;
        var perBag = new double[MetaCostBags][];
        ModelChecks.ParallelFor(MetaCostBags, MaxDegreeOfParallelism, b =>
        {
            var random = SeededRandom.Fork(Seed, b);
            var rows = new int[n];
            for (var i = 0; i < n; i++)
            {
                rows[i] = random.NextInt(n);
            }

            var model = TrainerSeeds.For(Estimator, Seed, b).Fit(new TrainingSet(table.Select(rows)));
            var probabilities = new double[n * k];
            for (var i = 0; i < n; i++)
            {
                model.PredictProbabilities(table.Row(i), probabilities.AsSpan(i * k, k));
            }

            perBag[b] = probabilities;
        });

        // Summed in bag order, whatever thread finished first, so the relabelling never depends on the threads.
        var sums = new double[n * k];
        foreach (var probabilities in perBag)
        {
            for (var j = 0; j < sums.Length; j++)
            {
                sums[j] += probabilities[j];
            }
        }

        var labels = new int[n];
        var changed = 0;
        for (var i = 0; i < n; i++)
        {
            labels[i] = CostSensitiveModel.LeastCostClass(sums.AsSpan(i * k, k), _costs);
            changed += labels[i] != table.Labels[i] ? 1 : 0;
        }

        var relabelled = new TrainingSet(table.With(labels: labels));
        return new CostSensitiveModel(Estimator.Fit(relabelled), _costs, relabelled: true, changedLabels: changed);
    }

    IProbabilisticClassifier IClassifierTrainer.Fit(TrainingSet training) => Fit(training);

    IClassifierTrainer ISeedableTrainer.WithSeed(long seed)
    {
        var copy = (CostSensitiveClassifier)MemberwiseClone();
        copy._seed = seed;
        return copy;
    }

    private static double[][] CheckCosts(double[][] costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.Length == 0 || costs.Any(row => row is null || row.Length != costs.Length))
        {
            throw new ArgumentException("The cost matrix must be square: one row and one column per class.", nameof(Costs));
        }

        if (costs.Any(row => row.Any(c => !double.IsFinite(c))))
        {
            throw new ArgumentException("Every cost must be a finite number.", nameof(Costs));
        }

        return costs.Select(row => (double[])row.Clone()).ToArray();
    }
}
