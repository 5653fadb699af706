using System.Globalization;

namespace ImbalanceGuard.Models;

/// <summary>
/// A C-support vector classifier, libsvm's algorithm as scikit-learn's <c>SVC</c> runs it: SMO with
/// second-order working-set selection, shrinking, an LRU cache of kernel columns, and one-vs-one for more
/// than two classes. Row weights scale C per row, as scikit-learn's <c>sample_weight</c> (rows of weight 0 are
/// left out). The support set and decision values match scikit-learn's up to rounding; the same data gives
/// the same model whatever the thread count.
/// </summary>
public sealed class SupportVectorClassifier
{
    private readonly double _c = 1.0;
    private readonly double? _gamma;
    private readonly double _tolerance = 1e-3;
    private readonly double _cacheSizeMegabytes = 200;
    private readonly int _maxIterations = -1;
    private readonly int _maxDegreeOfParallelism = -1;

    /// <summary>The penalty of margin violations (scikit-learn's <c>C</c>), positive. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public double C
    {
        get => _c;
        init => _c = ModelChecks.Positive(value, "C", nameof(C));
    }

    /// <summary>The kernel (scikit-learn's <c>kernel</c>). Default <see cref="SvmKernel.Rbf"/>.</summary>
    public SvmKernel Kernel { get; init; } = SvmKernel.Rbf;

    /// <summary>
    /// The RBF coefficient γ (scikit-learn's <c>gamma</c>); null for scikit-learn's "scale",
    /// 1 / (features × the variance of all feature values). Default null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public double? Gamma
    {
        get => _gamma;
        init => _gamma = value is { } g ? ModelChecks.Positive(g, "gamma", nameof(Gamma)) : null;
    }

    /// <summary>The stopping tolerance on the maximal violating pair (scikit-learn's <c>tol</c>). Default 1e-3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public double Tolerance
    {
        get => _tolerance;
        init => _tolerance = ModelChecks.Positive(value, "tol", nameof(Tolerance));
    }

    /// <summary>The kernel cache size in MiB (scikit-learn's <c>cache_size</c>). Default 200.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public double CacheSizeMegabytes
    {
        get => _cacheSizeMegabytes;
        init => _cacheSizeMegabytes = ModelChecks.Positive(value, "cache_size", nameof(CacheSizeMegabytes));
    }

    /// <summary>The most SMO iterations per pairwise problem, -1 for no limit (scikit-learn's <c>max_iter</c>). Default -1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = ModelChecks.IterationLimit(value, "max_iter", nameof(MaxIterations));
    }

    /// <summary>Whether to shrink the active set (scikit-learn's <c>shrinking</c>). Default true.</summary>
    public bool Shrinking { get; init; } = true;

    /// <summary>The most threads to use; -1 for every core. The model never depends on it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or below -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = ModelChecks.Parallelism(value, nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Fits on <paramref name="training"/>, honouring its row weights.</summary>
    /// <exception cref="ArgumentException">Fewer than two classes have rows of positive weight.</exception>
    public SupportVectorModel Fit(TrainingSet training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var table = training.Table;
        return Fit(table.Features, table.Labels, table.FeatureCount, table.Schema.ClassCount, table.Weights);
    }

    /// <summary>Fits on raw rows: row-major features, class indices in [0, <paramref name="classCount"/>).</summary>
    internal SupportVectorModel Fit(double[] features, int[] labels, int dimensions, int classCount)
        => Fit(features, labels, dimensions, classCount, null);

    internal SupportVectorModel Fit(double[] features, int[] labels, int dimensions, int classCount, double[]? weights)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (features.Length != labels.Length * dimensions)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{features.Length} feature values for {labels.Length} rows of {dimensions}."),
                nameof(features));
        }

        ModelChecks.Finite(features, dimensions, nameof(features));

        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {i} has class {labels[i]}; classes are 0 to {classCount - 1}."),
                    nameof(labels));
            }
        }

        // The rows of positive weight by class, classes ascending, rows in order (libsvm's grouping).
        var byClass = Split.RowsByClass(labels, classCount);
        if (weights is not null)
        {
            for (var c = 0; c < classCount; c++)
            {
                byClass[c] = [.. byClass[c].Where(i => weights[i] > 0)];
            }
        }

        var classes = Enumerable.Range(0, classCount).Where(c => byClass[c].Length > 0).ToArray();
        if (classes.Length < 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The number of classes has to be greater than one; got {classes.Length} class with rows of positive weight."),
                nameof(labels));
        }

        var gamma = Gamma ?? ScaleGamma(features, dimensions);
        var pairList = new List<(int First, int Second)>();
        for (var a = 0; a < classes.Length; a++)
        {
            for (var b = a + 1; b < classes.Length; b++)
            {
                pairList.Add((a, b));
            }
        }

        var threads = ModelChecks.ThreadCount(MaxDegreeOfParallelism);
        var concurrent = Math.Max(1, Math.Min(threads, pairList.Count));
        var cacheBytes = (long)(CacheSizeMegabytes * (1 << 20) / concurrent);
        var parallel = ModelChecks.Options(MaxDegreeOfParallelism);

        // One problem at a time may spread its kernel columns over threads; several run side by side instead.
        var inner = pairList.Count == 1 ? parallel : new ParallelOptions { MaxDegreeOfParallelism = 1 };
        var results = new (int[] Support, double[] Coefficients, double Rho, int Iterations, bool HitLimit)[pairList.Count];

        // A thread's next problem reuses the per-row arrays of its last (at most one set per concurrent problem).
        var largest = pairList.Max(pair => byClass[classes[pair.First]].Length + byClass[classes[pair.Second]].Length);
        var workspaces = new System.Collections.Concurrent.ConcurrentBag<SvcWorkspace>();
        Parallel.For(0, pairList.Count, parallel, p =>
        {
            var (first, second) = pairList[p];
            var firstRows = byClass[classes[first]];
            var secondRows = byClass[classes[second]];
            var firstCount = firstRows.Length;
            var count = firstCount + secondRows.Length;
            var workspace = workspaces.TryTake(out var kept) ? kept : new SvcWorkspace(largest);
            workspace.Begin(count);
            var rows = workspace.Rows;
            firstRows.CopyTo(rows, 0);
            secondRows.CopyTo(rows, firstCount);
            var y = workspace.Labels;
            var upper = workspace.UpperBounds;
            for (var k = 0; k < count; k++)
            {
                y[k] = k < firstCount ? (sbyte)1 : (sbyte)-1;
                upper[k] = C * (weights?[rows[k]] ?? 1.0);
            }

            using (var q = new SvcQMatrix(features, rows, count, dimensions, y, Kernel, gamma, cacheBytes, inner, workspace))
            {
                var (support, coefficients, rho, iterations, hitLimit) = SmoSolver.Solve(q, y, upper, Tolerance, Shrinking, MaxIterations);
                for (var s = 0; s < support.Length; s++)
                {
                    support[s] = rows[support[s]];
                }

                results[p] = (support, coefficients, rho, iterations, hitLimit);
            }

            workspaces.Add(workspace);
        });

        // The per-row arrays die here, before the model's arrays are made: a collection those trigger then frees
        // them, where with the bag still holding them it kept them to the end (SVM-SMOTE on 200 000 x 20 rows then
        // peaked at 2.1-2.3 times its input; now 1.8-1.9).
        workspaces.Clear();

        // Support vectors: rows with a non-zero coefficient in any pairwise problem, ascending.
        var isSupport = new bool[labels.Length];
        foreach (var result in results)
        {
            foreach (var row in result.Support)
            {
                isSupport[row] = true;
            }
        }

        var supportIndices = Enumerable.Range(0, labels.Length).Where(i => isSupport[i]).ToArray();
        var supportVectors = new double[supportIndices.Length * dimensions];
        for (var s = 0; s < supportIndices.Length; s++)
        {
            Array.Copy(features, supportIndices[s] * dimensions, supportVectors, s * dimensions, dimensions);
        }

        var pairs = new SupportVectorModel.Pair[results.Length];
        var hitAnyLimit = false;
        for (var p = 0; p < results.Length; p++)
        {
            var result = results[p];
            pairs[p] = new SupportVectorModel.Pair(
                pairList[p].First,
                pairList[p].Second,
                [.. result.Support.Select(row => Array.BinarySearch(supportIndices, row))],
                result.Coefficients,
                result.Rho,
                result.Iterations);
            hitAnyLimit |= result.HitLimit;
        }

        return new SupportVectorModel(classCount, dimensions, Kernel, gamma, classes, supportIndices, supportVectors, pairs, hitAnyLimit);
    }

    /// <summary>scikit-learn's <c>gamma='scale'</c>: 1 / (features × variance of every feature value), 1 when constant.</summary>
    private static double ScaleGamma(double[] features, int dimensions)
    {
        var mean = 0.0;
        foreach (var value in features)
        {
            mean += value;
        }

        mean /= features.Length;
        var variance = 0.0;
        foreach (var value in features)
        {
            var t = value - mean;
            variance += t * t;
        }

        variance /= features.Length;
        return variance != 0 ? 1.0 / (dimensions * variance) : 1.0;
    }
}
