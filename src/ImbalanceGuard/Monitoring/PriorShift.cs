using ImbalanceGuard.Calibration;
using ImbalanceGuard.Evaluation;

namespace ImbalanceGuard.Monitoring;

/// <summary>
/// Estimates today's positive rate from a model's scores on unlabelled data, when only the class balance has moved (a
/// prior, or label, shift: fraud up, the same frauds). No reference toolkit does this, and it decides what a deployed
/// threshold now does to the alert queue.
/// </summary>
/// <remarks>
/// The scores are first recalibrated on the labelled reference (Platt scaling of their logit), so that they are
/// posteriors at the reference's positive rate, which EM assumes. EM (Saerens, Latinne and Decaestecker 2002) then
/// alternates: correct every current posterior to the rate of the last step, take their mean as the next rate, until it
/// moves by less than 1e-10. The 95 % interval is the 2.5th and 97.5th percentiles of the estimate over bootstrap
/// resamples of both files (each refits the recalibration). With a threshold, black-box shift estimation (Lipton et al.
/// 2018) solves flagged share = rate · TPR + (1 − rate) · FPR with the reference's TPR and FPR there.
/// </remarks>
public static class PriorShift
{
    private const int MaxIterations = 10_000;
    private const double Tolerance = 1e-10;

    /// <summary>Today's positive rate from the <paramref name="current"/> scores, given labelled <paramref name="reference"/> scores of the same model.</summary>
    /// <param name="reference">Labelled rows the model scored, from the distribution it was validated on (a holdout).</param>
    /// <param name="current">The model's scores on today's rows, unlabelled.</param>
    /// <param name="options">The deployed threshold and the bootstrap; null for the defaults.</param>
    /// <exception cref="ArgumentException">
    /// The reference lacks a class, a score is not a probability in [0, 1], or <paramref name="current"/> is empty.
    /// </exception>
    public static PriorShiftEstimate Estimate(BinaryScores reference, IReadOnlyList<double> current, PriorShiftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= new PriorShiftOptions();
        reference.RequireBothClasses("A prior-shift estimate");
        reference.RequireProbabilities("A prior-shift estimate");
        if (current.Count == 0)
        {
            throw new ArgumentException("A prior-shift estimate needs current scores; there are none.", nameof(current));
        }

        for (var i = 0; i < current.Count; i++)
        {
            if (!(current[i] is >= 0 and <= 1))
            {
                throw new ArgumentException($"Current score {i} is {current[i]}; a prior-shift estimate needs probabilities in [0, 1].", nameof(current));
            }
        }

        var referenceLogits = Logits(reference.Scores);
        var currentLogits = Logits(current);
        var referenceRate = reference.PositiveWeight / (reference.PositiveWeight + reference.NegativeWeight);
        var recalibration = PlattScaling.Fit(BinaryScores.Create(reference.IsPositive, referenceLogits, reference.HasWeights ? reference.Weights : default));
        var (rate, iterations) = Em(currentLogits, recalibration, referenceRate);
        var (low, high) = Interval(reference, referenceLogits, currentLogits, options, rate);

        double? tpr = null, fpr = null, flagged = null, blackBox = null;
        if (options.Threshold is { } threshold)
        {
            var decision = BinaryConfusion.At(reference, threshold);
            tpr = decision.Recall;
            fpr = decision.FalsePositiveRate;
            flagged = current.Count(s => s >= threshold) / (double)current.Count;
            blackBox = tpr == fpr ? null : Math.Clamp((flagged.Value - fpr.Value) / (tpr.Value - fpr.Value), 0, 1);
        }

        return new PriorShiftEstimate(referenceRate, rate, low, high, iterations, recalibration, options.Threshold, tpr, fpr, flagged, blackBox);
    }

    /// <summary>The logit of a probability, clamped so that 0 and 1 stay finite.</summary>
    internal static double Logit(double p)
    {
        var clamped = Math.Clamp(p, 1e-15, 1 - 1e-15);
        return Math.Log(clamped / (1 - clamped));
    }

    private static double[] Logits(IEnumerable<double> scores) => [.. scores.Select(Logit)];

    private static double[] Logits(ReadOnlySpan<double> scores)
    {
        var logits = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            logits[i] = Logit(scores[i]);
        }

        return logits;
    }

    /// <summary>EM from <paramref name="start"/> (the reference rate unless given): the fixed point of "rate = mean posterior corrected to rate".</summary>
    private static (double Rate, int Iterations) Em(double[] currentLogits, PlattScaling recalibration, double referenceRate, double? start = null)
    {
        var posteriors = new double[currentLogits.Length];
        for (var i = 0; i < posteriors.Length; i++)
        {
            posteriors[i] = recalibration.Calibrate(currentLogits[i]);
        }

        var rate = start ?? referenceRate;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var up = rate / referenceRate;
            var down = (1 - rate) / (1 - referenceRate);
            var sum = 0.0;
            foreach (var p in posteriors)
            {
                var positive = up * p;
                var total = positive + (down * (1 - p));
                sum += total == 0 ? 0 : positive / total;
            }

            var next = sum / posteriors.Length;
            if (Math.Abs(next - rate) < Tolerance)
            {
                return (next, iteration);
            }

            rate = next;
        }

        return (rate, MaxIterations);
    }

    /// <summary>The 95 % percentile interval over bootstrap resamples of both files; each sample has its own seeded stream.</summary>
    private static (double Low, double High) Interval(BinaryScores reference, double[] referenceLogits, double[] currentLogits, PriorShiftOptions options, double estimate)
    {
        var estimates = new double[options.BootstrapSamples];
        Parallel.For(0, estimates.Length, b =>
        {
            var random = SeededRandom.Fork(options.Seed, b);
            var positive = new bool[referenceLogits.Length];
            var logits = new double[referenceLogits.Length];
            var weights = reference.HasWeights ? new double[referenceLogits.Length] : null;
            for (var i = 0; i < logits.Length; i++)
            {
                var row = random.NextInt(logits.Length);
                positive[i] = reference.IsPositive[row];
                logits[i] = referenceLogits[row];
                if (weights is not null)
                {
                    weights[i] = reference.Weight(row);
                }
            }

            var current = new double[currentLogits.Length];
            for (var i = 0; i < current.Length; i++)
            {
                current[i] = currentLogits[random.NextInt(current.Length)];
            }

            var sample = BinaryScores.Create(positive, logits, weights);
            if (sample.PositiveWeight == 0 || sample.NegativeWeight == 0)
            {
                estimates[b] = double.NaN; // a resample without a class says nothing; it is left out
                return;
            }

            var rate = sample.PositiveWeight / (sample.PositiveWeight + sample.NegativeWeight);
            // Started at the full data's estimate, which a resample's fixed point lies near: the same answer in fewer steps.
            estimates[b] = Em(current, PlattScaling.Fit(sample), rate, start: estimate).Rate;
        });

        var defined = estimates.Where(e => !double.IsNaN(e)).ToArray();
        return (NumpyReduce.Percentile(defined, 2.5), NumpyReduce.Percentile(defined, 97.5));
    }
}
