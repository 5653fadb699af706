using System.Globalization;
using ImbalanceGuard.Models;
using ImbalanceGuard.Sampling;

namespace ImbalanceGuard.Ensembles;

/// <summary>
/// Bagging with a sampler in front of every member, as imbalanced-learn builds its bagging ensembles (a
/// scikit-learn <c>BaggingClassifier</c> of <c>Pipeline(sampler, estimator)</c>): member b draws its features,
/// then its rows (a bootstrap or a sub-sample), the sampler resamples those rows, and the trainer fits what
/// comes out. Member b's draws, sampler and trainer are seeded from (seed, b) alone, so the members can be
/// fitted in any order on any number of threads.
/// </summary>
internal sealed class BaggingEngine
{
    public required int Estimators { get; init; }

    public required double MaxSamples { get; init; }

    public required double MaxFeatures { get; init; }

    public required bool Bootstrap { get; init; }

    public required bool BootstrapFeatures { get; init; }

    public required Sampler Sampler { get; init; }

    public required IClassifierTrainer Trainer { get; init; }

    public required long Seed { get; init; }

    public required int MaxDegreeOfParallelism { get; init; }

    public BalancedEnsembleModel Fit(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var table = training.Table;
        var n = table.RowCount;
        var d = table.FeatureCount;
        var rowCount = (int)(MaxSamples * n);
        var featureCount = (int)(MaxFeatures * d);
        if (rowCount < 1 || featureCount < 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"max_samples={MaxSamples} of {n} rows and max_features={MaxFeatures} of {d} features must each leave at least one."),
                nameof(training));
        }

        var estimators = new IProbabilisticClassifier[Estimators];
        var features = new int[]?[Estimators];
        var samples = new int[Estimators][];
        var trainingRows = new int[Estimators][];
        var classCounts = new int[Estimators][];
        ModelChecks.ParallelFor(Estimators, MaxDegreeOfParallelism, b =>
        {
            var random = SeededRandom.Fork(Seed, b);
            var columns = DrawFeatures(random, d, featureCount);
            var rows = DrawRows(random, n, rowCount);
            var subset = new TrainingSet(Project(table.Select(rows), columns));
            var sampled = Sampler.WithSeed(TrainerSeeds.SamplerSeed(Seed, b)).FitResample(subset);
            var kept = sampled.KeptIndices.Select(i => rows[i]).Order().ToArray();
            estimators[b] = TrainerSeeds.For(Trainer, Seed, b).Fit(sampled.Resampled);
            features[b] = columns;
            Array.Sort(rows);
            samples[b] = rows;
            trainingRows[b] = kept;
            classCounts[b] = [.. sampled.Resampled.ClassCounts];
        });

        return new BalancedEnsembleModel(estimators, features, samples, trainingRows, classCounts, table.Schema.ClassCount, d);
    }

    /// <summary>The feature columns of one member, or null for every column in order.</summary>
    private int[]? DrawFeatures(SeededRandom random, int d, int count)
    {
        if (BootstrapFeatures)
        {
            var drawn = new int[count];
            for (var f = 0; f < count; f++)
            {
                drawn[f] = random.NextInt(d);
            }

            return drawn;
        }

        if (count == d)
        {
            return null;
        }

        var chosen = random.SampleWithoutReplacement(d, count);
        Array.Sort(chosen);
        return chosen;
    }

    private int[] DrawRows(SeededRandom random, int n, int count)
    {
        if (Bootstrap)
        {
            var drawn = new int[count];
            for (var i = 0; i < count; i++)
            {
                drawn[i] = random.NextInt(n);
            }

            return drawn;
        }

        if (count == n)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        var chosen = random.SampleWithoutReplacement(n, count);
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>The table with only the columns <paramref name="columns"/> (a column drawn twice appears twice).</summary>
    private static RowTable Project(RowTable table, int[]? columns)
    {
        if (columns is null)
        {
            return table;
        }

        var schema = table.Schema;
        var names = new string[columns.Length];
        var kinds = new FeatureKind[columns.Length];
        var levels = new string[]?[columns.Length];
        var seen = new Dictionary<int, int>();
        for (var f = 0; f < columns.Length; f++)
        {
            var c = columns[f];
            seen[c] = seen.TryGetValue(c, out var times) ? times + 1 : 1;

            // A column drawn again gets a new name: a schema's names are unique.
            names[f] = seen[c] == 1 ? schema.FeatureNames[c] : string.Create(CultureInfo.InvariantCulture, $"{schema.FeatureNames[c]}#{seen[c]}");
            kinds[f] = schema.FeatureKinds[c];
            levels[f] = schema.CategoryLevels(c)?.ToArray();
        }

        var projected = new DataSchema(names, kinds, schema.LabelName, [.. schema.ClassNames], schema.WeightName, levels);
        var values = new double[table.RowCount * columns.Length];
        for (var i = 0; i < table.RowCount; i++)
        {
            var row = table.Row(i);
            for (var f = 0; f < columns.Length; f++)
            {
                values[(i * columns.Length) + f] = row[columns[f]];
            }
        }

        return new RowTable(projected, values, table.Labels, table.Weights, table.Provenance);
    }
}
