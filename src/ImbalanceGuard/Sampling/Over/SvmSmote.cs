using ImbalanceGuard.Models;

namespace ImbalanceGuard.Sampling;

/// <summary>
/// SVM-SMOTE (Nguyen, Cooper and Kamei 2011; imbalanced-learn's <c>SVMSMOTE</c>): an SVM finds the border;
/// its support vectors of the class seed the new rows. Support vectors whose <see cref="MNeighbors"/>
/// nearest rows are all of other classes are noise and dropped; those in danger (at least half of their
/// neighbours of other classes) interpolate towards their <see cref="KNeighbors"/> nearest class rows; the
/// safe ones extrapolate away from them, up to <see cref="OutStep"/> of the way. A Beta(10, 10) share goes to
/// the danger side. When one side is empty the other makes every row, so counts reach the target exactly
/// (imbalanced-learn then makes fewer).
/// </summary>
public sealed class SvmSmote : SeededSampler
{
    private readonly int _kNeighbors = 5;
    private readonly int _mNeighbors = 10;
    private readonly double _outStep = 0.5;
    private const int UsefulCachedColumns = 128;

    /// <inheritdoc/>
    public override string Name => "svm-smote";

    /// <inheritdoc/>
    public override SamplingKind Kind => SamplingKind.OverSampling;

    /// <summary>The neighbours a new row may be drawn towards (<c>k_neighbors</c>), default 5.</summary>
    public int KNeighbors
    {
        get => _kNeighbors;
        init => _kNeighbors = ParameterCheck.AtLeast(value, 1, "k_neighbors");
    }

    /// <summary>The neighbourhood that decides danger and noise (<c>m_neighbors</c>), default 10.</summary>
    public int MNeighbors
    {
        get => _mNeighbors;
        init => _mNeighbors = ParameterCheck.AtLeast(value, 1, "m_neighbors");
    }

    /// <summary>How far safe support vectors extrapolate (<c>out_step</c>), default 0.5.</summary>
    public double OutStep
    {
        get => _outStep;
        init => _outStep = ParameterCheck.NonNegative(value, "out_step");
    }

    /// <summary>
    /// The SVM that finds the support vectors (<c>svm_estimator</c>); default an RBF SVM with C = 1 and gamma "scale"
    /// whose kernel cache is half the input matrix, between 16 MB and scikit-learn's 200 MB, or only two kernel
    /// columns when that would hold fewer than 128 (on long problems a few cached columns do not pay).
    /// </summary>
    public SupportVectorClassifier? SvmEstimator { get; init; }

    internal static SvmSmote FromParameters(SamplerParameters p) => new()
    {
        SamplingStrategy = p.Strategy(),
        Seed = p.Seed(),
        MaxDegreeOfParallelism = p.Threads(),
        KNeighbors = p.Int("k_neighbors", 5),
        MNeighbors = p.Int("m_neighbors", 10),
        OutStep = p.Double("out_step", 0.5),
    };

    /// <summary>
    /// The default SVM's kernel cache: half the input matrix, between 16 MB and scikit-learn's 200 MB, when that
    /// holds at least <see cref="UsefulCachedColumns"/> whole kernel columns; otherwise libsvm's floor of two. The
    /// cache only spares recomputing columns (the fit is the same at any size), and a few columns of a long
    /// problem are evicted before they are asked for again: measured, 200 columns (20 000 rows, 16 MB) made the
    /// fit about 20 % faster than two, while 80 (50 000 rows) and 20 (200 000 rows) made it no faster, only
    /// larger: on 200 000 rows the 16 MB were half of what kept the sampler's peak over twice its input.
    /// </summary>
    private static double DefaultCacheMegabytes(SamplerInput input)
    {
        var inputMegabytes = (double)input.RowCount * input.Dimensions * sizeof(double) / (1 << 20);
        var budget = Math.Clamp(inputMegabytes / 2, 16, 200);
        var columnMegabytes = (double)input.RowCount * sizeof(float) / (1 << 20);
        return budget >= UsefulCachedColumns * columnMegabytes ? budget : 2 * columnMegabytes;
    }

    internal override IEnumerable<RowNeed> RowNeeds(SamplingTargets targets) => PerGrownClass(targets, KNeighbors + 1, "k_neighbors", KNeighbors);

    /// <inheritdoc/>
    public override bool InterpolatesFeatures => true;

    private protected override SamplerOutput ResampleCore(SamplerInput input, SamplingTargets targets)
    {
        var svm = SvmEstimator ?? new SupportVectorClassifier
        {
            MaxDegreeOfParallelism = MaxDegreeOfParallelism,
            CacheSizeMegabytes = DefaultCacheMegabytes(input),
        };
        var support = svm.Fit(input.Features, input.Labels, input.Dimensions, input.ClassCount).SupportIndices;
        var random = new SeededRandom(Seed);
        var synthetic = new SyntheticRows(input.Dimensions, targets.TargetedClasses.Sum(c => Math.Max(targets[c], 0)));
        foreach (var c in targets.TargetedClasses)
        {
            var wanted = targets[c];
            if (wanted == 0)
            {
                continue;
            }

            int[] classSupport = [.. support.Where(r => input.Labels[r] == c)];
            var (danger, noise) = BorderlineSmote.InDangerAndNoise(input, classSupport, c, MNeighbors, Name);
            var noisy = noise.ToHashSet();
            var dangerous = danger.ToHashSet();
            int[] safe = [.. classSupport.Where(r => !noisy.Contains(r) && !dangerous.Contains(r))];
            if (danger.Length + safe.Length == 0)
            {
                throw new SamplingException(
                    $"{Name}: every support vector of class '{input.ClassNames[c]}' is noise (all its neighbours belong to other classes). SVM-SMOTE does not suit this data; try another SMOTE variant.");
            }

            var fraction = random.NextBeta(10, 10);
            var towardsDanger = danger.Length == 0 ? 0 : safe.Length == 0 ? wanted : Math.Min(wanted, (int)(fraction * (wanted + 1)));
            var rows = input.RowsOfClass(c);
            if (towardsDanger > 0)
            {
                var neighbours = SmoteGeneration.Neighbours(input, danger, rows, KNeighbors);
                SmoteGeneration.Interpolate(input, danger, neighbours, KNeighbors, towardsDanger, 1.0, c, Name, random, synthetic);
            }

            if (wanted - towardsDanger > 0)
            {
                var neighbours = SmoteGeneration.Neighbours(input, safe, rows, KNeighbors);
                SmoteGeneration.Interpolate(input, safe, neighbours, KNeighbors, wanted - towardsDanger, -OutStep, c, Name, random, synthetic);
            }
        }

        return SamplerOutput.KeepAll(input, synthetic);
    }
}
