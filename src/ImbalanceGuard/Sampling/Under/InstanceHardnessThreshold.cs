using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Models;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// Instance hardness threshold (Smith, Martinez and Giraud-Carrier 2014; imbalanced-learn's
/// <c>InstanceHardnessThreshold</c>): a classifier's out-of-fold probability of each row's own class
/// (stratified <see cref="Cv"/>-fold cross-validation) measures how easy the row is; each targeted class
/// keeps its easiest rows, those at or above the percentile that leaves the number of rows the strategy asks
/// for (ties can keep a few more). Default classifier: a 100-tree random forest.
/// </summary>
public sealed class InstanceHardnessThreshold : SeededSampler
{
    private readonly int _cv = 5;

    /// <inheritdoc/>
    public override string Name => "iht";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.UnderSampling;

    /// <summary>The classifier whose probabilities measure hardness (<c>estimator</c>); default a random forest of 100 trees seeded with <see cref="SeededSampler.Seed"/>.</summary>
    public IClassifierTrainer? Estimator { get; init; }

    /// <summary>The number of cross-validation folds (<c>cv</c>), default 5.</summary>
    public int Cv
    {
        get => _cv;
        init => _cv = ParameterCheck.AtLeast(value, 2, "cv");
    }

    internal static InstanceHardnessThreshold FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        Cv = p.Int("cv", 5),
    };

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        if (input.RowCount < Cv)
        {
            throw new SamplingException($"{Name}: cv={Cv} folds need at least {Cv} rows; there are {input.RowCount}.");
        }

        var estimator = Estimator ?? new RandomForestClassifier { Trees = 100, Seed = Seed, MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        var fold = StratifiedKFold.AssignFolds(input.Labels, input.ClassCount, Cv, new SeededRandom(Seed));
        var ownClassProbability = new double[input.RowCount];
        var probabilities = new double[input.ClassCount];
        int[]? inside = null, insideLabels = null, outside = null;
        for (var f = 0; f < Cv; f++)
        {
            inside = FoldRows(fold, f, inFold: false, inside);
            if (estimator is RandomForestClassifier forest)
            {
                // Only the held-out answers are needed: the forest answers tree by tree and is never held whole.
                outside = FoldRows(fold, f, inFold: true, outside);
                insideLabels = insideLabels?.Length == inside.Length ? insideLabels : new int[inside.Length];
                for (var i = 0; i < inside.Length; i++)
                {
                    insideLabels[i] = input.Labels[inside[i]];
                }

                var answers = forest.FitAndPredict(input.Features, input.Dimensions, inside, insideLabels, input.ClassCount, outside);
                for (var i = 0; i < outside.Length; i++)
                {
                    ownClassProbability[outside[i]] = answers[(i * input.ClassCount) + input.Labels[outside[i]]];
                }

                continue;
            }

            var model = estimator.Fit(input.TrainingSubset(inside));
            for (var r = 0; r < input.RowCount; r++)
            {
                if (fold[r] == f)
                {
                    model.PredictProbabilities(input.Row(r), probabilities);
                    ownClassProbability[r] = probabilities[input.Labels[r]];
                }
            }
        }

        var keep = new bool[input.RowCount];
        for (var c = 0; c < input.ClassCount; c++)
        {
            var rows = input.RowsOfClass(c);
            if (!targets.Targets(c))
            {
                foreach (var r in rows)
                {
                    keep[r] = true;
                }

                continue;
            }

            var scores = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                scores[i] = ownClassProbability[rows[i]];
            }

            var threshold = NumpyReduce.Percentile(scores, (1.0 - (targets[c] / (double)rows.Length)) * 100.0);
            foreach (var r in rows)
            {
                keep[r] = ownClassProbability[r] >= threshold;
            }
        }

        return SamplerOutput.KeepWhere(keep, input.Dimensions);
    }

    /// <summary>
    /// The rows in fold <paramref name="f"/> (or out of it), ascending; in <paramref name="previous"/> when that
    /// has the right length, as it has when folds are of equal size, so the folds share one array.
    /// </summary>
    private static int[] FoldRows(int[] fold, int f, bool inFold, int[]? previous)
    {
        var count = 0;
        foreach (var k in fold)
        {
            count += (k == f) == inFold ? 1 : 0;
        }

        var rows = previous?.Length == count ? previous : new int[count];
        var next = 0;
        for (var r = 0; r < fold.Length; r++)
        {
            if ((fold[r] == f) == inFold)
            {
                rows[next++] = r;
            }
        }

        return rows;
    }
}
