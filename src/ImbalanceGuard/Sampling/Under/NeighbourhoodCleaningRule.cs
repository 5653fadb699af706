namespace ImbalanceGuard.Sampling;

/// <summary>
/// The neighbourhood cleaning rule (Laurikkala 2001), as the paper states it and as imbalanced-learn does
/// since 0.12: removes (A1) the rows of targeted classes that edited nearest neighbours (mode vote over
/// <see cref="NNeighbors"/> neighbours) finds noisy, and (A2) the neighbours, from classes large enough to
/// clean, of every minority row that its <see cref="NNeighbors"/> nearest neighbours misclassify. A class
/// is large enough when it has more than <see cref="ThresholdCleaning"/> × the minority's rows. A row's
/// neighbours never include the row itself.
/// </summary>
public sealed class NeighbourhoodCleaningRule : Sampler
{
    private readonly int _nNeighbors = 3;
    private readonly double _thresholdCleaning = 0.5;

    /// <inheritdoc/>
    public override string Name => "ncr";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.Cleaning;

    /// <summary>The size of the neighbourhood (<c>n_neighbors</c>), default 3.</summary>
    public int NNeighbors
    {
        get => _nNeighbors;
        init => _nNeighbors = ParameterCheck.AtLeast(value, 1, "n_neighbors");
    }

    /// <summary>A class is cleaned around the minority only above this share of the minority's size (<c>threshold_cleaning</c>), default 0.5.</summary>
    public double ThresholdCleaning
    {
        get => _thresholdCleaning;
        init => _thresholdCleaning = ParameterCheck.NonNegative(value, "threshold_cleaning");
    }

    internal static NeighbourhoodCleaningRule FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        MaxDegreeOfParallelism = p.Threads(),
        NNeighbors = p.Int("n_neighbors", 3),
        ThresholdCleaning = p.Double("threshold_cleaning", 0.5),
    };

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        // A1: edited nearest neighbours with a mode vote.
        var keep = EditedNearestNeighbours.Keep(input, targets, NNeighbors, KindSelection.Mode, Name);

        // A2: clean the neighbourhood of misclassified minority rows.
        var minority = input.MinorityByFirstAppearance;
        var counts = input.ClassCounts;
        var toClean = new bool[input.ClassCount];
        foreach (var c in targets.TargetedClasses)
        {
            toClean[c] = counts[c] > counts[minority] * ThresholdCleaning;
        }

        var minorityRows = input.RowsOfClass(minority);
        var neighbours = input.IndexAll().QueryRows(minorityRows, NNeighbors);
        var votes = new int[input.ClassCount];
        for (var i = 0; i < minorityRows.Length; i++)
        {
            var near = neighbours.Indices(i);
            if (ClassVote.Mode(near, input.Labels, votes) == minority)
            {
                continue;
            }

            foreach (var neighbour in near)
            {
                if (toClean[input.Labels[neighbour]])
                {
                    keep[neighbour] = false;
                }
            }
        }

        return SamplerOutput.KeepWhere(keep, input.Dimensions);
    }
}
