using System.Globalization;

namespace ImbalanceGuard.Models;

/// <summary>What every tree fit starts from: checked rows, row weights, the rows that take part, and the bins.</summary>
internal sealed class TreeTraining
{
    private TreeTraining(double[] weights, int[] usedRows, FeatureBins bins, int[] labels, int classCount, int featureCount)
    {
        Weights = weights;
        UsedRows = usedRows;
        Bins = bins;
        Labels = labels;
        ClassCount = classCount;
        FeatureCount = featureCount;
    }

    /// <summary>The weight of every row (1 without weights).</summary>
    public double[] Weights { get; }

    /// <summary>The rows of positive weight, ascending: a row of weight 0 is as good as absent.</summary>
    public int[] UsedRows { get; }

    public FeatureBins Bins { get; }

    public int[] Labels { get; }

    public int ClassCount { get; }

    public int FeatureCount { get; }

    public int RowCount => Labels.Length;

    /// <summary>Gives the bins' storage back to the pool when the last tree is grown; this must not be used afterwards.</summary>
    public void Release() => Bins.Release();

    public static TreeTraining Prepare(TrainingSet training, int? maxFeatures, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(training);
        var table = training.Table;
        var d = table.FeatureCount;
        if (d == 0)
        {
            throw new ArgumentException("The training set has no features.", nameof(training));
        }

        CheckMaxFeatures(maxFeatures, d, nameof(training));

        ModelChecks.Finite(table.Features, d, nameof(training));
        return Prepare(table.Features, null, table.Labels, table.Weights, table.Schema.ClassCount, d, nameof(training), parallel);
    }

    /// <summary>
    /// <see cref="Prepare(TrainingSet, int?, ParallelOptions)"/> for rows <paramref name="rows"/> of a row-major
    /// matrix, read where they are instead of copied into a training set of their own.
    /// </summary>
    public static TreeTraining Prepare(double[] features, int dimensions, int[] rows, int[] labels, int classCount, int? maxFeatures, ParallelOptions parallel)
    {
        CheckMaxFeatures(maxFeatures, dimensions, nameof(maxFeatures));
        ModelChecks.FiniteRows(features, rows, dimensions, nameof(features));
        return Prepare(features, rows, labels, null, classCount, dimensions, nameof(features), parallel);
    }

    private static TreeTraining Prepare(double[] features, int[]? rowMap, int[] labels, double[]? rowWeights, int classCount, int d, string parameter, ParallelOptions parallel)
    {
        var n = labels.Length;
        var weights = new double[n];
        var used = new bool[n];
        var usedCount = 0;
        for (var i = 0; i < n; i++)
        {
            var w = rowWeights?[i] ?? 1.0;
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i} has weight {w}; weights must be finite and non-negative."),
                    parameter);
            }

            weights[i] = w;
            used[i] = w > 0;
            usedCount += w > 0 ? 1 : 0;
        }

        if (usedCount == 0)
        {
            throw new ArgumentException("No training row has a positive weight; there is nothing to fit.", parameter);
        }

        var usedRows = new int[usedCount];
        for (int i = 0, u = 0; i < n; i++)
        {
            if (used[i])
            {
                usedRows[u++] = i;
            }
        }

        var bins = FeatureBins.Build(features, rowMap, n, d, usedCount == n ? null : used, parallel);
        return new TreeTraining(weights, usedRows, bins, labels, classCount, d);
    }

    private static void CheckMaxFeatures(int? maxFeatures, int dimensions, string parameter)
    {
        if (maxFeatures > dimensions)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"max_features must be at most the number of features, {dimensions}; got {maxFeatures}."),
                parameter);
        }
    }
}
