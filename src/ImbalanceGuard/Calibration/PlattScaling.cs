using ImbalanceGuard.Evaluation;
using ImbalanceGuard.Optimization;

namespace ImbalanceGuard.Calibration;

/// <summary>
/// Platt scaling (Platt 1999): calibrated probability = 1 / (1 + exp(A·score + B)), with A and B fitted by
/// maximum likelihood on scores the model did not train on, against Platt's smoothed targets
/// (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) rather than 1 and 0, so that a perfectly separated calibration set
/// does not drive A to infinity. Fitted as scikit-learn's <c>CalibratedClassifierCV(method="sigmoid")</c>
/// does (BFGS from the same start), so A and B agree with it to many digits.
/// </summary>
public sealed class PlattScaling : IProbabilityCalibrator
{
    private PlattScaling(double a, double b)
    {
        A = a;
        B = b;
    }

    /// <summary>The slope of the sigmoid (negative when higher scores mean more likely positive).</summary>
    public double A { get; }

    /// <summary>The offset of the sigmoid.</summary>
    public double B { get; }

    /// <summary>A calibrator with known parameters.</summary>
    public static PlattScaling FromParameters(double a, double b)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Platt parameters must be finite numbers.");
        }

        return new PlattScaling(a, b);
    }

    /// <summary>Fits A and B on <paramref name="calibration"/>: scores of rows the model did not train on.</summary>
    /// <exception cref="ArgumentException">The data lacks a class.</exception>
    public static PlattScaling Fit(BinaryScores calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        calibration.RequireBothClasses("Platt scaling");
        var scores = calibration.Scores.ToArray();
        var positive = calibration.IsPositive.ToArray();
        var weights = calibration.HasWeights ? calibration.Weights.ToArray() : null;
        var negatives = calibration.NegativeWeight;
        var positives = calibration.PositiveWeight;
        var targetPositive = (positives + 1.0) / (positives + 2.0);
        var targetNegative = 1.0 / (negatives + 2.0);

        double Objective(double[] ab, double[] gradient)
        {
            double loss = 0, da = 0, db = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var t = positive[i] ? targetPositive : targetNegative;
                var p = 1.0 / (1.0 + Math.Exp((ab[0] * scores[i]) + ab[1]));
                var w = weights?[i] ?? 1.0;
                loss -= w * ((t * Math.Log(p)) + ((1.0 - t) * Math.Log(1.0 - p)));
                var residual = w * (t - p);
                da += residual * scores[i];
                db += residual;
            }

            gradient[0] = da;
            gradient[1] = db;
            return loss;
        }

        var ab = Bfgs.Minimize(Objective, [0.0, Math.Log((negatives + 1.0) / (positives + 1.0))]);
        return new PlattScaling(ab[0], ab[1]);
    }

    /// <inheritdoc/>
    public double Calibrate(double score) => 1.0 / (1.0 + Math.Exp((A * score) + B));
}
