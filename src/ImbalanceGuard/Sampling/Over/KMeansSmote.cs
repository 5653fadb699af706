using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using ImbalanceGuard.Models;

using ImbalanceGuard.Neighbors;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// KMeans-SMOTE (Douzas, Bacao and Last 2018; imbalanced-learn's <c>KMeansSMOTE</c>): clusters all rows with
/// k-means (mini-batch k-means by default, as imbalanced-learn), keeps the clusters where the class is frequent enough (<see cref="ClusterBalanceThreshold"/>) and
/// has more than <see cref="KNeighbors"/> rows, shares the new rows among them in proportion to their
/// sparsity (mean distance between the class's rows to the power <see cref="DensityExponent"/>, over their
/// count) — sparse clusters get more — and runs SMOTE inside each. The shares are apportioned so the total
/// is exactly the target (imbalanced-learn rounds each up). The automatic density exponent uses the number
/// of features, as the paper defines it (imbalanced-learn 0.10 uses the number of rows).
/// </summary>
public sealed class KMeansSmote : SeededSampler
{
    private readonly int _kNeighbors = 2;
    private readonly int _clusters = 8;
    private readonly double? _clusterBalanceThreshold;
    private readonly double? _densityExponent;

    /// <inheritdoc/>
    public override string Name => "kmeans-smote";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    /// <summary>The neighbours a new row may be drawn towards inside a cluster (<c>k_neighbors</c>), default 2.</summary>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = ParameterCheck.AtLeast(value, 1, "k_neighbors");
    }

    /// <summary>The number of k-means clusters (<c>kmeans_estimator</c> as a number), default 8.</summary>
    public int Clusters
    {
        get => _clusters;
        init => _clusters = ParameterCheck.AtLeast(value, 1, "kmeans_estimator");
    }

    /// <summary>
    /// A configured clusterer to use instead of the default, a <see cref="MiniBatchKMeans"/> with <see cref="Clusters"/>
    /// clusters as imbalanced-learn's (<c>kmeans_estimator</c>); a full <see cref="KMeans"/> fits tighter clusters, slower.
    /// </summary>
    public IKMeansEstimator? KMeansEstimator { get; init; }

    /// <summary>
    /// The class share above which a cluster is over-sampled (<c>cluster_balance_threshold</c>); null for
    /// "auto": half the class's share of all rows to be made.
    /// </summary>
    public double? ClusterBalanceThreshold
    {
        get => _clusterBalanceThreshold;
        init => _clusterBalanceThreshold = value is null ? null : ParameterCheck.InRange(value.Value, 0, 1, "cluster_balance_threshold");
    }

    /// <summary>The exponent of the density estimate (<c>density_exponent</c>); null for "auto": log₁.₆(features)^1.8 × 0.16.</summary>
    public double? DensityExponent
    {
        get => _densityExponent;
        init => _densityExponent = value is null ? null : ParameterCheck.NonNegative(value.Value, "density_exponent");
    }

    internal static KMeansSmote FromParameters(SamplerParameters p)
    {
        var threshold = p.Text("cluster_balance_threshold");
        var exponent = p.Text("density_exponent");
        return new KMeansSmote
        {
            SamplingStrategy = p.Strategy(),
            Seed = p.Seed(),
            MaxDegreeOfParallelism = p.Threads(),
            KNeighbors = p.Int("k_neighbors", 2),
            Clusters = p.Int("kmeans_estimator", 8),
            ClusterBalanceThreshold = threshold is null or "auto" ? null : p.DoubleOrNull("cluster_balance_threshold"),
            DensityExponent = exponent is null or "auto" ? null : p.DoubleOrNull("density_exponent"),
        };
    }

    /// <inheritdoc/>
    public override bool InterpolatesFeatures => true;

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var kmeans = KMeansEstimator ?? new MiniBatchKMeans { Clusters = Clusters, Seed = Seed, MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        if (kmeans.Clusters > input.RowCount)
        {
            throw new SamplingException(
                string.Create(CultureInfo.InvariantCulture, $"{Name}: {kmeans.Clusters} clusters were asked for, but there are only {Plural.Rows(input.RowCount)}."));
        }

        // The library's own clusterers read the rows where they are; any other gets them as a span.
        var fit = kmeans switch
        {
            MiniBatchKMeans miniBatch => miniBatch.FitInPlace(input.Features, input.Dimensions),
            KMeans full => full.FitInPlace(input.Features, input.Dimensions),
            _ => kmeans.Fit(input.Features, input.Dimensions),
        };
        var clusterOf = fit.Labels.ToArray();
        var members = Split.RowsByClass(clusterOf, kmeans.Clusters);
        var random = new SeededRandom(Seed);
        var totalWanted = targets.TargetedClasses.Sum(c => Math.Max(targets[c], 0));
        var synthetic = new SyntheticRows(input.Dimensions, totalWanted);
        var exponent = DensityExponent ?? (Math.Pow(Math.Log(input.Dimensions, 1.6), 1.8) * 0.16);
        foreach (var c in targets.TargetedClasses)
        {
            var wanted = targets[c];
            if (wanted == 0)
            {
                continue;
            }

            var threshold = ClusterBalanceThreshold ?? (wanted / (double)totalWanted / 2);
            var valid = new List<int[]>();
            var sparsity = new List<double>();
            foreach (var cluster in members)
            {
                if (cluster.Length == 0)
                {
                    continue;
                }

                int[] classRows = [.. cluster.Where(r => input.Labels[r] == c)];
                if ((double)classRows.Length / cluster.Length < threshold || classRows.Length < KNeighbors + 1)
                {
                    continue;
                }

                valid.Add(classRows);
                sparsity.Add(Sparsity(input, classRows, exponent));
            }

            if (valid.Count == 0)
            {
                throw new SamplingException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Name}: no cluster has enough rows of class '{input.ClassNames[c]}' (a share of at least {threshold:G4} and k_neighbors + 1 = {KNeighbors + 1} rows). Lower cluster_balance_threshold or k_neighbors, or change the number of clusters (kmeans_estimator)."));
            }

            var shares = Apportion(sparsity, wanted);
            for (var v = 0; v < valid.Count; v++)
            {
                var neighbours = SmoteGeneration.NeighboursWithin(input, valid[v], KNeighbors);
                SmoteGeneration.Interpolate(input, valid[v], neighbours, KNeighbors, shares[v], 1.0, c, Name, random, synthetic);
            }
        }

        return SamplerOutput.KeepAll(input, synthetic);
    }

    /// <summary>Mean distance between distinct rows to the power <paramref name="exponent"/>, over the row count.</summary>
    private static double Sparsity(SamplerInput input, int[] rows, double exponent)
    {
        // The class's rows gathered feature-major: the pairs are read from a few hundred kilobytes rather than
        // from rows scattered over the whole matrix, and four later rows' features load as one vector. Per-row
        // sums in parallel, added in row order: the same bits whatever the thread count.
        var d = input.Dimensions;
        var count = rows.Length;
        var byFeature = new double[count * d];
        for (var r = 0; r < count; r++)
        {
            var row = input.Row(rows[r]);
            for (var f = 0; f < d; f++)
            {
                byFeature[(f * count) + r] = row[f];
            }
        }

        var perRow = new double[count];
        var work = (long)count * count / 2 * d;
        Parallel.For(0, count, ParallelWork.For(work, input.Parallel), i => perRow[i] = DistancesToLaterRows(byFeature, i, count, d));
        var mean = 2 * perRow.Sum() / ((double)count * (count - 1));
        return Math.Pow(mean, exponent) / count;
    }

    /// <summary>
    /// The sum of the distances from row <paramref name="i"/> to every later row, in row order, each distance
    /// summed over the features in order (<see cref="Neighbors.SquaredEuclidean"/>'s bits); <paramref name="byFeature"/>
    /// holds feature f of row r at f × count + r, so four later rows are measured side by side.
    /// </summary>
    // Most of KMeans-SMOTE's time is here, in one short run: compiled optimised at once, not tier by tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double DistancesToLaterRows(double[] byFeature, int i, int count, int d)
    {
        var sum = 0.0;
        var j = i + 1;
        var width = Vector<double>.Count;
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        for (; j + width <= count; j += width)
        {
            var squares = Vector<double>.Zero;
            for (var f = 0; f < d; f++)
            {
                var t = new Vector<double>(byFeature[(f * count) + i]) - new Vector<double>(byFeature, (f * count) + j);
                squares += t * t;
            }

            Vector.SquareRoot(squares).CopyTo(lanes);
            for (var l = 0; l < width; l++)
            {
                sum += lanes[l];
            }
        }

        for (; j < count; j++)
        {
            var square = 0.0;
            for (var f = 0; f < d; f++)
            {
                var t = byFeature[(f * count) + i] - byFeature[(f * count) + j];
                square += t * t;
            }

            sum += Math.Sqrt(square);
        }

        return sum;
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>, by largest remainder.</summary>
    internal static int[] Apportion(IReadOnlyList<double> weights, int total)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum > 0 ? w / sum * total : (double)total / weights.Count).ToArray();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - shares.Sum();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - shares[i]).ThenBy(i => i).Take(left))
        {
            shares[i]++;
        }

        return shares;
    }
}
