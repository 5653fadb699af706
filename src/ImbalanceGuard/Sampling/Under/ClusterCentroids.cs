using ImbalanceGuard.Models;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// Cluster centroids (Yen and Lee 2009; imbalanced-learn's <c>ClusterCentroids</c>): shrinks each targeted
/// class to the number of rows the strategy asks for by clustering it with k-means into that many clusters
/// and keeping one row per cluster — the centroid (<see cref="CentroidVoting.Soft"/>, the default: a
/// synthetic row whose parents are the cluster's rows) or the real row nearest to it
/// (<see cref="CentroidVoting.Hard"/>).
/// </summary>
public sealed class ClusterCentroids : SeededSampler
{
    /// <inheritdoc/>
    public override string Name => "cluster-centroids";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.UnderSampling;

    /// <summary>Centroids or the rows nearest to them (<c>voting</c>), default <see cref="CentroidVoting.Soft"/>.</summary>
    public CentroidVoting Voting { get; init; } = CentroidVoting.Soft;

    /// <summary>The k-means settings (<c>estimator</c>); its cluster count is set per class. Default: k-means with <see cref="SeededSampler.Seed"/>.</summary>
    public KMeans? Estimator { get; init; }

    internal static ClusterCentroids FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        Voting = p.Choice("voting", CentroidVoting.Soft, ("auto", CentroidVoting.Soft), ("soft", CentroidVoting.Soft), ("hard", CentroidVoting.Hard)),
    };

    /// <inheritdoc/>
    public override bool InterpolatesFeatures => Voting == CentroidVoting.Soft;

    private protected override string MixesFeatures => "averages rows into centroids";

    // Hard voting keeps real rows, so it is the fix that keeps the sampler.
    private protected override (string Alternative, string Advice) CategoricalAlternative(bool everyFeatureCategorical)
        => ("voting=hard", "set voting=hard (CentroidVoting.Hard), which keeps the real row nearest each centroid");

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var kept = new List<int>(input.RowCount);
        var synthetic = new SyntheticRows(input.Dimensions, targets.TargetedClasses.Sum(c => Math.Max(targets[c], 0)));
        for (var c = 0; c < input.ClassCount; c++)
        {
            var rows = input.RowsOfClass(c);
            if (!targets.Targets(c))
            {
                kept.AddRange(rows);
                continue;
            }

            var wanted = targets[c];
            if (wanted == 0)
            {
                continue;
            }

            var kmeans = new KMeans
            {
                Clusters = wanted,
                InitRuns = Estimator?.InitRuns ?? 1,
                MaxIterations = Estimator?.MaxIterations ?? 300,
                Tolerance = Estimator?.Tolerance ?? 1e-4,
                Seed = Estimator?.Seed ?? Seed,
                MaxDegreeOfParallelism = MaxDegreeOfParallelism,
            };
            // The class's rows are clustered and searched where they are, not gathered into a copy.
            var fit = kmeans.FitRows(input.Features, rows, input.Dimensions);
            var classIndex = input.IndexOf(rows);
            if (Voting == CentroidVoting.Hard)
            {
                var nearest = classIndex.Query(fit.Centroids, 1).RawIndices;
                classIndex.ReleaseSearchBuffers();
                kept.AddRange(nearest.Select(i => rows[i]));
                continue;
            }

            var members = Split.RowsByClass(fit.Labels, wanted);
            for (var cluster = 0; cluster < wanted; cluster++)
            {
                // A centroid stands for its cluster's rows; should k-means leave a cluster empty, for the row nearest to it.
                int[] parents = members[cluster].Length > 0
                    ? [.. members[cluster].Select(i => rows[i])]
                    : [rows[classIndex.Query(fit.GetCentroid(cluster), 1).RawIndices[0]]];
                synthetic.Add(fit.GetCentroid(cluster), c, Name, parents);
            }
        }

        kept.Sort();
        return new SamplerOutput([.. kept], synthetic);
    }
}
